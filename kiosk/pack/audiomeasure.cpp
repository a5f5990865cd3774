#include "audiomeasure.h"

#include "loudness.h"
#include "sha256.h"
#include "speechaudio.h"
#include "textunits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QScopeGuard>
#include <QtEndian>

#include <ogg/ogg.h>
#include <opus/opus.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

// Ogg Opus granule positions count samples at 48 kHz (RFC 7845).
constexpr int kGranuleRate = 48'000;
constexpr int kMaxFrameSamples = 5760; // 120 ms at 48 kHz

int rateOf(int bandwidth)
{
    switch (bandwidth) {
    case OPUS_BANDWIDTH_NARROWBAND:
        return 8000;
    case OPUS_BANDWIDTH_MEDIUMBAND:
        return 12000;
    case OPUS_BANDWIDTH_WIDEBAND:
        return 16000;
    case OPUS_BANDWIDTH_SUPERWIDEBAND:
        return 24000;
    default:
        return 48000;
    }
}

Problem notOpus(const QString &why)
{
    return Problem{{}, 0, u"not a readable Ogg Opus stream: "_s + why, u"record it again, or convert it with opusenc"_s};
}

} // namespace

Result<DecodedClip> decodeOggOpus(const QByteArray &bytes)
{
    // Gather the packets of the first logical stream, then decode them at the rate of the
    // widest band any of them codes (reading each packet's TOC byte costs nothing).
    ogg_sync_state sync;
    ogg_sync_init(&sync);
    const auto clearSync = qScopeGuard([&] { ogg_sync_clear(&sync); });
    char *buffer = ogg_sync_buffer(&sync, long(bytes.size()));
    std::memcpy(buffer, bytes.constData(), size_t(bytes.size()));
    ogg_sync_wrote(&sync, long(bytes.size()));
    ogg_stream_state stream;
    bool streamStarted = false;
    const auto clearStream = qScopeGuard([&] {
        if (streamStarted)
            ogg_stream_clear(&stream);
    });
    QByteArray head;
    std::vector<QByteArray> packets;
    qint64 lastGranule = -1;
    int packetIndex = 0;
    ogg_page page;
    while (ogg_sync_pageout(&sync, &page) == 1) {
        if (!streamStarted) {
            ogg_stream_init(&stream, ogg_page_serialno(&page));
            streamStarted = true;
        } else if (ogg_page_serialno(&page) != stream.serialno) {
            continue; // another logical stream: not the clip's
        }
        if (ogg_stream_pagein(&stream, &page) != 0)
            return notOpus(u"a damaged Ogg page"_s);
        ogg_packet packet;
        while (ogg_stream_packetout(&stream, &packet) == 1) {
            const QByteArray data(reinterpret_cast<const char *>(packet.packet), qsizetype(packet.bytes));
            if (packetIndex == 0)
                head = data;
            else if (packetIndex > 1) // 1 is OpusTags
                packets.push_back(data);
            ++packetIndex;
        }
        if (ogg_page_granulepos(&page) >= 0)
            lastGranule = ogg_page_granulepos(&page);
    }
    if (head.size() < 19 || !head.startsWith("OpusHead"))
        return notOpus(u"no OpusHead"_s);
    const int channels = quint8(head.at(9));
    const int preSkip = qFromLittleEndian<quint16>(head.constData() + 10);
    const int outputGain = qFromLittleEndian<qint16>(head.constData() + 16); // Q7.8 dB
    if (quint8(head.at(18)) != 0 || channels < 1 || channels > 2)
        return notOpus(u"more than two channels"_s);

    int rate = 8000;
    for (const QByteArray &p : packets) {
        const int bandwidth = opus_packet_get_bandwidth(reinterpret_cast<const unsigned char *>(p.constData()));
        if (bandwidth < 0)
            return notOpus(u"a damaged Opus packet"_s);
        rate = std::max(rate, rateOf(bandwidth));
    }
    int error = OPUS_OK;
    const std::unique_ptr<OpusDecoder, decltype(&opus_decoder_destroy)> decoder(opus_decoder_create(rate, channels, &error),
                                                                                 &opus_decoder_destroy);
    if (!decoder || error != OPUS_OK)
        return notOpus(QString::fromUtf8(opus_strerror(error)));
    if (outputGain != 0)
        opus_decoder_ctl(decoder.get(), OPUS_SET_GAIN(outputGain));

    DecodedClip clip{rate, {}};
    const int maxFrame = kMaxFrameSamples * rate / kGranuleRate;
    std::vector<opus_int16> pcm(size_t(maxFrame * channels));
    QByteArray mono;
    for (const QByteArray &p : packets) {
        const int n = opus_decode(decoder.get(), reinterpret_cast<const unsigned char *>(p.constData()), opus_int32(p.size()),
                                  pcm.data(), maxFrame, 0);
        if (n < 0)
            return notOpus(QString::fromUtf8(opus_strerror(n)));
        const qsizetype at = mono.size();
        mono.resize(at + qsizetype(n) * 2);
        for (int i = 0; i < n; ++i) {
            int v = pcm[size_t(i * channels)];
            if (channels == 2)
                v = (v + pcm[size_t(i * 2 + 1)]) / 2;
            qToLittleEndian<qint16>(qint16(v), mono.data() + at + qsizetype(i) * 2);
        }
    }
    // The first preSkip samples are the decoder's warm-up; the last page's granule position
    // says where the clip ends (RFC 7845 4.2, 4.4).
    const qint64 skip = qint64(preSkip) * rate / kGranuleRate;
    qint64 end = mono.size() / 2;
    if (lastGranule >= 0)
        end = std::min(end, std::max<qint64>(0, (lastGranule * rate + kGranuleRate - 1) / kGranuleRate));
    clip.samples = skip < end ? mono.mid(skip * 2, (end - skip) * 2) : QByteArray();
    return clip;
}

