#include "webstrings.h"

#include <QCoreApplication>
#include <QTranslator>

#include <array>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

// The context lupdate files these under; the order follows enum WebText.
constexpr const char *kContext = "WebExport";

const std::array<const char *, std::size_t(WebText::Count)> kSources{
    //: Navigation link back to the topics of the home page
    QT_TRANSLATE_NOOP("WebExport", "Home"),
    //: Navigation link to the list of languages
    QT_TRANSLATE_NOOP("WebExport", "Language"),
    //: Navigation link that calls the emergency number 112
    QT_TRANSLATE_NOOP("WebExport", "Emergency"),
    //: Home page heading above the four topics
    QT_TRANSLATE_NOOP("WebExport", "What do you need?"),
    //: Link and heading: choose which residence document you hold
    QT_TRANSLATE_NOOP("WebExport", "Which paper do you have?"),
    //: The choice for people who do not know their residence status or have no document
    QT_TRANSLATE_NOOP("WebExport", "I don't know / I have no paper"),
    //: Hint under "I don't know / I have no paper"
    QT_TRANSLATE_NOOP("WebExport", "General information, and where to ask."),
    //: %1 is the residence status chosen, e.g. "Asylum seeker"
    QT_TRANSLATE_NOOP("WebExport", "Your paper: %1"),
    //: Shown when no page of a topic applies to the chosen residence status
    QT_TRANSLATE_NOOP("WebExport", "Nothing here applies to your paper. Please ask at the desk."),
    //: Footer of every page; %1 is a date such as "1 November 2026"
    QT_TRANSLATE_NOOP("WebExport", "Information in force on %1"),
    //: Page footer; %1 is a date such as "1 November 2026"
    QT_TRANSLATE_NOOP("WebExport", "Checked on %1"),
    //: Heading of the list of web sites a page is based on
    QT_TRANSLATE_NOOP("WebExport", "Sources"),
    //: Notice on pages translated by a machine
    QT_TRANSLATE_NOOP("WebExport", "Machine translation: ask a social worker if something is unclear."),
    //: %1 is a short code such as S2 that social workers use to find a page
    QT_TRANSLATE_NOOP("WebExport", "Page code %1"),
    //: %1 is the name of the language the page is shown in instead, e.g. "Français"
    QT_TRANSLATE_NOOP("WebExport", "Not translated yet: shown in %1."),
    //: %1 is a date; the page has no version valid on that date
    QT_TRANSLATE_NOOP("WebExport", "This information is not in force on %1."),
    //: %1 is a date: a rule that changed on that day
    QT_TRANSLATE_NOOP("WebExport", "This rule applies from %1."),
    //: %1 is a date: the last day a rule applies
    QT_TRANSLATE_NOOP("WebExport", "This rule applies until %1."),
    //: Accessible name of an audio player that reads a paragraph aloud
    QT_TRANSLATE_NOOP("WebExport", "Listen"),
    //: Notice on a page whose audio players speak with a computer voice, not a person's
    QT_TRANSLATE_NOOP("WebExport", "Synthetic voice"),
    //: After an address or phone number that no recent source confirms
    QT_TRANSLATE_NOOP("WebExport", "to check"),
};

} // namespace

WebStrings::WebStrings(const QStringList &languages)
{
    for (const QString &lang : languages) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(u":/i18n/web/web_"_s + lang + u".qm"_s))
            m_translators.emplace(lang, std::move(translator));
        else
            m_untranslated.append(lang);
    }
}

WebStrings::~WebStrings() = default;

QString WebStrings::text(const QString &lang, WebText id) const
{
    const char *source = kSources[std::size_t(id)];
    const auto it = m_translators.find(lang);
    if (it != m_translators.end()) {
        const QString translated = it->second->translate(kContext, source);
        if (!translated.isEmpty())
            return translated;
    }
    return QString::fromUtf8(source);
}

} // namespace passerelle::content
