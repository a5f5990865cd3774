// [audio] output end to end, on real parts: a private PulseAudio server started by the
// test with a null sink "speaker" (described as a built-in card, the default), and a
// null sink "headset" ("USB-Headset Analog Stereo") loaded and unloaded during the test
// as a person plugs a USB headset in and out. The real MediaPlayerBackend (Qt
// Multimedia, GStreamer) plays an Ogg Opus tone made by ffmpeg; which sink the stream
// is on is read from pactl, and what reaches a sink is recorded from its monitor.
#include "audiotest.h"
#include "kioskservices.h"
#include "mediaplayerbackend.h"
#include "narrator.h"
#include "privatepulseaudio.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaDevices>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

// A loaded two-core machine: generous, and only ever waited for through a condition.
constexpr int kChangeMs = 15000;

const QString kSpeaker = u"Built-in Audio Analog Stereo"_s;
const QString kHeadset = u"USB-Headset Analog Stereo"_s;

double rmsDb(const QByteArray &samples)
{
    const auto *s = reinterpret_cast<const qint16 *>(samples.constData());
    const qsizetype n = samples.size() / 2;
    double sum = 0;
    for (qsizetype i = 0; i < n; ++i)
        sum += double(s[i]) * s[i];
    return n == 0 || sum == 0 ? -120 : 20 * std::log10(std::sqrt(sum / n) / 32768.0);
}

} // namespace

class TestAudioOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void headsetFirstFollowsTheHeadset();
    void headsetFirstPlaysOnTheHeadset();
    void defaultStaysOnTheSpeaker();
    void namedOutput();
    void unknownNameWarnsWithTheOutputsSeen();
    void switchKeepsTheVolumeStepAndEndSessionResetsIt();
    void staffSoundTestPlaysWhereVisitorsHear();

private:
    [[nodiscard]] QByteArray pactl(const QStringList &args);
    void plugHeadset();
    void unplugHeadset();
    /** The sink names of the streams playing now. */
    [[nodiscard]] QStringList streamSinks();
    /** Level of what reaches a sink, recorded from its monitor for about a second. */
    [[nodiscard]] double levelOn(const QString &sink);
    /** The level of sink once the stream on it sounds: a new stream can take a moment to (slower under ASan). */
    [[nodiscard]] double soundingLevelOn(const QString &sink);

    QTemporaryDir m_dir;
    testing::PrivatePulseAudio m_pulse;
    QString m_clip;
    QString m_headsetModule;
};

QByteArray TestAudioOutput::pactl(const QStringList &args)
{
    QProcess p;
    p.start(u"pactl"_s, QStringList{u"-s"_s, m_pulse.server()} + args);
    if (!p.waitForFinished(20000) || p.exitCode() != 0) {
        qWarning() << "pactl" << args << "failed:" << p.readAllStandardError();
        return {};
    }
    return p.readAllStandardOutput();
}

void TestAudioOutput::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    for (const char *tool : {"pulseaudio", "pactl", "parec", "ffmpeg"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 qPrintable(u"%1 is not installed (deploy/install-deps.sh installs it)"_s.arg(QString::fromLatin1(tool))));

    // The clip: a 440 Hz tone long enough to be heard across a plug-in, in the pack's format.
    m_clip = m_dir.filePath(u"tone.ogg"_s);
    QCOMPARE(QProcess::execute(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
                                             u"sine=frequency=440:duration=30:sample_rate=48000"_s,
                                             u"-c:a"_s, u"libopus"_s, u"-b:a"_s, u"64k"_s, m_clip}),
             0);

    // The speaker, the default; the headset's sink is loaded by plugHeadset().
    QString error;
    QVERIFY2(m_pulse.start(m_dir.filePath(u"pulse"_s),
                           u"load-module module-null-sink sink_name=speaker rate=48000 "
                           "sink_properties='device.description=\"%1\"'\n"
                           "set-default-sink speaker\n"_s.arg(kSpeaker),
                           &error),
             qPrintable(error));

    // Qt sees the speaker, and only it.
    QTRY_COMPARE_WITH_TIMEOUT(QMediaDevices::audioOutputs().size(), 1, kChangeMs);
    QCOMPARE(QMediaDevices::audioOutputs().first().description(), kSpeaker);
    QCOMPARE(QMediaDevices::audioOutputs().first().id(), QByteArray("speaker"));
}

