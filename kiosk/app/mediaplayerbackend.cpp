#include "mediaplayerbackend.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QUrl>

namespace passerelle {

Q_LOGGING_CATEGORY(lcAudio, "passerelle.audio")

MediaPlayerBackend::MediaPlayerBackend(QObject *parent) : AudioBackend(parent) {}

void MediaPlayerBackend::ensurePlayer()
{
    if (m_player)
        return;
    m_player = new QMediaPlayer(this);
    m_output = new QAudioOutput(this);
    m_output->setVolume(float(m_volume));
    m_player->setAudioOutput(m_output);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::EndOfMedia)
            Q_EMIT finished();
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &message) {
        qCWarning(lcAudio) << "cannot play" << m_player->source().toLocalFile() << ":" << message;
        Q_EMIT failed(message);
    });
}

void MediaPlayerBackend::play(const QString &file)
{
    ensurePlayer();
    if (QMediaDevices::audioOutputs().isEmpty()) {
        Q_EMIT failed(QStringLiteral("no audio output device"));
        return;
    }
    m_player->stop();
    m_player->setSource(QUrl::fromLocalFile(file));
    m_player->play();
}

void MediaPlayerBackend::pause()
{
    if (m_player)
        m_player->pause();
}

void MediaPlayerBackend::resume()
{
    if (m_player)
        m_player->play();
}

void MediaPlayerBackend::stop()
{
    if (m_player)
        m_player->stop();
}

void MediaPlayerBackend::setVolume(double volume)
{
    m_volume = volume;
    if (m_output)
        m_output->setVolume(float(volume));
}

} // namespace passerelle
