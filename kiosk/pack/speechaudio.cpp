#include "speechaudio.h"
#include "pronunciation.h"

#include "loudness.h"
#include "sha256.h"
#include "speechencoder.h"
#include "speechprotocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <vector>

namespace passerelle::content {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAudio, "passerelle.pack.audio")

namespace {

// Words per minute: a little slower than espeak-ng's 175, for listeners under stress
// who may hear their language with another accent.
constexpr int kSpeechRate = 160;
// espeak-ng ends every text with about 0.4 s of silence; keep 0.1 s of it.
constexpr double kTrailingSilenceSeconds = 0.1;
constexpr int kSilenceLevel = 64; // of 32767
constexpr int kProcessTimeoutMs = 60'000;
// The encoder (16 kbit/s SILK) takes this much loudness off espeak-ng's speech: measured
// on the demo content's 3,192 clips, decoded, normalised to -18 LUFS before encoding, the
// median clip came out at -18.7 LUFS (half of them within 0.13 LU of it). Aimed higher
// by as much, the clips in the pack sit at the target.
constexpr double kCodecLossLu = 0.7;
// A clip the encoder left further than this from the target (a word or two: the codec's
// start weighs more in it) is spoken and encoded again, aimed as far off the other way.
constexpr double kRetryLu = 0.5;

QString findProgram(const QString &name, const QStringList &firstLookIn = {})
{
    if (name.contains(u'/'))
        return QFileInfo(name).isExecutable() ? name : QString();
    const QString beside = firstLookIn.isEmpty() ? QString() : QStandardPaths::findExecutable(name, firstLookIn);
    return beside.isEmpty() ? QStandardPaths::findExecutable(name) : beside;
}

/** Where passerelle-speak is, apart from PATH: beside this program, or where the package puts it. */
QStringList speechServerFolders()
{
    if (!QCoreApplication::instance())
        return {};
    const QString here = QCoreApplication::applicationDirPath();
    return {here, QDir::cleanPath(here + u"/../libexec/passerelle"_s)};
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

Problem speechServerMissing()
{
    return Problem{{}, 0, u"passerelle-speak was not found beside passerelle-pack, in ../libexec/passerelle, nor on PATH"_s,
                   u"reinstall passerelle, or build with --no-audio"_s};
}

/** Drops the trailing silence of 16-bit mono samples but kTrailingSilenceSeconds of it. */
void trimTrailingSilence(Speech &speech)
{
    // Shorter clips, and the next text follows sooner.
    qsizetype frames = speech.samples.size() / 2;
    const qsizetype all = frames;
    while (frames > 0 && std::abs(int(qFromLittleEndian<qint16>(speech.samples.constData() + 2 * (frames - 1))))
               < kSilenceLevel)
        --frames;
    frames = std::min(all, frames + qsizetype(kTrailingSilenceSeconds * speech.rate));
    speech.samples.truncate(frames * 2);
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

SpeechServer::SpeechServer(const QString &program, const QString &voice, int wordsPerMinute)
    : m_program(program), m_voice(voice), m_wordsPerMinute(wordsPerMinute)
{
}

SpeechServer::~SpeechServer()
{
    if (m_process && m_process->state() == QProcess::Running) {
        // The end of its input ends the server.
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(kProcessTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
}

bool SpeechServer::read(QByteArray &into, qsizetype size)
{
    into.clear();
    while (into.size() < size) {
        if (m_process->bytesAvailable() == 0 && !m_process->waitForReadyRead(kProcessTimeoutMs))
            return false;
        into += m_process->read(size - into.size());
    }
    return true;
}

QString SpeechServer::failure(const QString &what)
{
    // The next text starts another server. Whatever this one said on stderr (an unknown
    // voice, a crash) says more than what we saw.
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(1000))
        m_process->kill();
    m_process->waitForFinished();
    const QString said = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    m_process.reset();
    return said.isEmpty() ? what : said;
}

Result<Speech> SpeechServer::speak(const QString &text)
{
    if (!m_process) {
        m_process = std::make_unique<QProcess>();
        m_process->start(m_program, {m_voice, QString::number(m_wordsPerMinute)});
        if (!m_process->waitForStarted(kProcessTimeoutMs)) {
            const QString error = u"cannot start %1: %2"_s.arg(m_program, m_process->errorString());
            m_process.reset();
            return Problem{{}, 0, error, {}};
        }
    }
    // As `espeak-ng --stdin` reads it, with its final newline.
    const QByteArray utf8 = text.toUtf8() + '\n';
    QByteArray request(4, '\0');
    speech::putU32(reinterpret_cast<unsigned char *>(request.data()), quint32(utf8.size()));
    request += utf8;
    m_process->write(request);

    QByteArray header;
    if (!read(header, speech::kHeaderBytes))
        return Problem{{}, 0, failure(u"passerelle-speak did not answer"_s), {}};
    const auto *h = reinterpret_cast<const unsigned char *>(header.constData());
    const quint32 status = speech::getU32(h);
    Speech spoken{int(speech::getU32(h + 4)), {}};
    const quint32 size = speech::getU32(h + 8);
    if (size > speech::kMaxPcmBytes || !read(spoken.samples, size))
        return Problem{{}, 0, failure(u"passerelle-speak did not answer"_s), {}};
    if (status != speech::kStatusSpoken)
        return Problem{{}, 0, failure(QString::fromUtf8(spoken.samples)), {}};
    if (spoken.rate <= 0)
        return Problem{{}, 0, u"passerelle-speak gave no sample rate"_s, {}};
    return spoken;
}

Result<SpeechEngine> SpeechEngine::detect(const AudioOptions &options)
{
    SpeechEngine engine;
    engine.m_espeak = findProgram(options.espeak);
    // Not required here: checking the voices needs espeak-ng only. Speaking says when it is missing.
    engine.m_server = findProgram(options.speechServer, speechServerFolders());
    const QString hint = u"install espeak-ng (deploy/install-deps.sh), or build with --no-audio"_s;
    if (engine.m_espeak.isEmpty())
        return Problem{{}, 0, u"%1 was not found"_s.arg(options.espeak), hint};
    const RunResult espeak = runProgram(engine.m_espeak, {u"--version"_s});
    if (!espeak.ok)
        return Problem{{}, 0, espeak.error, hint};
    // "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/..." -> the part before the data path.
    // passerelle-speak links the library of this same espeak-ng (Debian's espeak-ng depends
    // on libespeak-ng1 of its own version), so this is the version that speaks.
    QString espeakVersion = QString::fromUtf8(espeak.out).trimmed();
    espeakVersion = espeakVersion.left(espeakVersion.indexOf(u"Data at"_s)).trimmed();
    engine.m_version = espeakVersion + u"; "_s + QString::fromLatin1(speech::kServerMethod) + u"; rate "_s
        + QString::number(kSpeechRate) + u"; "_s + SpeechEncoder::version() + u"; loudness "_s
        + QString::number(kLoudnessTarget) + u" LUFS + "_s + QString::number(kCodecLossLu) + u", limited, again over "_s
        + QString::number(kRetryLu) + u" LU"_s;
    return engine;
}

QString SpeechEngine::cacheKey(const QString &voice, const QString &text) const
{
    return sha256Hex((m_version + QChar(0x1f) + voice + QChar(0x1f) + text).toUtf8());
}

std::unique_ptr<SpeechServer> SpeechEngine::speechServer(const QString &voice) const
{
    return std::make_unique<SpeechServer>(m_server, voice, kSpeechRate);
}

Result<QByteArray> SpeechEngine::synthesize(const QString &voice, const QString &text, quint32 serial) const
{
    const std::unique_ptr<SpeechServer> server = speechServer(voice);
    return synthesize(*server, text, serial);
}

Result<QByteArray> SpeechEngine::synthesize(SpeechServer &server, const QString &text, quint32 serial,
                                            double correctionLu) const
{
    if (m_server.isEmpty())
        return speechServerMissing();
    Result<Speech> spoken = server.speak(text);
    if (!spoken)
        return spoken.problem();
    trimTrailingSilence(spoken.value());
    // Brought to the pack's loudness as the encoder codes it: at its rate, without the band it drops.
    const QByteArray coded = normaliseLoudness(SpeechEncoder::resample(spoken->samples, spoken->rate), SpeechEncoder::kRate,
                                               kLoudnessTarget + kCodecLossLu + correctionLu);
    return SpeechEncoder::encode(coded, SpeechEncoder::kRate, serial);
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
        if (options.synthesize && !QDir().mkpath(options.cacheDir)) {
            problems.append(Problem{options.cacheDir, 0, u"cannot create the audio cache folder"_s,
                                    u"choose another one with --audio-cache DIR"_s});
            return catalog;
        }
    }

    for (const LanguageDecl &l : set.pack.languages) {
        const Pronunciations pronunciations = Pronunciations::read(set.root, l.code, problems);
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
            // The key is made of what is said, so a changed pronunciation re-synthesises exactly its texts.
            const QString spoken = spokenForm(unit, pronunciations);
            const QString key = engine->cacheKey(l.voice, spoken);
            const QString file = QDir(options.cacheDir).filePath(key + u".opus"_s);
            pending.append({l.code, unit.key, file});
            if (queued.contains(key))
                continue;
            queued.insert(key);
            if (QFileInfo::exists(file))
                ++catalog.stats.cached;
            else if (!options.synthesize)
                ++catalog.stats.unbuilt;
            else
                jobs.append({l.voice, spoken, key, file, unit.origin});
        }
    }

    if (!jobs.isEmpty() && !engine->canSpeak()) {
        problems.append(speechServerMissing());
        return catalog;
    }
    if (!jobs.isEmpty()) {
        // Each worker speaks with a server of the voice of its job and keeps it for the
        // next job, which has the same voice but when a language ends: the jobs come in
        // voice order. Speaking and encoding alternate in each worker, so with one worker
        // per core every core has a process to run.
        std::stable_sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) { return a.voice < b.voice; });
        const int workerCount = int(std::min<qsizetype>(options.jobs > 0 ? options.jobs : QThread::idealThreadCount(),
                                                        jobs.size()));
        std::atomic<qsizetype> next = 0;
        QMutex mutex;
        const auto work = [&] {
            std::unique_ptr<SpeechServer> server;
            for (qsizetype i = next++; i < jobs.size(); i = next++) {
                const Job &job = jobs.at(i);
                if (!server || server->voice() != job.voice)
                    server = engine->speechServer(job.voice);
                Result<QByteArray> clip = engine->synthesize(*server, job.text, serialOf(job.cacheKey));
                std::optional<ClipMeasure> measured;
                if (clip) {
                    if (Result<ClipMeasure> m = measureOggOpus(clip.value()); m.ok())
                        measured = m.value();
                    if (measured && measured->loudness && std::abs(*measured->loudness - kLoudnessTarget) > kRetryLu) {
                        Result<QByteArray> again = engine->synthesize(*server, job.text, serialOf(job.cacheKey),
                                                                      kLoudnessTarget - *measured->loudness);
                        Result<ClipMeasure> m = again ? measureOggOpus(again.value()) : Result<ClipMeasure>(again.problem());
                        if (m && m->loudness
                            && std::abs(*m->loudness - kLoudnessTarget) < std::abs(*measured->loudness - kLoudnessTarget)) {
                            clip = std::move(again);
                            measured = m.value();
                        }
                    }
                }
                QString error;
                if (clip) {
                    // Written whole or not at all: a cache never holds half a clip.
                    QSaveFile file(job.cacheFile);
                    if (!file.open(QIODevice::WriteOnly) || file.write(clip.value()) != clip.value().size()
                        || !file.commit())
                        error = u"cannot write %1: %2"_s.arg(job.cacheFile, file.errorString());
                    else if (measured)
                        MeasureCache(options.cacheDir).store(sha256Hex(clip.value()), *measured);
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
            }
        };
        std::vector<std::unique_ptr<QThread>> workers;
        for (int w = 0; w < workerCount; ++w) {
            workers.emplace_back(QThread::create(work));
            workers.back()->start();
        }
        for (const auto &worker : workers)
            worker->wait();
        qCInfo(lcAudio, "synthesized %d clips with %d jobs", catalog.stats.synthesized, workerCount);
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
    // Not for the preview's catalogs (no audio and no cache: it rebuilds on every save).
    if (options.enabled || !options.cacheDir.isEmpty())
        measureCatalog(catalog, options.enabled ? options.cacheDir : QString(), problems);
    return catalog;
}

} // namespace passerelle::content
