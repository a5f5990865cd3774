#pragma once

#include "contenttypes.h"
#include "pack.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace passerelle {

/**
 * The questions the kiosk asks of a pack. Text comes in the requested language and
 * falls back to the pack's source language (French) where a translation is missing.
 */
class Repository
{
public:
    /** Status id that sees only the pages meant for everyone ("I don't know / no paper"). */
    static inline const QString kUnknownStatus = QStringLiteral("unknown");

    explicit Repository(std::shared_ptr<const Pack> pack);

    [[nodiscard]] const Pack &pack() const { return *m_pack; }
    [[nodiscard]] QList<LanguageInfo> languages() const;
    [[nodiscard]] QString sourceLanguage() const;
    /** Where the pack's web copy is published (for QR codes), or empty. */
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] QList<TopicInfo> topics(const QString &lang) const;
    [[nodiscard]] std::optional<TopicInfo> topic(const QString &id, const QString &lang) const;
    [[nodiscard]] QList<ResidenceStatus> statuses(const QString &lang) const;

    /**
     * The pages of a topic that apply to a status and are in force on a date. An empty
     * status means "not chosen" (every page); kUnknownStatus means pages for everyone only.
     */
    [[nodiscard]] QList<PageSummary> pages(const QString &topic, const QString &status,
                                           const QString &lang, const QDate &date) const;
    /** The version of a page in force on a date. */
    [[nodiscard]] std::optional<PageDetail> page(const QString &id, const QString &lang,
                                                 const QDate &date) const;
    [[nodiscard]] QList<Block> blocks(qint64 pageKey, const QString &lang) const;
    /** Every page id (any version), in topic order: what --self-test and galleries visit. */
    [[nodiscard]] QStringList pageIds() const;
    /**
     * Pages whose title or text, in any language, contains every word of a query
     * (already folded with foldForSearch; each word also matches as a prefix), in force
     * on a date, titled in lang: title matches first, then text matches, each in pack order.
     */
    [[nodiscard]] QList<PageSummary> search(const QString &foldedQuery, const QString &lang, const QDate &date,
                                            int limit = 20) const;
    /**
     * The object hash of one of the kiosk's own labels spoken in lang, or empty. id is the
     * label's id, the slug of its source string ("home", "which-paper-do-you-have"); never
     * the text shown, which may carry more ("Emergency 112") or read like another label.
     */
    [[nodiscard]] QString labelAudio(const QString &id, const QString &lang) const;
    /** The text of the label id in lang, as the pack has it (what labelAudio says), or empty. */
    [[nodiscard]] QString labelText(const QString &id, const QString &lang) const;
    /** The object hashes of every synthetic (machine-made) clip of the pack. */
    [[nodiscard]] QSet<QString> syntheticAudio() const;
    /** The page id for a short code such as S2, or empty. */
    [[nodiscard]] QString pageIdForCode(const QString &code) const;

    [[nodiscard]] std::optional<ServiceInfo> service(const QString &id, const QString &lang) const;
    /** Every service id, sorted: what --self-test and galleries visit. */
    [[nodiscard]] QStringList serviceIds() const;
    /** The object file of a pictogram, empty when the pack has no such pictogram. */
    [[nodiscard]] QString pictogramPath(const QString &name) const;
    [[nodiscard]] QString pictogramLabel(const QString &name, const QString &lang) const;

private:
    [[nodiscard]] QString textLanguage(const QString &table, const QString &keyColumn,
                                       const QString &key, const QString &lang) const;

    std::shared_ptr<const Pack> m_pack;
    QString m_sourceLanguage;
};

} // namespace passerelle
