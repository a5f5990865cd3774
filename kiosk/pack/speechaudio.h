#pragma once

#include "audiomeasure.h"
#include "contentmodel.h"
#include "problem.h"
#include "textunits.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

QT_BEGIN_NAMESPACE
class QProcess;
QT_END_NAMESPACE

namespace passerelle::content {

/** How the build gets audio for the texts that have no human recording. */
struct AudioOptions
{
    bool enabled = true;
    /** Where synthesized clips are kept between builds; must be set when enabled. */
    QString cacheDir;
    /** False: only the clips already in the cache, nothing synthesized nor written (report). */
    bool synthesize = true;
    /** Parallel synthesis jobs; 0 means one per core. */
    int jobs = 0;
    /** Programs, found on PATH unless given as paths. */
    QString espeak = QStringLiteral("espeak-ng");
    /**
     * The speech server (kiosk/pack/speechserver.cpp), found beside the running program,
     * in ../libexec/passerelle/ from it (where the package installs it), or on PATH.
     */
    QString speechServer = QStringLiteral("passerelle-speak");
};

/** Where the audio of a text comes from. */
enum class AudioSource { None, Human, Synthetic };

/** One clip ready to go into a pack: its bytes are in file, named by sha256 in the pack. */
struct AudioClip
{
    QString sha256;
    QString file;
    bool synthetic = false;
};

/** The audio of every text of a build, by language and text key. */
class AudioCatalog
{
public:
    struct Stats
    {
        int recorded = 0;    // human recordings used
        int synthesized = 0; // clips made by this build
        int cached = 0;      // clips found in the cache
        int silent = 0;      // texts in a language with no voice and no recording
        int unbuilt = 0;     // synthetic texts not in the cache when nothing is synthesized
    };

    [[nodiscard]] const AudioClip *find(const QString &lang, const QString &key) const;
    void insert(const QString &lang, const QString &key, const AudioClip &clip);
    [[nodiscard]] bool isEmpty() const { return m_clips.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return m_clips.size(); }
    /** Every clip, by "lang\nkey". */
    [[nodiscard]] const QHash<QString, AudioClip> &clips() const { return m_clips; }

    Stats stats;
    /** Loudness and duration of every clip, by sha256 (measureCatalog). */
    QHash<QString, ClipMeasure> measures;

private:
    QHash<QString, AudioClip> m_clips;
};

/** 16-bit mono samples, as espeak-ng makes them. */
struct Speech
{
    int rate = 0;
    QByteArray samples;
};

/**
 * A passerelle-speak process speaking the texts of one voice, one at a time, for one
 * thread. It loads the voice once and speaks each text from the state it had right after
 * loading it (see speechserver.cpp), so a clip depends on its text and voice only, never on
 * the texts spoken before it: the same samples as one `espeak-ng` process per text, without
 * starting espeak-ng (about 9 ms of CPU) for every text.
 */
class SpeechServer
{
public:
    SpeechServer(const QString &program, const QString &voice, int wordsPerMinute);
    ~SpeechServer();
    SpeechServer(const SpeechServer &) = delete;
    SpeechServer &operator=(const SpeechServer &) = delete;

    [[nodiscard]] QString voice() const { return m_voice; }
    /** Speaks text; after a failure, the next text starts another server. */
    [[nodiscard]] Result<Speech> speak(const QString &text);

private:
    [[nodiscard]] bool read(QByteArray &into, qsizetype size);
    [[nodiscard]] QString failure(const QString &what);

    QString m_program;
    QString m_voice;
    int m_wordsPerMinute;
    std::unique_ptr<QProcess> m_process;
};

/**
 * passerelle-speak (libespeak-ng) and SpeechEncoder (libopus), with settings that are part
 * of every cache key: a change of engine version or encoder setting makes every clip be
 * synthesized again.
 *
 * Not the libespeak-ng library in this process: the library carries its waveform state
 * from one text to the next (checked with 1.51: the same text gives other samples after
 * another text), so clips would depend on what was spoken before them and a warm-cache
 * build would differ from a cold one. SpeechServer runs it in processes of its own that
 * speak every text from the same state.
 */
class SpeechEngine
{
public:
    /** Finds the programs and asks their versions. */
    static Result<SpeechEngine> detect(const AudioOptions &options);

    /** Identifies a clip: text, voice, engine versions and encoder settings. */
    [[nodiscard]] QString cacheKey(const QString &voice, const QString &text) const;
    /** Speaks text with voice and encodes it as Ogg Opus; the serial number makes it reproducible. */
    [[nodiscard]] Result<QByteArray> synthesize(const QString &voice, const QString &text, quint32 serial) const;
    /**
     * The same with a server of the voice that is already running (see speechServer()).
     * correctionLu raises the loudness aimed at before encoding: for a clip that the
     * encoder moved away from the target more than most (prepareAudio).
     */
    [[nodiscard]] Result<QByteArray> synthesize(SpeechServer &server, const QString &text, quint32 serial,
                                                double correctionLu = 0) const;
    /** A server for voice, started when it first speaks. */
    [[nodiscard]] std::unique_ptr<SpeechServer> speechServer(const QString &voice) const;
    /** False when passerelle-speak was not found: voices() works, synthesize() does not. */
    [[nodiscard]] bool canSpeak() const { return !m_server.isEmpty(); }
    /** The voices espeak-ng knows (language codes, voice names and files), lower-case. */
    [[nodiscard]] QStringList voices() const;
    [[nodiscard]] QString version() const { return m_version; }

private:
    QString m_espeak;
    QString m_server;
    QString m_version;
};

/** The human recording of a unit if there is one: content/audio/<lang>/<unit.recording>. */
[[nodiscard]] QString recordingPath(const ContentSet &set, const TextUnit &unit);
/** Where a unit's audio will come from, without synthesizing anything. */
[[nodiscard]] AudioSource audioSource(const ContentSet &set, const TextUnit &unit);
/** True when bytes start like an Ogg Opus stream (OggS page carrying OpusHead). */
[[nodiscard]] bool looksLikeOggOpus(const QByteArray &head);
/** The default cache folder for a build into outDir: .cache/passerelle-audio beside it. */
[[nodiscard]] QString defaultAudioCache(const QString &outDir);

/**
 * Finds the human recordings and synthesizes (or takes from the cache) every other text
 * of every language that has a voice, in parallel. Problems name the text's file:line.
 * Then measures every clip (measureCatalog), unless audio is off and no cache is given
 * (the preview).
 */
[[nodiscard]] AudioCatalog prepareAudio(const ContentSet &set, const AudioOptions &options, Problems &problems);

} // namespace passerelle::content
