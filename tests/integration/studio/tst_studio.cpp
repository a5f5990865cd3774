// passerelle --record end to end: a private PulseAudio server started by the test is the
// microphone (a null sink "mic" whose monitor is the default source); espeak-ng speech is
// played into it with paplay while the studio listens. The studio's real C++ and QML
// (offscreen) are driven as a person would: Space records, the take ends on the silence
// after the speech, "Garder" keeps it. Three texts are kept; the Opus files, the recording
// log and a pack built by the real passerelle-pack must then have them.
#include "pack.h"
#include "recordingstudio.h"
#include "copytree.h"
#include "privatepulseaudio.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>

Q_IMPORT_QML_PLUGIN(Passerelle_StudioPlugin)

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

// A loaded two-core machine: generous, and only ever waited for through a condition.
constexpr int kServerStartMs = 30000;
constexpr int kTakeMs = 60000;

QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

void click(QQuickWindow *window, QQuickItem *item)
{
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

/** 16-bit mono samples of an audio file, decoded by ffmpeg; empty when it cannot. */
QByteArray decode(const QString &path)
{
    QProcess ffmpeg;
    ffmpeg.start(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-i"_s, path, u"-f"_s, u"s16le"_s, u"-ac"_s, u"1"_s,
                               u"-ar"_s, u"16000"_s, u"-"_s});
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
        return {};
    return ffmpeg.readAllStandardOutput();
}

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

class TestStudio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recordsThreeTextsIntoThePack();
    void theCommandOpensOnTheMicrophone();

private:
    [[nodiscard]] QStringList pulseArgs() const { return {u"-s"_s, m_pulse.server()}; }

    QTemporaryDir m_dir;
    testing::PrivatePulseAudio m_pulse;
};

void TestStudio::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    for (const char *tool : {"pulseaudio", "paplay", "pactl", "espeak-ng", "ffmpeg"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 qPrintable(u"%1 is not installed (deploy/install-deps.sh installs it)"_s.arg(QString::fromLatin1(tool))));

    // The virtual microphone: what is played to the sink "mic" is heard on its monitor,
    // remapped as the default source "microphone"; the studio's playback goes to "speaker", not into the microphone.
    QString error;
    QVERIFY2(m_pulse.start(m_dir.filePath(u"pulse"_s),
                           u"load-module module-null-sink sink_name=mic rate=48000 channels=1\n"
                           "load-module module-null-sink sink_name=speaker rate=48000\n"
                           // Qt Multimedia lists no monitor as a microphone: a remapped source is not one.
                           "load-module module-remap-source master=mic.monitor source_name=microphone\n"
                           "set-default-source microphone\n"
                           "set-default-sink speaker\n"_s,
                           &error),
             qPrintable(error));
}

void TestStudio::cleanupTestCase()
{
    m_pulse.stop();
}

