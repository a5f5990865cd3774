#include "speechdetector.h"

#include <algorithm>
#include <cmath>

namespace passerelle {

SpeechDetector::SpeechDetector(int rate, Settings settings)
    : m_rate(std::max(rate, 1))
    , m_settings(settings)
    , m_frameSize(std::max(1, rate / 50))
{
}

SpeechDetector::Verdict SpeechDetector::feed(const QByteArray &samples)
{
    m_pending += samples;
    const qsizetype frameBytes = qsizetype(m_frameSize) * 2;
    qsizetype used = 0;
    while (m_pending.size() - used >= frameBytes) {
        frame(reinterpret_cast<const qint16 *>(m_pending.constData() + used), m_frameSize);
        used += frameBytes;
    }
    m_pending.remove(0, used);

    const double frameSeconds = double(m_frameSize) / m_rate;
    if (heardSpeech() && m_silentFrames * frameSeconds >= m_settings.silenceSeconds)
        return Verdict::Done;
    if (seconds() >= m_settings.maximumSeconds)
        return heardSpeech() ? Verdict::TooLong : Verdict::NothingHeard;
    if (!heardSpeech() && seconds() >= m_settings.nothingHeardSeconds)
        return Verdict::NothingHeard;
    return Verdict::Listening;
}

void SpeechDetector::frame(const qint16 *samples, int count)
{
    double sum = 0;
    for (int i = 0; i < count; ++i)
        sum += double(samples[i]) * samples[i];
    const double rms = std::sqrt(sum / count) / 32768.0;
    m_samples += count;
    m_level = std::min(1.0, rms);
    const double db = rms > 0 ? 20 * std::log10(rms) : -120;

    // The noise: the quietest level lately, rising slowly (1 dB a second) so that a
    // room that gets louder is followed, while speech (louder for seconds, with pauses
    // that bring it down again) is not. The first 100 ms only measure it: nobody speaks
    // that soon after pressing the button.
    ++m_frames;
    if (m_frames == 1 || db < m_noiseDb)
        m_noiseDb = db;
    else
        m_noiseDb += 0.02;
    if (m_frames <= kCalibrationFrames)
        return;

    const bool speech = db > m_settings.speechFloorDb && db > m_noiseDb + m_settings.aboveNoiseDb;
    if (speech) {
        ++m_speechFrames;
        m_silentFrames = 0;
    } else {
        if (!heardSpeech())
            m_speechFrames = 0; // the start needs consecutive frames
        ++m_silentFrames;
    }
}

} // namespace passerelle
