// A few screens of the test pack compared with reviewed pictures in tests/data/golden.
// After a reviewed change of the UI, update them with:
//   cmake --build build --target update_golden
#include "offscreenrender.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

class TestGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("language");
        QTest::newRow("home fr") << u"home"_s << u"fr"_s;
        QTest::newRow("page ar") << u"page/amu"_s << u"ar"_s;
        QTest::newRow("status en") << u"status"_s << u"en"_s;
        QTest::newRow("emergency fr") << u"emergency"_s << u"fr"_s;
    }

    void matches()
    {
        QFETCH(QString, route);
        QFETCH(QString, language);
        const QString name = language + u'_' + galleryFileName(Route::parse(route).value());
        const QImage golden(QStringLiteral(PASSERELLE_TEST_DATA) + u"/golden/"_s + name);
        QVERIFY2(!golden.isNull(), qPrintable(u"no golden picture "_s + name + u": run the update_golden target"_s));

        QTemporaryDir dir;
        const QString shot = dir.filePath(name);
        QProcess kiosk;
        kiosk.start(QStringLiteral(PASSERELLE_KIOSK), {u"--pack"_s, QStringLiteral(PASSERELLE_TEST_PACK), u"--today"_s,
                                                      u"2026-06-01"_s, u"--route"_s, route, u"--lang"_s, language,
                                                      u"--screenshot"_s, shot, u"--size"_s, u"1280x720"_s});
        QVERIFY(kiosk.waitForFinished(60000));
        QCOMPARE(kiosk.exitCode(), 0);
        const QImage actual = QImage(shot).convertToFormat(golden.format());
        QCOMPARE(actual.size(), golden.size());

        // Font hinting may move a few pixels; a changed screen moves many.
        qint64 differing = 0;
        for (int y = 0; y < golden.height(); ++y) {
            for (int x = 0; x < golden.width(); ++x) {
                const QRgb a = actual.pixel(x, y), b = golden.pixel(x, y);
                if (qAbs(qRed(a) - qRed(b)) + qAbs(qGreen(a) - qGreen(b)) + qAbs(qBlue(a) - qBlue(b)) > 96)
                    ++differing;
            }
        }
        const double share = double(differing) / (golden.width() * golden.height());
        QVERIFY2(share < 0.002, qPrintable(u"%1: %2% of the pixels differ from the golden picture; look at %3"_s
                                               .arg(name).arg(share * 100, 0, 'f', 2).arg(shot)));
        dir.setAutoRemove(share < 0.002);
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
