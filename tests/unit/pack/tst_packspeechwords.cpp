// Speech mode's words (kiosk/core/speechwords.h) reach the pack: the kiosk asks for each by
// the id the pack writes, and the place "%1 of %2" becomes one spoken label per place
// ("place-2-of-4": "2 sur 4"), synthesized like any other label.
#include "contentloader.h"
#include "pack.h"
#include "repository.h"
#include "speechwords.h"
#include "textunits.h"
#include "uistrings.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

class TestPackSpeechWords : public QObject
{
    Q_OBJECT

private:
    ContentSet m_demo;

    const TextUnit *unit(const QList<TextUnit> &units, const QString &key)
    {
        for (const TextUnit &u : units) {
            if (u.key == key)
                return &u;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Problems problems;
        m_demo = loadContent(QStringLiteral(PASSERELLE_DEMO_CONTENT), problems);
        QVERIFY(!m_demo.pack.languages.isEmpty());
    }

    // The kiosk asks ui_texts for a word by its id; the pack writes the slug of its source.
    void idsAreTheSlugsOfTheSources()
    {
        for (const speechwords::Word *w : speechwords::kWords) {
            if (w != &speechwords::kPlace) // a pattern: its labels are the places, below
                QCOMPARE(QString::fromUtf8(w->id), uiLabelId(QString::fromUtf8(w->text.source)));
        }
        QCOMPARE(speechwords::placeId(2, 4), QString::fromUtf8(speechwords::kPlace.id) + u"-2-of-4"_s);
        QCOMPARE(uiLabelId(u"Which paper do you have?"_s), u"which-paper-do-you-have"_s);
    }

    // Every word is translated, in every language the kiosk has (a test of the .ts files
    // as built into passerelle-pack, beside translations.complete's).
    void everyWordIsTranslated()
    {
        for (const LanguageDecl &l : m_demo.pack.languages) {
            for (const speechwords::Word *w : speechwords::kWords) {
                const UiString s = uiTranslation(l.code, QString::fromUtf8(w->text.source));
                QVERIFY2(!s.text.isEmpty(), qPrintable(l.code + u": "_s + QString::fromUtf8(w->text.source)));
            }
            // The place keeps both numbers.
            const QString place = uiTranslation(l.code, QString::fromUtf8(speechwords::kPlace.text.source)).text;
            QVERIFY2(place.contains(u"%1"_s) && place.contains(u"%2"_s), qPrintable(l.code + u": "_s + place));
        }
    }

    void placesAreLabels_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::newRow("fr") << u"fr"_s << u"ui/place-2-of-4"_s << u"2 sur 4"_s;
        QTest::newRow("fr, the last") << u"fr"_s << u"ui/place-12-of-12"_s << u"12 sur 12"_s;
        QTest::newRow("ar") << u"ar"_s << u"ui/place-3-of-4"_s << u"3 من 4"_s;
        QTest::newRow("tr, count first") << u"tr"_s << u"ui/place-2-of-4"_s << u"4 öğeden 2"_s;
        QTest::newRow("ti, no voice") << u"ti"_s << u"ui/place-1-of-1"_s << u"1 ካብ 1"_s;
    }

    void placesAreLabels()
    {
        QFETCH(QString, lang);
        QFETCH(QString, key);
        QFETCH(QString, text);
        const QList<TextUnit> units = textUnits(m_demo, lang);
        const TextUnit *place = unit(units, key);
        QVERIFY2(place, qPrintable(key));
        QCOMPARE(place->text, text);
        QCOMPARE(place->kind, u"control"_s);
        QCOMPARE(place->recording, key.mid(3).prepend(u"_ui/"_s) + u".opus"_s);
        QCOMPARE(place->origin.file, uiStringsFile(lang));
        QVERIFY(place->origin.line > 0);
    }

    // 1 <= n <= m <= 12: 78 places, none past 12, and "%1 of %2" itself is no label.
    void placesUpToTwelve()
    {
        const QList<TextUnit> units = textUnits(m_demo, u"fr"_s);
        const QRegularExpression placeKey(u"^ui/place-(\\d+)-of-(\\d+)$"_s);
        int places = 0;
        QSet<QString> keys;
        for (const TextUnit &u : units) {
            QVERIFY2(!keys.contains(u.key), qPrintable(u"two units "_s + u.key));
            keys.insert(u.key);
            if (u.kind == u"control")
                QVERIFY2(!u.text.contains(u'%'), qPrintable(u.key + u": "_s + u.text));
            const QRegularExpressionMatch m = placeKey.match(u.key);
            if (!m.hasMatch())
                continue;
            ++places;
            const int n = m.captured(1).toInt();
            const int count = m.captured(2).toInt();
            QVERIFY2(1 <= n && n <= count && count <= speechwords::kMaxPlaceCount, qPrintable(u.key));
            QCOMPARE(u.key.mid(3), speechwords::placeId(n, count));
        }
        QCOMPARE(places, 78);
        QVERIFY(!keys.contains(u"ui/place-1-of-13"_s));
        QVERIFY(!keys.contains(u"ui/1-of-2"_s));
        // The bar's "Language" button is a label like the others.
        QVERIFY(keys.contains(u"ui/language"_s));
    }

    // The demo pack, as built from content/ with audio: the kiosk finds the words' speech.
    void theDemoPackSpeaksThem()
    {
        auto pack = Pack::openDirectory(QStringLiteral(PASSERELLE_DEMO_PACK));
        QVERIFY2(pack.ok(), qPrintable(pack.problem().toString()));
        const Repository repository(pack.value());
        const QString frPlace = repository.labelAudio(speechwords::placeId(3, 4), u"fr"_s);
        const QString arPlace = repository.labelAudio(speechwords::placeId(3, 4), u"ar"_s);
        QVERIFY(!frPlace.isEmpty());
        QVERIFY(!arPlace.isEmpty());
        QVERIFY(frPlace != arPlace);
        QVERIFY(frPlace != repository.labelAudio(speechwords::placeId(2, 4), u"fr"_s));
        for (const speechwords::Word *w : {&speechwords::kTopic, &speechwords::kPart, &speechwords::kHelp,
                                           &speechwords::kSpeechOn}) {
            QVERIFY2(!repository.labelAudio(QString::fromUtf8(w->id), u"fr"_s).isEmpty(), w->id);
        }
        QVERIFY(repository.labelAudio(u"place-1-of-13"_s, u"fr"_s).isEmpty());
        QVERIFY(repository.syntheticAudio().contains(frPlace));
    }
};

QTEST_GUILESS_MAIN(TestPackSpeechWords)
#include "tst_packspeechwords.moc"
