// Speech at build time: the real espeak-ng (passerelle-speak) and libopus, a real cache folder, real packs.
#include "contentchecker.h"
#include "contentloader.h"
#include "coveragereport.h"
#include "loudness.h"
#include "packbuilder.h"
#include "packmanifest.h"
#include "pack.h"
#include "packtestutil.h"
#include "repository.h"
#include "sha256.h"
#include "speechaudio.h"
#include "speechencoder.h"
#include "textunits.h"
#include "sqlitedatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>

#include <cmath>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kCreated = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

/** The speech server this build made; a test binary is not beside it. */
AudioOptions audioOptions()
{
    AudioOptions options;
    options.speechServer = QStringLiteral(PASSERELLE_SPEECH_SERVER);
    return options;
}

struct Built
{
    Problems problems;
    AudioCatalog::Stats stats;
};

Built build(const QString &content, const QString &out, const QString &cache, bool audio = true, AudioCatalog *kept = nullptr)
{
    Built b;
    const ContentSet set = loadContent(content, b.problems);
    checkContent(set, b.problems);
    if (hasErrors(b.problems))
        return b;
    AudioOptions options = audioOptions();
    options.enabled = audio;
    options.cacheDir = cache;
    const AudioCatalog catalog = prepareAudio(set, options, b.problems);
    b.stats = catalog.stats;
    if (hasErrors(b.problems))
        return b;
    BuildOptions buildOptions{kCreated};
    buildOptions.audio = &catalog;
    b.problems.append(buildPack(set, out, buildOptions));
    if (kept)
        *kept = catalog;
    return b;
}

/** A clip of speech at loudness LUFS (measured as the build measures), as a person's recording might be. */
QByteArray recordingAt(double lufs, quint32 serial)
{
    QProcess espeak;
    espeak.start(u"espeak-ng"_s, {u"-v"_s, u"en-gb"_s, u"--stdout"_s, u"A person reads this sentence for the kiosk."_s});
    if (!espeak.waitForFinished())
        return {};
    const QByteArray samples = SpeechEncoder::resample(espeak.readAllStandardOutput().mid(44), 22050);
    const std::optional<double> now = clipLoudness(samples, SpeechEncoder::kRate);
    if (!now)
        return {};
    const Result<QByteArray> clip = SpeechEncoder::encode(applyGain(samples, lufs - *now), SpeechEncoder::kRate, serial);
    return clip ? clip.value() : QByteArray();
}

QString errorsOf(const Problems &problems)
{
    QStringList out;
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            out.append(p.toString());
    }
    return out.join(u'\n');
}

PackManifest manifestOf(const QString &out)
{
    auto m = PackManifest::parse(packtest::readFile(out + u"/manifest.json"_s), u"manifest.json"_s);
    return m ? m.value() : PackManifest{};
}

/** Rows of one query on the pack's database, columns joined by "|". */
QStringList query(const QString &out, const QString &sql)
{
    const PackManifest m = manifestOf(out);
    QStringList rows;
    if (!m.database())
        return rows;
    auto db = SqliteDatabase::open(out + u"/objects/"_s + m.database()->sha256, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return rows;
    SqliteStatement q = db->prepare(sql);
    while (q.next())
        rows.append(q.text(0) + u'|' + q.text(1));
    return rows;
}

} // namespace

