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

} // namespace passerelle::content
