#pragma once

#include "speechdetector.h"
#include "recordinglog.h"
#include "recordingprocess.h"
#include "unitcodes.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QObject>
#include <QSize>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QAudioSink;
class QAudioSource;
class QIODevice;
class QQmlApplicationEngine;
class QQuickWindow;

namespace passerelle {

/**
 * `passerelle --record DIR --lang L`: the recording studio, for interpreters and volunteers
 * who record a language at a desk. Shows, one after the other in the order a visitor meets
 * them, the texts of L that have no human recording (or whose French changed since it was
 * recorded); one action records, the take ends by itself after about 1.5 s of silence
 * following speech, is post-processed as `passerelle-pack import-audio` does (trimmed,
 * normalised) and played back; keep writes content/audio/L/<file>.opus and the recording
 * log, again records once more, skip leaves the text for later. StudioWindow.qml binds to
 * this object; it decides, the window shows.
 *
 * Capture is QAudioSource (Qt Multimedia's raw capture), not QMediaRecorder: the silence
 * that ends a take must be detected while the person speaks, and Qt 6.4's QMediaRecorder
 * only writes an encoded file (its live buffers, QAudioBufferOutput, came in Qt 6.8).
 * The samples go to processRecording() as they are, without decoding a file again.
 */
class RecordingStudio : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by passerelle --record")
    Q_PROPERTY(Phase phase READ phase NOTIFY phaseChanged FINAL)
    Q_PROPERTY(QString code READ code NOTIFY textChanged FINAL)
    Q_PROPERTY(QString text READ text NOTIFY textChanged FINAL)
    Q_PROPERTY(QString french READ french NOTIFY textChanged FINAL)
    Q_PROPERTY(QString fileName READ fileName NOTIFY textChanged FINAL)
    Q_PROPERTY(bool rightToLeft READ rightToLeft CONSTANT FINAL)
    Q_PROPERTY(QString fontFamily READ fontFamily CONSTANT FINAL)
    Q_PROPERTY(QString languageName READ languageName CONSTANT FINAL)
    /** "212 textes sur 330". */
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged FINAL)
    /** 0 to 1: the share of texts recorded. */
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged FINAL)
    /** "12 minutes enregistrées": the language's current recordings, this session's takes included. */
    Q_PROPERTY(QString minutesText READ minutesText NOTIFY progressChanged FINAL)
    /** The microphone's level while recording, 0 to 1. */
    Q_PROPERTY(double level READ level NOTIFY levelChanged FINAL)
    /** What is wrong with the take, in French ("trop faible", "saturé"). */
    Q_PROPERTY(QStringList problems READ problems NOTIFY phaseChanged FINAL)
    Q_PROPERTY(bool canKeep READ canKeep NOTIFY phaseChanged FINAL)
    Q_PROPERTY(bool playing READ playing NOTIFY playingChanged FINAL)
    /** One sentence on what to do now, in French. */
    Q_PROPERTY(QString message READ message NOTIFY phaseChanged FINAL)

public:
    enum class Phase { Ready, Recording, Reviewing, Finished };
    Q_ENUM(Phase)

    struct Options
    {
        QString contentDir;
        QString lang;
        QSize size{1280, 800};
        /** Open the microphone and the speakers; false for tests and benchmarks that feed samples. */
        bool useDevices = true;
        /** Open the window; false for tests and benchmarks of the logic alone. */
        bool showWindow = true;
        SpeechDetector::Settings detector;
    };

    /** The times of the last take, in milliseconds; -1 when not measured. */
    struct Timing
    {
        qint64 stopToReview = -1; // silence detected -> take processed, playing back
        qint64 keepToNext = -1;   // keep -> file and log written, the next text set
    };

    /** The microphone's rate: the import's decoding rate, what the pack's Opus encoder codes. */
    static constexpr int kRate = content::kDecodeRate;

    explicit RecordingStudio(Options options, QObject *parent = nullptr);
    ~RecordingStudio() override;

    /**
     * Reads the content and the recording log, opens the window on the first text to
     * record. False, with the reason in *error (for the terminal), when the folder or the
     * language cannot be used.
     */
    bool start(QString *error);

    [[nodiscard]] QQuickWindow *window() const;
    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] QString code() const;
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString french() const;
    /** The file the take goes to, relative to content/audio/<lang>/. */
    [[nodiscard]] QString fileName() const;
    [[nodiscard]] bool rightToLeft() const { return m_rightToLeft; }
    [[nodiscard]] QString fontFamily() const { return m_font; }
    [[nodiscard]] QString languageName() const { return m_languageName; }
    [[nodiscard]] QString progressText() const;
    [[nodiscard]] double progress() const;
    [[nodiscard]] QString minutesText() const;
    [[nodiscard]] double level() const { return m_level; }
    [[nodiscard]] QStringList problems() const { return m_take.problems; }
    [[nodiscard]] bool canKeep() const { return m_phase == Phase::Reviewing && !m_take.refused; }
    [[nodiscard]] bool playing() const { return m_playing; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] int recordedCount() const { return m_recorded; }
    [[nodiscard]] int totalCount() const { return int(m_units.size()); }
    /** The duration of the language's current recordings, in seconds. */
    [[nodiscard]] double recordedSeconds() const { return m_secondsKept; }
    [[nodiscard]] Timing lastTiming() const { return m_timing; }

    /** Starts a take (Ready or Reviewing). */
    Q_INVOKABLE void record();
    /** Ends the take now, as the silence would. */
    Q_INVOKABLE void stop();
    /** Writes the take and moves to the next text. */
    Q_INVOKABLE void keep();
    /** Records the same text again. */
    Q_INVOKABLE void again();
    /** Leaves this text for later and moves to the next. */
    Q_INVOKABLE void skip();
    /** Plays the take again. */
    Q_INVOKABLE void listen();

    /** Samples from the microphone (16-bit mono at kRate); public for tests that have none. */
    void feed(const QByteArray &samples);

Q_SIGNALS:
    void phaseChanged();
    void textChanged();
    void progressChanged();
    void levelChanged();
    void playingChanged();
    /** A take was written: path is the Opus file. */
    void kept(const QString &path);

private:
    void setPhase(Phase phase, const QString &message);
    void finishTake(SpeechDetector::Verdict verdict);
    void showNext();
    void stopCapture();
    void stopPlayback();
    void startPlayback();
    [[nodiscard]] bool needsRecording(const content::CodedUnit &unit) const;
    [[nodiscard]] const content::CodedUnit *current() const;

    Options m_options;
    QList<content::CodedUnit> m_units;
    content::RecordingLog m_log;
    QList<int> m_pending; // indices into m_units still to record, in order
    int m_recorded = 0;
    double m_secondsKept = 0; // the current recordings of the language
    QString m_languageName;
    QString m_font;
    bool m_rightToLeft = false;

    Phase m_phase = Phase::Ready;
    QString m_message;
    std::unique_ptr<SpeechDetector> m_detector;
    QByteArray m_raw;
    content::ProcessedRecording m_take;
    double m_level = 0;
    bool m_playing = false;

    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_sourceDevice = nullptr;
    std::unique_ptr<QAudioSink> m_sink;
    QBuffer m_playBuffer;

    QElapsedTimer m_clock;
    Timing m_timing;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

} // namespace passerelle
