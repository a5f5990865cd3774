// Issue #12's "done when": a language without a voice (Tigrinya) goes from no audio to 100 %
// human audio through the editors' path: `script` lists the texts, a person records each
// one (here espeak-ng with a French voice, saved by ffmpeg as MP3, M4A or WAV as a phone
// would), `import-audio` takes the folder, `build` makes the pack, and the kiosk plays
// the imported clip when the visitor touches a block's listen button. All real: the
// passerelle-pack program, GStreamer, libebur128, libopus, SQLite, the kiosk's QML;
// only the sound card is a fake (FakeAudioBackend).
#include "copytree.h"
#include "fakeaudiobackend.h"
#include "kioskservices.h"
#include "navigator.h"
#include "packmanifest.h"
#include "session.h"
#include "sha256.h"
#include "sqlitedatabase.h"

#include "contentloader.h"
#include "unitcodes.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

const QString kLang = u"ti"_s;
// The page whose block the kiosk plays, kept in the fixture, and its block.
const QString kPage = u"amu-steps"_s;
constexpr int kBlock = 3;

struct Run
{
    int exitCode = -1;
    QString out, err;
};

Run passerellePack(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PASSERELLE_PACK_TOOL), args);
    Run r;
    if (!p.waitForFinished(300'000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/** Runs the jobs (sh -c scripts with their arguments), two at a time; the failures' stderr. */
QStringList runJobs(const QList<QStringList> &jobs)
{
    QStringList failures;
    QList<QProcess *> running;
    qsizetype next = 0;
    const auto reap = [&](QProcess *p) {
        p->waitForFinished(120'000);
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
            failures.append(p->arguments().join(u' ') + u": "_s + QString::fromUtf8(p->readAllStandardError()));
        delete p;
    };
    while (next < jobs.size() || !running.isEmpty()) {
        while (next < jobs.size() && running.size() < 2) {
            auto *p = new QProcess;
            p->start(u"sh"_s, QStringList{u"-c"_s} + jobs[next++]);
            running.append(p);
        }
        reap(running.takeFirst());
    }
    return failures;
}

/** Visible items named name under item, in the visual tree (delegates included). */
void findVisible(QQuickItem *item, const QString &name, QList<QQuickItem *> &out)
{
    if (!item->isVisible())
        return;
    if (item->objectName() == name)
        out.append(item);
    for (QQuickItem *child : item->childItems())
        findVisible(child, name, out);
}

} // namespace

class TestRecordLanguage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_content, m_recordings, m_pack;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_content = m_dir.filePath(u"content"_s);
        m_recordings = m_dir.filePath(u"phone"_s);
        m_pack = m_dir.filePath(u"pack"_s);
        // A small content: the demo content with one page (in every language), its
        // topics, statuses, pictograms, services and the kiosk's labels.
        QVERIFY(testing::copyTree(QStringLiteral(PASSERELLE_DEMO_CONTENT), m_content));
        QDirIterator pages(m_content + u"/pages"_s, {u"*.md"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (pages.hasNext()) {
            const QString page = pages.next();
            if (!QFileInfo(page).fileName().startsWith(kPage + u'.'))
                QVERIFY(QFile::remove(page));
        }
        QVERIFY(!QFileInfo::exists(m_content + u"/audio/ti"_s));
        QVERIFY(QDir().mkpath(m_recordings));
    }

    void fromNothingToHumanAudio()
    {
        QElapsedTimer clock;
        clock.start();
        // 1. The recording script lists every Tigrinya text: none has a voice.
        const QString html = m_dir.filePath(u"ti.html"_s);
        Run script = passerellePack({u"script"_s, u"--lang"_s, kLang, m_content, html});
        QVERIFY2(script.exitCode == 0, qPrintable(script.err));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList codes;
        const QRegularExpression codeCell(u"class=\"code\">([A-Za-z0-9-]+)<"_s);
        for (auto it = codeCell.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();)
            codes.append(it.next().captured(1));
        Problems problems;
        const ContentSet set = loadContent(m_content, problems);
        const QList<CodedUnit> units = codedUnits(set, kLang);
        QCOMPARE(codes.size(), units.size()); // every text, as none is recorded
        QVERIFY(units.size() > 100);
        qInfo("script: %lld texts to record (%lld ms)", qlonglong(codes.size()), qlonglong(clock.restart()));

        // 2. A person records each one; the phone saves MP3, M4A or WAV, in turn, and the
        // names come in any case.
        const QStringList extensions{u"mp3"_s, u"m4a"_s, u"wav"_s};
        QList<QStringList> jobs;
        for (qsizetype i = 0; i < codes.size(); ++i) {
            const CodedUnit *unit = findCode(units, codes[i]);
            QVERIFY2(unit, qPrintable(codes[i]));
            // The French with a French voice: what it says is the meaning, in another voice.
            const QString spoken = unit->french.text.isEmpty() ? codes[i] : unit->french.speech();
            const QString base = m_dir.filePath(u"take%1"_s.arg(i));
            QFile text(base + u".txt"_s);
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write(spoken.toUtf8());
            text.close();
            const QString &extension = extensions[i % extensions.size()];
            const QString name = (i % 2 ? codes[i].toLower() : codes[i]) + u'.' + extension;
            if (extension == u"wav")
                jobs.append({u"espeak-ng -v fr-be -f \"$1.txt\" -w \"$2\""_s, u"sh"_s, base, QDir(m_recordings).filePath(name)});
            else
                jobs.append({u"espeak-ng -v fr-be -f \"$1.txt\" -w \"$1.wav\" && ffmpeg -nostdin -loglevel error -y -i \"$1.wav\" \"$2\""_s,
                             u"sh"_s, base, QDir(m_recordings).filePath(name)});
        }
        const QStringList failed = runJobs(jobs);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.mid(0, 3).join(u'\n')));
        qInfo("recordings: %lld files made by espeak-ng and ffmpeg (%lld ms)", qlonglong(jobs.size()), qlonglong(clock.restart()));

        // 3. import-audio takes them all.
        const Run import = passerellePack({u"import-audio"_s, u"--lang"_s, kLang, m_content, m_recordings});
        QVERIFY2(import.exitCode == 0, qPrintable(import.out.right(3000) + import.err));
        QVERIFY2(import.out.contains(u"%1 imported, 0 refused"_s.arg(codes.size())), qPrintable(import.out.right(500)));
        qInfo("import-audio: %lld files (%lld ms)", qlonglong(codes.size()), qlonglong(clock.restart()));

        // Nothing is left to record, and check no longer misses Tigrinya audio.
        script = passerellePack({u"script"_s, u"--lang"_s, kLang, m_content, html});
        QVERIFY2(script.exitCode == 0 && script.out.contains(u"(0 to record)"_s), qPrintable(script.out + script.err));
        const Run check = passerellePack({u"check"_s, m_content});
        QVERIFY2(!check.err.contains(u"no audio in ti"_s), qPrintable(check.err.right(2000)));

        // 4. build: every Tigrinya text of the pack has human audio. (--no-audio: no speech is
        // made for the other languages, which this test does not look at; recordings are
        // included all the same.)
        const Run build = passerellePack({u"build"_s, m_content, m_pack, u"--no-audio"_s});
        QVERIFY2(build.exitCode == 0, qPrintable(build.out + build.err));
        qInfo("build: %lld ms", qlonglong(clock.restart()));
        const auto manifest = PackManifest::parse([&] {
            QFile f(m_pack + u"/manifest.json"_s);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }(), u"manifest.json"_s);
        QVERIFY(manifest.ok() && manifest->database());
        auto db = SqliteDatabase::open(m_pack + u"/objects/"_s + manifest->database()->sha256, SqliteDatabase::Mode::ReadOnly);
        QVERIFY(db.ok());
        // (text, its audio, synthetic) of every Tigrinya text the pack holds.
        const QStringList queries{
            u"SELECT endonym, audio, audio_synthetic FROM languages WHERE code = 'ti'"_s,
            u"SELECT greeting, greeting_audio, greeting_audio_synthetic FROM languages WHERE code = 'ti'"_s,
            u"SELECT label, audio, audio_synthetic FROM pictogram_names WHERE lang = 'ti'"_s,
            u"SELECT title, audio, audio_synthetic FROM topic_texts WHERE lang = 'ti'"_s,
            u"SELECT title, title_audio, title_audio_synthetic FROM status_texts WHERE lang = 'ti'"_s,
            u"SELECT hint, hint_audio, hint_audio_synthetic FROM status_texts WHERE lang = 'ti' AND hint != ''"_s,
            u"SELECT title, title_audio, title_audio_synthetic FROM page_texts WHERE lang = 'ti'"_s,
            u"SELECT text, audio, audio_synthetic FROM blocks WHERE lang = 'ti' AND text != ''"_s,
            u"SELECT name, audio, audio_synthetic FROM service_texts WHERE lang = 'ti'"_s,
            u"SELECT text, audio, audio_synthetic FROM ui_texts WHERE lang = 'ti'"_s,
        };
        int texts = 0;
        QStringList silent;
        for (const QString &sql : queries) {
            SqliteStatement q = db->prepare(sql);
            while (q.next()) {
                ++texts;
                if (q.text(1).isEmpty() || q.integer(2) != 0)
                    silent.append(q.text(0));
            }
        }
        QVERIFY2(silent.isEmpty(), qPrintable(u"%1 of %2 texts without human audio: "_s.arg(silent.size()).arg(texts)
                                              + silent.mid(0, 10).join(u" | "_s)));
        QCOMPARE(texts, int(codes.size()));

        // 5. The kiosk, in Tigrinya, on the page: the block's listen button plays the imported clip.
        const QString recording = m_content + u"/audio/ti/%1/%2.opus"_s.arg(kPage).arg(kBlock);
        QVERIFY(QFileInfo::exists(recording));
        const QString sha = sha256HexOfFile(recording);
        QVERIFY(!sha.isEmpty());
        KioskServices::Options options;
        options.packDir = m_pack;
        options.startRoute = u"home"_s;
        auto audio = std::make_unique<FakeAudioBackend>();
        FakeAudioBackend *fake = audio.get();
        auto services = KioskServices::open(options, std::move(audio));
        QVERIFY2(services.ok(), qPrintable(services.problem().toString()));
        {
            QQmlApplicationEngine engine;
            services.value()->installInto(&engine);
            engine.load(QUrl(u"qrc:/qt/qml/Passerelle/Ui/Main.qml"_s));
            QCOMPARE(engine.rootObjects().size(), 1);
            auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
            QVERIFY(window);
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            services.value()->session().setLanguage(kLang);
            QVERIFY(services.value()->navigator().go(u"page/"_s + kPage));
            // The listen button of block kBlock (index kBlock - 1) of the visitor's column.
            QQuickItem *listen = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                         QList<QQuickItem *> buttons;
                                         findVisible(window->contentItem(), u"listenBlock"_s, buttons);
                                         for (QQuickItem *b : buttons) {
                                             QQuickItem *block = b->parentItem();
                                             if (block && block->objectName() != u"frenchBlock"
                                                 && block->property("index").toInt() == kBlock - 1)
                                                 listen = b;
                                         }
                                         return listen != nullptr;
                                     }()),
                                     10'000);
            QVERIFY(QTest::qWaitForWindowExposed(window));
            fake->clear();
            const QPointF centre = listen->mapToScene(QPointF(listen->width() / 2, listen->height() / 2));
            QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
            QTRY_COMPARE(fake->played().size(), 1);
            const QString played = fake->played().first();
            QVERIFY2(played.endsWith(sha), qPrintable(played + u" is not the recording "_s + sha));
            QCOMPARE(sha256HexOfFile(played), sha);
            qInfo("kiosk: block %d of %s in ti plays %s (%lld ms)", kBlock, qPrintable(kPage), qPrintable(played),
                  qlonglong(clock.restart()));
        }
    }
};

QTEST_MAIN(TestRecordLanguage)
#include "tst_recordlanguage.moc"
