#include "audiotest.h"

#include "audiooutputchoice.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QTemporaryFile>
#include <QUrl>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAudioTest, "passerelle.audio")

namespace {

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void appendLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

} // namespace

AudioTest::AudioTest(const QString &output, QObject *parent) : QObject(parent), m_outputChoice(output) {}

AudioTest::~AudioTest() = default;

bool AudioTest::hasOutput()
{
    return !QMediaDevices::audioOutputs().isEmpty();
}

QByteArray AudioTest::toneWav(int frequencyHz, int milliseconds, int sampleRate)
{
    const quint32 frames = quint32(qint64(sampleRate) * milliseconds / 1000);
    const quint32 dataBytes = frames * 2;
    QByteArray wav;
    wav.reserve(int(44 + dataBytes));
    wav.append("RIFF");
    appendLe32(wav, 36 + dataBytes);
    wav.append("WAVEfmt ");
    appendLe32(wav, 16);
    appendLe16(wav, 1); // PCM
    appendLe16(wav, 1); // mono
    appendLe32(wav, quint32(sampleRate));
    appendLe32(wav, quint32(sampleRate) * 2);
    appendLe16(wav, 2);
    appendLe16(wav, 16);
    wav.append("data");
    appendLe32(wav, dataBytes);
    const quint32 fade = quint32(sampleRate / 100); // 10 ms ramps: no click
    for (quint32 i = 0; i < frames; ++i) {
        double gain = 0.3;
        if (i < fade)
            gain *= double(i) / fade;
        else if (frames - i < fade)
            gain *= double(frames - i) / fade;
        const double sample = gain * std::sin(2 * std::numbers::pi * frequencyHz * double(i) / sampleRate);
        appendLe16(wav, quint16(qint16(std::lround(sample * 32767))));
    }
    return wav;
}

void AudioTest::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

void AudioTest::play()
{
    if (!hasOutput()) {
        qCWarning(lcAudioTest) << "audio test: no audio output device";
        setStatus(u"Pas de sortie audio : cette borne n'a aucun périphérique son. Vérifiez le câble du haut-parleur "
                  "et les réglages du son."_s);
        return;
    }
    if (!m_file) {
        m_file = std::make_unique<QTemporaryFile>(u"passerelle-tone-XXXXXX.wav"_s);
        if (!m_file->open() || m_file->write(toneWav(440, 1000)) < 0 || !m_file->flush()) {
            setStatus(u"Le son de test n'a pas pu être préparé."_s);
            m_file.reset();
            return;
        }
    }
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &message) {
            qCWarning(lcAudioTest) << "audio test failed:" << message;
            setStatus(u"Le son de test n'a pas été joué : %1"_s.arg(message));
        });
        connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
            if (state == QMediaPlayer::StoppedState && m_player->error() == QMediaPlayer::NoError)
                setStatus(u"Le son de test a été joué sur %1."_s.arg(m_output->device().description()));
        });
    }
    // The output the narrator would choose now ([audio] output), named in the status.
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    const AudioOutputChoice::Result chosen = AudioOutputChoice(m_outputChoice).choose(AudioOutputChoice::infoOf(outputs));
    if (!chosen.warning.isEmpty())
        qCWarning(lcAudioTest).noquote() << chosen.warning;
    m_output->setDevice(outputs.value(chosen.index, QMediaDevices::defaultAudioOutput()));
    m_output->setVolume(1.0f);
    m_player->setSource(QUrl::fromLocalFile(m_file->fileName()));
    setStatus(u"Son de test en cours…"_s);
    m_player->play();
}

} // namespace passerelle
