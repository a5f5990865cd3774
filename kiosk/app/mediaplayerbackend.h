#pragma once

#include "audiobackend.h"
#include "audiooutputchoice.h"

#include <QAudioDevice>
#include <QTimer>

class QAudioOutput;
class QMediaDevices;
class QMediaPlayer;

namespace passerelle {

/**
 * AudioBackend on QMediaPlayer (GStreamer on Debian), for Ogg Opus files from the pack.
 * It plays through the output that [audio] output chooses (AudioOutputChoice), chosen
 * again whenever the system's outputs change (a headset plugged in or out) and before
 * each clip. Qt 6.4's PulseAudio backend keeps QMediaDevices::audioOutputs() up to date
 * but never emits audioOutputsChanged, so the list is also compared every
 * kOutputsPollMs (a copy of a list in memory: no call to the sound server).
 */
class MediaPlayerBackend : public AudioBackend
{
    Q_OBJECT

public:
    static constexpr int kOutputsPollMs = 1000;

    /** output: the [audio] output value of passerelle.conf (empty: the system default). */
    explicit MediaPlayerBackend(const QString &output = {}, QObject *parent = nullptr);

    void play(const QString &file) override;
    void pause() override;
    void resume() override;
    void stop() override;
    void setVolume(double volume) override;

    /** Opens the sound system and chooses the output now, rather than at the first clip. */
    void open();
    /** The output in use; null before open() or the first clip, or with no output. */
    [[nodiscard]] QAudioDevice output() const { return m_device; }
    /** The volume the output plays at (0.0-1.0), whatever the output. */
    [[nodiscard]] double outputVolume() const;

Q_SIGNALS:
    /** The output in use changed (output()). */
    void outputChanged();

private:
    /** Created on first use: opening the sound system costs time and logs when there is none. */
    void ensurePlayer();
    void chooseOutput();
    void pollOutputs();

    AudioOutputChoice m_choice;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QMediaDevices *m_devices = nullptr;
    QAudioDevice m_device;
    QList<AudioOutputInfo> m_seen;
    QTimer m_poll;
    QString m_lastWarning;
    double m_volume = 1.0;
};

} // namespace passerelle
