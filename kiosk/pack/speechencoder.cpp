#include "speechencoder.h"

#include <QtEndian>

#include <ogg/ogg.h>
#include <opus/opus.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <numeric>
#include <vector>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

// SILK wideband codes 16 kHz audio: opusenc chose it for every clip of the demo content
// at these settings, from 48 kHz input.
constexpr int kEncoderRate = 16'000;
constexpr int kBitrate = 16'000;
constexpr int kComplexity = 0;
constexpr int kFrameSamples = kEncoderRate * 60 / 1000;
constexpr int kMaxPacketBytes = 4000;
// Ogg Opus granule positions count samples at 48 kHz (RFC 7845).
constexpr int kGranuleRate = 48'000;

// The resampling filter: a Kaiser-windowed sinc, flat to 6.8 kHz, 60 dB down at 8 kHz
// (the new Nyquist frequency), 34 input samples on each side.
constexpr double kPassbandHz = 6'800;
constexpr double kStopbandHz = 8'000;
constexpr int kHalfTaps = 34; // 2 * kHalfTaps is a multiple of 4 (see Resampler::run)
static_assert(2 * kHalfTaps % 4 == 0);
constexpr double kKaiserBeta = 5.65; // 60 dB

/**
 * Rational resampling (rate * up / down = kEncoderRate) with one filter per phase,
 * computed once per input rate. Arithmetic in a fixed order: the same samples always
 * give the same output.
 */
class Resampler
{
public:
    explicit Resampler(int rate)
    {
        const int g = std::gcd(rate, kEncoderRate);
        m_up = kEncoderRate / g;
        m_down = rate / g;
        const double cutoff = (kPassbandHz + kStopbandHz) / 2 / rate; // cycles per input sample
        const auto bessel0 = [](double x) {
            double sum = 1, term = 1;
            for (int k = 1; k < 40; ++k) {
                term *= (x / (2 * k)) * (x / (2 * k));
                sum += term;
            }
            return sum;
        };
        const double norm = bessel0(kKaiserBeta);
        m_taps.resize(std::size_t(m_up) * 2 * kHalfTaps);
        for (int phase = 0; phase < m_up; ++phase) {
            float *taps = &m_taps[std::size_t(phase) * 2 * kHalfTaps];
            double sum = 0;
            for (int k = 0; k < 2 * kHalfTaps; ++k) {
                // Input sample i + k - kHalfTaps + 1 is tau input samples from the output's instant.
                const double tau = double(k - kHalfTaps + 1) - double(phase) / m_up;
                const double x = 2 * cutoff * tau;
                const double sinc = x == 0 ? 1 : std::sin(std::numbers::pi * x) / (std::numbers::pi * x);
                const double r = tau / kHalfTaps;
                const double window = r * r < 1 ? bessel0(kKaiserBeta * std::sqrt(1 - r * r)) / norm : 0;
                taps[k] = float(sinc * window);
                sum += taps[k];
            }
            for (int k = 0; k < 2 * kHalfTaps; ++k)
                taps[k] = float(taps[k] / sum); // each phase passes DC unchanged
        }
    }

    /** in (16-bit samples at the input rate) at kEncoderRate, count = ceil(in * up / down). */
    [[nodiscard]] std::vector<opus_int16> run(const qint16 *in, qsizetype count) const
    {
        // Silence on both sides, so that every output sample takes all its taps.
        std::vector<float> padded(static_cast<std::size_t>(count + 2 * kHalfTaps), 0.0f);
        for (qsizetype i = 0; i < count; ++i)
            padded[std::size_t(i + kHalfTaps)] = float(in[i]);
        const qsizetype outCount = (count * m_up + m_down - 1) / m_down;
        std::vector<opus_int16> out(static_cast<std::size_t>(outCount));
        for (qsizetype n = 0; n < outCount; ++n) {
            const qint64 position = n * m_down;
            // Input sample position / m_up - kHalfTaps + 1 is padded[position / m_up + 1].
            const float *x = &padded[std::size_t(position / m_up + 1)];
            const float *taps = &m_taps[std::size_t(position % m_up) * 2 * kHalfTaps];
            // Four sums in a fixed order: the compiler makes them one vector operation.
            float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int k = 0; k < 2 * kHalfTaps; k += 4) {
                a0 += x[k] * taps[k];
                a1 += x[k + 1] * taps[k + 1];
                a2 += x[k + 2] * taps[k + 2];
                a3 += x[k + 3] * taps[k + 3];
            }
            const float y = (a0 + a1) + (a2 + a3);
            out[std::size_t(n)] = opus_int16(std::lrint(std::clamp(y, -32768.0f, 32767.0f)));
        }
        return out;
    }

