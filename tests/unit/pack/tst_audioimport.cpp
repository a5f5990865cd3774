// passerelle-pack import-audio on the test content (Arabic has no voice there): the real
// program, real files made by espeak-ng and ffmpeg, real decoding (GStreamer) and encoding.
#include "packtestutil.h"
#include "recordinglog.h"
#include "recordingprocess.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

/** espeak-ng's French voice saying text, saved by ffmpeg at path (format from its extension) through filter. */
bool record(const QString &text, const QString &path, const QString &filter = {})
{
    const QString wav = path + u".source.wav"_s;
    if (QProcess::execute(u"espeak-ng"_s, {u"-v"_s, u"fr-be"_s, u"-w"_s, wav, text}) != 0)
        return false;
    QStringList args{u"-nostdin"_s, u"-y"_s, u"-loglevel"_s, u"error"_s, u"-i"_s, wav};
    if (!filter.isEmpty())
        args << u"-af"_s << filter;
    args << path;
    const bool ok = QProcess::execute(u"ffmpeg"_s, args) == 0;
    QFile::remove(wav);
    return ok;
}

/** The table's row of a file. */
QString rowOf(const QString &table, const QString &file)
{
    for (const QString &line : table.split(u'\n')) {
        if (line.startsWith(file + u' '))
            return line;
    }
    return {};
}

} // namespace

class TestAudioImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content, m_phone;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_content = m_tmp.filePath(u"content"_s);
        m_phone = m_tmp.filePath(u"phone"_s);
        QDir(m_content).removeRecursively();
        QDir(m_phone).removeRecursively();
        QVERIFY(packtest::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
        QVERIFY(QDir().mkpath(m_phone));
    }

    void importsAndRefusesFileByFile()
    {
        // One good file per format a phone saves, and one of each kind of refusal.
        QVERIFY(record(u"Une personne est en danger ? Appelez le 112."_s, m_phone + u"/S1-1.m4a"_s));
        QVERIFY(record(u"Accueil"_s, m_phone + u"/ui-HOME.mp3"_s));
        QVERIFY(record(u"Numéros d'urgence"_s, m_phone + u"/S1-T.flac"_s, u"adelay=1500,apad=pad_dur=2"_s));
        QVERIFY(record(u"Retour"_s, m_phone + u"/UI-back.ogg"_s));
        QVERIFY(record(u"Santé"_s, m_phone + u"/T-health.wav"_s, u"volume=12dB"_s)); // clipped: imported, with the problem
        QVERIFY(record(u"Langue"_s, m_phone + u"/S9-9.wav"_s));                        // no such code
        QVERIFY(record(u"Langue"_s, m_phone + u"/UI-language.wav"_s));                 // two files for one code
        QVERIFY(record(u"Langue"_s, m_phone + u"/ui-language.opus"_s));
        QVERIFY(record(u"Urgence"_s, m_phone + u"/UI-emergency.wav"_s, u"volume=0"_s)); // silence
        QVERIFY(record(u"Pause. Pause. Pause. Pause. Pause. Pause. Pause. Pause. Pause. Pause. Pause. Pause. Pause."_s,
                       m_phone + u"/UI-pause.mp3"_s, u"aloop=loop=1:size=1000000"_s)); // far too long for "Pause"
        QVERIFY(packtest::writeFile(m_phone + u"/UI-stop.m4a"_s, "not audio\n")); // undecodable

        const QMap<QString, QByteArray> before = packtest::readTree(m_content);
        const packtest::CliResult r = packtest::run({u"import-audio"_s, u"--lang"_s, u"ar"_s, m_content, m_phone});
        qInfo().noquote() << r.out;
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"5 imported, 6 refused: nothing was changed for them"_s), qPrintable(r.out));

        // The table: one row per file, with its code, text, durations, loudness and problems.
        QVERIFY(rowOf(r.out, u"S1-1.m4a"_s).contains(u"imported"_s));
        QVERIFY(rowOf(r.out, u"S1-1.m4a"_s).contains(u"هل شخص في خطر"_s));
        QVERIFY(rowOf(r.out, u"S1-1.m4a"_s).contains(u"-> -18.0"_s));
        QVERIFY(rowOf(r.out, u"S1-T.flac"_s).contains(u"imported"_s));
        QVERIFY(rowOf(r.out, u"T-health.wav"_s).contains(u"imported: clipped"_s));
        QVERIFY(rowOf(r.out, u"S9-9.wav"_s).contains(u"REFUSED: no text has the code \"S9-9\" in ar"_s));
        QVERIFY(rowOf(r.out, u"UI-language.wav"_s).contains(u"REFUSED: 2 files for the code UI-language"_s));
        QVERIFY(rowOf(r.out, u"ui-language.opus"_s).contains(u"REFUSED: 2 files for the code UI-language"_s));
        QVERIFY(rowOf(r.out, u"UI-emergency.wav"_s).contains(u"REFUSED: empty"_s));
        QVERIFY(rowOf(r.out, u"UI-pause.mp3"_s).contains(u"REFUSED: far too long for the text"_s));
        QVERIFY(rowOf(r.out, u"UI-stop.m4a"_s).contains(u"REFUSED: cannot decode"_s));

        // On disk: exactly the five recordings and the log, nothing for the refused files.
        const QMap<QString, QByteArray> after = packtest::readTree(m_content);
        QStringList added;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!before.contains(it.key()))
                added.append(it.key());
            else
                QVERIFY2(before.value(it.key()) == it.value(), qPrintable(it.key() + u" changed"_s));
        }
        QCOMPARE(before.size() + added.size(), after.size());
        QCOMPARE(added, (QStringList{u"/audio/ar/_topics/health.opus"_s, u"/audio/ar/_ui/back.opus"_s,
                                     u"/audio/ar/_ui/home.opus"_s, u"/audio/ar/emergency/1.opus"_s,
                                     u"/audio/ar/emergency/title.opus"_s, u"/audio/ar/recordings.yaml"_s}));
        // Each is Ogg Opus at the pack's loudness, and the log says which French it was made from.
        const Result<RecordingLog> log = RecordingLog::read(m_content, u"ar"_s);
        QVERIFY(log.ok());
        QCOMPARE(log->recordings().size(), 5);
        for (const QString &file : added) {
            if (!file.endsWith(u".opus"))
                continue;
            QCOMPARE(packtest::readFile(m_content + file).left(4), QByteArray("OggS"));
            const Result<Pcm> pcm = decodeAudioFile(m_content + file);
            QVERIFY(pcm.ok());
            QVERIFY(!log->frenchHash(file.mid(u"/audio/ar/"_s.size())).isEmpty());
        }
        // And check is content with them (Ogg Opus, matching a text).
        const packtest::CliResult check = packtest::run({u"check"_s, m_content});
        for (const QString &line : check.err.split(u'\n'))
            QVERIFY2(!line.startsWith(m_content + u"/audio/"_s), qPrintable(line));
    }

    void changesNothingWhenEveryFileIsRefused()
    {
        QVERIFY(record(u"Accueil"_s, m_phone + u"/UI-nothing-like-this.wav"_s));
        QVERIFY(record(u"Accueil"_s, m_phone + u"/UI-home.wav"_s, u"volume=0"_s));
        const QMap<QString, QByteArray> before = packtest::readTree(m_content);
        const packtest::CliResult r = packtest::run({u"import-audio"_s, u"--lang"_s, u"ar"_s, m_content, m_phone});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"0 imported, 2 refused: nothing was changed for them"_s), qPrintable(r.out));
        QCOMPARE(packtest::readTree(m_content), before);
        QVERIFY(!QFileInfo::exists(m_content + u"/audio"_s));
    }

    void replacesAnEarlierRecording()
    {
        QVERIFY(record(u"Accueil"_s, m_phone + u"/UI-home.wav"_s));
        QCOMPARE(packtest::run({u"import-audio"_s, u"--lang"_s, u"ar"_s, m_content, m_phone}).exitCode, 0);
        const QByteArray first = packtest::readFile(m_content + u"/audio/ar/_ui/home.opus"_s);
        QVERIFY(!first.isEmpty());
        QVERIFY(record(u"Accueil, accueil"_s, m_phone + u"/UI-home.wav"_s));
        const packtest::CliResult r = packtest::run({u"import-audio"_s, u"--lang"_s, u"ar"_s, m_content, m_phone});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"1 imported, 0 refused\n"_s), qPrintable(r.out));
        QVERIFY(packtest::readFile(m_content + u"/audio/ar/_ui/home.opus"_s) != first);
    }

    void refusesWhatItCannotUse_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a language of the pack") << QStringList{u"--lang"_s, u"ti"_s} << u"\"ti\" is not a language of the pack"_s;
        QTest::newRow("no such folder") << QStringList{u"--lang"_s, u"ar"_s, u"MISSING"_s} << u"no such folder"_s;
    }

    void refusesWhatItCannotUse()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QVERIFY(record(u"Accueil"_s, m_phone + u"/UI-home.wav"_s));
        const QMap<QString, QByteArray> before = packtest::readTree(m_content);
        QStringList full{u"import-audio"_s};
        full << args.mid(0, 2) << m_content << (args.size() > 2 ? m_tmp.filePath(args[2]) : m_phone);
        const packtest::CliResult r = packtest::run(full);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(packtest::readTree(m_content), before);
    }
};

QTEST_MAIN(TestAudioImport)
#include "tst_audioimport.moc"
