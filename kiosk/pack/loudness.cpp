#include "loudness.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace passerelle::content {

namespace {

qsizetype sampleCount(const QByteArray &samples) { return samples.size() / qsizetype(sizeof(int16_t)); }

int16_t sampleAt(const QByteArray &samples, qsizetype i)
{
    int16_t s;
    std::memcpy(&s, samples.constData() + i * qsizetype(sizeof(int16_t)), sizeof s);
    return s;
}

// The build's trim level (speechaudio.cpp): -54 dBFS.
constexpr int kSilenceLevel = 64;
constexpr double kGateBlockSeconds = 0.4;
constexpr double kLimiterAttackSeconds = 0.005;
constexpr double kLimiterReleaseSeconds = 0.050;

} // namespace

std::optional<double> integratedLoudness(const QByteArray &samples, int rate)
{
    if (rate <= 0 || sampleCount(samples) < qsizetype(rate) * 4 / 10)
        return std::nullopt;
    const auto destroy = [](ebur128_state *s) { ebur128_destroy(&s); };
    const std::unique_ptr<ebur128_state, decltype(destroy)> state(ebur128_init(1, unsigned(rate), EBUR128_MODE_I),
                                                                  destroy);
    if (!state)
        return std::nullopt;
    // libebur128 wants aligned shorts; QByteArray's data is, but copy to be sure of it.
    std::vector<int16_t> frames(size_t(sampleCount(samples)));
    std::memcpy(frames.data(), samples.constData(), frames.size() * sizeof(int16_t));
    if (ebur128_add_frames_short(state.get(), frames.data(), frames.size()) != EBUR128_SUCCESS)
        return std::nullopt;
    double lufs = 0;
    if (ebur128_loudness_global(state.get(), &lufs) != EBUR128_SUCCESS || !std::isfinite(lufs))
        return std::nullopt;
    return lufs;
}

double samplePeakDb(const QByteArray &samples)
{
    int peak = 0;
    for (qsizetype i = 0, n = sampleCount(samples); i < n; ++i)
        peak = std::max(peak, std::abs(int(sampleAt(samples, i))));
    if (peak == 0)
        return -std::numeric_limits<double>::infinity();
    return 20.0 * std::log10(double(peak) / 32768.0);
}

double normalisingGain(double loudness, double peakDb)
{
    return std::min(kLoudnessTarget - loudness, kPeakCeiling - peakDb);
}

QByteArray applyGain(const QByteArray &samples, double gainDb)
{
    const double factor = std::pow(10.0, gainDb / 20.0);
    QByteArray out(samples.size(), Qt::Uninitialized);
    for (qsizetype i = 0, n = sampleCount(samples); i < n; ++i) {
        const double v = std::clamp(std::round(sampleAt(samples, i) * factor), -32768.0, 32767.0);
        const auto s = int16_t(v);
        std::memcpy(out.data() + i * qsizetype(sizeof(int16_t)), &s, sizeof s);
    }
    return out;
}

std::optional<double> clipLoudness(const QByteArray &samples, int rate)
{
    qsizetype begin = 0, end = sampleCount(samples);
    while (begin < end && std::abs(int(sampleAt(samples, begin))) < kSilenceLevel)
        ++begin;
    while (end > begin && std::abs(int(sampleAt(samples, end - 1))) < kSilenceLevel)
        --end;
    if (begin == end || rate <= 0)
        return std::nullopt;
    const QByteArray sound = samples.mid(begin * qsizetype(sizeof(int16_t)), (end - begin) * qsizetype(sizeof(int16_t)));
    QByteArray measured = sound;
    while (sampleCount(measured) < qsizetype(std::ceil(rate * kGateBlockSeconds)))
        measured += sound;
    return integratedLoudness(measured, rate);
}

QByteArray applyLimitedGain(const QByteArray &samples, int rate, double gainDb, double maxLimitingDb)
{
    const qsizetype n = sampleCount(samples);
    const double peakDb = samplePeakDb(samples);
    gainDb = std::min(gainDb, kPeakCeiling + maxLimitingDb - peakDb);
    const double factor = std::pow(10.0, gainDb / 20.0);
    const double ceiling = 32768.0 * std::pow(10.0, kPeakCeiling / 20.0);
    std::vector<double> envelope(size_t(n), 1.0); // the gain each sample may take
    bool limited = false;
    for (qsizetype i = 0; i < n; ++i) {
        const double v = std::abs(sampleAt(samples, i) * factor);
        if (v > ceiling) {
            envelope[size_t(i)] = ceiling / v;
            limited = true;
        }
    }
    if (limited) {
        // A backward pass (attack) and a forward pass (release) of a one-pole recovery
        // towards 1, each never above what a sample needs: a smooth envelope under it.
        const double attack = std::exp(-1.0 / (kLimiterAttackSeconds * rate));
        const double release = std::exp(-1.0 / (kLimiterReleaseSeconds * rate));
        for (qsizetype i = n - 2; i >= 0; --i)
            envelope[size_t(i)] = std::min(envelope[size_t(i)], 1.0 - (1.0 - envelope[size_t(i + 1)]) * attack);
        for (qsizetype i = 1; i < n; ++i)
            envelope[size_t(i)] = std::min(envelope[size_t(i)], 1.0 - (1.0 - envelope[size_t(i - 1)]) * release);
    }
    QByteArray out(samples.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i) {
        const double v = std::clamp(std::round(sampleAt(samples, i) * factor * envelope[size_t(i)]), -32768.0, 32767.0);
        const auto s = int16_t(v);
        std::memcpy(out.data() + i * qsizetype(sizeof(int16_t)), &s, sizeof s);
    }
    return out;
}

QByteArray normaliseLoudness(const QByteArray &samples, int rate, double target)
{
    const std::optional<double> loudness = clipLoudness(samples, rate);
    if (!loudness)
        return samples;
    const double gain = target - *loudness;
    QByteArray out = applyLimitedGain(samples, rate, gain);
    // The limiter took a little loudness off the peaks: give it back once (the second
    // measurement is then within 0.1 LU of the target on espeak-ng's speech).
    if (samplePeakDb(samples) + gain > kPeakCeiling) {
        if (const std::optional<double> after = clipLoudness(out, rate); after && *after < target - 0.05)
            out = applyLimitedGain(samples, rate, gain + target - *after);
    }
    return out;
}

} // namespace passerelle::content
