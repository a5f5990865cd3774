#pragma once

#include <QObject>
#include <QStringList>
#include <QTemporaryFile>
#include <QTimer>

#include <functional>
#include <memory>

namespace passerelle {

class AudioBackend;

/**
 * The speech queue: reads a page block after block, or one block, and can be paused,
 * resumed, repeated and stopped. New speech stops the old; any touch elsewhere
 * interrupts it. Volume moves in a few large steps and returns to the default when
 * the session is reset.
 *
 * The first time in a session that a synthetic (machine-made) clip is to play, the
 * narrator first says the machine-voice notice ("This voice is made by a computer", in
 * the visitor's language) and shows it (machineVoiceNotice); not again until reset().
 */
class Narrator : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool speaking READ speaking NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool paused READ paused NOTIFY stateChanged FINAL)
    Q_PROPERTY(int currentIndex READ currentIndex NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool failed READ failed NOTIFY stateChanged FINAL)
    Q_PROPERTY(int volumeStep READ volumeStep NOTIFY volumeChanged FINAL)
    Q_PROPERTY(int volumeSteps READ volumeSteps CONSTANT FINAL)
    /** False at the loudest step: "louder" does nothing there. */
    Q_PROPERTY(bool canVolumeUp READ canVolumeUp NOTIFY volumeChanged FINAL)
    /** False at the quietest step (never silent): "quieter" does nothing there. */
    Q_PROPERTY(bool canVolumeDown READ canVolumeDown NOTIFY volumeChanged FINAL)
    /** True while the machine-voice notice is to be shown: said, then the clip it announced. */
    Q_PROPERTY(bool machineVoiceNotice READ machineVoiceNotice NOTIFY machineVoiceNoticeChanged FINAL)
    Q_PROPERTY(bool machineVoiceAnnounced READ machineVoiceAnnounced NOTIFY machineVoiceNoticeChanged FINAL)

public:
    static constexpr int kVolumeSteps = 5;
    static constexpr int kDefaultVolumeStep = 3;
    /** The notice stays on screen at least this long, even when the speech is cut short. */
    static constexpr int kNoticeMinimumMs = 5000;

    /** The narrator drives backend but does not own it. */
    explicit Narrator(AudioBackend *backend, QObject *parent = nullptr);

    /** True while a queue is being read, paused or not. */
    [[nodiscard]] bool speaking() const { return m_index >= 0; }
    [[nodiscard]] bool paused() const { return m_paused; }
    /** The index (in the list given to play()) of the file being read, or -1. */
    [[nodiscard]] int currentIndex() const { return m_index; }
    /** True when the last attempt to speak failed (no sound device, damaged file). */
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] int volumeStep() const { return m_volumeStep; }
    [[nodiscard]] int volumeSteps() const { return kVolumeSteps; }
    [[nodiscard]] bool canVolumeUp() const { return m_volumeStep < kVolumeSteps; }
    [[nodiscard]] bool canVolumeDown() const { return m_volumeStep > 1; }
    [[nodiscard]] bool machineVoiceNotice() const { return m_noticeShown; }
    /** True when the machine-voice notice was given in this session (until reset()). */
    [[nodiscard]] bool machineVoiceAnnounced() const { return m_noticeGiven; }

    /**
     * How to tell a synthetic clip, and the notice's audio file in the visitor's current
     * language (empty when there is none: the notice is then only shown). Without them,
     * nothing is announced.
     */
    void setMachineVoice(std::function<bool(const QString &)> isSynthetic, std::function<QString()> noticeFile);

    /** True when at least one of files is not empty: something can be heard. */
    Q_INVOKABLE [[nodiscard]] static bool canSpeak(const QStringList &files);

    /**
     * Reads files from index start on, skipping empty entries (blocks without audio);
     * with onlyOne, reads just that one. Stops whatever was being read.
     */
    Q_INVOKABLE void play(const QStringList &files, int start = 0, bool onlyOne = false);
    Q_INVOKABLE void pause();
    Q_INVOKABLE void resume();
    /**
     * Says a short cue: a control's label, a language's name, the idle warning (the files
     * in turn, empty ones skipped). It stops what was being read and is stopped by any
     * later speech or stop(). A cue is not reading: speaking stays false.
     */
    Q_INVOKABLE void say(const QStringList &files);
    /** A short two-note chime (a WAV file made on first use): the idle warning's tone. */
    Q_INVOKABLE [[nodiscard]] QString chime();
    /** Reads the current item again from its start. */
    Q_INVOKABLE void repeat();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void volumeUp();
    Q_INVOKABLE void volumeDown();
    /** Silence and the default volume, for the next visitor. */
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void stateChanged();
    void volumeChanged();
    void machineVoiceNoticeChanged();

private:
    void playFrom(int index);
    void onFinished();
    void applyVolume();
    void sayNext();
    /** Plays file, after the machine-voice notice when it is the session's first synthetic clip. */
    void start(const QString &file);
    void setNoticeShown(bool shown);
    /** Hides the notice once its minimum time is over and nothing is being said. */
    void updateNotice();

    AudioBackend *m_backend;
    QStringList m_files;
    int m_index = -1;
    bool m_onlyOne = false;
    bool m_paused = false;
    bool m_failed = false;
    int m_volumeStep = kDefaultVolumeStep;
    QStringList m_cue;     // what say() has still to play
    bool m_saying = false; // a cue is playing
    std::unique_ptr<QTemporaryFile> m_chime;
    std::function<bool(const QString &)> m_isSynthetic;
    std::function<QString()> m_noticeFile;
    bool m_noticeGiven = false;   // in this session
    bool m_noticePlaying = false; // the notice is playing; m_afterNotice comes next
    QString m_afterNotice;
    bool m_noticeShown = false;
    QTimer m_noticeTimer;
};

} // namespace passerelle
