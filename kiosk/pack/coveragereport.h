#pragma once

#include "contentmodel.h"
#include "speechaudio.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passerelle::content {

/** How far one page is in one language: text, review and audio. */
struct PageCoverage
{
    enum class Text { UpToDate, Outdated, Missing };
    enum class Audio { None, Synthetic, Human, Mixed, Partial };

    Text text = Text::Missing;
    int outdatedBlocks = 0;
    bool tracked = true; // the translation lists translated_from hashes
    int blocks = 0;
    QString review; // machine, draft, reviewed; empty when missing
    Audio audio = Audio::None;
    int withAudio = 0;
    int texts = 0; // title and blocks
};

[[nodiscard]] PageCoverage pageCoverage(const ContentSet &set, const PageFile &french, const QString &lang);
[[nodiscard]] QString textName(PageCoverage::Text text);
[[nodiscard]] QString audioName(PageCoverage::Audio audio);

/** The audio of one language: texts by where their audio comes from, and its minutes. */
struct AudioCoverage
{
    int texts = 0;
    int human = 0, synthetic = 0, none = 0;
    double humanSeconds = 0, syntheticSeconds = 0;
    int unmeasured = 0; // texts with audio whose clip was not measured (not built yet)
    QList<double> loudness; // LUFS of each of its distinct clips
};

/** How the loudness of some clips spreads: quartiles by linear interpolation, in LUFS. */
struct LoudnessSpread
{
    int clips = 0;
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
    [[nodiscard]] double range() const { return max - min; }
    [[nodiscard]] double interquartile() const { return q3 - q1; }
};

[[nodiscard]] AudioCoverage audioCoverage(const ContentSet &set, const AudioCatalog &audio, const QString &lang);
[[nodiscard]] LoudnessSpread loudnessSpread(QList<double> lufs);

/**
 * A static, self-contained HTML page: pages x languages, each cell saying text up to date /
 * outdated / missing, the review state and the audio (human / synthetic / none), in words
 * and symbols as well as colours; then the same for the short texts of the YAML files.
 * generated is printed as it is (the caller decides the time, for reproducible files).
 * With audio (the clips a build would use, prepareAudio), it also shows per language the
 * share and minutes of human, synthetic and no audio, and the loudness of every clip.
 */
[[nodiscard]] QByteArray renderCoverageReport(const ContentSet &set, const QString &generated,
                                             const AudioCatalog *audio = nullptr, const QString &audioCache = {});

} // namespace passerelle::content
