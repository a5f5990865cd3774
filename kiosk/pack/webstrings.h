#pragma once

#include <QString>
#include <QStringList>

#include <map>
#include <memory>

class QTranslator;

namespace passerelle::content {

/** The few words of the web copy that are not content: headings, footers, notices. */
enum class WebText {
    Home,
    Language,
    Emergency,
    WhatDoYouNeed,
    WhichPaper,
    UnknownStatusTitle,
    UnknownStatusHint,
    YourPaper,
    NothingApplies,
    InForceOn,
    CheckedOn,
    Sources,
    MachineTranslation,
    PageCode,
    NotTranslated,
    NotInForce,
    RuleFrom,
    RuleUntil,
    Listen,
    SyntheticVoice,
    ToCheck,
    Count
};

/**
 * The web copy's interface text per language, from Qt Linguist translations
 * (translations/web/web_<lang>.ts, compiled into the tool). The source strings are
 * English; a language without a translation reads them in English.
 */
class WebStrings
{
public:
    explicit WebStrings(const QStringList &languages);
    ~WebStrings();
    WebStrings(const WebStrings &) = delete;
    WebStrings &operator=(const WebStrings &) = delete;

    [[nodiscard]] QString text(const QString &lang, WebText id) const;
    /** Languages asked for that have no translation (they read English). */
    [[nodiscard]] QStringList untranslatedLanguages() const { return m_untranslated; }

private:
    std::map<QString, std::unique_ptr<QTranslator>> m_translators;
    QStringList m_untranslated;
};

} // namespace passerelle::content
