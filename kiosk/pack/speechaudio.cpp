#include "speechaudio.h"

#include "sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QThreadPool>
#include <QtEndian>

namespace passerelle::content {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAudio, "passerelle.pack.audio")

namespace {

// Words per minute: a little slower than espeak-ng's 175, for listeners under stress
// who may hear their language with another accent.
constexpr int kSpeechRate = 160;
// Mono speech at 16 kbit/s (Opus' SILK speech mode), about 2 kB per second. Encoding is
// most of a cold build's time: complexity 0 with 60 ms frames encodes about 230 times
// faster than real time on this project's 2-core machines, 2.5 times faster than the
// default settings, for a synthetic voice whose own quality is the limit.
const QStringList kEncoderSettings{u"--speech"_s, u"--bitrate"_s, u"16"_s, u"--comp"_s, u"0"_s,
                                   u"--framesize"_s, u"60"_s, u"--padding"_s, u"0"_s};
// espeak-ng ends every text with about 0.4 s of silence; keep 0.1 s of it.
constexpr double kTrailingSilenceSeconds = 0.1;
constexpr int kSilenceLevel = 64; // of 32767
constexpr int kProcessTimeoutMs = 60'000;

QString findProgram(const QString &name)
{
    if (name.contains(u'/'))
        return QFileInfo(name).isExecutable() ? name : QString();
    return QStandardPaths::findExecutable(name);
}

struct RunResult
{
    bool ok = false;
    QByteArray out;
    QString error;
};

RunResult runProgram(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, args);
    RunResult result;
    if (!process.waitForStarted(kProcessTimeoutMs)) {
        result.error = u"cannot start %1: %2"_s.arg(program, process.errorString());
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.error = u"%1 did not finish in %2 s"_s.arg(program).arg(kProcessTimeoutMs / 1000);
        return result;
    }
    result.out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        result.error = u"%1 failed: %2"_s.arg(QFileInfo(program).fileName(),
                                             QString::fromUtf8(process.readAllStandardError()).trimmed());
        return result;
    }
    result.ok = true;
    return result;
}

/** The PCM samples of a WAV file written to a pipe (whose header sizes are placeholders). */
struct Pcm
{
    int rate = 0;
    int channels = 0;
    int bits = 0;
    QByteArray samples;
};

