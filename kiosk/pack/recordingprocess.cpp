#include "recordingprocess.h"

#include "fsutil.h"
#include "loudness.h"
#include "speechencoder.h"

#include <QAudioBuffer>
#include <QAudioDecoder>
#include <QAudioFormat>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

// ---- Thresholds. Measured on espeak-ng speech (fr-be, en-gb, de, ar voices) made into
// phone-like files by ffmpeg (WAV, MP3, M4A/AAC, Ogg Vorbis, Opus) with gains from -40 to
// +12 dB, added white noise from -70 to -30 dBFS and silences; the cases are
// tests/unit/pack/tst_recordingprocess.cpp's.

/** Silence detection works on 20 ms frames: short enough to trim within a syllable. */
constexpr double kFrameSeconds = 0.020;
/**
 * A frame is speech when it is within kSpeechRange dB of the recording's loud speech (its
 * 99th percentile frame) and kOverNoise dB above its noise floor (its 10th percentile
 * frame). Measured: 95 % of espeak-ng's speech frames lie within 22 to 27 dB of its 99th
 * percentile frame (the soft consonants, the tails of vowels), so 40 dB keeps an "f" or "s"
 * at the start of a text; 10 dB over the noise floor keeps steady room noise out.
 */
constexpr double kSpeechRange = 40.0;
constexpr double kOverNoise = 10.0;
/** Speech starts (and ends) with kMinRunFrames speech frames in a row: a click or a tap on the phone (a few ms) is not speech. */
constexpr int kMinRunFrames = 3;
/** Silence kept before the first and after the last speech frame, so a word's onset and fade are not clipped and clips do not start abruptly. */
constexpr double kMarginSeconds = 0.150;
/**
 * Nothing audible: the loudest frames under -60 dBFS. espeak-ng's loudest frames lie at
 * -14 dBFS (-54 dBFS when turned down by 40 dB, a recording at -62 LUFS); digital silence
 * is -120.
 */
constexpr double kInaudibleDb = -60.0;
/**
 * Mostly silence: under 30 % of the trimmed clip is speech frames. Measured: espeak-ng's
 * sentences are 86 to 92 % speech frames with the pauses of its commas and full stops; a
 * 6 s sentence, 6 s of silence and the sentence again 57 %, a word, 8 s of silence
 * and the word 8 %. Under 30 % is mostly a gap (the reader stopped, two takes far apart) or
 * noise without a voice.
 */
constexpr double kMinSpeechShare = 0.30;
/**
 * Clipped: samples at full scale (the recorder saturated) in at least kMinClipPlaces places
 * 10 ms apart. Decoding to 16 kHz smooths a clipped flat top into a few full-scale samples
 * with ringing, so runs of equal samples do not survive; the places do. Measured on espeak
 * brought over full scale, then through WAV, MP3, AAC and Vorbis: unclipped (up to 0.2 dB
 * under full scale) 0 places; 0.3 to 0.8 dB over, 1 or 2 (a peak touched: not audible);
 * 1.8 dB over, 3 to 10; 4 dB over, 13 to 24; 8 dB over, 31 to 43.
 */
constexpr int kClipLevel = 32'700;
constexpr int kMinClipPlaces = 3;
/**
 * Too quiet: integrated loudness under -40 LUFS before normalisation, i.e. raised by more
 * than 22 dB to reach -18 LUFS: the recorder's and the room's noise rise by as much and are
 * heard in the pauses (room noise at -65 dBFS would end at -43). espeak-ng's speech as it
 * comes measures -22 LUFS, turned down by 15 dB -37 (not reported), by 25 dB -47 (reported).
 */
constexpr double kTooQuietLufs = -40.0;
/**
 * espeak-ng's sample peaks sit 17.8 dB over its integrated loudness (measured), more than the
 * 17 dB that -18 LUFS and kPeakCeiling leave: gain alone (normalisingGain) left it at -18.75
 * LUFS, and a person's plosives and knocks can stand higher still. So a limiter lowers the
 * few peaks concerned, by at most kMaxLimitingDb, with a gain envelope short enough to touch
 * only them. Beyond that, the clip stays under the target, and the report says so when it is
 * kUnderTargetLu or more.
 */
