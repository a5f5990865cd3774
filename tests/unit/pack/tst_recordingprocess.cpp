// Human recordings (recordingprocess.h): real espeak-ng speech made into phone-like files by
// the real ffmpeg (formats, gain, noise, silence), decoded by Qt Multimedia over GStreamer,
// trimmed, normalised with libebur128 and encoded with libopus.
#include "loudness.h"
#include "packtestutil.h"
#include "recordingprocess.h"

#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

const QString kSentence = u"Si vous n'avez pas de titre de séjour, vous avez droit à l'aide médicale urgente. "
                          "Demandez-la au CPAS de la commune où vous habitez."_s;

bool speak(const QString &text, const QString &wav, const QString &voice = u"fr-be"_s)
{
    return QProcess::execute(u"espeak-ng"_s, {u"-v"_s, voice, u"-w"_s, wav, text}) == 0;
}

/** ffmpeg from in to out (format from out's extension), with an audio filter graph. */
bool ffmpeg(const QString &in, const QString &out, const QString &filter = {}, const QStringList &extra = {})
{
    QStringList args{u"-nostdin"_s, u"-y"_s, u"-loglevel"_s, u"error"_s, u"-i"_s, in};
    if (!filter.isEmpty())
        args << u"-af"_s << filter;
    args << extra << out;
    return QProcess::execute(u"ffmpeg"_s, args) == 0;
}

/** in, gapSeconds of silence, in again: a reader who stopped in the middle. */
bool withGap(const QString &in, const QString &out, double gapSeconds)
{
    return QProcess::execute(u"ffmpeg"_s, {u"-nostdin"_s, u"-y"_s, u"-loglevel"_s, u"error"_s, u"-i"_s, in, u"-i"_s, in, u"-filter_complex"_s,
                                           u"[0:a]apad=pad_dur=%1[a];[a][1:a]concat=n=2:v=0:a=1"_s.arg(gapSeconds), out})
        == 0;
}

/** in with white noise at noiseDb dBFS (RMS) added under it, for its whole length. */
bool addNoise(const QString &in, const QString &out, double noiseDb)
{
    // anoisesrc's amplitude is the peak of a uniform noise, whose RMS is amplitude/sqrt(3).
    const double amplitude = std::pow(10.0, noiseDb / 20.0) * std::sqrt(3.0);
    return QProcess::execute(u"ffmpeg"_s, {u"-nostdin"_s, u"-y"_s, u"-loglevel"_s, u"error"_s, u"-i"_s, in, u"-f"_s, u"lavfi"_s,
                                           u"-i"_s, u"anoisesrc=color=white:seed=7:sample_rate=22050:amplitude="_s + QString::number(amplitude),
                                           u"-filter_complex"_s, u"[0:a][1:a]amix=inputs=2:duration=first:normalize=0"_s, out})
        == 0;
}

/** The current data row's tag, usable in a file name. */
QString tag()
{
    QString t = QString::fromLatin1(QTest::currentDataTag());
    for (QChar &c : t) {
        if (!c.isLetterOrNumber() && c != u'-')
            c = u'_';
    }
    return t;
}

bool hasProblem(const ProcessedRecording &r, const QString &start)
{
    return std::any_of(r.problems.begin(), r.problems.end(), [&](const QString &p) { return p.startsWith(start); });
}

} // namespace

class TestRecordingProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_speech; // espeak-ng's WAV of kSentence
    Pcm m_reference;  // it, decoded

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Pcm decoded(const QString &file)
    {
        const Result<Pcm> pcm = decodeAudioFile(file);
        if (!pcm) {
            qWarning().noquote() << pcm.problem().toString();
            return {};
        }
        return pcm.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_speech = path(u"speech.wav"_s);
        QVERIFY(speak(kSentence, m_speech));
        m_reference = decoded(m_speech);
        QVERIFY(!m_reference.samples.isEmpty());
    }

    void decodesPhoneFormats_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("wav") << u"wav"_s << QStringList{};
        // Both channels carry the voice at its level (a phone's stereo file): their mean is it.
        QTest::newRow("wav stereo 48 kHz") << u"wav"_s << QStringList{u"-af"_s, u"pan=stereo|c0=c0|c1=c0"_s, u"-ar"_s, u"48000"_s};
        QTest::newRow("flac") << u"flac"_s << QStringList{};
        QTest::newRow("mp3") << u"mp3"_s << QStringList{};
        QTest::newRow("m4a (AAC)") << u"m4a"_s << QStringList{u"-c:a"_s, u"aac"_s, u"-ar"_s, u"44100"_s};
        QTest::newRow("ogg (Vorbis)") << u"ogg"_s << QStringList{u"-c:a"_s, u"libvorbis"_s};
        QTest::newRow("opus") << u"opus"_s << QStringList{u"-c:a"_s, u"libopus"_s};
    }

    void decodesPhoneFormats()
    {
        QFETCH(QString, extension);
        QFETCH(QStringList, options);
        const QString file = path(u"phone-%1.%2"_s.arg(tag(), extension));
        QVERIFY(ffmpeg(m_speech, file, {}, options));
        const Result<Pcm> pcm = decodeAudioFile(file);
        QVERIFY2(pcm.ok(), qPrintable(pcm.problem().toString()));
        QCOMPARE(pcm->rate, kDecodeRate);
        // The same speech: its length within 60 ms (codecs' priming and padding), its loudness within 0.5 LU.
        QVERIFY2(std::abs(pcm->seconds() - m_reference.seconds()) < 0.06,
                 qPrintable(u"%1 s, WAV %2 s"_s.arg(pcm->seconds()).arg(m_reference.seconds())));
        const auto loudness = integratedLoudness(pcm->samples, pcm->rate);
        const auto reference = integratedLoudness(m_reference.samples, m_reference.rate);
        QVERIFY(loudness && reference);
        QVERIFY2(std::abs(*loudness - *reference) < 0.5, qPrintable(u"%1 LUFS, WAV %2"_s.arg(*loudness).arg(*reference)));
    }

    void decodesAmrNb()
    {
        // Old phones' recorders save AMR-NB (8 kHz), which ffmpeg here cannot write: the
        // fixture is espeak-ng's fr voice ("Bonjour, vous pouvez demander l'aide médicale
        // urgente au CPAS de votre commune.", 3.8 s) encoded by GStreamer's amrnbenc, with
        // the "#!AMR\n" header of the file format.
        const Result<Pcm> pcm = decodeAudioFile(QStringLiteral(PASSERELLE_TEST_DATA) + u"/audio/phone-amr-nb.amr"_s);
        QVERIFY2(pcm.ok(), qPrintable(pcm.problem().toString()));
        QCOMPARE(pcm->rate, kDecodeRate);
        QVERIFY2(std::abs(pcm->seconds() - 3.8) < 0.1, qPrintable(QString::number(pcm->seconds())));
        const ProcessedRecording r = processRecording(pcm.value(), 5.0);
        QVERIFY2(!r.refused && r.problems.isEmpty(), qPrintable(r.problems.join(u"; "_s)));
        QVERIFY(r.loudnessAfter && std::abs(*r.loudnessAfter - kLoudnessTarget) <= 0.5);
    }

    void refusesWhatIsNotAudio_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << u"the file is empty"_s;
        QTest::newRow("text") << QByteArray("S5-3: a note, not a recording\n").repeated(50) << u"cannot decode"_s;
        QTest::newRow("cut WAV header") << packtest::readFile(m_speech).left(30) << u"cannot decode"_s;
    }

    void refusesWhatIsNotAudio()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString file = path(u"bad-%1.m4a"_s.arg(tag()));
        QVERIFY(packtest::writeFile(file, bytes));
        const Result<Pcm> pcm = decodeAudioFile(file);
        QVERIFY(!pcm.ok());
        QVERIFY2(pcm.problem().message.startsWith(message), qPrintable(pcm.problem().toString()));
        QCOMPARE(pcm.problem().file, file);
    }

    void trimsSilence_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<double>("noiseDb"); // 0: none
        QTest::newRow("2 s before, 3 s after") << u"adelay=2000,apad=pad_dur=3"_s << 0.0;
        QTest::newRow("with room noise at -60 dBFS") << u"adelay=2000,apad=pad_dur=3"_s << -60.0;
        QTest::newRow("with loud noise at -45 dBFS") << u"adelay=1500,apad=pad_dur=2"_s << -45.0;
        QTest::newRow("quiet speech, 1 s around") << u"volume=-20dB,adelay=1000,apad=pad_dur=1"_s << -70.0;
    }

    void trimsSilence()
    {
        QFETCH(QString, filter);
        QFETCH(double, noiseDb);
        QString file = path(u"trim-%1.wav"_s.arg(tag()));
        QVERIFY(ffmpeg(m_speech, file, filter));
        if (noiseDb != 0) {
            const QString noisy = file + u".noisy.wav"_s;
            QVERIFY(addNoise(file, noisy, noiseDb));
            file = noisy;
        }
        const Pcm raw = decoded(file);
        // The clean speech with room for the margins on both sides.
        const QString padded = path(u"padded.wav"_s);
        QVERIFY(ffmpeg(m_speech, padded, u"adelay=1000,apad=pad_dur=1"_s));
        const ProcessedRecording clean = processRecording(decoded(padded), expectedSpeechSeconds(kSentence));
        const ProcessedRecording r = processRecording(raw, expectedSpeechSeconds(kSentence));
        qInfo("%s: %.2f s -> %.2f s (clean speech: %.2f s -> %.2f s); problems: %s", QTest::currentDataTag(),
              r.secondsBefore, r.seconds, clean.secondsBefore, clean.seconds, qPrintable(r.problems.join(u"; "_s)));
        QVERIFY2(!r.refused, qPrintable(r.problems.join(u"; "_s)));
        QVERIFY2(r.problems.isEmpty() || noiseDb == 0 || filter.contains(u"volume"_s), qPrintable(r.problems.join(u"; "_s)));
        // The speech stays whole and the silence goes: within 40 ms of the clean speech's own trim.
        QVERIFY2(std::abs(r.seconds - clean.seconds) < 0.04, qPrintable(u"%1 s, clean %2 s"_s.arg(r.seconds).arg(clean.seconds)));
        QCOMPARE(r.pcm.seconds(), r.seconds);
    }

    void normalises_data()
    {
        QTest::addColumn<double>("gainDb");
        QTest::addColumn<QString>("extension");
        for (const double gain : {-30.0, -20.0, -10.0, 0.0, 6.0}) {
            for (const QString &ext : {u"wav"_s, u"m4a"_s})
                QTest::addRow("%+.0f dB %s", gain, qPrintable(ext)) << gain << ext;
        }
    }

    void normalises()
    {
        QFETCH(double, gainDb);
        QFETCH(QString, extension);
        const QString file = path(u"gain%1.%2"_s.arg(gainDb).arg(extension));
        QVERIFY(ffmpeg(m_speech, file, u"volume=%1dB"_s.arg(gainDb)));
        const ProcessedRecording r = processRecording(decoded(file), expectedSpeechSeconds(kSentence));
        QVERIFY(r.loudnessBefore && r.loudnessAfter);
        qInfo("%s: %.1f -> %.2f LUFS, peak after %.1f dBFS; %s", QTest::currentDataTag(), *r.loudnessBefore,
              *r.loudnessAfter, samplePeakDb(r.pcm.samples), qPrintable(r.problems.join(u"; "_s)));
        QVERIFY(!r.refused);
        QVERIFY2(std::abs(*r.loudnessAfter - kLoudnessTarget) <= 0.5, qPrintable(QString::number(*r.loudnessAfter)));
        QVERIFY(samplePeakDb(r.pcm.samples) <= kPeakCeiling + 0.01);
        // And what was written is what was measured, give or take the codec: Opus at 16 kbit/s
        // (SILK wideband) loses a little of the highs, which K-weighting counts: measured
        // 0.55 to 0.65 LU under, the same for the pack's synthetic clips (same encoder).
        const QString opus = path(u"out/gain%1-%2.opus"_s.arg(gainDb).arg(extension));
        const Result<void> written = writeRecording(r.pcm, opus);
        QVERIFY2(written.ok(), qPrintable(written.problem().toString()));
        const Pcm back = decoded(opus);
        const auto loudness = integratedLoudness(back.samples, back.rate);
        QVERIFY(loudness);
        QVERIFY2(std::abs(*loudness - kLoudnessTarget) <= 1.0, qPrintable(QString::number(*loudness)));
    }

    void judges_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<double>("expectedSeconds"); // < 0: the sentence's own
        QTest::addColumn<QString>("problem");        // the start of the problem expected; empty: none
        QTest::addColumn<bool>("refused");

        QTest::newRow("as recorded") << QString() << u"wav"_s << -1.0 << QString() << false;
        QTest::newRow("as recorded, mp3") << QString() << u"mp3"_s << -1.0 << QString() << false;
        QTest::newRow("loud, +3 dB") << u"volume=3dB"_s << u"m4a"_s << -1.0 << QString() << false;
        QTest::newRow("clipped, +12 dB") << u"volume=12dB"_s << u"wav"_s << -1.0 << u"clipped"_s << false;
        QTest::newRow("clipped, +12 dB, mp3") << u"volume=12dB"_s << u"mp3"_s << -1.0 << u"clipped"_s << false;
        QTest::newRow("clipped, +12 dB, m4a") << u"volume=12dB"_s << u"m4a"_s << -1.0 << u"clipped"_s << false;
        QTest::newRow("quiet, -15 dB") << u"volume=-15dB"_s << u"m4a"_s << -1.0 << QString() << false;
        QTest::newRow("too quiet, -25 dB") << u"volume=-25dB"_s << u"wav"_s << -1.0 << u"too quiet"_s << false;
        QTest::newRow("too quiet, -25 dB, m4a") << u"volume=-25dB"_s << u"m4a"_s << -1.0 << u"too quiet"_s << false;
        QTest::newRow("silence") << u"volume=0"_s << u"wav"_s << -1.0 << u"empty"_s << true;
        QTest::newRow("too long for a label") << QString() << u"wav"_s << 1.0 << u"too long"_s << false;
        QTest::newRow("far too long for a label") << u"aloop=loop=2:size=2000000"_s << u"wav"_s << 1.0 << u"far too long"_s << true;
        QTest::newRow("a word for a long text") << u"atrim=end=1.2"_s << u"wav"_s << 20.0 << u"much shorter"_s << false;
    }

    void judges()
    {
        QFETCH(QString, filter);
        QFETCH(QString, extension);
        QFETCH(double, expectedSeconds);
        QFETCH(QString, problem);
        QFETCH(bool, refused);
        const QString file = path(u"judge-%1.%2"_s.arg(tag(), extension));
        QVERIFY(ffmpeg(m_speech, file, filter));
        const Pcm raw = decoded(file);
        QVERIFY(!raw.samples.isEmpty());
        const ProcessedRecording r = processRecording(raw, expectedSeconds < 0 ? expectedSpeechSeconds(kSentence) : expectedSeconds);
        qInfo("%s: %.2f s -> %.2f s, %s LUFS; %s", QTest::currentDataTag(), r.secondsBefore, r.seconds,
              r.loudnessBefore ? qPrintable(QString::number(*r.loudnessBefore, 'f', 1)) : "-", qPrintable(r.problems.join(u"; "_s)));
        QCOMPARE(r.refused, refused);
        if (problem.isEmpty())
            QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(u"; "_s)));
        else
            QVERIFY2(hasProblem(r, problem), qPrintable(r.problems.join(u"; "_s)));
    }

    void judgesPauses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("gapSeconds");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<bool>("refused");
        QTest::newRow("a sentence, 2 s pause, the sentence") << kSentence << 2.0 << QString() << false;
        QTest::newRow("a sentence, 6 s pause, the sentence") << kSentence << 6.0 << u"a pause of 6."_s << false;
        QTest::newRow("a word, 8 s pause, the word") << u"Accueil"_s << 8.0 << u"mostly silence"_s << true;
    }

    void judgesPauses()
    {
        QFETCH(QString, text);
        QFETCH(double, gapSeconds);
        QFETCH(QString, problem);
        QFETCH(bool, refused);
        const QString once = path(u"once-%1.wav"_s.arg(tag()));
        const QString file = path(u"pause-%1.m4a"_s.arg(tag()));
        QVERIFY(speak(text, once));
        QVERIFY(withGap(once, file, gapSeconds));
        const ProcessedRecording r = processRecording(decoded(file), 2 * expectedSpeechSeconds(text));
        qInfo("%s: %.2f s -> %.2f s; %s", QTest::currentDataTag(), r.secondsBefore, r.seconds, qPrintable(r.problems.join(u"; "_s)));
        QCOMPARE(r.refused, refused);
        if (problem.isEmpty())
            QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(u"; "_s)));
        else
            QVERIFY2(hasProblem(r, problem), qPrintable(r.problems.join(u"; "_s)));
    }

    void refusesNoiseWithoutVoice_data()
    {
        QTest::addColumn<double>("noiseDb");
        QTest::newRow("noise at -50 dBFS") << -50.0;
        QTest::newRow("noise at -30 dBFS") << -30.0;
    }

    void refusesNoiseWithoutVoice()
    {
        // Noise alone, with a few knocks (the phone put down): no speech anywhere.
        QFETCH(double, noiseDb);
        const QString silent = path(u"silent.wav"_s);
        QVERIFY(ffmpeg(m_speech, silent, u"volume=0,apad=pad_dur=4"_s));
        const QString noisy = path(u"noise%1.wav"_s.arg(noiseDb));
        QVERIFY(addNoise(silent, noisy, noiseDb));
        Pcm raw = decoded(noisy);
        QVERIFY(!raw.samples.isEmpty());
        for (const double at : {1.0, 5.5}) { // two 5 ms knocks at full scale
            const auto start = qsizetype(at * raw.rate) * 2;
            for (qsizetype i = 0; i < raw.rate / 200; ++i) {
                const qint16 s = (i % 2 ? 30000 : -30000);
                std::memcpy(raw.samples.data() + start + i * 2, &s, 2);
            }
        }
        const ProcessedRecording r = processRecording(raw, expectedSpeechSeconds(kSentence));
        qInfo("%s: %s", QTest::currentDataTag(), qPrintable(r.problems.join(u"; "_s)));
        QVERIFY(r.refused);
    }

    void expectedSecondsOfTexts()
    {
        // Rough reading times: a label, a sentence, the same sentence in Tigrinya and Arabic.
        QVERIFY(expectedSpeechSeconds(u"Accueil"_s) < 1.5);
        const double fr = expectedSpeechSeconds(kSentence);
        QVERIFY2(fr > 9 && fr < 13, qPrintable(QString::number(fr)));
        // espeak-ng reads the French sentence faster than calm speech, but not twice as fast.
        QVERIFY(m_reference.seconds() < fr && m_reference.seconds() > fr / 2);
        const double ti = expectedSpeechSeconds(u"ናይ መንበሪ ፍቓድ እንተዘይብልኩም፡ ህጹጽ ሕክምናዊ ሓገዝ ክትረኽቡ መሰል ኣለኩም።"_s);
        QVERIFY2(ti > 3 && ti < 9, qPrintable(QString::number(ti)));
    }
};

QTEST_GUILESS_MAIN(TestRecordingProcess)
#include "tst_recordingprocess.moc"