void TestAudioOutput::cleanupTestCase()
{
    m_pulse.stop();
}

void TestAudioOutput::cleanup()
{
    if (!m_headsetModule.isEmpty())
        unplugHeadset();
}

void TestAudioOutput::plugHeadset()
{
    const QByteArray module = pactl({u"load-module"_s, u"module-null-sink"_s, u"sink_name=headset"_s, u"rate=48000"_s,
                                     u"sink_properties='device.description=\"%1\"'"_s.arg(kHeadset)});
    QVERIFY2(!module.trimmed().isEmpty(), "pactl cannot load the headset's null sink");
    m_headsetModule = QString::fromUtf8(module.trimmed());
}

void TestAudioOutput::unplugHeadset()
{
    QCOMPARE(QProcess::execute(u"pactl"_s, {u"-s"_s, m_pulse.server(), u"unload-module"_s, m_headsetModule}), 0);
    m_headsetModule.clear();
}

QStringList TestAudioOutput::streamSinks()
{
    QHash<qint64, QString> names;
    for (const QJsonValue &sink : QJsonDocument::fromJson(pactl({u"-f"_s, u"json"_s, u"list"_s, u"sinks"_s})).array())
        names.insert(sink[u"index"_s].toInteger(), sink[u"name"_s].toString());
    QStringList out;
    const QJsonArray inputs = QJsonDocument::fromJson(pactl({u"-f"_s, u"json"_s, u"list"_s, u"sink-inputs"_s})).array();
    for (const QJsonValue &input : inputs)
        out.append(names.value(input[u"sink"_s].toInteger(), u"?"_s));
    return out;
}

double TestAudioOutput::levelOn(const QString &sink)
{
    QProcess parec;
    parec.start(u"parec"_s, {u"-s"_s, m_pulse.server(), u"-d"_s, sink + u".monitor"_s, u"--raw"_s, u"--format=s16le"_s,
                             u"--rate=16000"_s, u"--channels=1"_s, u"--latency-msec=50"_s});
    if (!parec.waitForStarted(10000))
        return -120;
    QByteArray samples;
    // One second of sound: 16000 samples of 2 bytes.
    QElapsedTimer clock;
    clock.start();
    while (samples.size() < 32000 && clock.elapsed() < 20000) {
        parec.waitForReadyRead(1000);
        samples += parec.readAllStandardOutput();
    }
    parec.kill();
    parec.waitForFinished(5000);
    // The first quarter second may hold the stream's start or a switch.
    return rmsDb(samples.mid(8000, 24000));
}

double TestAudioOutput::soundingLevelOn(const QString &sink)
{
    QElapsedTimer waited;
    waited.start();
    while (levelOn(sink) <= -90 && waited.elapsed() < kChangeMs) {
    }
    return levelOn(sink); // a whole second of sound, not the one in which it began
}

