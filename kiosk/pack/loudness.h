#pragma once

#include <QByteArray>

#include <optional>

namespace passerelle::content {

/**
 * The one loudness of every clip of a pack, human or synthetic, in LUFS (EBU R128
 * integrated loudness). -18 rather than broadcast's -23: the kiosk's small speakers in a
 * noisy waiting room need the level, and speech's peaks sit 10 to 15 dB above its
 * loudness, so -18 still leaves them below full scale without hard limiting; -16 (the
 * level of podcasts on phones) would clip a loud recording's peaks more often.
 */
inline constexpr double kLoudnessTarget = -18.0;

/** The highest sample peak a normalised clip may reach, in dBFS. */
inline constexpr double kPeakCeiling = -1.0;

/**
 * The integrated loudness (EBU R128, libebur128) of 16-bit mono samples at rate, in
 * LUFS; empty for silence or a clip too short to measure (under 0.4 s).
 */
[[nodiscard]] std::optional<double> integratedLoudness(const QByteArray &samples, int rate);

/** The highest absolute sample of 16-bit mono samples, in dBFS (-inf for silence). */
[[nodiscard]] double samplePeakDb(const QByteArray &samples);

/**
 * The gain in dB that brings a clip measured at loudness with the given peak to
 * kLoudnessTarget, lowered where needed so that its peak stays at or under kPeakCeiling.
 */
[[nodiscard]] double normalisingGain(double loudness, double peakDb);

/** 16-bit samples scaled by gainDb, saturated at full scale. */
[[nodiscard]] QByteArray applyGain(const QByteArray &samples, double gainDb);

/**
 * The loudness of one clip as the pack measures every clip, human or synthetic, in LUFS:
 * the integrated loudness of its sound, its leading and trailing silence (under -54 dBFS)
 * left out, as the gate leaves out the silent blocks of a long clip. A clip whose sound
 * lasts under 0.4 s (one or two syllables) is measured repeated to 0.4 s: the mean
 * loudness of its sound, where a padding of silence would count the silence. Empty for
 * silence.
 */
[[nodiscard]] std::optional<double> clipLoudness(const QByteArray &samples, int rate);

/**
 * samples raised by gainDb, the peaks that would pass kPeakCeiling brought down to it by
 * a gain envelope that dips 5 ms before them and recovers over 50 ms (a peak limiter: no
 * clicks, no clipping). Limiting takes at most maxLimitingDb off any sample; beyond that
 * the gain is lowered instead.
 */
[[nodiscard]] QByteArray applyLimitedGain(const QByteArray &samples, int rate, double gainDb,
                                          double maxLimitingDb = 6.0);

/**
 * Brings 16-bit mono samples to target (clipLoudness) through applyLimitedGain, measuring
 * again once the limiter worked (it lowers the loudness a little). Silence is returned as
 * it is.
 */
[[nodiscard]] QByteArray normaliseLoudness(const QByteArray &samples, int rate, double target = kLoudnessTarget);

} // namespace passerelle::content