void TestStudio::recordsThreeTextsIntoThePack()
{
    const QString content = m_dir.filePath(u"content"_s);
    QVERIFY(testing::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, content));
    const QString lang = u"ar"_s;

    // The speech, made once: a few seconds of espeak-ng.
    const QString speech = m_dir.filePath(u"speech.wav"_s);
    QCOMPARE(QProcess::execute(u"espeak-ng"_s, {u"-v"_s, u"en"_s, u"-w"_s, speech,
                                                 u"This is a recording made by the test, for one text."_s}), 0);

    RecordingStudio::Options options;
    options.contentDir = content;
    options.lang = lang;
    RecordingStudio studio(options);
    QString error;
    QVERIFY2(studio.start(&error), qPrintable(error));
    QQuickWindow *window = studio.window();
    QVERIFY(window);
    window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(window));
    const int total = studio.totalCount();
    const int before = studio.recordedCount();
    QVERIFY2(total - before >= 3, "the test content has fewer than three texts to record in ar");
    QCOMPARE(studio.phase(), RecordingStudio::Phase::Ready);

    QElapsedTimer clock;
    clock.start();
    QStringList files;
    QSignalSpy keptSpy(&studio, &RecordingStudio::kept);
    for (int take = 0; take < 3; ++take) {
        const QString code = studio.code();
        const QString file = studio.fileName();
        QVERIFY(!file.isEmpty());
        QVERIFY(!studio.text().isEmpty());
        QVERIFY2(!files.contains(file), qPrintable(file));
        QVERIFY(findItem(window->contentItem(), u"unitText"_s)->property("text").toString() == studio.text());

        QTest::keyClick(window, Qt::Key_Space); // Space records
        QTRY_COMPARE_WITH_TIMEOUT(studio.phase(), RecordingStudio::Phase::Recording, kTakeMs);
        // The person speaks once the studio listens; then is silent.
        QProcess player;
        player.start(u"paplay"_s, pulseArgs() + QStringList{u"-d"_s, u"mic"_s, speech});
        QVERIFY(player.waitForFinished(kTakeMs));
        QCOMPARE(player.exitCode(), 0);
        // The take ends by itself on the silence after the speech.
        QTRY_COMPARE_WITH_TIMEOUT(studio.phase(), RecordingStudio::Phase::Reviewing, kTakeMs);
        qInfo() << "take" << take << "reviewed after" << clock.elapsed() << "ms";
        QVERIFY2(studio.canKeep(), qPrintable(code + u": "_s + studio.problems().join(u"; "_s)));

        QQuickItem *keep = findItem(window->contentItem(), u"keepButton"_s);
        QVERIFY(keep && keep->isVisible());
        // On the window (the offscreen screen is a small one, 800x600).
        const QRectF onScene = keep->mapRectToScene(QRectF(0, 0, keep->width(), keep->height()));
        QVERIFY2(QRectF(0, 0, window->width(), window->height()).contains(onScene), "the keep button is off the window");
        click(window, keep);
        QTRY_COMPARE_WITH_TIMEOUT(keptSpy.size(), take + 1, kTakeMs);
        files.append(file);
        QVERIFY(studio.code() != code);
    }
    QCOMPARE(studio.recordedCount(), before + 3);
    const double secondsKept = studio.recordedSeconds();
    QVERIFY(secondsKept > 3);
    QVERIFY(studio.progressText().startsWith(QString::number(before + 3) + u" textes sur "_s));

    // The files: named as the build expects, Ogg Opus, speech rather than silence.
    const QString audioDir = content + u"/audio/"_s + lang + u'/';
    const Result<content::RecordingLog> log = content::RecordingLog::read(content, lang);
    QVERIFY(log.ok());
    QStringList hashes;
    for (const QString &file : std::as_const(files)) {
        const QString path = audioDir + file;
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.startsWith("OggS") && bytes.contains("OpusHead"), qPrintable(path));
        hashes.append(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        const QByteArray pcm = decode(path);
        QVERIFY2(pcm.size() > 16000 * 2, qPrintable(path + u" is shorter than a second"_s));
        QVERIFY2(rmsDb(pcm) > -40, qPrintable(path + u" is silent: "_s + QString::number(rmsDb(pcm))));
        QVERIFY2(!log->frenchHash(file).isEmpty(), qPrintable(file + u" is not in the recording log"_s));
    }

    // The next session starts after them, and counts their minutes from the files.
    {
        RecordingStudio::Options again = options;
        again.useDevices = false;
        again.showWindow = false;
        RecordingStudio next(again);
        QVERIFY2(next.start(&error), qPrintable(error));
        QCOMPARE(next.recordedCount(), before + 3);
        QCOMPARE(next.code(), studio.code());
        QVERIFY2(std::abs(next.recordedSeconds() - secondsKept) < 0.1,
                 qPrintable(u"%1 s read from the files, %2 s kept"_s.arg(next.recordedSeconds()).arg(secondsKept)));
    }

    // The real build takes them as human recordings.
    const QString pack = m_dir.filePath(u"pack"_s);
    QProcess build;
    build.setProcessChannelMode(QProcess::ForwardedChannels);
    build.start(QStringLiteral(PASSERELLE_PACK_TOOL), {u"build"_s, content, pack, u"--no-audio"_s});
    QVERIFY(build.waitForFinished(300000));
    QCOMPARE(build.exitCode(), 0);
    auto opened = Pack::openDirectory(pack);
    QVERIFY2(opened.ok(), qPrintable(opened.problem().toString()));
    const SqliteDatabase &db = opened.value()->database();
    // Every audio column of every table: the recordings' objects, not synthetic.
    QStringList audioColumns;
    SqliteStatement tables = db.prepare(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s);
    while (tables.next()) {
        const QString table = tables.text(0);
        SqliteStatement columns = db.prepare(u"SELECT name FROM pragma_table_info(?1)"_s);
        columns.bind(1, table);
        while (columns.next()) {
            const QString column = columns.text(0);
            if (column.endsWith(u"audio"_s))
                audioColumns.append(table + u'.' + column);
        }
    }
    QVERIFY(!audioColumns.isEmpty());
    for (const QString &hash : std::as_const(hashes)) {
        QVERIFY2(!opened.value()->objectPath(hash).isEmpty(), qPrintable(hash));
        int rows = 0;
        for (const QString &tc : std::as_const(audioColumns)) {
            const QString table = tc.section(u'.', 0, 0), column = tc.section(u'.', 1);
            SqliteStatement q = db.prepare(u"SELECT count(*) FROM %1 WHERE %2 = ?1 AND %2_synthetic = 0"_s.arg(table, column));
            q.bind(1, hash);
            if (q.next())
                rows += int(q.integer(0));
        }
        QVERIFY2(rows >= 1, qPrintable(u"no text of the pack has the recording "_s + hash));
    }
}

// The executable: opens its window on the content and the virtual microphone, and stops
// cleanly on SIGTERM (as on Ctrl+C), having written nothing.
void TestStudio::theCommandOpensOnTheMicrophone()
{
    QTemporaryDir dir;
    const QString content = dir.filePath(u"content"_s);
    QVERIFY(testing::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, content));
    QProcess studio;
    studio.setProcessChannelMode(QProcess::MergedChannels);
    studio.start(QStringLiteral(PASSERELLE_KIOSK), {u"--record"_s, content, u"--lang"_s, u"ar"_s});
    QVERIFY(studio.waitForStarted(kServerStartMs));
    QByteArray output;
    QTRY_VERIFY2_WITH_TIMEOUT((output += studio.readAll()).contains("to record") || studio.state() != QProcess::Running,
                              output.constData(), kTakeMs);
    QTest::qWait(500); // the window and the first text, had they failed, would have ended it
    QCOMPARE(studio.state(), QProcess::Running);
    studio.terminate();
    QVERIFY(studio.waitForFinished(kTakeMs));
    output += studio.readAll();
    QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
    QVERIFY2(studio.exitCode() == 0, output.constData());
    QVERIFY2(!output.contains("QML") && !output.contains("qrc:"), output.constData());
    QVERIFY(!QFileInfo::exists(content + u"/audio"_s));
}

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
