#pragma once

#include "contentlistmodel.h"

namespace passerelle {

/**
 * One page in force today, in a language: its blocks as rows, the page itself as
 * properties. Roles: kind, text, pictogram, target, number, serviceName,
 * serviceAddress, servicePhones, serviceHours, serviceContact (a MECARD for a QR code),
 * serviceUnverified, audio (a file path, empty when the block has none). Numbers and phones are isolated left-to-right
 * so they read correctly inside right-to-left text.
 */
class PageModel : public ContentListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString pageId READ pageId WRITE setPageId NOTIFY pageIdChanged FINAL)
    Q_PROPERTY(bool found READ found NOTIFY reloaded FINAL)
    Q_PROPERTY(QString title READ title NOTIFY reloaded FINAL)
    /** The audio file of the title spoken, empty when there is none. */
    Q_PROPERTY(QString titleAudio READ titleAudio NOTIFY reloaded FINAL)
    Q_PROPERTY(QString code READ code NOTIFY reloaded FINAL)
    Q_PROPERTY(QString pictogram READ pictogram NOTIFY reloaded FINAL)
    Q_PROPERTY(QString textLanguage READ textLanguage NOTIFY reloaded FINAL)
    /** True when the page has no text in the language asked for and shows the source language's (French). */
    Q_PROPERTY(bool untranslated READ untranslated NOTIFY reloaded FINAL)
    Q_PROPERTY(bool machineTranslated READ machineTranslated NOTIFY reloaded FINAL)
    Q_PROPERTY(bool reviewed READ reviewed NOTIFY reloaded FINAL)
    Q_PROPERTY(QString verifiedText READ verifiedText NOTIFY reloaded FINAL)
    Q_PROPERTY(QStringList audioFiles READ audioFiles NOTIFY reloaded FINAL)
    /** The audio file of the footer spoken ("checked on <date>", the machine translation notice), or empty. */
    Q_PROPERTY(QString footerAudio READ footerAudio NOTIFY reloaded FINAL)
    /** What "listen" reads, in order: every block's audio file, then the footer's when it has one. */
    Q_PROPERTY(QStringList readingFiles READ readingFiles NOTIFY reloaded FINAL)
    Q_PROPERTY(QString webLink READ webLink NOTIFY reloaded FINAL)

public:
    explicit PageModel(QObject *parent = nullptr);

    [[nodiscard]] QString pageId() const { return m_pageId; }
    void setPageId(const QString &id);
    [[nodiscard]] bool found() const { return m_found; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString titleAudio() const { return m_titleAudio; }
    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] QString pictogram() const { return m_pictogram; }
    [[nodiscard]] QString textLanguage() const { return m_textLanguage; }
    [[nodiscard]] bool untranslated() const { return m_found && m_textLanguage != language(); }
    [[nodiscard]] bool machineTranslated() const { return m_review == QLatin1String("machine"); }
    [[nodiscard]] bool reviewed() const { return m_review == QLatin1String("reviewed"); }
    [[nodiscard]] QString verifiedText() const { return m_verifiedText; }
    /** The audio file of each block, in block order; empty where a block has none. */
    [[nodiscard]] QStringList audioFiles() const { return m_audioFiles; }
    [[nodiscard]] QString footerAudio() const { return m_footerAudio; }
    [[nodiscard]] QStringList readingFiles() const
    {
        return m_footerAudio.isEmpty() ? m_audioFiles : m_audioFiles + QStringList{m_footerAudio};
    }
    /** The page in the pack's web copy, for a QR code; empty when the pack has no web copy. */
    [[nodiscard]] QString webLink() const { return m_webLink; }

Q_SIGNALS:
    void pageIdChanged();

protected:
    [[nodiscard]] QList<QVariantList> loadRows() const override;

private:
    QString m_pageId;
    // Filled by loadRows(), which is const for the list but also describes the page.
    mutable bool m_found = false;
    mutable QString m_title;
    mutable QString m_titleAudio;
    mutable QString m_code;
    mutable QString m_pictogram;
    mutable QString m_textLanguage;
    mutable QString m_review;
    mutable QString m_verifiedText;
    mutable QStringList m_audioFiles;
    mutable QString m_footerAudio;
    mutable QString m_webLink;
};

} // namespace passerelle
