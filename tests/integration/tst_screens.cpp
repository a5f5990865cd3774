// Every screen of the demo pack, in every language, checked as ACCESSIBILITY.md asks:
// every interactive item has an accessible role and name and is at least 20 x 20 mm;
// at five screen sizes, in normal and large text, nothing is elided, no text leaves its
// button or the screen, no control overlaps another; right-to-left languages mirror the
// layout.
#include "contentcatalog.h"
#include "kiosk.h"
#include "offscreenrender.h"
#include "repository.h"
#include "session.h"

#include <QAccessible>
#include <QElapsedTimer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

constexpr double kPxPerMm = 3.6; // the theme's density: a 24" 1920x1080 screen
const int kMinTarget = int(20 * kPxPerMm);

// Interactive items that are not controls a visitor uses: swallowers behind overlays,
// and the staff's hidden long press. They are named in QML.
const QStringList kNotControls{u"staffGesture"_s};

bool isInteractive(const QQuickItem *item)
{
    return item->acceptedMouseButtons() != Qt::NoButton && !item->inherits("QQuickFlickable");
}

/** The control (button) an item is part of, if any. */
const QQuickItem *controlOf(const QQuickItem *item)
{
    for (const QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->inherits("QQuickAbstractButton"))
            return p;
    }
    return nullptr;
}

bool insideFlickable(const QQuickItem *item)
{
    for (const QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->inherits("QQuickFlickable"))
            return true;
    }
    return false;
}

/** Visible items under root, depth first; what an overlay hides is still visited. */
void collect(QQuickItem *item, QList<QQuickItem *> &out)
{
    if (!item->isVisible() || item->opacity() == 0)
        return;
    out.append(item);
    for (QQuickItem *child : item->childItems())
        collect(child, out);
}

QString describe(const QQuickItem *item)
{
    return u"%1 \"%2\" at %3,%4 %5x%6"_s.arg(QString::fromLatin1(item->metaObject()->className()), item->objectName())
        .arg(item->mapToScene({0, 0}).x()).arg(item->mapToScene({0, 0}).y()).arg(item->width()).arg(item->height());
}

} // namespace

