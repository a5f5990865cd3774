#pragma once

#include "problem.h"

#include <QByteArray>
#include <QString>

#include <optional>

// What the build knows of every clip it puts in a pack, human or synthetic: its loudness
// and its duration, measured on the Ogg Opus bytes themselves and kept in the audio cache
// (by the clip's sha256), so that report reads them without decoding anything again.

namespace passerelle::content {

/** 16-bit mono samples at rate, decoded from Ogg Opus. */
struct DecodedClip
{
    int rate = 0;
    QByteArray samples;
};

/**
 * Decodes an Ogg Opus stream (libogg and libopus; one or two channels, mixed to mono)
 * at the rate that holds its widest coded band: 16 kHz for the build's SILK wideband
 * speech, 48 kHz for a fullband recording. Pre-skip, end trimming and the header's output
 * gain are applied, as a player does.
 */
[[nodiscard]] Result<DecodedClip> decodeOggOpus(const QByteArray &bytes);

/** One clip's measurements. */
struct ClipMeasure
{
    /** clipLoudness() of the decoded clip, in LUFS; empty for silence. */
    std::optional<double> loudness;
    double seconds = 0;
};

[[nodiscard]] Result<ClipMeasure> measureOggOpus(const QByteArray &bytes);

/**
 * Measurements kept in an audio cache folder: <cache>/loudness-1/<sha256>.json (the
 * number changes with the way of measuring, so older figures are never read).
 */
class MeasureCache
{
public:
    explicit MeasureCache(const QString &cacheDir) : m_dir(cacheDir) {}

    [[nodiscard]] std::optional<ClipMeasure> find(const QString &sha256) const;
    /** Written whole or not at all; false when it could not be (the cache is only a cache). */
    bool store(const QString &sha256, const ClipMeasure &measure) const;
    /** The measure of the clip in file, from the cache or measured (and kept when the cache folder exists). */
    [[nodiscard]] Result<ClipMeasure> measure(const QString &sha256, const QString &file) const;

private:
    [[nodiscard]] QString pathOf(const QString &sha256) const;

    QString m_dir;
};

/** Human recordings more than this far from kLoudnessTarget get a warning. */
inline constexpr double kLoudnessToleranceLu = 3.0;

struct ContentSet;
class AudioCatalog;

/** The warning for a recording far from kLoudnessTarget, or silent; none when it is fine. */
[[nodiscard]] std::optional<Problem> loudnessWarning(const QString &recording, const ClipMeasure &measure);

/**
 * Measures every clip of catalog that it has no measure of yet, through the cache at
 * cacheDir (kept there when the folder exists); a human recording far from the target
 * gets a warning (loudnessWarning).
 */
void measureCatalog(AudioCatalog &catalog, const QString &cacheDir, Problems &problems);

/** The same warnings for check: every human recording of set, through the cache at cacheDir. */
void checkRecordingLoudness(const ContentSet &set, const QString &cacheDir, Problems &problems);

} // namespace passerelle::content
