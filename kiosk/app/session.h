#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace passerelle {

class Repository;

/**
 * The visitor's session: language, residence status and display modes. Nothing in it
 * is ever written anywhere; reset() puts everything back for the next person.
 */
class Session : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged FINAL)
    Q_PROPERTY(bool rightToLeft READ rightToLeft NOTIFY languageChanged FINAL)
    Q_PROPERTY(QString fontFamily READ fontFamily NOTIFY languageChanged FINAL)
    Q_PROPERTY(QString sourceLanguage READ sourceLanguage CONSTANT FINAL)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY statusChanged FINAL)
    Q_PROPERTY(bool largeText READ largeText WRITE setLargeText NOTIFY largeTextChanged FINAL)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY highContrastChanged FINAL)
    /** A social worker beside the visitor: pages side by side with French, search, jump codes. */
    Q_PROPERTY(bool workerMode READ workerMode WRITE setWorkerMode NOTIFY workerModeChanged FINAL)
    /** Pages show each block in French beside the visitor's language: worker mode, in another language than French. */
    Q_PROPERTY(bool sideBySide READ sideBySide NOTIFY sideBySideChanged FINAL)

public:
    /** languageApplier installs the UI translation for a language (see UiTranslator). */
    Session(const Repository &repository, QString defaultLanguage,
            std::function<void(const QString &)> languageApplier, QObject *parent = nullptr);

    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &code);
    [[nodiscard]] bool rightToLeft() const { return m_rightToLeft; }
    [[nodiscard]] QString fontFamily() const { return m_fontFamily; }
    [[nodiscard]] QString sourceLanguage() const;
    [[nodiscard]] QString status() const { return m_status; }
    void setStatus(const QString &status);
    [[nodiscard]] bool largeText() const { return m_largeText; }
    void setLargeText(bool on);
    [[nodiscard]] bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    [[nodiscard]] bool workerMode() const { return m_workerMode; }
    void setWorkerMode(bool on);
    [[nodiscard]] bool sideBySide() const { return m_workerMode && m_language != sourceLanguage(); }

    /** Forgets everything about the current visitor; then emits cleared(). */
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void languageChanged();
    void statusChanged();
    void largeTextChanged();
    void highContrastChanged();
    void workerModeChanged();
    void sideBySideChanged();
    /**
     * The visitor has been forgotten (new visitor, idle reset): whatever QML holds of
     * them outside the session (a social worker's typed search or page code) goes too.
     */
    void cleared();

private:
    const Repository &m_repository;
    QString m_defaultLanguage;
    std::function<void(const QString &)> m_applyLanguage;
    QString m_language;
    bool m_rightToLeft = false;
    QString m_fontFamily;
    QString m_status;
    bool m_largeText = false;
    bool m_highContrast = false;
    bool m_workerMode = false;
};

} // namespace passerelle