constexpr double kMaxLimitingDb = 6.0;
constexpr double kLimiterAttackSeconds = 0.005, kLimiterReleaseSeconds = 0.050;
constexpr double kUnderTargetLu = 1.0;
/** Pauses inside a recording longer than this are reported (the clip keeps them). */
constexpr double kLongPauseSeconds = 3.0;
/**
 * Too long for the text: over twice the expected time plus 3 s (expectedSpeechSeconds() is
 * a rough calm pace; a slow reader and a hesitation fit in); far too long, refused: over
 * four times plus 10 s, another text or several takes in one file.
 */
constexpr double kTooLongFactor = 2.0, kTooLongSlack = 3.0;
constexpr double kFarTooLongFactor = 4.0, kFarTooLongSlack = 10.0;
/** Much shorter than the text (a part missing?): under a third of the expected time, for texts of 3 s or more. */
constexpr double kTooShortFactor = 1.0 / 3.0, kTooShortMinExpected = 3.0;

qsizetype sampleCount(const QByteArray &samples) { return samples.size() / 2; }

int16_t sampleAt(const char *data, qsizetype i)
{
    int16_t s;
    std::memcpy(&s, data + i * 2, sizeof s);
    return s;
}

QString oneDecimal(double v) { return QString::number(v, 'f', 1); }

