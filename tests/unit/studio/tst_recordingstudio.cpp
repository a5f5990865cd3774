// The studio's logic without a microphone: samples are fed as the microphone would deliver
// them (espeak-ng speech made by the test), the real post-processing, Opus encoder and
// recording log write the content folder. The end-to-end test with a virtual microphone
// and the window is tests/integration/studio.
#include "recordingstudio.h"
#include "contentloader.h"
#include "copytree.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

const QString kLang = u"ar"_s;

QByteArray silence(double seconds) { return QByteArray(qsizetype(seconds * RecordingStudio::kRate) * 2, '\0'); }

/** samples scaled by factor, saturated at full scale. */
QByteArray louder(const QByteArray &samples, double factor)
{
    QByteArray out = samples;
    auto *s = reinterpret_cast<qint16 *>(out.data());
    for (qsizetype i = 0; i < out.size() / 2; ++i)
        s[i] = qint16(std::clamp(s[i] * factor, -32768.0, 32767.0));
    return out;
}

} // namespace

class TestRecordingStudio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keepWritesTheFileAndTheLog();
    void problemsInFrench();
    void nothingHeardIsNeverWritten();
    void skipWritesNothing();
    void outdatedRecordingIsAskedAgain();

private:
    /** A studio on the test's content folder, without devices or window. */
    std::unique_ptr<RecordingStudio> open();
    /** Records samples as a take; the phase after it. */
    RecordingStudio::Phase take(RecordingStudio &studio, const QByteArray &samples);
    [[nodiscard]] QString audioPath(const QString &file) const { return m_content + u"/audio/"_s + kLang + u'/' + file; }

    QByteArray m_speech;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_content;
};

void TestRecordingStudio::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QProcess speech;
    speech.start(u"sh"_s, {u"-c"_s, u"espeak-ng -v en --stdout 'A sentence read by the test.' "
                                    "| ffmpeg -v error -i - -f s16le -ac 1 -ar %1 -"_s.arg(RecordingStudio::kRate)});
    QVERIFY(speech.waitForFinished(60000));
    QCOMPARE(speech.exitCode(), 0);
    m_speech = speech.readAllStandardOutput();
    QVERIFY(m_speech.size() > RecordingStudio::kRate * 2);
}

void TestRecordingStudio::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_content = m_dir->filePath(u"content"_s);
    QVERIFY(testing::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
}

std::unique_ptr<RecordingStudio> TestRecordingStudio::open()
{
    RecordingStudio::Options options;
    options.contentDir = m_content;
    options.lang = kLang;
    options.useDevices = false;
    options.showWindow = false;
    auto studio = std::make_unique<RecordingStudio>(options);
    QString error;
    if (!studio->start(&error)) {
        qWarning() << error;
        return {};
    }
    return studio;
}

RecordingStudio::Phase TestRecordingStudio::take(RecordingStudio &studio, const QByteArray &samples)
{
    studio.record();
    const qsizetype chunk = RecordingStudio::kRate / 50 * 2;
    for (qsizetype at = 0; at < samples.size() && studio.phase() == RecordingStudio::Phase::Recording; at += chunk)
        studio.feed(samples.mid(at, chunk));
    return studio.phase();
}

void TestRecordingStudio::keepWritesTheFileAndTheLog()
{
    auto studio = open();
    QVERIFY(studio);
    const int before = studio->recordedCount();
    const QString code = studio->code();
    const QString file = studio->fileName();
    QCOMPARE(take(*studio, silence(0.5) + m_speech + silence(2)), RecordingStudio::Phase::Reviewing);
    QVERIFY2(studio->canKeep(), qPrintable(studio->problems().join(u"; "_s)));
    QSignalSpy kept(studio.get(), &RecordingStudio::kept);
    studio->keep();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.at(0).at(0).toString(), QDir(m_content).filePath(u"audio/"_s + kLang + u'/' + file));
    QVERIFY(QFileInfo::exists(audioPath(file)));
    QCOMPARE(studio->recordedCount(), before + 1);
    QCOMPARE(studio->phase(), RecordingStudio::Phase::Ready);
    QVERIFY(studio->code() != code);

    // The log holds the French hash the unit codes give for it.
    Problems problems;
    const auto units = content::codedUnits(content::loadContent(m_content, problems), kLang);
    const content::CodedUnit *unit = content::findCode(units, code);
    QVERIFY(unit);
    const auto log = content::RecordingLog::read(m_content, kLang);
    QVERIFY(log.ok());
    QCOMPARE(log->frenchHash(file), unit->frenchHash);
    QCOMPARE(log->date(file), QDate::currentDate());
}

