// Windows that fit (issue #12, item 7): on a 1366x768 laptop, `passerelle --preview` and
// `--windowed` open inside the screen, and the whole navigation bar (Language, Emergency)
// is on it. Runs on a real X server (Xvfb at 1366x768, started by ctest through xvfb-run)
// with Qt's xcb platform, on the real preview (compiler, kiosk, QML) and the test content.
#include "contentpreview.h"
#include "kiosk.h"
#include "kioskservices.h"
#include "windowfit.h"
#include "copytree.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScreen>
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

constexpr int kFirstBuildMs = 20000;

QQuickItem *findNamed(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findNamed(child, name))
            return found;
    }
    return nullptr;
}

/** Where item is on the screen, in screen pixels. */
QRectF onScreen(const QQuickItem *item)
{
    const QPointF topLeft = item->mapToGlobal(QPointF(0, 0));
    const QPointF bottomRight = item->mapToGlobal(QPointF(item->width(), item->height()));
    return QRectF(topLeft, bottomRight).normalized();
}

/** A picture of the window, kept in the build folder for a person to look at. */
void keepScreenshot(QQuickWindow *window, const QString &name)
{
    const QString path = QStringLiteral(WINDOWFIT_OUTPUT_DIR) + u'/' + name + u".png"_s;
    QVERIFY2(window->grabWindow().save(path), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

} // namespace

class TestWindowFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QScreen *screen = QGuiApplication::primaryScreen();
        QVERIFY(screen);
        qInfo() << "platform" << QGuiApplication::platformName() << "screen" << screen->geometry()
                << "available" << screen->availableGeometry();
    }

    void fittedSize_data()
    {
        QTest::addColumn<QSize>("design");
        QTest::addColumn<QSize>("available");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("laptop 1366x768") << QSize(1920, 1080) << QSize(1366, 768) << QSize(1296, 729);
        QTest::newRow("laptop with a panel") << QSize(1920, 1080) << QSize(1366, 740) << QSize(1249, 703);
        QTest::newRow("large screen: as asked") << QSize(1920, 1080) << QSize(2560, 1400) << QSize(1920, 1080);
        QTest::newRow("portrait screen") << QSize(1920, 1080) << QSize(1080, 1920) << QSize(1026, 577);
        QTest::newRow("unknown screen") << QSize(1920, 1080) << QSize() << QSize(1920, 1080);
    }

    void fittedSize()
    {
        QFETCH(QSize, design);
        QFETCH(QSize, available);
        QFETCH(QSize, expected);
        QCOMPARE(fittedWindowSize(design, available), expected);
    }

    // passerelle --preview content/ (no --size) on a 1366x768 screen.
    void previewFitsTheScreen()
    {
        if (QGuiApplication::platformName() != u"xcb")
            QSKIP("needs an X server of 1366x768 (ctest runs this test under xvfb-run)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString content = dir.filePath(u"content"_s);
        QVERIFY(copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, content));
        ContentPreview::Options options;
        options.contentDir = content;
        options.kiosk.language = u"fr"_s;
        options.kiosk.startRoute = u"home"_s;
        options.kiosk.today = QDate(2026, 6, 1);
        ContentPreview preview(options); // size 1920x1080, fitted: what main.cpp asks without --size
        QString error;
        QVERIFY2(preview.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(preview.hasContent(), kFirstBuildMs);
        QQuickWindow *window = preview.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        checkInsideScreen(window, preview.screen());
        keepScreenshot(window, u"preview-1366x768"_s);
    }

    // passerelle --pack ... --windowed (no --size) on a 1366x768 screen, in Arabic (mirrored:
    // the emergency button is then on the left, Home on the right).
    void windowedKioskFitsTheScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("fr") << u"fr"_s;
        QTest::newRow("ar") << u"ar"_s;
    }

    void windowedKioskFitsTheScreen()
    {
        if (QGuiApplication::platformName() != u"xcb")
            QSKIP("needs an X server of 1366x768 (ctest runs this test under xvfb-run)");
        QFETCH(QString, language);
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_TEST_PACK);
        options.language = language;
        options.startRoute = u"home"_s;
        options.today = QDate(2026, 6, 1);
        options.silent = true;
        auto opened = Kiosk::open(options);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.problem().toString()));
        Kiosk &kiosk = *opened.value();
        QVERIFY(kiosk.loadUi());
        QQuickWindow *window = kiosk.window();
        fitWindowToScreen(window, QSize(1920, 1080));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        checkInsideScreen(window, window->contentItem());
        keepScreenshot(window, u"windowed-1366x768-"_s + language);
    }

private:
    void checkInsideScreen(QQuickWindow *window, QQuickItem *root)
    {
        const QRect screen = window->screen()->availableGeometry();
        QVERIFY2(screen.contains(window->geometry()),
                 qPrintable(u"window %1,%2 %3x%4 outside the screen %5x%6"_s.arg(window->x()).arg(window->y())
                                .arg(window->width()).arg(window->height()).arg(screen.width()).arg(screen.height())));
        // The bar's four buttons: inside the window, so on the screen.
        QTRY_VERIFY(findNamed(root, u"emergencyButton"_s));
        for (const QString &name : {u"homeButton"_s, u"backButton"_s, u"languageButton"_s, u"emergencyButton"_s}) {
            QQuickItem *button = findNamed(root, name);
            QVERIFY2(button && button->isVisible(), qPrintable(name));
            const QRectF where = onScreen(button);
            QVERIFY2(QRectF(screen).contains(where) && QRectF(window->geometry()).contains(where),
                     qPrintable(u"%1 at %2,%3 %4x%5: not inside the %6x%7 screen"_s.arg(name)
                                    .arg(where.x()).arg(where.y()).arg(where.width()).arg(where.height())
                                    .arg(screen.width()).arg(screen.height())));
            QVERIFY2(where.width() > 40 && where.height() > 40, qPrintable(name + u" is too small to touch"_s));
        }
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