private:
    int m_up = 1;
    int m_down = 1;
    std::vector<float> m_taps;
};

const Resampler &resamplerFor(int rate)
{
    // espeak-ng speaks at 22,050 Hz, whatever the voice.
    static const Resampler espeakRate(22'050);
    if (rate == 22'050)
        return espeakRate;
    thread_local std::unique_ptr<Resampler> other;
    thread_local int otherRate = 0;
    if (!other || otherRate != rate) {
        other = std::make_unique<Resampler>(rate);
        otherRate = rate;
    }
    return *other;
}

struct EncoderDeleter
{
    void operator()(OpusEncoder *e) const { opus_encoder_destroy(e); }
};

/** Collects the pages of one logical Ogg stream. */
class OggWriter
{
public:
    explicit OggWriter(quint32 serial) { ogg_stream_init(&m_stream, int(serial)); }
    ~OggWriter() { ogg_stream_clear(&m_stream); }
    OggWriter(const OggWriter &) = delete;
    OggWriter &operator=(const OggWriter &) = delete;

    void add(const QByteArray &packet, bool first, bool last, qint64 granule, bool flush)
    {
        add(reinterpret_cast<const unsigned char *>(packet.constData()), packet.size(), first, last, granule, flush);
    }

    void add(const unsigned char *data, qsizetype size, bool first, bool last, qint64 granule, bool flush)
    {
        ogg_packet packet{};
        packet.packet = const_cast<unsigned char *>(data);
        packet.bytes = long(size);
        packet.b_o_s = first ? 1 : 0;
        packet.e_o_s = last ? 1 : 0;
        packet.granulepos = granule;
        packet.packetno = m_packets++;
        ogg_stream_packetin(&m_stream, &packet);
        ogg_page page;
        // Headers end their pages (RFC 7845); audio pages fill up, the last one is flushed.
        while ((flush || last) ? ogg_stream_flush(&m_stream, &page) : ogg_stream_pageout(&m_stream, &page)) {
            m_bytes.append(reinterpret_cast<const char *>(page.header), page.header_len);
            m_bytes.append(reinterpret_cast<const char *>(page.body), page.body_len);
        }
    }

    [[nodiscard]] QByteArray bytes() const { return m_bytes; }

private:
    ogg_stream_state m_stream{};
    ogg_int64_t m_packets = 0;
    QByteArray m_bytes;
};

} // namespace

QString SpeechEncoder::version()
{
    return QString::fromLatin1(opus_get_version_string())
        + u", mono %1 Hz (Kaiser-windowed sinc, %2 taps, flat to %3 Hz), %4 bit/s VBR, voice, complexity %5, 60 ms frames"_s
              .arg(kEncoderRate)
              .arg(2 * kHalfTaps)
              .arg(kPassbandHz)
              .arg(kBitrate)
              .arg(kComplexity);
}

static_assert(SpeechEncoder::kRate == kEncoderRate);

QByteArray SpeechEncoder::resample(const QByteArray &samples, int rate)
{
    if (rate == kEncoderRate || rate <= 0)
        return samples;
    const qsizetype inCount = samples.size() / 2;
    std::vector<qint16> in(static_cast<std::size_t>(inCount));
    for (qsizetype i = 0; i < inCount; ++i)
        in[std::size_t(i)] = qFromLittleEndian<qint16>(samples.constData() + 2 * i);
    const std::vector<opus_int16> pcm = resamplerFor(rate).run(in.data(), inCount);
    QByteArray out(qsizetype(pcm.size()) * 2, Qt::Uninitialized);
    for (std::size_t i = 0; i < pcm.size(); ++i)
        qToLittleEndian<qint16>(pcm[i], out.data() + 2 * qsizetype(i));
    return out;
}

Result<QByteArray> SpeechEncoder::encode(const QByteArray &samples, int rate, quint32 serial)
{
    if (rate <= 0 || samples.size() % 2 != 0)
        return Problem{{}, 0, u"no 16-bit samples to encode"_s, {}};
    const qsizetype inCount = samples.size() / 2;
    std::vector<opus_int16> pcm;
    if (rate == kEncoderRate) {
        pcm.resize(std::size_t(inCount));
        for (qsizetype i = 0; i < inCount; ++i)
            pcm[std::size_t(i)] = qFromLittleEndian<qint16>(samples.constData() + 2 * i);
    } else {
        std::vector<qint16> in(static_cast<std::size_t>(inCount));
        for (qsizetype i = 0; i < inCount; ++i)
            in[std::size_t(i)] = qFromLittleEndian<qint16>(samples.constData() + 2 * i);
        pcm = resamplerFor(rate).run(in.data(), inCount);
    }

    int error = OPUS_OK;
    const std::unique_ptr<OpusEncoder, EncoderDeleter> encoder(
        opus_encoder_create(kEncoderRate, 1, OPUS_APPLICATION_AUDIO, &error));
    if (error != OPUS_OK || !encoder)
        return Problem{{}, 0, u"libopus: %1"_s.arg(QString::fromUtf8(opus_strerror(error))), {}};
    opus_encoder_ctl(encoder.get(), OPUS_SET_BITRATE(kBitrate));
    opus_encoder_ctl(encoder.get(), OPUS_SET_VBR(1));
    opus_encoder_ctl(encoder.get(), OPUS_SET_COMPLEXITY(kComplexity));
    opus_encoder_ctl(encoder.get(), OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    opus_encoder_ctl(encoder.get(), OPUS_SET_LSB_DEPTH(16));
    opus_encoder_ctl(encoder.get(), OPUS_SET_EXPERT_FRAME_DURATION(OPUS_FRAMESIZE_60_MS));
    opus_int32 lookahead = 0;
    opus_encoder_ctl(encoder.get(), OPUS_GET_LOOKAHEAD(&lookahead));
    const int granulePerSample = kGranuleRate / kEncoderRate;
    const qint64 preSkip = qint64(lookahead) * granulePerSample;

    OggWriter ogg(serial);
    // Identification header (RFC 7845 5.1): version 1, one channel, channel mapping family 0.
    QByteArray head("OpusHead", 8);
    head.append(char(1)).append(char(1));
    char field[4];
    qToLittleEndian<quint16>(quint16(preSkip), field);
    head.append(field, 2);
    qToLittleEndian<quint32>(quint32(rate), field);
    head.append(field, 4);
    head.append(2, '\0'); // output gain
    head.append(char(0));
    ogg.add(head, true, false, 0, true);
    // Comment header (5.2): the vendor string, no comments.
    const QByteArray vendor(opus_get_version_string());
    QByteArray tags("OpusTags", 8);
    qToLittleEndian<quint32>(quint32(vendor.size()), field);
    tags.append(field, 4).append(vendor);
    tags.append(4, '\0');
    ogg.add(tags, false, false, 0, true);

    // The encoder gives its first `lookahead` samples late: feed that many zeros after the
    // speech, and the decoder drops that many at the start (pre-skip) and trims the end
    // to the last granule position.
    const qsizetype speechSamples = qsizetype(pcm.size());
    const qsizetype total = speechSamples + lookahead;
    pcm.resize(std::size_t((total + kFrameSamples - 1) / kFrameSamples * kFrameSamples), 0);
    const qint64 endGranule = preSkip + qint64(speechSamples) * granulePerSample;
    unsigned char packet[kMaxPacketBytes];
    for (qsizetype at = 0; at < total; at += kFrameSamples) {
        const opus_int32 bytes = opus_encode(encoder.get(), pcm.data() + at, kFrameSamples, packet, kMaxPacketBytes);
        if (bytes < 0)
            return Problem{{}, 0, u"libopus: %1"_s.arg(QString::fromUtf8(opus_strerror(bytes))), {}};
        const bool last = at + kFrameSamples >= total;
        const qint64 granule = last ? endGranule : qint64(at + kFrameSamples) * granulePerSample;
        ogg.add(packet, bytes, false, last, granule, false);
    }
    return ogg.bytes();
}

} // namespace passerelle::content
