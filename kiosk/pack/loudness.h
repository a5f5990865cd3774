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

} // namespace passerelle::content