class TestPackAudio : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_content = m_tmp.filePath(u"content"_s);
        QDir(m_content).removeRecursively();
        QVERIFY(packtest::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
    }

    // The page footer is spoken as the kiosk shows it in the page's language: "Checked on"
    // and the date from the French page, then the machine-translation notice where review is machine.
    void pageFooterIsATextUnit()
    {
        Problems problems;
        const ContentSet set = loadContent(m_content, problems);
        QVERIFY2(!hasErrors(problems), qPrintable(errorsOf(problems)));
        auto footer = [&](const QString &lang, const QString &key) -> std::optional<TextUnit> {
            for (const TextUnit &u : textUnits(set, lang)) {
                if (u.key == key)
                    return u;
            }
            return std::nullopt;
        };
        const auto en = footer(u"en"_s, u"page/health/amu/footer"_s); // amu.en.md: review: machine
        QVERIFY(en);
        QCOMPARE(en->kind, u"footer"_s);
        QCOMPARE(en->text, u"Checked on January 15, 2026. Machine translation: ask a social worker if something is unclear."_s);
        QCOMPARE(en->recording, u"amu/footer.opus"_s);
        const auto fr = footer(u"fr"_s, u"page/health/amu/footer"_s); // review: draft
        QVERIFY(fr);
        QCOMPARE(fr->text, u"Vérifié le 15 janvier 2026"_s);
    }

    void synthesizesEveryVoicedTextAndCachesIt()
    {
        const QString cache = m_tmp.filePath(u"cache-a"_s);
        const Built first = build(m_content, m_tmp.filePath(u"a"_s), cache);
        QVERIFY2(!hasErrors(first.problems), qPrintable(errorsOf(first.problems)));
        QVERIFY(first.stats.synthesized > 20);
        QCOMPARE(first.stats.cached, 0);
        QVERIFY(first.stats.silent > 0); // ar has no voice in the fixture

        // Every fr and en block has synthetic audio; no ar block has any.
        const QString out = m_tmp.filePath(u"a"_s);
        const QStringList frBlocks = query(out, u"SELECT audio, audio_synthetic FROM blocks WHERE lang IN ('fr', 'en')"_s);
        QVERIFY(!frBlocks.isEmpty());
        for (const QString &row : frBlocks) {
            QVERIFY2(isSha256Hex(row.section(u'|', 0, 0)), qPrintable(row));
            QCOMPARE(row.section(u'|', 1), u"1"_s);
        }
        for (const QString &row : query(out, u"SELECT audio, audio_synthetic FROM blocks WHERE lang = 'ar'"_s))
            QCOMPARE(row, u"|0"_s);
        // Titles, status texts, topic titles, the endonym and the kiosk's own labels can be heard too.
        for (const QString &sql : {u"SELECT title_audio, title_audio_synthetic FROM page_texts WHERE lang = 'en'"_s,
                                   u"SELECT title_audio, hint_audio FROM status_texts WHERE lang = 'fr'"_s,
                                   u"SELECT audio, audio_synthetic FROM topic_texts WHERE lang = 'fr'"_s,
                                   u"SELECT audio, audio_synthetic FROM languages WHERE code = 'en'"_s,
                                   u"SELECT audio, audio_synthetic FROM ui_texts WHERE lang = 'fr'"_s,
                                   // The page footer ("Vérifié le ...") and the emergency label, by its id.
                                   u"SELECT footer_audio, footer_audio_synthetic FROM page_texts WHERE lang IN ('fr', 'en')"_s,
                                   u"SELECT audio, audio_synthetic FROM ui_texts WHERE lang = 'fr' AND id = 'emergency'"_s}) {
            const QStringList rows = query(out, sql);
            QVERIFY2(!rows.isEmpty(), qPrintable(sql));
            for (const QString &row : rows)
                QVERIFY2(isSha256Hex(row.section(u'|', 0, 0)), qPrintable(sql + u": "_s + row));
        }
        // The clips are Ogg Opus objects of role audio.
        int audioObjects = 0;
        for (const PackObject &o : manifestOf(out).objects) {
            if (o.role != u"audio")
                continue;
            ++audioObjects;
            QCOMPARE(o.type, u"audio/ogg"_s);
            const QByteArray bytes = packtest::readFile(out + u"/objects/"_s + o.sha256);
            QVERIFY(looksLikeOggOpus(bytes));
            QCOMPARE(sha256Hex(bytes), o.sha256);
        }
        QVERIFY(audioObjects > 20);

        // The second build synthesizes nothing and gives the same bytes.
        const Built second = build(m_content, m_tmp.filePath(u"b"_s), cache);
        QVERIFY2(!hasErrors(second.problems), qPrintable(errorsOf(second.problems)));
        QCOMPARE(second.stats.synthesized, 0);
        QCOMPARE(second.stats.cached, first.stats.synthesized);
        QCOMPARE(packtest::readTree(m_tmp.filePath(u"b"_s)), packtest::readTree(out));

        // An edited text is the only one synthesized again.
        QVERIFY(packtest::editFile(m_content + u"/pages/health/amu.fr.md"_s, "Allez chez un médecin.",
                                   "Allez chez un médecin ou un dentiste."));
        const Built third = build(m_content, m_tmp.filePath(u"c"_s), cache);
        QVERIFY2(!hasErrors(third.problems), qPrintable(errorsOf(third.problems)));
        QCOMPARE(third.stats.synthesized, 1);
    }

    void outputIsByteIdenticalFromAColdCache()
    {
        // Two caches, two syntheses of everything: the Ogg stream serial numbers are
        // set from the text, so the clips, and the packs, are the same bytes.
        const Built a = build(m_content, m_tmp.filePath(u"x"_s), m_tmp.filePath(u"cache-x"_s));
        const Built b = build(m_content, m_tmp.filePath(u"y"_s), m_tmp.filePath(u"cache-y"_s));
        QVERIFY2(!hasErrors(a.problems) && !hasErrors(b.problems), qPrintable(errorsOf(a.problems + b.problems)));
        QVERIFY(b.stats.synthesized > 0);
        QCOMPARE(packtest::readTree(m_tmp.filePath(u"y"_s)), packtest::readTree(m_tmp.filePath(u"x"_s)));
        QCOMPARE(packtest::readTree(m_tmp.filePath(u"cache-y"_s)), packtest::readTree(m_tmp.filePath(u"cache-x"_s)));
    }

    void aHumanRecordingReplacesSpeech()
    {
        // A "recording": any Ogg Opus file; here synthetic speech.
        const Result<SpeechEngine> engine = SpeechEngine::detect(audioOptions());
        QVERIFY2(engine.ok(), qPrintable(engine.problem().message));
        const Result<QByteArray> clip = engine.value().synthesize(u"en-gb"_s, u"A person reads this."_s, 42);
        QVERIFY(clip.ok());
        QVERIFY(packtest::writeFile(m_content + u"/audio/en/amu/2.opus"_s, clip.value()));
        QVERIFY(packtest::writeFile(m_content + u"/audio/ar/_topics/health.opus"_s, clip.value()));
        QVERIFY(packtest::writeFile(m_content + u"/audio/ar/_ui/home.opus"_s, clip.value()));

        const QString out = m_tmp.filePath(u"h"_s);
        const Built built = build(m_content, out, m_tmp.filePath(u"cache-h"_s));
        QVERIFY2(!hasErrors(built.problems), qPrintable(errorsOf(built.problems)));
        QCOMPARE(built.stats.recorded, 3);
        const QString hash = sha256Hex(clip.value());
        QCOMPARE(query(out, u"SELECT b.audio, b.audio_synthetic FROM blocks b JOIN pages p ON p.key = b.page "
                            "WHERE p.id = 'amu' AND b.lang = 'en' AND b.position = 1"_s),
                 QStringList{hash + u"|0"_s});
        // A language without a voice is heard where a person recorded it.
        QCOMPARE(query(out, u"SELECT audio, audio_synthetic FROM topic_texts WHERE topic = 'health' AND lang = 'ar'"_s),
                 QStringList{hash + u"|0"_s});
        // So is a label of the kiosk's own screens (the home button, "Home" in ar).
        QCOMPARE(query(out, u"SELECT audio, audio_synthetic FROM ui_texts WHERE lang = 'ar' AND id = 'home'"_s),
                 QStringList{hash + u"|0"_s});
        // The kiosk finds it by the label's id, and does not announce it as a machine voice.
        const auto pack = Pack::openDirectory(out);
        QVERIFY2(pack, pack ? "" : qPrintable(pack.problem().toString()));
        const Repository repository(pack.value());
        QCOMPARE(repository.labelAudio(u"home"_s, u"ar"_s), hash);
        const QSet<QString> synthetic = repository.syntheticAudio();
        QVERIFY(synthetic.contains(repository.labelAudio(u"home"_s, u"fr"_s)));
        QVERIFY(!synthetic.contains(hash));
    }

    void opusToolsReadOurClipsAndWeReadTheirs()
    {
        // A recording made the way the README tells editors: a WAV (here from the espeak-ng
        // program), then opusenc from opus-tools.
        const QString wav = m_tmp.filePath(u"recording.wav"_s), opus = m_tmp.filePath(u"recording.opus"_s);
        QCOMPARE(QProcess::execute(u"espeak-ng"_s, {u"-v"_s, u"en-gb"_s, u"-w"_s, wav, u"A person reads this."_s}), 0);
        QCOMPARE(QProcess::execute(u"opusenc"_s, {u"--quiet"_s, u"--bitrate"_s, u"24"_s, wav, opus}), 0);
        QVERIFY(packtest::writeFile(m_content + u"/audio/en/amu/2.opus"_s, packtest::readFile(opus)));

        const QString out = m_tmp.filePath(u"o"_s);
        const Built built = build(m_content, out, m_tmp.filePath(u"cache-o"_s));
        QVERIFY2(!hasErrors(built.problems), qPrintable(errorsOf(built.problems)));
        QCOMPARE(query(out, u"SELECT b.audio, b.audio_synthetic FROM blocks b JOIN pages p ON p.key = b.page "
                            "WHERE p.id = 'amu' AND b.lang = 'en' AND b.position = 1"_s),
                 QStringList{sha256Hex(packtest::readFile(opus)) + u"|0"_s});

        // Every clip we synthesized is a valid Ogg Opus stream to opusinfo, with some speech in it.
        int checked = 0;
        for (const PackObject &o : manifestOf(out).objects) {
            if (o.role != u"audio")
                continue;
            QProcess info;
            info.start(u"opusinfo"_s, {out + u"/objects/"_s + o.sha256});
            QVERIFY(info.waitForFinished(30000));
            const QString report = QString::fromUtf8(info.readAllStandardOutput() + info.readAllStandardError());
            QVERIFY2(info.exitCode() == 0 && !report.contains(u"WARNING"_s) && !report.contains(u"ERROR"_s),
                     qPrintable(o.sha256 + u": "_s + report));
            QVERIFY2(report.contains(u"Playback length: 0m:0"_s) || report.contains(u"Playback length: 0m:1"_s),
                     qPrintable(report));
            ++checked;
        }
        QVERIFY(checked > 20);
    }

    void everyClipIsMeasuredAndSyntheticOnesAreAtTheTarget()
    {
        AudioCatalog catalog;
        const QString out = m_tmp.filePath(u"l"_s), cache = m_tmp.filePath(u"cache-l"_s);
        const Built built = build(m_content, out, cache, true, &catalog);
        QVERIFY2(!hasErrors(built.problems), qPrintable(errorsOf(built.problems)));
        // Every audio object of the pack has its measure, the same as its bytes decoded again.
        QList<double> lufs;
        for (const PackObject &o : manifestOf(out).objects) {
            if (o.role != u"audio")
                continue;
            QVERIFY2(catalog.measures.contains(o.sha256), qPrintable(o.sha256));
            const ClipMeasure kept = catalog.measures.value(o.sha256);
            const Result<ClipMeasure> again = measureOggOpus(packtest::readFile(out + u"/objects/"_s + o.sha256));
            QVERIFY2(again.ok(), qPrintable(again.problem().message));
            QVERIFY(kept.loudness && again->loudness);
            QCOMPARE(*again->loudness, *kept.loudness);
            QCOMPARE(again->seconds, kept.seconds);
            QVERIFY(kept.seconds > 0.2 && kept.seconds < 30);
            QVERIFY(MeasureCache(cache).find(o.sha256).has_value()); // report reads it there
            lufs.append(*kept.loudness);
        }
        QVERIFY(lufs.size() > 20);
        // espeak-ng speaks at about -21 LUFS: normalised, the clips sit at -18, all within
        // 1.5 LU of each other (the issue's goal is 2): the codec's loss is compensated on
        // average, and the clips it moved further (a word or two) are made again.
        const LoudnessSpread spread = loudnessSpread(lufs);
        qInfo("%d clips: min %.2f, quartiles %.2f %.2f %.2f, max %.2f LUFS", spread.clips, spread.min, spread.q1,
              spread.median, spread.q3, spread.max);
        QVERIFY2(std::abs(spread.median - kLoudnessTarget) < 0.3, qPrintable(QString::number(spread.median)));
        QVERIFY2(spread.interquartile() < 0.6, qPrintable(QString::number(spread.interquartile())));
        QVERIFY2(spread.range() <= 1.5, qPrintable(QString::number(spread.min) + u' ' + QString::number(spread.max)));
    }

    void aRecordingFarFromTheTargetIsWarned()
    {
        // One recording 8 LU too quiet, one at the target: only the first is named.
        QVERIFY(packtest::writeFile(m_content + u"/audio/en/amu/2.opus"_s, recordingAt(-26, 5)));
        QVERIFY(packtest::writeFile(m_content + u"/audio/en/amu/1.opus"_s, recordingAt(-18, 6)));
        AudioCatalog catalog;
        const Built built = build(m_content, m_tmp.filePath(u"w"_s), m_tmp.filePath(u"cache-w"_s), true, &catalog);
        QVERIFY2(!hasErrors(built.problems), qPrintable(errorsOf(built.problems)));
        QStringList loudness;
        for (const Problem &p : built.problems) {
            if (p.message.contains(u"LU"_s))
                loudness.append(p.toString());
        }
        QCOMPARE(loudness.size(), 1);
        // -26 LUFS before the encoder, which takes a little off (kCodecLossLu).
        static const QRegularExpression quiet(u"audio/en/amu/2\\.opus: warning: this recording is [89]\\.\\d LU quieter than the other clips \\(-2[67]\\.\\d LUFS"_s);
        QVERIFY2(quiet.match(loudness.first()).hasMatch(), qPrintable(loudness.first()));
        QVERIFY2(loudness.first().contains(u"(import it with passerelle-pack import-audio, which normalises it)"_s),
                 qPrintable(loudness.first()));
        // check says the same, and so does the build on the command line.
        const auto check = packtest::run({u"check"_s, m_content});
        QVERIFY2(quiet.match(check.err).hasMatch(), qPrintable(check.err));
        QVERIFY(!check.err.contains(u"amu/1.opus: warning: this recording"_s));
        const auto cli = packtest::run({u"build"_s, m_content, m_tmp.filePath(u"w2"_s), u"--no-audio"_s});
        QVERIFY2(cli.exitCode == 0 && quiet.match(cli.err).hasMatch(), qPrintable(cli.err));
    }

    void opusencRecordingsAreMeasuredAtTheirBand()
    {
        // A fullband recording (opusenc from a WAV) decodes at 48 kHz to its length.
        const QString wav = m_tmp.filePath(u"band.wav"_s), opus = m_tmp.filePath(u"band.opus"_s);
        QCOMPARE(QProcess::execute(u"espeak-ng"_s, {u"-v"_s, u"en-gb"_s, u"-w"_s, wav, u"A person reads this."_s}), 0);
        QCOMPARE(QProcess::execute(u"opusenc"_s, {u"--quiet"_s, u"--bitrate"_s, u"64"_s, wav, opus}), 0);
        const QByteArray wavBytes = packtest::readFile(wav);
        const Result<DecodedClip> clip = decodeOggOpus(packtest::readFile(opus));
        QVERIFY2(clip.ok(), qPrintable(clip.problem().message));
        QCOMPARE(clip->rate, 48000);
        const double wavSeconds = double(wavBytes.size() - 44) / 2 / 22050;
        QVERIFY2(std::abs(double(clip->samples.size()) / 2 / 48000 - wavSeconds) < 0.002, qPrintable(QString::number(wavSeconds)));
        // The same speech measured from the WAV and from the Opus file: within 0.5 LU.
        const std::optional<double> fromWav = clipLoudness(wavBytes.mid(44), 22050);
        const Result<ClipMeasure> fromOpus = measureOggOpus(packtest::readFile(opus));
        QVERIFY(fromWav && fromOpus.ok() && fromOpus->loudness);
        QVERIFY2(std::abs(*fromWav - *fromOpus->loudness) < 0.5, qPrintable(QString::number(*fromWav) + u' ' + QString::number(*fromOpus->loudness)));
        QVERIFY(!decodeOggOpus("OggS not really").ok());
    }

    void noAudioSkipsSynthesis()
    {
        const QString cache = m_tmp.filePath(u"cache-n"_s);
        const Built built = build(m_content, m_tmp.filePath(u"n"_s), cache, false);
        QVERIFY2(!hasErrors(built.problems), qPrintable(errorsOf(built.problems)));
        QCOMPARE(built.stats.synthesized, 0);
        QVERIFY(!QFileInfo::exists(cache));
        for (const PackObject &o : manifestOf(m_tmp.filePath(u"n"_s)).objects)
            QVERIFY(o.role != u"audio");
    }

    void theCommandLineSaysWhatItSynthesized()
    {
        const QString out = m_tmp.filePath(u"cli/pack"_s);
        const auto first = packtest::run({u"build"_s, m_content, out, u"--jobs"_s, u"2"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(u" synthesized, 0 from the cache"_s), qPrintable(first.out));
        // The default cache is .cache/passerelle-audio beside the output.
        QVERIFY(QFileInfo(m_tmp.filePath(u"cli/.cache/passerelle-audio"_s)).isDir());
        const auto second = packtest::run({u"build"_s, m_content, out});
        QVERIFY2(second.out.contains(u"audio: 0 recorded, 0 synthesized,"_s), qPrintable(second.out));
    }

    void badRecordingsAreReported()
    {
        QVERIFY(packtest::writeFile(m_content + u"/audio/en/amu/1.opus"_s, "RIFF....WAVEfmt "));
        QVERIFY(packtest::writeFile(m_content + u"/audio/en/amu/99.opus"_s, "OggS"));
        Problems problems;
        const ContentSet set = loadContent(m_content, problems);
        checkContent(set, problems);
        const QString all = [&] {
            QStringList l;
            for (const Problem &p : problems)
                l.append(p.toString());
            return l.join(u'\n');
        }();
        QVERIFY2(all.contains(u"audio/en/amu/1.opus: error: a recording must be an Ogg Opus file"_s), qPrintable(all));
        QVERIFY2(all.contains(u"audio/en/amu/99.opus: warning: this recording matches no en text"_s), qPrintable(all));
        // ar has no voice: each of its files with texts gets one warning, at a line.
        QVERIFY2(all.contains(u"pages/health/emergency.ar.md:3: warning: no audio in ar"_s), qPrintable(all));
    }

    void theServerSpeaksAsTheEspeakNgProgram_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::newRow("en-gb") << u"en-gb"_s << u"Is someone in danger? Call 112."_s;
        QTest::newRow("fr-be") << u"fr-be"_s << u"Le CPAS peut vous aider à payer la garantie locative."_s;
        QTest::newRow("ar") << u"ar"_s << u"اتصل بالرقم 112."_s;
        QTest::newRow("ru, two lines") << u"ru"_s << u"Позвоните по номеру 112.\nЭто бесплатно."_s;
    }

    void theServerSpeaksAsTheEspeakNgProgram()
    {
        // The same samples as one espeak-ng process for the text alone, whatever the
        // server said before: a clip depends on its text and voice only.
        QFETCH(QString, voice);
        QFETCH(QString, text);
        QProcess espeak;
        espeak.start(u"espeak-ng"_s, {u"-v"_s, voice, u"-s"_s, u"160"_s, u"-b"_s, u"1"_s, u"--stdin"_s, u"--stdout"_s});
        espeak.write(text.toUtf8() + '\n');
        espeak.closeWriteChannel();
        QVERIFY(espeak.waitForFinished());
        const QByteArray expected = espeak.readAllStandardOutput().mid(44); // after the WAV header

        const Result<SpeechEngine> engine = SpeechEngine::detect(audioOptions());
        QVERIFY2(engine.ok(), qPrintable(engine.problem().message));
        const std::unique_ptr<SpeechServer> server = engine->speechServer(voice);
        const Result<Speech> alone = server->speak(text);
        QVERIFY2(alone.ok(), qPrintable(alone.problem().message));
        QCOMPARE(alone->rate, 22050);
        QCOMPARE(alone->samples.size(), expected.size());
        QVERIFY(alone->samples == expected);
        QVERIFY(server->speak(u"Something else, said first: 1, 2, 3."_s).ok());
        const Result<Speech> after = server->speak(text);
        QVERIFY2(after.ok(), qPrintable(after.problem().message));
        QVERIFY(after->samples == expected);
    }

    void aServerThatCannotSpeakSaysWhy()
    {
        const Result<SpeechEngine> engine = SpeechEngine::detect(audioOptions());
        QVERIFY2(engine.ok(), qPrintable(engine.problem().message));
        const std::unique_ptr<SpeechServer> server = engine->speechServer(u"xx-nowhere"_s);
        const Result<Speech> speech = server->speak(u"Hello."_s);
        QVERIFY(!speech.ok());
        QVERIFY2(speech.problem().message.contains(u"no voice \"xx-nowhere\""_s), qPrintable(speech.problem().message));

        AudioOptions options = audioOptions();
        options.speechServer = u"passerelle-speak-nowhere"_s;
        const Result<SpeechEngine> without = SpeechEngine::detect(options);
        QVERIFY(without.ok()); // checking voices needs espeak-ng only
        QVERIFY(!without->canSpeak());
        const Result<QByteArray> clip = without->synthesize(u"en-gb"_s, u"Hello."_s, 1);
        QVERIFY(!clip.ok());
        QVERIFY2(clip.problem().message.contains(u"passerelle-speak was not found"_s), qPrintable(clip.problem().message));
    }

    void aServerThatFailedIsStartedAgain()
    {
        // A server that dies the first time it starts, then works.
        const QString marker = m_tmp.filePath(u"died-once"_s);
        const QString script = m_tmp.filePath(u"flaky-speak.sh"_s);
        QVERIFY(packtest::writeFile(script, u"#!/bin/sh\nif [ ! -e '%1' ]; then touch '%1'; echo 'espeak-ng ended with signal 11' >&2; exit 1; fi\n"
                                             "exec '%2' \"$@\"\n"_s.arg(marker, QStringLiteral(PASSERELLE_SPEECH_SERVER))
                                                 .toUtf8()));
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        AudioOptions options = audioOptions();
        options.speechServer = script;
        const Result<SpeechEngine> engine = SpeechEngine::detect(options);
        QVERIFY2(engine.ok(), qPrintable(engine.problem().message));
        const std::unique_ptr<SpeechServer> server = engine->speechServer(u"en-gb"_s);
        const Result<Speech> first = server->speak(u"Hello."_s);
        QVERIFY(!first.ok());
        QCOMPARE(first.problem().message, u"espeak-ng ended with signal 11"_s);
        const Result<Speech> second = server->speak(u"Hello."_s);
        QVERIFY2(second.ok(), qPrintable(second.problem().message));
        QVERIFY(!second->samples.isEmpty());
    }

    void theEncoderMakesAnExactReproducibleStream_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("samples");
        QTest::newRow("espeak-ng's 22,050 Hz, 1 s") << 22050 << 22050;
        QTest::newRow("22,050 Hz, not a whole frame") << 22050 << 1001;
        QTest::newRow("16 kHz, no resampling") << 16000 << 16000;
        QTest::newRow("44.1 kHz") << 44100 << 30000;
    }

    void theEncoderMakesAnExactReproducibleStream()
    {
        QFETCH(int, rate);
        QFETCH(int, samples);
        QByteArray pcm(2 * samples, '\0');
        for (int i = 0; i < samples; ++i)
            qToLittleEndian<qint16>(qint16(8000 * std::sin(2 * 3.14159265 * 440 * i / rate)), pcm.data() + 2 * i);
        const Result<QByteArray> a = SpeechEncoder::encode(pcm, rate, 7);
        QVERIFY2(a.ok(), qPrintable(a.problem().message));
        QVERIFY(looksLikeOggOpus(a.value()));
        QCOMPARE(SpeechEncoder::encode(pcm, rate, 7).value(), a.value());
        QVERIFY(SpeechEncoder::encode(pcm, rate, 8).value() != a.value());

        // OpusHead: one channel, the input's rate; the last page's granule position ends the
        // stream at the last sample: pre-skip + the samples at 16 kHz, in 48 kHz units.
        const QByteArray &ogg = a.value();
        const qsizetype head = ogg.indexOf("OpusHead");
        QCOMPARE(int(ogg.at(head + 9)), 1);
        QCOMPARE(qFromLittleEndian<quint32>(ogg.constData() + head + 12), quint32(rate));
        const quint16 preSkip = qFromLittleEndian<quint16>(ogg.constData() + head + 10);
        const qsizetype lastPage = ogg.lastIndexOf("OggS");
        QCOMPARE(int(ogg.at(lastPage + 5)) & 4, 4); // end of stream
        const qint64 granule = qFromLittleEndian<qint64>(ogg.constData() + lastPage + 6);
        const qint64 at16k = (qint64(samples) * 16000 + rate - 1) / rate;
        QCOMPARE(granule - preSkip, at16k * 3);
    }

    void anUnknownVoiceIsAnErrorAtItsLine()
    {
        QVERIFY(packtest::editFile(m_content + u"/pack.yaml"_s, "voice: en-gb", "voice: xx-nowhere"));
        Problems problems;
        const ContentSet set = loadContent(m_content, problems);
        checkVoices(set, problems);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().line, 8);
        QVERIFY(problems.first().file.endsWith(u"pack.yaml"_s));
        QVERIFY(problems.first().message.contains(u"xx-nowhere"_s));
    }
};

QTEST_MAIN(TestPackAudio)
#include "tst_packaudio.moc"
