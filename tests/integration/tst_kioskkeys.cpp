// Keys on the real kiosk window (Main.qml, as `passerelle` loads it), not on a test's copy
// of its screen: the first key turns speech mode on and opens the languages, the next
// ones move the focus and choose, and touches explore (issue #17). The Qt Quick tests (tests/qml/demopack,
// tst_keys) go through the whole visit; this one proves the kiosk's own window is wired.
#include "kiosk.h"
#include "navigator.h"
#include "session.h"
#include "speechmode.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QPointingDevice>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

/** The item of that objectName in the visual tree under item (delegates included). */
QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

} // namespace

class TestKioskKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysDriveTheKioskWindow()
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_DEMO_PACK);
        options.silent = true;
        auto opened = Kiosk::open(options);
        QVERIFY2(opened.ok(), qPrintable(opened.problem().toString()));
        Kiosk &kiosk = *opened.value();
        QVERIFY(kiosk.loadUi());
        QQuickWindow *window = kiosk.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QCOMPARE(kiosk.services().navigator().route(), u"attract"_s);

        QTest::keyClick(window, Qt::Key_Down);
        QVERIFY(kiosk.services().speechMode().active());
        QCOMPARE(kiosk.services().navigator().route(), u"language"_s);
        QCOMPARE(kiosk.services().speechMode().said(), QStringList{u"language_fr"_s});
        QCOMPARE(window->activeFocusItem()->objectName(), u"language_fr"_s);

        QTest::keyClick(window, Qt::Key_Down);
        QCOMPARE(window->activeFocusItem()->objectName(), u"language_en"_s);
        QTest::keyClick(window, Qt::Key_Return);
        QCOMPARE(kiosk.services().session().language(), u"en"_s);
        QCOMPARE(kiosk.services().navigator().route(), u"status"_s);
        QVERIFY(window->activeFocusItem()->objectName().startsWith(u"status_"_s));

        // A touch screen's touches explore: one says the paper under the finger and does
        // nothing else; two in a row choose it.
        QQuickItem *paper = findItem(window->contentItem(), u"status_refugee"_s);
        QVERIFY(paper);
        const QPoint at = paper->mapToScene(paper->boundingRect().center()).toPoint();
        QPointingDevice *finger = QTest::createTouchDevice();
        QTest::qWait(600); // not a double tap with the key's focus
        QTest::touchEvent(window, finger).press(0, at, window);
        QTest::touchEvent(window, finger).release(0, at, window);
        QCOMPARE(kiosk.services().speechMode().said().value(0), u"status_refugee"_s);
        QCOMPARE(kiosk.services().navigator().route(), u"status"_s);
        QTest::touchEvent(window, finger).press(0, at, window);
        QTest::touchEvent(window, finger).release(0, at, window);
        QCOMPARE(kiosk.services().session().status(), u"refugee"_s);
        QCOMPARE(kiosk.services().navigator().route(), u"home"_s);
    }
};

QTEST_MAIN(TestKioskKeys)

#include "tst_kioskkeys.moc"
