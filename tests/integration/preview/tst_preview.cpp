// passerelle --preview in this process, used as an editor uses it: a copy of the test
// content is shown, edited, broken and fixed with the real compiler, kiosk and QML on the
// offscreen platform. Files are saved as editors save them (a new file renamed over the old).
#include "contentpreview.h"
#include "kiosk.h"
#include "navigator.h"
#include "session.h"
#include "copytree.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_PreviewPlugin)

using namespace passerelle;
using passerelle::testing::copyTree;
using namespace Qt::StringLiterals;

namespace {

// The promise: the edit is on screen within 2 s of the save.
constexpr int kSaveToScreenMs = 2000;
constexpr int kFirstBuildMs = 20000;

const QString kAmuFr = u"pages/health/amu.fr.md"_s;
const QString kAmuEn = u"pages/health/amu.en.md"_s;
const QString kEmergencyFr = u"pages/health/emergency.fr.md"_s;

/** Replaces text in a file and saves it as editors do: a new file renamed over the old. */
bool edit(const QString &path, const QString &from, const QString &to)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(in.readAll());
    in.close();
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    QSaveFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(text.toUtf8()) >= 0 && out.commit();
}

/** Visible items under item whose objectName is name, depth first. */
void collect(QQuickItem *item, const QString &name, QList<QQuickItem *> &out)
{
    if (!item || !item->isVisible())
        return;
    if (name.isEmpty() || item->objectName() == name)
        out.append(item);
    for (QQuickItem *child : item->childItems())
        collect(child, name, out);
}

