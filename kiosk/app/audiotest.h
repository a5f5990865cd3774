#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QAudioOutput;
class QMediaPlayer;
class QTemporaryFile;

namespace passerelle {

/**
 * The staff screen's audio test: a one-second 440 Hz tone played through Qt Multimedia,
 * the same path the narrator's audio takes (QMediaPlayer, QAudioOutput). Says so when
 * the kiosk has no audio output at all, instead of playing into nothing.
 */
class AudioTest : public QObject
{
    Q_OBJECT

public:
    /** output: [audio] output of passerelle.conf, so the tone goes where visitors hear speech. */
    explicit AudioTest(const QString &output = {}, QObject *parent = nullptr);
    ~AudioTest() override;

    /** True when Qt Multimedia sees at least one audio output. */
    [[nodiscard]] static bool hasOutput();
    /** A WAV file of a tone: 16-bit mono PCM. */
    [[nodiscard]] static QByteArray toneWav(int frequencyHz, int milliseconds, int sampleRate = 48000);

    /** Plays the tone; the outcome comes as status(). */
    void play();
    [[nodiscard]] QString status() const { return m_status; }

Q_SIGNALS:
    void statusChanged();

private:
    void setStatus(const QString &status);

    QString m_status;
    QString m_outputChoice;
    std::unique_ptr<QTemporaryFile> m_file;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
};

} // namespace passerelle