std::optional<Pcm> parseWav(const QByteArray &wav)
{
    if (wav.size() < 12 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return std::nullopt;
    Pcm pcm;
    qsizetype at = 12;
    while (at + 8 <= wav.size()) {
        const QByteArray id = wav.mid(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(wav.constData() + at + 4);
        const qsizetype body = at + 8;
        if (id == "fmt " && body + 16 <= wav.size()) {
            const char *f = wav.constData() + body;
            if (qFromLittleEndian<quint16>(f) != 1) // PCM
                return std::nullopt;
            pcm.channels = qFromLittleEndian<quint16>(f + 2);
            pcm.rate = int(qFromLittleEndian<quint32>(f + 4));
            pcm.bits = qFromLittleEndian<quint16>(f + 14);
        } else if (id == "data") {
            // Written to a pipe, the size is a placeholder: the data runs to the end.
            const qsizetype available = wav.size() - body;
            pcm.samples = wav.mid(body, std::min<qsizetype>(available, size));
            break;
        }
        at = body + size + (size & 1);
    }
    if (pcm.rate <= 0 || pcm.channels <= 0 || pcm.bits != 16)
        return std::nullopt;
    // Trim the trailing silence: shorter clips, and the next text follows sooner.
    const qsizetype frameBytes = 2 * pcm.channels;
    qsizetype frames = pcm.samples.size() / frameBytes;
    const auto loud = [&](qsizetype frame) {
        for (int c = 0; c < pcm.channels; ++c) {
            const qint16 v = qFromLittleEndian<qint16>(pcm.samples.constData() + frame * frameBytes + 2 * c);
            if (std::abs(int(v)) >= kSilenceLevel)
                return true;
        }
        return false;
    };
    while (frames > 0 && !loud(frames - 1))
        --frames;
    frames = std::min(pcm.samples.size() / frameBytes, frames + qsizetype(kTrailingSilenceSeconds * pcm.rate));
    pcm.samples.truncate(frames * frameBytes);
    return pcm;
}

quint32 serialOf(const QString &cacheKey)
{
    return cacheKey.left(8).toUInt(nullptr, 16);
}

} // namespace

const AudioClip *AudioCatalog::find(const QString &lang, const QString &key) const
{
    auto it = m_clips.constFind(lang + u'\n' + key);
    return it == m_clips.cend() ? nullptr : &*it;
}

void AudioCatalog::insert(const QString &lang, const QString &key, const AudioClip &clip)
{
    m_clips.insert(lang + u'\n' + key, clip);
}

Result<SpeechEngine> SpeechEngine::detect(const AudioOptions &options)
{
    SpeechEngine engine;
    engine.m_espeak = findProgram(options.espeak);
    engine.m_opusenc = findProgram(options.opusenc);
    const QString hint = u"install espeak-ng and opus-tools (deploy/install-deps.sh), or build with --no-audio"_s;
    if (engine.m_espeak.isEmpty())
        return Problem{{}, 0, u"%1 was not found"_s.arg(options.espeak), hint};
    if (engine.m_opusenc.isEmpty())
        return Problem{{}, 0, u"%1 was not found"_s.arg(options.opusenc), hint};
    const RunResult espeak = runProgram(engine.m_espeak, {u"--version"_s});
    const RunResult opusenc = runProgram(engine.m_opusenc, {u"--version"_s});
    if (!espeak.ok || !opusenc.ok)
        return Problem{{}, 0, espeak.ok ? opusenc.error : espeak.error, hint};
    // "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/..." -> the part before the data path.
    QString espeakVersion = QString::fromUtf8(espeak.out).trimmed();
    espeakVersion = espeakVersion.left(espeakVersion.indexOf(u"Data at"_s)).trimmed();
    const QString opusVersion = QString::fromUtf8(opusenc.out).section(u'\n', 0, 0).trimmed();
    engine.m_version = espeakVersion + u"; "_s + opusVersion + u"; rate "_s + QString::number(kSpeechRate)
        + u"; "_s + kEncoderSettings.join(u' ');
    return engine;
}

QString SpeechEngine::cacheKey(const QString &voice, const QString &text) const
{
    return sha256Hex((m_version + QChar(0x1f) + voice + QChar(0x1f) + text).toUtf8());
}

Result<QByteArray> SpeechEngine::synthesize(const QString &voice, const QString &text, quint32 serial) const
{
    // The text goes through stdin, so a text starting with "-" is never read as an option.
    const RunResult wav = runProgram(m_espeak, {u"-v"_s, voice, u"-s"_s, QString::number(kSpeechRate),
                                                u"-b"_s, u"1"_s, u"--stdin"_s, u"--stdout"_s},
                                     text.toUtf8() + '\n');
    if (!wav.ok)
        return Problem{{}, 0, wav.error, {}};
    const std::optional<Pcm> pcm = parseWav(wav.out);
    if (!pcm)
        return Problem{{}, 0, u"espeak-ng wrote no 16-bit PCM WAV"_s, {}};
    QStringList args = kEncoderSettings;
    args << u"--quiet"_s << u"--serial"_s << QString::number(serial) << u"--raw"_s << u"--raw-bits"_s
         << u"16"_s << u"--raw-rate"_s << QString::number(pcm->rate) << u"--raw-chan"_s
         << QString::number(pcm->channels) << u"-"_s << u"-"_s;
    const RunResult opus = runProgram(m_opusenc, args, pcm->samples);
    if (!opus.ok)
        return Problem{{}, 0, opus.error, {}};
    if (!looksLikeOggOpus(opus.out))
        return Problem{{}, 0, u"opusenc wrote no Ogg Opus stream"_s, {}};
    return opus.out;
}

QStringList SpeechEngine::voices() const
{
    const RunResult list = runProgram(m_espeak, {u"--voices"_s});
    QStringList out;
    const QStringList lines = QString::fromUtf8(list.out).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        // Pty Language Age/Gender VoiceName File Other-languages
        const QStringList columns = lines[i].split(u' ', Qt::SkipEmptyParts);
        if (columns.size() < 5)
            continue;
        out << columns[1].toLower() << columns[3].toLower() << columns[4].toLower()
            << columns[4].section(u'/', -1).toLower();
    }
    out.removeDuplicates();
    return out;
}

QString recordingPath(const ContentSet &set, const TextUnit &unit)
{
    const QString path = QDir(set.root).filePath(u"audio/"_s + unit.lang + u'/' + unit.recording);
    return QFileInfo::exists(path) ? path : QString();
}

AudioSource audioSource(const ContentSet &set, const TextUnit &unit)
{
    if (!recordingPath(set, unit).isEmpty())
        return AudioSource::Human;
    for (const LanguageDecl &l : set.pack.languages) {
        if (l.code == unit.lang)
            return l.voice.isEmpty() || unit.speech().trimmed().isEmpty() ? AudioSource::None : AudioSource::Synthetic;
    }
    return AudioSource::None;
}

bool looksLikeOggOpus(const QByteArray &head)
{
    // The first Ogg page (27-byte header + segment table) carries the 8-byte "OpusHead".
    return head.startsWith("OggS") && head.left(128).contains("OpusHead");
}

QString defaultAudioCache(const QString &outDir)
{
    const QFileInfo out(QDir::cleanPath(QDir().absoluteFilePath(outDir)));
    return QDir(out.absolutePath()).filePath(u".cache/passerelle-audio"_s);
}

