#include "mediaplayerbackend.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QUrl>

namespace passerelle {

Q_LOGGING_CATEGORY(lcAudio, "passerelle.audio")

MediaPlayerBackend::MediaPlayerBackend(const QString &output, QObject *parent)
    : AudioBackend(parent), m_choice(output)
{
}

void MediaPlayerBackend::open()
{
    ensurePlayer();
}

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
    // A headset plugged in or out: the choice is made again (a playing clip moves with it).
    m_devices = new QMediaDevices(this);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &MediaPlayerBackend::chooseOutput);
    m_poll.setInterval(kOutputsPollMs);
    connect(&m_poll, &QTimer::timeout, this, &MediaPlayerBackend::pollOutputs);
    m_poll.start();
    chooseOutput();
}

void MediaPlayerBackend::pollOutputs()
{
    if (AudioOutputChoice::infoOf(QMediaDevices::audioOutputs()) != m_seen)
        chooseOutput();
}

void MediaPlayerBackend::chooseOutput()
{
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    m_seen = AudioOutputChoice::infoOf(outputs);
    const AudioOutputChoice::Result chosen = m_choice.choose(m_seen);
    // Said once per new situation, not before every clip.
    if (chosen.warning != m_lastWarning && !chosen.warning.isEmpty())
        qCWarning(lcAudio).noquote() << chosen.warning;
    m_lastWarning = chosen.warning;
    const QAudioDevice device = chosen.index < 0 ? QAudioDevice() : outputs[chosen.index];
    if (device == m_device)
        return;
    m_device = device;
    if (!device.isNull()) {
        qCInfo(lcAudio).noquote() << QStringLiteral("sound output: %1 (%2)")
                                         .arg(device.description(), QString::fromUtf8(device.id()));
        // QAudioOutput keeps its volume on the new device: the visitor's step stays.
        m_output->setDevice(device);
    }
    Q_EMIT outputChanged();
}

void MediaPlayerBackend::play(const QString &file)
{
    ensurePlayer();
    // Also here, in case the sound system did not announce a change.
    chooseOutput();
    if (m_device.isNull()) {
        Q_EMIT failed(QStringLiteral("no audio output device"));
        return;
    }
    m_player->stop();
    // Loaded afresh every time, even the file just played: played again after a stop (a
    // session reset), the same source sometimes stayed silent on its output with Qt 6.4
    // and GStreamer (tst_audiooutput: 2 runs in 8 before, none in 8 after).
    m_player->setSource(QUrl());
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

double MediaPlayerBackend::outputVolume() const
{
    return m_output ? double(m_output->volume()) : m_volume;
}

} // namespace passerelle