/** The frame levels in dBFS (mean square), -120 for digital silence. */
std::vector<double> frameLevels(const Pcm &pcm, qsizetype frameSamples)
{
    const qsizetype n = sampleCount(pcm.samples);
    std::vector<double> levels;
    levels.reserve(size_t(n / frameSamples + 1));
    const char *data = pcm.samples.constData();
    for (qsizetype start = 0; start < n; start += frameSamples) {
        const qsizetype end = std::min(n, start + frameSamples);
        double sum = 0;
        for (qsizetype i = start; i < end; ++i) {
            const double s = sampleAt(data, i);
            sum += s * s;
        }
        const double meanSquare = sum / double(end - start) / (32768.0 * 32768.0);
        levels.push_back(meanSquare > 1e-12 ? 10.0 * std::log10(meanSquare) : -120.0);
    }
    return levels;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return -120.0;
    const auto k = size_t(std::clamp(p * double(values.size() - 1), 0.0, double(values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + qsizetype(k), values.end());
    return values[k];
}

/** Places (at least 10 ms apart) where samples sit at full scale. */
int clippedPlaces(const QByteArray &samples, int rate)
{
    int places = 0;
    qsizetype last = -rate;
    const char *data = samples.constData();
    for (qsizetype i = 0, n = sampleCount(samples); i < n; ++i) {
        if (std::abs(int(sampleAt(data, i))) >= kClipLevel) {
            if (i - last > rate / 100)
                ++places;
            last = i;
        }
    }
    return places;
}

/**
 * samples raised by gainDb, with the peaks that would pass kPeakCeiling brought down to it
 * by a gain envelope that dips kLimiterAttackSeconds before them and recovers over
 * kLimiterReleaseSeconds after (no clicks, no distortion of the waveform).
 */
QByteArray gainAndLimit(const QByteArray &samples, int rate, double gainDb)
{
    const qsizetype n = sampleCount(samples);
    const double factor = std::pow(10.0, gainDb / 20.0);
    const double ceiling = 32768.0 * std::pow(10.0, kPeakCeiling / 20.0);
    const char *data = samples.constData();
    std::vector<double> env(size_t(n), 1.0); // the gain each sample needs to stay under the ceiling
    bool limited = false;
    for (qsizetype i = 0; i < n; ++i) {
        const double v = std::abs(sampleAt(data, i) * factor);
        if (v > ceiling) {
            env[size_t(i)] = ceiling / v;
            limited = true;
        }
    }
    if (limited) {
        // A backward pass (attack) and a forward pass (release) of a one-pole recovery
        // towards 1, each never above what a sample needs: a smooth envelope under env.
        const double attack = std::exp(-1.0 / (kLimiterAttackSeconds * rate));
        const double release = std::exp(-1.0 / (kLimiterReleaseSeconds * rate));
        for (qsizetype i = n - 2; i >= 0; --i)
            env[size_t(i)] = std::min(env[size_t(i)], 1.0 - (1.0 - env[size_t(i + 1)]) * attack);
        for (qsizetype i = 1; i < n; ++i)
            env[size_t(i)] = std::min(env[size_t(i)], 1.0 - (1.0 - env[size_t(i - 1)]) * release);
    }
    QByteArray out(samples.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i) {
        const double v = std::clamp(std::round(sampleAt(data, i) * factor * env[size_t(i)]), -32768.0, 32767.0);
        const auto s = int16_t(v);
        std::memcpy(out.data() + i * 2, &s, sizeof s);
    }
    return out;
}

/** integratedLoudness(), also for a clip under libebur128's 0.4 s block: measured on the clip repeated. */
std::optional<double> loudnessOf(const QByteArray &samples, int rate)
{
    if (samples.isEmpty())
        return std::nullopt;
    QByteArray looped = samples;
    while (sampleCount(looped) < qsizetype(rate) * 4 / 10)
        looped += samples;
    return integratedLoudness(looped, rate);
}

/** Appends the 16-bit mono version of one decoded buffer, whatever format the backend gave. */
bool appendMono(const QAudioBuffer &buffer, QByteArray &out)
{
    const QAudioFormat format = buffer.format();
    const int channels = format.channelCount();
    const qsizetype frames = buffer.frameCount();
    if (channels <= 0)
        return false;
    const qsizetype start = out.size();
    out.resize(start + frames * 2);
    char *dst = out.data() + start;
    const auto sampleValue = [&](qsizetype index) -> double { // in [-1, 1]
        switch (format.sampleFormat()) {
        case QAudioFormat::Int16: return buffer.constData<qint16>()[index] / 32768.0;
        case QAudioFormat::Int32: return buffer.constData<qint32>()[index] / 2147483648.0;
        case QAudioFormat::Float: return double(buffer.constData<float>()[index]);
        case QAudioFormat::UInt8: return (int(buffer.constData<quint8>()[index]) - 128) / 128.0;
        default: return 0.0;
        }
    };
    if (format.sampleFormat() == QAudioFormat::Unknown || format.sampleFormat() == QAudioFormat::NSampleFormats)
        return false;
    for (qsizetype f = 0; f < frames; ++f) {
        double v = 0;
        for (int c = 0; c < channels; ++c)
            v += sampleValue(f * channels + c);
        v /= channels;
        const auto s = int16_t(std::clamp(std::lround(v * 32768.0), -32768L, 32767L));
        std::memcpy(dst + f * 2, &s, sizeof s);
    }
    return true;
}

} // namespace

Result<Pcm> decodeAudioFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return Problem{path, 0, u"cannot read this file"_s, u"check that it exists and can be read"_s};
    if (info.size() == 0)
        return Problem{path, 0, u"the file is empty"_s, u"record it again"_s};

    QAudioFormat wanted;
    wanted.setSampleFormat(QAudioFormat::Int16);
    wanted.setChannelCount(1);
    wanted.setSampleRate(kDecodeRate);

    QAudioDecoder decoder;
    decoder.setAudioFormat(wanted);
    decoder.setSource(QUrl::fromLocalFile(info.absoluteFilePath()));

    Pcm pcm;
    QString failure;
    QEventLoop loop;
    // A file the backend cannot read may report nothing at all: give up after 20 s without
    // a buffer (a minute of phone audio decodes in well under a second).
    QTimer stall;
    stall.setSingleShot(true);
    stall.setInterval(20'000);
    QObject::connect(&stall, &QTimer::timeout, &loop, [&] {
        failure = u"decoding stalled"_s;
        loop.quit();
    });
    QObject::connect(&decoder, &QAudioDecoder::bufferReady, &loop, [&] {
        while (decoder.bufferAvailable()) {
            const QAudioBuffer buffer = decoder.read();
            if (!buffer.isValid())
                continue;
            const int rate = buffer.format().sampleRate();
            if (pcm.rate == 0)
                pcm.rate = rate;
            if (rate != pcm.rate || !appendMono(buffer, pcm.samples)) {
                failure = u"the decoder gave audio in a form this program does not read"_s;
                decoder.stop();
                loop.quit();
                return;
            }
        }
        stall.start();
    });
    QObject::connect(&decoder, &QAudioDecoder::finished, &loop, &QEventLoop::quit);
    QObject::connect(&decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), &loop,
                     [&](QAudioDecoder::Error) {
                         failure = decoder.errorString();
                         if (failure.isEmpty())
                             failure = u"unknown decoder error"_s;
                         loop.quit();
                     });
    QTimer::singleShot(0, &loop, [&] {
        decoder.start();
        stall.start();
    });
    loop.exec();
    decoder.stop();

    if (!failure.isEmpty())
        return Problem{path, 0, u"cannot decode this file as audio: "_s + failure,
                       u"save it as WAV, FLAC, MP3, M4A or Ogg, or record it again"_s};
    if (pcm.samples.isEmpty() || pcm.rate <= 0)
        return Problem{path, 0, u"no audio in this file"_s, u"record it again"_s};
    return pcm;
}

