#pragma once

#include "audiobackend.h"

class QAudioOutput;
class QMediaPlayer;

namespace passerelle {

/** AudioBackend on QMediaPlayer (GStreamer on Debian), for Ogg Opus files from the pack. */
class MediaPlayerBackend : public AudioBackend
{
    Q_OBJECT

public:
    explicit MediaPlayerBackend(QObject *parent = nullptr);

    void play(const QString &file) override;
    void pause() override;
    void resume() override;
    void stop() override;
    void setVolume(double volume) override;

private:
    /** Created on first use: opening the sound system costs time and logs when there is none. */
    void ensurePlayer();

    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    double m_volume = 1.0;
};

} // namespace passerelle