/** The texts of the visible Text items under item. */
QStringList visibleTexts(QQuickItem *item, const QString &name = {})
{
    QList<QQuickItem *> items;
    collect(item, name, items);
    QStringList texts;
    for (const QQuickItem *i : std::as_const(items)) {
        if (i->inherits("QQuickText"))
            texts.append(i->property("text").toString());
    }
    return texts;
}

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_content;
    std::unique_ptr<ContentPreview> m_preview;

    [[nodiscard]] QString file(const QString &relative) const { return m_content + u'/' + relative; }

    /** Starts the preview on the copy, in French on the page amu. */
    void startPreview()
    {
        ContentPreview::Options options;
        options.contentDir = m_content;
        options.kiosk.language = u"fr"_s;
        options.kiosk.startRoute = u"page/amu"_s;
        options.kiosk.today = QDate(2026, 6, 1);
        options.size = QSize(1280, 720);
        m_preview = std::make_unique<ContentPreview>(options);
        QString error;
        QVERIFY2(m_preview->start(&error), qPrintable(error));
    }

    [[nodiscard]] bool shows(const QString &text) const
    {
        return m_preview->screen() && visibleTexts(m_preview->screen()).contains(text);
    }
    [[nodiscard]] QQuickItem *panel() const
    {
        return m_preview->window()->findChild<QQuickItem *>(u"problemPanel"_s);
    }
    [[nodiscard]] QStringList panelLocations() const { return visibleTexts(panel(), u"problemLocation"_s); }
    [[nodiscard]] QString route() const { return m_preview->kiosk()->services().navigator().route(); }
    [[nodiscard]] Session &session() const { return m_preview->kiosk()->services().session(); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_content = m_dir.filePath(u"content-%1"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        QVERIFY(copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
    }

    void cleanup() { m_preview.reset(); }

    void editBreakFix()
    {
        startPreview();
        QAbstractItemModelTester tester(m_preview->problems(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(m_preview->hasContent(), kFirstBuildMs);
        QVERIFY(shows(u"Aide médicale urgente"_s));
        QVERIFY(!panel()->isVisible());

        // An edited title is on screen within 2 s, on the same route.
        QElapsedTimer saved;
        saved.start();
        QVERIFY(edit(file(kAmuFr), u"title: \"Aide médicale urgente\""_s, u"title: \"Aide médicale (AMU)\""_s));
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"Aide médicale (AMU)"_s), kSaveToScreenMs);
        qInfo("save -> new title on screen: %lld ms (the preview's own count: %lld ms)", saved.elapsed(),
              m_preview->lastTiming().changeToScreen);
        QCOMPARE(route(), u"page/amu"_s);
        QVERIFY(!shows(u"Aide médicale urgente"_s));
        QVERIFY(m_preview->lastTiming().changeToScreen < kSaveToScreenMs);

        // In another language: the language stays across the reload.
        session().setLanguage(u"en"_s);
        QTRY_VERIFY(shows(u"Urgent medical aid"_s));
        QVERIFY(edit(file(kAmuEn), u"\"Urgent medical aid\""_s, u"\"Urgent medical care\""_s));
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"Urgent medical care"_s), kSaveToScreenMs);
        QCOMPARE(session().language(), u"en"_s);
        QCOMPARE(route(), u"page/amu"_s);

        // A pictogram that does not exist: the error, where it is, over the last good build.
        const Kiosk *good = m_preview->kiosk();
        QVERIFY(edit(file(kAmuFr), u"pictogram: doctor"_s, u"pictogram: no-such-pictogram"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_preview->hasErrors(), kSaveToScreenMs);
        QTRY_VERIFY(panel()->isVisible());
        QCOMPARE(panelLocations(), QStringList{file(kAmuFr) + u":6"_s});
        const QStringList panelTexts = visibleTexts(panel());
        QVERIFY2(panelTexts.join(u'\n').contains(u"uses pictogram \"no-such-pictogram\", which does not exist"_s),
                 qPrintable(panelTexts.join(u'\n')));
        QVERIFY2(panelTexts.join(u'\n').contains(u"add content/pictograms/no-such-pictogram.svg"_s),
                 "the checker's hint is shown");
        QCOMPARE(m_preview->kiosk(), good);
        QVERIFY(shows(u"Urgent medical care"_s));
        QVERIFY2(m_preview->window()->title().contains(u"(1 error, "_s), qPrintable(m_preview->window()->title()));

        // Fixed: the panel goes (the pack is the one on screen: nothing to reload).
        QVERIFY(edit(file(kAmuFr), u"pictogram: no-such-pictogram"_s, u"pictogram: doctor"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_preview->hasErrors(), kSaveToScreenMs);
        QVERIFY(!panel()->isVisible());
        QVERIFY(shows(u"Urgent medical care"_s));
        QVERIFY(!m_preview->window()->title().contains(u"error"_s));

        // Front matter that is not YAML (a quote left open), in another file.
        QVERIFY(edit(file(kEmergencyFr), u"title: \"Numéros d'urgence\""_s, u"title: \"Numéros d'urgence"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_preview->hasErrors(), kSaveToScreenMs);
        QTRY_VERIFY(panel()->isVisible());
        const QStringList locations = panelLocations();
        const QRegularExpression yamlLocation(u"^"_s + QRegularExpression::escape(file(kEmergencyFr)) + u":\\d+$"_s);
        QVERIFY2(!locations.filter(yamlLocation).isEmpty(), qPrintable(locations.join(u", "_s)));
        QVERIFY(visibleTexts(panel(), u"problemMessage"_s).join(u'\n').contains(u"invalid YAML"_s));
        QVERIFY(shows(u"Urgent medical care"_s));
        QVERIFY(edit(file(kEmergencyFr), u"title: \"Numéros d'urgence"_s, u"title: \"Numéros d'urgence\""_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_preview->hasErrors(), kSaveToScreenMs);
        QVERIFY(!panel()->isVisible());
    }

    void brokenFromTheStart()
    {
        QVERIFY(edit(file(kAmuFr), u"pictogram: doctor"_s, u"pictogram: no-such-pictogram"_s));
        startPreview();
        QTRY_VERIFY_WITH_TIMEOUT(m_preview->hasErrors(), kFirstBuildMs);
        QVERIFY(!m_preview->hasContent());
        QVERIFY(!m_preview->screen());
        QTRY_VERIFY(panel()->isVisible());
        QCOMPARE(panelLocations(), QStringList{file(kAmuFr) + u":6"_s});
        QVERIFY(visibleTexts(panel(), u"problemSummary"_s).join(QString()).contains(u"nothing to show"_s));

        QVERIFY(edit(file(kAmuFr), u"pictogram: no-such-pictogram"_s, u"pictogram: doctor"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_preview->hasContent(), kFirstBuildMs);
        QVERIFY(!m_preview->hasErrors());
        QVERIFY(!panel()->isVisible());
        QTRY_VERIFY(shows(u"Aide médicale urgente"_s));
    }

    void keepsTheWayBackWithoutWhatIsGone()
    {
        startPreview();
        QTRY_VERIFY_WITH_TIMEOUT(m_preview->hasContent(), kFirstBuildMs);
        session().setStatus(u"undocumented"_s);
        m_preview->kiosk()->services().navigator().restore({Route(), Route::topic(u"health"_s), Route::page(u"amu"_s)});
        const Kiosk *before = m_preview->kiosk();
        // The page on screen is deleted: the screen below it shows, with the way back.
        QVERIFY(QFile::remove(file(kAmuEn)));
        QVERIFY(QFile::remove(file(kAmuFr)));
        QTRY_VERIFY_WITH_TIMEOUT(m_preview->kiosk() != before, kSaveToScreenMs * 2);
        QTRY_COMPARE_WITH_TIMEOUT(route(), u"topic/health"_s, kSaveToScreenMs * 2);
        QVERIFY(!m_preview->hasErrors());
        QCOMPARE(m_preview->kiosk()->services().navigator().stack(), (QList<Route>{Route(), Route::topic(u"health"_s)}));
        QCOMPARE(session().status(), u"undocumented"_s);
        QCOMPARE(session().language(), u"fr"_s);
    }
};

QTEST_MAIN(TestPreview)
#include "tst_preview.moc"