double expectedSpeechSeconds(const QString &text)
{
    // Calm, clear reading for people learning the language: 12 letters of French a second
    // (about 140 words a minute; espeak-ng's fr-be at its default speed reads 16). A text
    // in another script holds the same speech in fewer letters; the weights are the French
    // letters per letter of the demo content's translations of the same pages: Ethiopic
    // (ti) 1.6, Arabic script (ar 1.26, prs 1.17, ps 1.12) 1.2, Latin and Cyrillic about 1.
    // A digit is said as a word of about two letters' time.
    constexpr double kLettersPerSecond = 12.0;
    constexpr double kStartSeconds = 0.5;
    double letters = 0;
    for (const QChar c : text) {
        if (c.isDigit()) {
            letters += 2.0;
        } else if (c.isLetter()) {
            switch (c.script()) {
            case QChar::Script_Ethiopic: letters += 1.6; break;
            case QChar::Script_Arabic: letters += 1.2; break;
            default: letters += 1.0; break;
            }
        }
    }
    return kStartSeconds + letters / kLettersPerSecond;
}

ProcessedRecording processRecording(const Pcm &raw, double expectedSeconds)
{
    ProcessedRecording result;
    result.secondsBefore = raw.seconds();
    result.pcm.rate = raw.rate;
    const qsizetype n = sampleCount(raw.samples);
    if (raw.rate <= 0 || n == 0) {
        result.problems.append(u"empty: no audio"_s);
        result.refused = true;
        return result;
    }
    result.loudnessBefore = loudnessOf(raw.samples, raw.rate);

    const auto frameSamples = std::max<qsizetype>(1, qsizetype(std::lround(kFrameSeconds * raw.rate)));
    const std::vector<double> levels = frameLevels(raw, frameSamples);
    const double speechLevel = percentile(levels, 0.99);
    const double noiseLevel = percentile(levels, 0.10);
    if (speechLevel < kInaudibleDb) {
        result.problems.append(u"empty: no voice in it (silence, or far too faint: %1 dBFS at most)"_s.arg(oneDecimal(speechLevel)));
        result.refused = true;
        return result;
    }
    const double threshold = std::max(speechLevel - kSpeechRange, noiseLevel + kOverNoise);
    const auto frames = qsizetype(levels.size());
    const auto speechRunAt = [&](qsizetype i, int step) {
        for (int k = 0; k < kMinRunFrames; ++k) {
            const qsizetype j = i + k * step;
            if (j < 0 || j >= frames || levels[size_t(j)] < threshold)
                return false;
        }
        return true;
    };
    qsizetype first = 0, last = frames - 1;
    while (first < frames && !speechRunAt(first, 1))
        ++first;
    while (last >= 0 && !speechRunAt(last, -1))
        --last;
    if (first > last) {
        result.problems.append(u"empty: no stretch of voice in it, only clicks or noise"_s);
        result.refused = true;
        return result;
    }
    const auto margin = qsizetype(std::lround(kMarginSeconds * raw.rate));
    const qsizetype begin = std::max<qsizetype>(0, first * frameSamples - margin);
    const qsizetype end = std::min(n, (last + 1) * frameSamples + margin);
    const QByteArray trimmed = raw.samples.mid(begin * 2, (end - begin) * 2);
    result.seconds = double(end - begin) / raw.rate;

    const auto speechFrames = std::count_if(levels.begin() + first, levels.begin() + last + 1,
                                            [&](double l) { return l >= threshold; });
    const double share = double(speechFrames) / double(last - first + 1);
    if (share < kMinSpeechShare) {
        result.problems.append(u"mostly silence: voice in %1 % of it (a long pause inside, or no voice, only noise)"_s
                                   .arg(qRound(share * 100)));
        result.refused = true;
    }

    const int clips = clippedPlaces(trimmed, raw.rate);
    if (clips >= kMinClipPlaces)
        result.problems.append(u"clipped: the sound hits the maximum in %1 places (record further from the phone, or speak less loud)"_s.arg(clips));

    const std::optional<double> loudness = loudnessOf(trimmed, raw.rate);
    if (!loudness) {
        result.problems.append(u"empty: no loudness can be measured"_s);
        result.refused = true;
        return result;
    }
    if (*loudness < kTooQuietLufs)
        result.problems.append(u"too quiet: %1 LUFS (raised by %2 dB, with its noise; record closer to the phone)"_s
                                   .arg(oneDecimal(*loudness), oneDecimal(kLoudnessTarget - *loudness)));
    // The gain to the target, less what the limiter may not take; the limiter lowers the
    // loudness a little, so measure again and correct (twice is enough: under 0.1 LU).
    const double peak = samplePeakDb(trimmed);
    const double maxGain = kPeakCeiling + kMaxLimitingDb - peak;
    double gain = std::min(kLoudnessTarget - *loudness, maxGain);
    for (int round = 0; round < 3; ++round) {
        result.pcm.samples = gainAndLimit(trimmed, raw.rate, gain);
        result.loudnessAfter = loudnessOf(result.pcm.samples, raw.rate);
        if (!result.loudnessAfter || std::abs(*result.loudnessAfter - kLoudnessTarget) < 0.1 || gain >= maxGain)
            break;
        gain = std::min(gain + kLoudnessTarget - *result.loudnessAfter, maxGain);
    }
    if (result.loudnessAfter && *result.loudnessAfter < kLoudnessTarget - kUnderTargetLu)
        result.problems.append(u"%1 LU quieter than the other clips: a few loud peaks (a knock, a plosive) keep it from being raised more"_s
                                   .arg(oneDecimal(kLoudnessTarget - *result.loudnessAfter)));

    // The longest pause inside (between the first and the last speech).
    qsizetype longest = 0, run = 0, longestEnd = 0;
    for (qsizetype i = first; i <= last; ++i) {
        run = levels[size_t(i)] < threshold ? run + 1 : 0;
        if (run > longest) {
            longest = run;
            longestEnd = i;
        }
    }
    const double pause = double(longest * frameSamples) / raw.rate;
    if (!result.refused && pause > kLongPauseSeconds)
        result.problems.append(u"a pause of %1 s inside, at %2 s (kept)"_s.arg(oneDecimal(pause),
                                                                          oneDecimal(double((longestEnd - longest + 1) * frameSamples - begin) / raw.rate)));

    if (expectedSeconds > 0) {
        if (result.seconds > kFarTooLongFactor * expectedSeconds + kFarTooLongSlack) {
            result.problems.append(u"far too long for the text: %1 s for about %2 s (another text, or several takes?)"_s
                                       .arg(oneDecimal(result.seconds), oneDecimal(expectedSeconds)));
            result.refused = true;
        } else if (result.seconds > kTooLongFactor * expectedSeconds + kTooLongSlack) {
            result.problems.append(u"too long for the text: %1 s for about %2 s"_s.arg(oneDecimal(result.seconds),
                                                                                   oneDecimal(expectedSeconds)));
        } else if (expectedSeconds >= kTooShortMinExpected && result.seconds < kTooShortFactor * expectedSeconds) {
            result.problems.append(u"much shorter than the text: %1 s for about %2 s (a part missing?)"_s
                                       .arg(oneDecimal(result.seconds), oneDecimal(expectedSeconds)));
        }
    }
    return result;
}

Result<void> writeRecording(const Pcm &pcm, const QString &path)
{
    // The stream's serial from the samples, so the same recording always gives the same bytes.
    const QByteArray digest = QCryptographicHash::hash(pcm.samples, QCryptographicHash::Sha256);
    quint32 serial = 0;
    std::memcpy(&serial, digest.constData(), sizeof serial);
    const Result<QByteArray> encoded = SpeechEncoder::encode(pcm.samples, pcm.rate, serial);
    if (!encoded)
        return Problem{path, 0, u"cannot encode the recording: "_s + encoded.problem().message, {}};
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Problem{info.absolutePath(), 0, u"cannot make the folder"_s, u"check its permissions"_s};
    if (const std::optional<Problem> problem = sync::fs::writeFileAtomically(info.absolutePath(), info.fileName(), encoded.value()))
        return *problem;
    return {};
}

} // namespace passerelle::content
