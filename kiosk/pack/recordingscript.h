#pragma once

#include "contentmodel.h"
#include "recordinglog.h"
#include "unitcodes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passerelle::content {

/** The texts of one language an interpreter is asked to record (passerelle-pack script). */
struct RecordingScript
{
    enum class State { Missing, Outdated, Recorded };
    struct Line
    {
        CodedUnit coded;
        State state = State::Missing;
    };

    QString lang;
    /** In the order a visitor meets them; only Missing and Outdated texts unless all. */
    QList<Line> lines;
    /** Texts of the language that can be heard at all (non-empty speech). */
    int total = 0;
    /** Of those, how many have no recording, or one made from an older French. */
    int toRecord = 0;
    bool all = false;

    /** Estimated speaking time of the listed texts, in whole minutes (at least 1). */
    [[nodiscard]] int minutes() const;
};

/** Which texts of lang need a recording (or all of them): from content/audio/<lang>/ and its log. */
[[nodiscard]] RecordingScript recordingScript(const ContentSet &set, const QString &lang, const RecordingLog &log,
                                              bool all);

/**
 * A self-contained HTML page (no external resource) to print or read on a phone: plain
 * French instructions, then per text its code, the text in the language and the French.
 */
[[nodiscard]] QByteArray renderRecordingScript(const ContentSet &set, const RecordingScript &script);

/** Estimated seconds to say a text aloud, slowly and clearly (130 words a minute, at least 2 s). */
[[nodiscard]] double speakingSeconds(const QString &text);

} // namespace passerelle::content
