#pragma once

#include "problem.h"

#include <QByteArray>
#include <QString>

namespace passerelle::content {

/**
 * Encodes synthetic speech as Ogg Opus in this process, with libopus and libogg: mono,
 * 16 kbit/s, SILK wideband (what opusenc chose for these voices too), complexity 0,
 * 60 ms frames. The samples are resampled to 16 kHz here, the rate SILK wideband codes:
 * opusenc would resample them to 48 kHz, and libopus back down to 16 kHz.
 *
 * Not the opusenc program: it costs about 2 ms to start for every clip, and its library
 * (libopusenc) asks libopus for the encoder's size several times a frame, which runs the
 * CPUID instruction, slow in a virtual machine. On the demo content's three hours of
 * speech, opusenc took 5.2 ms of CPU per second of speech, this takes 2.5 ms.
 */
class SpeechEncoder
{
public:
    /** Identifies the encoder (libopus version, settings, resampler); part of every cache key. */
    [[nodiscard]] static QString version();

    /**
     * 16-bit mono samples at rate as Ogg Opus; serial is the stream's serial number, so
     * the same samples and serial always give the same bytes.
     */
    [[nodiscard]] static Result<QByteArray> encode(const QByteArray &samples, int rate, quint32 serial);

    /** The rate the encoder codes at: encode() takes samples at it as they are. */
    static constexpr int kRate = 16'000;
    /**
     * 16-bit mono samples at rate brought to kRate by the encoder's own resampler: what
     * encode() codes, so that a loudness measured on them is the clip's (the band over
     * 6.8 kHz that it drops weighs about 0.7 LU in espeak-ng's speech).
     */
    [[nodiscard]] static QByteArray resample(const QByteArray &samples, int rate);
};

} // namespace passerelle::content
