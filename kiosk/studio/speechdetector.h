#pragma once

#include <QByteArray>

namespace passerelle {

/** When a take ends (see SpeechDetector). */
struct SpeechDetectorSettings
{
    double silenceSeconds = 1.5;
    double maximumSeconds = 60;
    double nothingHeardSeconds = 20;
    /** Below this RMS level (dBFS) a frame is never speech. */
    double speechFloorDb = -45;
    /** A frame is speech when it is this much above the noise. */
    double aboveNoiseDb = 12;
};

/**
 * Decides, from 16-bit mono samples as they arrive from the microphone, when a take is
 * over: after speech, about 1.5 s of silence; or at a hard maximum; or when nothing was
 * said for a long while. Works on 20 ms frames: a frame is speech when its RMS level is
 * above a floor and well above the room's noise (tracked as the quietest recent frames),
 * so a noisy room or a hiss-free virtual microphone both work without a setting.
 */
class SpeechDetector
{
public:
    enum class Verdict { Listening, Done, NothingHeard, TooLong };

    using Settings = SpeechDetectorSettings;
    explicit SpeechDetector(int rate, Settings settings = {});

    /** Takes the next samples; the verdict after them. */
    Verdict feed(const QByteArray &samples);

    [[nodiscard]] bool heardSpeech() const { return m_speechFrames >= kFramesToStart; }
    /** The last frame's level, 0 (silence) to 1 (full scale), for a meter. */
    [[nodiscard]] double level() const { return m_level; }
    [[nodiscard]] double seconds() const { return double(m_samples) / m_rate; }

private:
    static constexpr int kFramesToStart = 3; // 60 ms of speech: a click is not speech
    static constexpr int kCalibrationFrames = 5; // the first 100 ms measure the room

    void frame(const qint16 *samples, int count);

    int m_rate;
    Settings m_settings;
    int m_frameSize;
    QByteArray m_pending;
    qint64 m_samples = 0;
    qint64 m_frames = 0;
    double m_noiseDb = 0;
    int m_speechFrames = 0;
    int m_silentFrames = 0;
    double m_level = 0;
};

} // namespace passerelle