// "headset first": the headset takes the output as soon as it is plugged in, without a
// clip being played (QMediaDevices::audioOutputsChanged), and gives it back when unplugged.
void TestAudioOutput::headsetFirstFollowsTheHeadset()
{
    MediaPlayerBackend backend(u"headset first"_s);
    backend.open();
    QCOMPARE(backend.output().id(), QByteArray("speaker"));
    QSignalSpy changed(&backend, &MediaPlayerBackend::outputChanged);
    QMediaDevices devices;
    QSignalSpy announced(&devices, &QMediaDevices::audioOutputsChanged);

    QElapsedTimer clock;
    clock.start();
    plugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(backend.output().id(), QByteArray("headset"), kChangeMs);
    qInfo("headset taken %lld ms after pactl load-module was started (poll every %d ms)", clock.elapsed(),
          MediaPlayerBackend::kOutputsPollMs);
    QCOMPARE(backend.output().description(), kHeadset);
    QCOMPARE(changed.size(), 1);
    // Qt 6.4.2 on PulseAudio: 0 (the list changes, the signal never comes), hence the poll.
    qInfo("QMediaDevices::audioOutputsChanged emitted %d times for the plug-in", int(announced.size()));

    unplugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(backend.output().id(), QByteArray("speaker"), kChangeMs);
    QCOMPARE(changed.size(), 2);
}

// A clip playing on the speaker moves to the headset plugged in during it, and is heard there.
void TestAudioOutput::headsetFirstPlaysOnTheHeadset()
{
    MediaPlayerBackend backend(u"headset first"_s);
    QSignalSpy failed(&backend, &AudioBackend::failed);
    backend.play(m_clip);
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"speaker"_s}, kChangeMs);
    QVERIFY2(levelOn(u"speaker"_s) > -40, "the tone is not heard on the speaker");

    plugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(backend.output().id(), QByteArray("headset"), kChangeMs);
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"headset"_s}, kChangeMs);
    const double onHeadset = levelOn(u"headset"_s);
    const double onSpeaker = levelOn(u"speaker"_s);
    qInfo("after plugging in: headset %.1f dBFS, speaker %.1f dBFS", onHeadset, onSpeaker);
    QVERIFY2(onHeadset > -40, "the tone is not heard on the headset");
    QVERIFY2(onSpeaker < -90, "the speaker still sounds with the headset plugged in");

    unplugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(backend.output().id(), QByteArray("speaker"), kChangeMs);
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"speaker"_s}, kChangeMs);
    QVERIFY2(levelOn(u"speaker"_s) > -40, "the tone is not heard on the speaker after unplugging");
    backend.stop();
    QCOMPARE(failed.size(), 0);
}

// "default" (and empty): a headset plugged in changes nothing.
void TestAudioOutput::defaultStaysOnTheSpeaker()
{
    for (const QString &value : {u"default"_s, QString()}) {
        MediaPlayerBackend backend(value);
        backend.play(m_clip);
        QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"speaker"_s}, kChangeMs);
        QSignalSpy changed(&backend, &MediaPlayerBackend::outputChanged);
        plugHeadset();
        // The headset is seen by Qt (so the backend had its chance to switch), and not taken.
        QTRY_COMPARE_WITH_TIMEOUT(QMediaDevices::audioOutputs().size(), 2, kChangeMs);
        QTest::qWait(500); // what the backend would do, it would have done by now
        QCOMPARE(backend.output().id(), QByteArray("speaker"));
        QCOMPARE(streamSinks(), QStringList{u"speaker"_s});
        QCOMPARE(changed.size(), 0);
        backend.stop();
        unplugHeadset();
        QTRY_COMPARE_WITH_TIMEOUT(QMediaDevices::audioOutputs().size(), 1, kChangeMs);
    }
}

// A name: the output whose description contains it, whenever it is there.
void TestAudioOutput::namedOutput()
{
    MediaPlayerBackend backend(u"usb-headset"_s);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no sound output's name contains"_s));
    backend.open();
    QCOMPARE(backend.output().id(), QByteArray("speaker"));
    plugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(backend.output().id(), QByteArray("headset"), kChangeMs);
    // Gone again: the operator is told again.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no sound output's name contains"_s));
    unplugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(backend.output().id(), QByteArray("speaker"), kChangeMs);
}