AudioCatalog prepareAudio(const ContentSet &set, const AudioOptions &options, Problems &problems)
{
    AudioCatalog catalog;
    struct Pending
    {
        QString lang;
        QString key;
        QString cacheFile;
    };
    struct Job
    {
        QString voice;
        QString text;
        QString cacheKey;
        QString cacheFile;
        Origin origin;
    };
    QList<Pending> pending;
    QList<Job> jobs;
    QSet<QString> queued;

    std::optional<SpeechEngine> engine;
    const bool anyVoice = std::any_of(set.pack.languages.cbegin(), set.pack.languages.cend(),
                                      [](const LanguageDecl &l) { return !l.voice.isEmpty(); });
    if (options.enabled && anyVoice) {
        Result<SpeechEngine> detected = SpeechEngine::detect(options);
        if (!detected) {
            problems.append(detected.problem());
            return catalog;
        }
        engine = detected.value();
        const QStringList known = engine->voices();
        for (const LanguageDecl &l : set.pack.languages) {
            if (!l.voice.isEmpty() && !known.contains(l.voice.toLower()))
                problems.append(Problem{l.origin.file, l.origin.line,
                                        u"espeak-ng has no voice \"%1\""_s.arg(l.voice),
                                        u"see espeak-ng --voices, or remove voice: for %1"_s.arg(l.code)});
        }
        if (hasErrors(problems))
            return catalog;
        if (!QDir().mkpath(options.cacheDir)) {
            problems.append(Problem{options.cacheDir, 0, u"cannot create the audio cache folder"_s,
                                    u"choose another one with --audio-cache DIR"_s});
            return catalog;
        }
    }

    for (const LanguageDecl &l : set.pack.languages) {
        for (const TextUnit &unit : textUnits(set, l.code)) {
            if (unit.speech().trimmed().isEmpty())
                continue;
            const QString recording = recordingPath(set, unit);
            if (!recording.isEmpty()) {
                const QString hash = sha256HexOfFile(recording);
                if (hash.isEmpty()) {
                    problems.append(Problem{recording, 0, u"cannot read the recording"_s, {}});
                    continue;
                }
                catalog.insert(l.code, unit.key, {hash, recording, false});
                ++catalog.stats.recorded;
                continue;
            }
            if (l.voice.isEmpty()) {
                ++catalog.stats.silent;
                continue;
            }
            if (!engine)
                continue;
            const QString key = engine->cacheKey(l.voice, unit.speech());
            const QString file = QDir(options.cacheDir).filePath(key + u".opus"_s);
            pending.append({l.code, unit.key, file});
            if (queued.contains(key))
                continue;
            queued.insert(key);
            if (QFileInfo::exists(file))
                ++catalog.stats.cached;
            else
                jobs.append({l.voice, unit.speech(), key, file, unit.origin});
        }
    }

    if (!jobs.isEmpty()) {
        QThreadPool pool;
        pool.setMaxThreadCount(options.jobs > 0 ? options.jobs : QThread::idealThreadCount());
        QMutex mutex;
        for (const Job &job : std::as_const(jobs)) {
            pool.start([&engine, &mutex, &problems, &catalog, job] {
                const Result<QByteArray> clip = engine->synthesize(job.voice, job.text, serialOf(job.cacheKey));
                QString error;
                if (clip) {
                    // Written whole or not at all: a cache never holds half a clip.
                    QSaveFile file(job.cacheFile);
                    if (!file.open(QIODevice::WriteOnly) || file.write(clip.value()) != clip.value().size()
                        || !file.commit())
                        error = u"cannot write %1: %2"_s.arg(job.cacheFile, file.errorString());
                } else {
                    error = clip.problem().message;
                }
                const QMutexLocker lock(&mutex);
                if (error.isEmpty())
                    ++catalog.stats.synthesized;
                else
                    problems.append(Problem{job.origin.file, job.origin.line,
                                            u"no speech for this text (voice %1): %2"_s.arg(job.voice, error),
                                            u"check the text, or build with --no-audio"_s});
            });
        }
        pool.waitForDone();
        qCInfo(lcAudio, "synthesized %d clips with %d jobs", catalog.stats.synthesized, pool.maxThreadCount());
    }

    QHash<QString, QString> hashes; // cache file -> sha256
    for (const Pending &p : std::as_const(pending)) {
        QString hash = hashes.value(p.cacheFile);
        if (hash.isEmpty()) {
            hash = sha256HexOfFile(p.cacheFile);
            if (hash.isEmpty())
                continue; // its synthesis failed and was reported
            hashes.insert(p.cacheFile, hash);
        }
        catalog.insert(p.lang, p.key, {hash, p.cacheFile, true});
    }
    return catalog;
}

} // namespace passerelle::content
