#pragma once

#include "contentmodel.h"
#include "problem.h"
#include "textunits.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace passerelle::content {

/** How the build gets audio for the texts that have no human recording. */
struct AudioOptions
{
    bool enabled = true;
    /** Where synthesized clips are kept between builds; must be set when enabled. */
    QString cacheDir;
    /** Parallel synthesis jobs; 0 means one per core. */
    int jobs = 0;
    /** Programs, found on PATH unless given as paths. */
    QString espeak = QStringLiteral("espeak-ng");
    QString opusenc = QStringLiteral("opusenc");
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
    };

    [[nodiscard]] const AudioClip *find(const QString &lang, const QString &key) const;
    void insert(const QString &lang, const QString &key, const AudioClip &clip);
    [[nodiscard]] bool isEmpty() const { return m_clips.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return m_clips.size(); }

    Stats stats;

private:
    QHash<QString, AudioClip> m_clips;
};

/**
 * espeak-ng piped into opusenc, with settings that are part of every cache key: a
 * change of engine version or encoder setting makes every clip be synthesized again.
 *
 * One espeak-ng process per text, not the libespeak-ng library in this process: the
 * library carries its waveform state from one text to the next (checked with 1.51: the
 * same text gives other samples after another text), so clips would depend on what was
 * spoken before them and a warm-cache build would differ from a cold one. A fresh process
 * per text costs about 10 ms of CPU and keeps every clip reproducible.
 */
class SpeechEngine
{
public:
    /** Finds both programs and asks their versions. */
    static Result<SpeechEngine> detect(const AudioOptions &options);

    /** Identifies a clip: text, voice, engine versions and encoder settings. */
    [[nodiscard]] QString cacheKey(const QString &voice, const QString &text) const;
    /** Speaks text with voice and encodes it as Ogg Opus; the serial number makes it reproducible. */
    [[nodiscard]] Result<QByteArray> synthesize(const QString &voice, const QString &text, quint32 serial) const;
    /** The voices espeak-ng knows (language codes, voice names and files), lower-case. */
    [[nodiscard]] QStringList voices() const;
    [[nodiscard]] QString version() const { return m_version; }

private:
    QString m_espeak;
    QString m_opusenc;
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
 */
[[nodiscard]] AudioCatalog prepareAudio(const ContentSet &set, const AudioOptions &options, Problems &problems);

} // namespace passerelle::content