class TestScreens : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Kiosk> m_kiosk;
    QStringList m_routes;
    QStringList m_languages;

    QList<QQuickItem *> itemsOf(const QString &route, const QString &language)
    {
        const QImage image = renderRoute(*m_kiosk, Route::parse(route).value(), language);
        if (image.isNull())
            return {};
        QList<QQuickItem *> items;
        collect(m_kiosk->window()->contentItem(), items);
        return items;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_DEMO_PACK);
        options.today = QDate(2026, 6, 1);
        auto kiosk = Kiosk::open(options);
        QVERIFY2(kiosk.ok(), qPrintable(kiosk.problem().toString()));
        m_kiosk = std::move(kiosk.value());
        QVERIFY(m_kiosk->loadUi());
        m_kiosk->window()->resize(1920, 1080);
        m_kiosk->window()->show();
        for (const Route &route : m_kiosk->services().content().routes())
            m_routes.append(route.format());
        m_routes.prepend(u"attract"_s);
        m_routes.append(u"emergency"_s);
        for (const LanguageInfo &l : m_kiosk->services().repository().languages())
            m_languages.append(l.code);
        QCOMPARE(m_languages.size(), 10);
    }

    void everyControlIsNamedAndLargeEnough()
    {
        int checked = 0;
        QStringList failures;
        for (const QString &language : std::as_const(m_languages)) {
            for (const QString &route : std::as_const(m_routes)) {
                for (QQuickItem *item : itemsOf(route, language)) {
                    if (!isInteractive(item) || kNotControls.contains(item->objectName()) || item->width() == 0)
                        continue;
                    // Full-screen areas (the attract screen, the overlays' backgrounds) are large by nature.
                    ++checked;
                    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(item);
                    const QString where = u"[%1 %2] "_s.arg(language, route) + describe(item);
                    if (!a || a->role() == QAccessible::NoRole || a->role() == QAccessible::Client)
                        failures.append(where + u": no accessible role"_s);
                    else if (a->text(QAccessible::Name).trimmed().isEmpty())
                        failures.append(where + u": no accessible name"_s);
                    if (item->width() < kMinTarget || item->height() < kMinTarget)
                        failures.append(where + u": smaller than 20 x 20 mm"_s);
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 20).join(u'\n') + u"\n(%1 in all)"_s.arg(failures.size())));
        QVERIFY(checked > 1000);
    }

    // ACCESSIBILITY.md req. 9 and 23: at the common kiosk screen sizes, landscape and
    // portrait, in normal and large text, nothing is elided, no label leaves its button,
    // no text leaves the screen, no two controls overlap and every control is 20 x 20 mm.
    void everyScreenFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("large");
        // PASSERELLE_SCREEN_SIZES="1024x768,..." picks sizes: ctest runs one size per entry.
        const QStringList only = qEnvironmentVariable("PASSERELLE_SCREEN_SIZES").split(u',', Qt::SkipEmptyParts);
        for (const QSize size : {QSize(1024, 768), QSize(1280, 800), QSize(1366, 768), QSize(1920, 1080), QSize(1080, 1920)}) {
            if (!only.isEmpty() && !only.contains(u"%1x%2"_s.arg(size.width()).arg(size.height())))
                continue;
            for (bool large : {false, true})
                QTest::addRow("%dx%d %s", size.width(), size.height(), large ? "large" : "normal") << size << large;
        }
    }

    void everyScreenFits()
    {
        QFETCH(QSize, size);
        QFETCH(bool, large);
        QElapsedTimer timer;
        timer.start();
        Session &session = m_kiosk->services().session();
        session.setLargeText(large);
        m_kiosk->window()->resize(size);
        const QRectF screen(QPointF(0, 0), size);
        QStringList failures;
        int screens = 0;
        for (const QString &language : std::as_const(m_languages)) {
            for (const QString &route : std::as_const(m_routes)) {
                ++screens;
                QList<QRectF> controls;
                QList<QQuickItem *> controlItems;
                for (QQuickItem *item : itemsOf(route, language)) {
                    const QString where = u"[%1 %2] "_s.arg(language, route) + describe(item);
                    if (item->property("truncated").toBool())
                        failures.append(where + u": text is elided"_s);
                    const QQuickItem *control = item->inherits("QQuickText") && !item->property("text").toString().isEmpty()
                        ? controlOf(item) : nullptr;
                    if (control) {
                        const QRectF box = control->mapRectToScene(QRectF(0, 0, control->width(), control->height()));
                        const QRectF text = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
                        // A text not laid out yet (a list delegate still being created) has no height.
                        if (!text.isEmpty() && !box.adjusted(-1, -1, 1, 1).contains(text))
                            failures.append(where + u": text overflows its button "_s + describe(control));
                    }
                    const bool control20 = isInteractive(item) && !kNotControls.contains(item->objectName()) && item->width() > 0;
                    if (control20 && (item->width() < kMinTarget - 0.5 || item->height() < kMinTarget - 0.5))
                        failures.append(where + u": smaller than 20 x 20 mm"_s);
                    if (insideFlickable(item))
                        continue; // scrolls: its place is not fixed
                    const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
                    if (item->inherits("QQuickText") && !screen.contains(rect.adjusted(1, 1, -1, -1)))
                        failures.append(where + u": text leaves the screen"_s);
                    if (control20 && rect.width() < screen.width()) {
                        if (!screen.contains(rect.adjusted(1, 1, -1, -1)))
                            failures.append(where + u": leaves the screen"_s);
                        for (qsizetype i = 0; i < controls.size(); ++i) {
                            if (controls[i].intersects(rect) && !controlItems[i]->isAncestorOf(item))
                                failures.append(where + u": overlaps "_s + describe(controlItems[i]));
                        }
                        controls.append(rect);
                        controlItems.append(item);
                    }
                }
            }
        }
        session.setLargeText(false);
        m_kiosk->window()->resize(1920, 1080);
        qInfo("%d screens at %dx%d in %s text checked in %lld ms", screens, size.width(), size.height(),
              large ? "large" : "normal", qint64(timer.elapsed()));
        // QVERIFY2 cuts long messages: each failure is one line of its own.
        for (const QString &failure : std::as_const(failures))
            qWarning("%s", qPrintable(failure));
        QVERIFY2(failures.isEmpty(), qPrintable(u"%1 problem(s), listed above"_s.arg(failures.size())));
    }

    void rightToLeftLanguagesMirror_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("ar") << u"ar"_s;
        QTest::newRow("prs") << u"prs"_s;
        QTest::newRow("ps") << u"ps"_s;
    }

    void rightToLeftLanguagesMirror()
    {
        QFETCH(QString, language);
        const QStringList names{u"homeButton"_s, u"backButton"_s, u"languageButton"_s, u"emergencyButton"_s};
        auto positions = [&](const QString &lang) {
            QHash<QString, QRectF> out;
            for (QQuickItem *item : itemsOf(u"topic/health"_s, lang)) {
                if (names.contains(item->objectName()))
                    out.insert(item->objectName(), item->mapRectToScene(QRectF(0, 0, item->width(), item->height())));
            }
            return out;
        };
        const auto ltr = positions(u"fr"_s);
        const auto rtl = positions(language);
        for (const QString &name : names)
            QVERIFY2(ltr.contains(name) && rtl.contains(name), qPrintable(name));
        // The first and last controls keep their distance from the other edge...
        QCOMPARE(qRound(1920 - rtl[u"homeButton"_s].right()), qRound(ltr[u"homeButton"_s].left()));
        QCOMPARE(qRound(rtl[u"emergencyButton"_s].left()), qRound(1920 - ltr[u"emergencyButton"_s].right()));
        // ...and the order of all of them is reversed (labels differ in width from language to language).
        for (qsizetype i = 1; i < names.size(); ++i) {
            QVERIFY(ltr[names[i - 1]].left() < ltr[names[i]].left());
            QVERIFY2(rtl[names[i - 1]].left() > rtl[names[i]].left(), qPrintable(names[i]));
        }
    }
};

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
