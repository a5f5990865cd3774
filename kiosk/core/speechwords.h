#pragma once

#include <QString>

namespace passerelle::speechwords {

/**
 * The words speech mode adds to what it says (see SpeechMode): an item's kind, its place,
 * the notice that speech is on, the help. They are never shown; like every kiosk label
 * they are translated in translations/passerelle_<lang>.ts (context "SpeechMode") and
 * spoken from the pack's ui_texts by their id, the slug of the source string as
 * kiosk/pack/textunits.cpp makes it (uiLabelId: cut at 48 characters, so the long ones
 * end mid-word; tst_packspeechwords checks each id). In kiosk/core because passerelle-pack
 * reads it too, for the places it expands.
 *
 * The place "%1 of %2" is expanded by the pack builder into one label per place,
 * "place-<n>-of-<m>" for 1 <= n <= m <= kMaxPlaceCount.
 */
struct Word
{
    struct {
        const char *source;
        const char *comment;
    } text; // QT_TRANSLATE_NOOP3 gives both
    const char *id;
};

inline constexpr int kMaxPlaceCount = 12;

inline constexpr Word kTopic{QT_TRANSLATE_NOOP3("SpeechMode", "topic", "Speech mode: said after a topic's name (Housing, topic, 2 of 4)"), "topic"};
inline constexpr Word kPage{QT_TRANSLATE_NOOP3("SpeechMode", "page", "Speech mode: said after the title of a page in a topic's list"), "page"};
inline constexpr Word kPaper{QT_TRANSLATE_NOOP3("SpeechMode", "paper", "Speech mode: said after a residence document the visitor can choose"), "paper"};
inline constexpr Word kButton{QT_TRANSLATE_NOOP3("SpeechMode", "button", "Speech mode: said after a button's label"), "button"};
inline constexpr Word kPart{QT_TRANSLATE_NOOP3("SpeechMode", "part of the page", "Speech mode: where the focus is on a page (help): part of the page, 2 of 7"), "part-of-the-page"};
inline constexpr Word kOn{QT_TRANSLATE_NOOP3("SpeechMode", "on", "Speech mode: a toggle (bigger text, contrast) that is switched on"), "on"};
inline constexpr Word kOff{QT_TRANSLATE_NOOP3("SpeechMode", "off", "Speech mode: a toggle that is switched off"), "off"};
inline constexpr Word kPlace{QT_TRANSLATE_NOOP3("SpeechMode", "%1 of %2", "Speech mode: an item's place on the screen, 2 of 4"), "place"};
inline constexpr Word kSpeechOn{
    QT_TRANSLATE_NOOP3("SpeechMode",
                       "Speech is on. Touch the screen to hear what is there, touch twice to choose. Or use the keys.",
                       "Speech mode: said when it is turned on"),
    "speech-is-on-touch-the-screen-to-hear-what-is-th"};
inline constexpr Word kHelp{
    QT_TRANSLATE_NOOP3("SpeechMode",
                       "Arrows, or 2 and 8: move. Enter or 5: choose, play or pause. Escape or 0: back. "
                       "Slash: home. Plus and minus: volume. F1 or the dot: help.",
                       "Speech mode: the help key's explanation of the keys (keyboard and number pad)"),
    "arrows-or-2-and-8-move-enter-or-5-choose-play-or"};

/** Every word above, for the checks that the pack has them all. */
inline constexpr const Word *kWords[] = {&kTopic, &kPage, &kPaper, &kButton, &kPart,
                                         &kOn, &kOff, &kPlace, &kSpeechOn, &kHelp};

/** The id of the label for place n of count: "place-2-of-4"; empty past kMaxPlaceCount. */
inline QString placeId(int n, int count)
{
    if (n < 1 || n > count || count > kMaxPlaceCount)
        return {};
    return QStringLiteral("place-%1-of-%2").arg(n).arg(count);
}

} // namespace passerelle::speechwords