// An output that is not there: the default, and a warning the operator can act on.
void TestAudioOutput::unknownNameWarnsWithTheOutputsSeen()
{
    MediaPlayerBackend backend(u"Jabra"_s);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"^\\[audio\\] output: no sound output's name contains \"Jabra\" "
                                            "\\(outputs seen: \"Built-in Audio Analog Stereo\"\\); using the "
                                            "system default, \"Built-in Audio Analog Stereo\"$"_s));
    backend.play(m_clip);
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"speaker"_s}, kChangeMs);
    // Said once, not before every clip.
    QTest::failOnWarning(QRegularExpression(u"no sound output's name contains"_s));
    backend.play(m_clip);
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"speaker"_s}, kChangeMs);
    backend.stop();
}

// The visitor's volume step stays when the headset takes the sound, and the next session
// starts at the default step, on whatever output is in use.
void TestAudioOutput::switchKeepsTheVolumeStepAndEndSessionResetsIt()
{
    KioskServices::Options options;
    options.packDir = QStringLiteral(PASSERELLE_TEST_PACK);
    options.startRoute = u"home"_s;
    auto owned = std::make_unique<MediaPlayerBackend>(u"headset first"_s);
    MediaPlayerBackend *backend = owned.get();
    auto services = KioskServices::open(options, std::move(owned));
    QVERIFY2(services, qPrintable(services ? QString() : services.problem().toString()));
    Narrator &narrator = services.value()->narrator();
    QCOMPARE(narrator.volumeStep(), Narrator::kDefaultVolumeStep);
    narrator.volumeDown();
    narrator.volumeDown();
    const double quiet = double(narrator.volumeStep()) / Narrator::kVolumeSteps;
    QVERIFY(std::abs(backend->outputVolume() - quiet) < 1e-6);

    backend->play(m_clip);
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"speaker"_s}, kChangeMs);
    const double onSpeaker = soundingLevelOn(u"speaker"_s);
    plugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"headset"_s}, kChangeMs);
    QVERIFY(std::abs(backend->outputVolume() - quiet) < 1e-6);
    const double onHeadset = soundingLevelOn(u"headset"_s);
    qInfo("step %d: speaker %.1f dBFS, headset %.1f dBFS", narrator.volumeStep(), onSpeaker, onHeadset);
    QVERIFY2(std::abs(onHeadset - onSpeaker) < 1.5, "the headset does not play at the visitor's volume step");

    services.value()->endSession();
    QCOMPARE(narrator.volumeStep(), Narrator::kDefaultVolumeStep);
    const double normal = double(Narrator::kDefaultVolumeStep) / Narrator::kVolumeSteps;
    QVERIFY(std::abs(backend->outputVolume() - normal) < 1e-6);
    backend->play(m_clip);
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"headset"_s}, kChangeMs);
    const double next = soundingLevelOn(u"headset"_s);
    const double expected = onHeadset + 20 * std::log10(normal / quiet);
    qInfo("after endSession, step %d: headset %.1f dBFS (expected %.1f)", narrator.volumeStep(), next, expected);
    QVERIFY2(std::abs(next - expected) < 1.5, "the next session does not play at the default step");
    backend->stop();
}

// The staff screen's sound test goes where speech goes, and says which output it used.
void TestAudioOutput::staffSoundTestPlaysWhereVisitorsHear()
{
    plugHeadset();
    QTRY_COMPARE_WITH_TIMEOUT(QMediaDevices::audioOutputs().size(), 2, kChangeMs);
    AudioTest headsetFirst(u"headset first"_s);
    headsetFirst.play();
    QTRY_COMPARE_WITH_TIMEOUT(streamSinks(), QStringList{u"headset"_s}, kChangeMs);
    QTRY_COMPARE_WITH_TIMEOUT(headsetFirst.status(), u"Le son de test a été joué sur %1."_s.arg(kHeadset), kChangeMs);

    AudioTest byDefault;
    byDefault.play();
    QTRY_COMPARE_WITH_TIMEOUT(byDefault.status(), u"Le son de test a été joué sur %1."_s.arg(kSpeaker), kChangeMs);
}

QTEST_GUILESS_MAIN(TestAudioOutput)
#include "tst_audiooutput.moc"