Result<ClipMeasure> measureOggOpus(const QByteArray &bytes)
{
    Result<DecodedClip> clip = decodeOggOpus(bytes);
    if (!clip)
        return clip.problem();
    ClipMeasure m;
    m.seconds = double(clip->samples.size() / 2) / clip->rate;
    m.loudness = clipLoudness(clip->samples, clip->rate);
    return m;
}

QString MeasureCache::pathOf(const QString &sha256) const
{
    return m_dir + u"/loudness-1/"_s + sha256 + u".json"_s;
}

std::optional<ClipMeasure> MeasureCache::find(const QString &sha256) const
{
    if (m_dir.isEmpty())
        return std::nullopt;
    QFile file(pathOf(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (!o.value(u"seconds"_s).isDouble())
        return std::nullopt;
    ClipMeasure m;
    m.seconds = o.value(u"seconds"_s).toDouble();
    if (o.value(u"loudness"_s).isDouble())
        m.loudness = o.value(u"loudness"_s).toDouble();
    return m;
}

bool MeasureCache::store(const QString &sha256, const ClipMeasure &measure) const
{
    if (m_dir.isEmpty() || !QFileInfo(m_dir).isDir() || !QDir().mkpath(m_dir + u"/loudness-1"_s))
        return false;
    QJsonObject o{{u"seconds"_s, measure.seconds}};
    o.insert(u"loudness"_s, measure.loudness ? QJsonValue(*measure.loudness) : QJsonValue());
    QSaveFile file(pathOf(sha256));
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) > 0
        && file.commit();
}

Result<ClipMeasure> MeasureCache::measure(const QString &sha256, const QString &file) const
{
    if (std::optional<ClipMeasure> known = find(sha256))
        return *known;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Problem{file, 0, u"cannot read the clip: "_s + f.errorString(), {}};
    Result<ClipMeasure> m = measureOggOpus(f.readAll());
    if (!m)
        return Problem{file, 0, m.problem().message, m.problem().hint};
    store(sha256, m.value());
    return m;
}

std::optional<Problem> loudnessWarning(const QString &recording, const ClipMeasure &measure)
{
    const QString hint = u"import it with passerelle-pack import-audio, which normalises it"_s;
    if (!measure.loudness)
        return Problem{recording, 0, u"this recording is silent"_s, u"record it again"_s, Problem::Severity::Warning};
    const double off = *measure.loudness - kLoudnessTarget;
    if (std::abs(off) <= kLoudnessToleranceLu)
        return std::nullopt;
    return Problem{recording, 0,
                   u"this recording is %1 LU %2 than the other clips (%3 LUFS; the pack's clips are at %4 LUFS)"_s
                       .arg(QString::number(std::abs(off), 'f', 1), off > 0 ? u"louder"_s : u"quieter"_s,
                            QString::number(*measure.loudness, 'f', 1), QString::number(kLoudnessTarget, 'f', 0)),
                   hint, Problem::Severity::Warning};
}

void measureCatalog(AudioCatalog &catalog, const QString &cacheDir, Problems &problems)
{
    const MeasureCache cache(cacheDir);
    for (const AudioClip &clip : catalog.clips()) {
        if (catalog.measures.contains(clip.sha256))
            continue;
        const Result<ClipMeasure> m = cache.measure(clip.sha256, clip.file);
        if (!m) {
            problems.append(clip.synthetic ? Problem{m.problem().file, 0, m.problem().message, u"delete it from the cache"_s}
                                           : m.problem());
            continue;
        }
        catalog.measures.insert(clip.sha256, m.value());
        if (!clip.synthetic) {
            if (const std::optional<Problem> warning = loudnessWarning(clip.file, m.value()))
                problems.append(*warning);
        }
    }
}

void checkRecordingLoudness(const ContentSet &set, const QString &cacheDir, Problems &problems)
{
    const MeasureCache cache(cacheDir);
    QSet<QString> seen;
    for (const LanguageDecl &l : set.pack.languages) {
        for (const TextUnit &unit : textUnits(set, l.code)) {
            const QString recording = recordingPath(set, unit);
            if (recording.isEmpty() || seen.contains(recording))
                continue;
            seen.insert(recording);
            QFile file(recording);
            if (!file.open(QIODevice::ReadOnly) || !looksLikeOggOpus(file.peek(128)))
                continue; // checkAudio says so
            const QString hash = sha256HexOfFile(recording);
            const Result<ClipMeasure> m = cache.measure(hash, recording);
            if (!m)
                problems.append(m.problem());
            else if (const std::optional<Problem> warning = loudnessWarning(recording, m.value()))
                problems.append(*warning);
        }
    }
}

} // namespace passerelle::content
