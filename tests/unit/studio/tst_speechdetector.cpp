// When a take ends: after speech, about 1.5 s of silence (in a silent or a noisy room);
// never on a short click or on silence alone; at the hard maximum otherwise.
#include "speechdetector.h"

#include <QTest>

#include <cmath>

using namespace passerelle;

namespace {

constexpr int kRate = 48000;

/** seconds of a 220 Hz tone at levelDb dBFS RMS over white-ish noise at noiseDb (-inf: none). */
QByteArray signal(double seconds, double levelDb, double noiseDb)
{
    const int n = int(seconds * kRate);
    QByteArray out(n * 2, '\0');
    auto *s = reinterpret_cast<qint16 *>(out.data());
    const double amplitude = levelDb > -200 ? std::pow(10, levelDb / 20) * std::sqrt(2.0) * 32767 : 0;
    const double noise = noiseDb > -200 ? std::pow(10, noiseDb / 20) * std::sqrt(3.0) * 32767 : 0;
    quint32 seed = 12345;
    for (int i = 0; i < n; ++i) {
        seed = seed * 1664525u + 1013904223u;
        const double white = (double(seed >> 8) / double(1 << 24)) * 2 - 1;
        s[i] = qint16(std::clamp(amplitude * std::sin(2 * M_PI * 220 * i / kRate) + noise * white, -32768.0, 32767.0));
    }
    return out;
}

/** Feeds in 10 ms buffers; the verdict and the seconds fed when it was not Listening. */
std::pair<SpeechDetector::Verdict, double> run(SpeechDetector &detector, const QByteArray &samples)
{
    const qsizetype chunk = kRate / 100 * 2;
    for (qsizetype at = 0; at < samples.size(); at += chunk) {
        const auto verdict = detector.feed(samples.mid(at, chunk));
        if (verdict != SpeechDetector::Verdict::Listening)
            return {verdict, detector.seconds()};
    }
    return {SpeechDetector::Verdict::Listening, detector.seconds()};
}

} // namespace

class TestSpeechDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdict_data();
    void verdict();
};

void TestSpeechDetector::verdict_data()
{
    QTest::addColumn<QByteArray>("samples");
    QTest::addColumn<int>("expected");
    QTest::addColumn<double>("atLeast");
    QTest::addColumn<double>("atMost");
    constexpr double none = -999;
    using V = SpeechDetector::Verdict;
    QTest::newRow("speech then silence, silent room")
        << signal(0.5, none, none) + signal(2, -25, none) + signal(3, none, none) << int(V::Done) << 3.9 << 4.2;
    QTest::newRow("speech then silence, noisy room")
        << signal(0.5, none, -55) + signal(2, -25, -55) + signal(3, none, -55) << int(V::Done) << 3.9 << 4.2;
    QTest::newRow("a pause of a second does not end it")
        << signal(1, -25, none) + signal(1, none, none) + signal(1, -25, none) + signal(3, none, none) << int(V::Done)
        << 4.4 << 4.7;
    QTest::newRow("a click is not speech")
        << signal(0.03, -10, none) + signal(25, none, none) << int(V::NothingHeard) << 19.9 << 20.1;
    QTest::newRow("whisper under the floor")
        << signal(25, -60, none) << int(V::NothingHeard) << 19.9 << 20.1;
    QByteArray talking = signal(0.2, none, -55);
    while (talking.size() < 70 * kRate * 2)
        talking += signal(0.4, -25, -55) + signal(0.2, none, -55);
    QTest::newRow("talks without end") << talking << int(V::TooLong) << 59.9 << 60.1;
    QTest::newRow("speaks at once")
        << signal(0.12, none, none) + signal(2, -25, none) + signal(3, none, none) << int(V::Done) << 3.5 << 3.7;
}

void TestSpeechDetector::verdict()
{
    QFETCH(QByteArray, samples);
    QFETCH(int, expected);
    QFETCH(double, atLeast);
    QFETCH(double, atMost);
    SpeechDetector detector(kRate);
    const auto [verdict, seconds] = run(detector, samples);
    QCOMPARE(int(verdict), expected);
    QVERIFY2(seconds >= atLeast && seconds <= atMost, qPrintable(QString::number(seconds)));
}

QTEST_GUILESS_MAIN(TestSpeechDetector)
#include "tst_speechdetector.moc"