void TestRecordingStudio::problemsInFrench()
{
    auto studio = open();
    QVERIFY(studio);
    // Saturated: the speech 30 dB too loud.
    QCOMPARE(take(*studio, silence(0.5) + louder(m_speech, 30) + silence(2)), RecordingStudio::Phase::Reviewing);
    QVERIFY2(studio->problems().join(u"; "_s).contains(u"saturé"_s), qPrintable(studio->problems().join(u"; "_s)));
    // Too quiet: 24 dB too soft (loud enough still for the take to end on its silence).
    studio->again();
    QCOMPARE(studio->phase(), RecordingStudio::Phase::Recording);
    QCOMPARE(take(*studio, silence(0.5) + louder(m_speech, 0.06) + silence(2)), RecordingStudio::Phase::Reviewing);
    QVERIFY2(studio->problems().join(u"; "_s).contains(u"trop faible"_s), qPrintable(studio->problems().join(u"; "_s)));
}

void TestRecordingStudio::nothingHeardIsNeverWritten()
{
    auto studio = open();
    QVERIFY(studio);
    const QString file = studio->fileName();
    QCOMPARE(take(*studio, silence(25)), RecordingStudio::Phase::Reviewing);
    QVERIFY(!studio->canKeep());
    QVERIFY2(studio->problems().join(u"; "_s).contains(u"rien entendu"_s), qPrintable(studio->problems().join(u"; "_s)));
    studio->keep();
    QCOMPARE(studio->phase(), RecordingStudio::Phase::Reviewing);
    QVERIFY(!QFileInfo::exists(audioPath(file)));
    QVERIFY(!QFileInfo::exists(content::RecordingLog::path(m_content, kLang)));
    studio->again();
    QCOMPARE(studio->phase(), RecordingStudio::Phase::Recording);
    QCOMPARE(studio->fileName(), file);
}

void TestRecordingStudio::skipWritesNothing()
{
    auto studio = open();
    QVERIFY(studio);
    const QString first = studio->fileName();
    const int before = studio->recordedCount();
    QCOMPARE(take(*studio, silence(0.5) + m_speech + silence(2)), RecordingStudio::Phase::Reviewing);
    studio->skip();
    QCOMPARE(studio->phase(), RecordingStudio::Phase::Ready);
    QVERIFY(studio->fileName() != first);
    QCOMPARE(studio->recordedCount(), before);
    QVERIFY(!QFileInfo::exists(audioPath(first)));
    // Skipped for this session only: the next one asks for it again.
    auto next = open();
    QVERIFY(next);
    QCOMPARE(next->fileName(), first);
}

void TestRecordingStudio::outdatedRecordingIsAskedAgain()
{
    QString first;
    {
        auto studio = open();
        QVERIFY(studio);
        first = studio->fileName();
        QCOMPARE(take(*studio, silence(0.5) + m_speech + silence(2)), RecordingStudio::Phase::Reviewing);
        studio->keep();
    }
    auto after = open();
    QVERIFY(after);
    QVERIFY(after->fileName() != first);

    // The French changed since: the log's hash is not the French's any more.
    auto log = content::RecordingLog::read(m_content, kLang);
    QVERIFY(log.ok());
    log->set(first, u"0123456789ab"_s, QDate(2025, 1, 1));
    QVERIFY(log->write(m_content, kLang).ok());
    auto outdated = open();
    QVERIFY(outdated);
    QCOMPARE(outdated->fileName(), first);
    QCOMPARE(outdated->recordedCount(), after->recordedCount() - 1);
}

QTEST_GUILESS_MAIN(TestRecordingStudio)
#include "tst_recordingstudio.moc"
