#pragma once

#include "problem.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// Human recordings, from a phone's file (import-audio) or the studio's microphone: decode,
// trim, normalise to the pack's one loudness (loudness.h), judge against the text, encode.

namespace passerelle::content {

/** 16-bit mono samples at rate. */
struct Pcm
{
    int rate = 0;
    QByteArray samples;

    [[nodiscard]] double seconds() const { return rate > 0 ? double(samples.size() / 2) / rate : 0.0; }
};

/**
 * Decodes any file GStreamer can (WAV, FLAC, MP3, M4A/AAC, Ogg Vorbis/Opus, AMR) to mono
 * 16-bit at kDecodeRate, with Qt Multimedia's QAudioDecoder (runs its own event loop;
 * callable from a QCoreApplication/QGuiApplication main thread).
 */
[[nodiscard]] Result<Pcm> decodeAudioFile(const QString &path);

/**
 * The rate decodeAudioFile() gives: 16 kHz, the rate the pack's Opus encoder codes speech at
 * (SILK wideband, speechencoder.h), so nothing the pack keeps is lost, and measuring,
 * trimming and encoding handle a third of the samples of 48 kHz.
 */
inline constexpr int kDecodeRate = 16'000;

struct ProcessedRecording
{
    Pcm pcm; // trimmed and normalised
    double secondsBefore = 0, seconds = 0;
    std::optional<double> loudnessBefore, loudnessAfter; // LUFS
    QStringList problems; // human-readable: clipped, too quiet, mostly silence, too long for the text...
    bool refused = false; // true: nothing may be written for this file
};

/**
 * Trims leading/trailing silence (keeping a short margin), normalises to kLoudnessTarget,
 * and judges it against the text it is for (expectedSeconds: a rough reading time of the
 * text, expectedSpeechSeconds(); "too long" when far over it). Refused: empty or
 * inaudible, mostly silence, far too long for the text.
 */
[[nodiscard]] ProcessedRecording processRecording(const Pcm &raw, double expectedSeconds);

/** A rough spoken duration of text (characters per second of calm speech), for processRecording. */
[[nodiscard]] double expectedSpeechSeconds(const QString &text);

/** Encodes (SpeechEncoder) and writes atomically (fs::writeFileAtomically) an Ogg Opus file; makes its folder. */
[[nodiscard]] Result<void> writeRecording(const Pcm &pcm, const QString &path);

} // namespace passerelle::content
