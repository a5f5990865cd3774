// The theme as the kiosk loads it (qml/style/Theme.qml, with the demo pack's fonts and
// pictograms), checked against ACCESSIBILITY.md: the capital height of large text in mm
// (req. 9), the contrast of every text/background pair in both colour modes (req. 8), and
// the non-text contrast of every pictogram against the surfaces it sits on (req. 22).
#include "kiosk.h"
#include "pictogramprovider.h"
#include "repository.h"
#include "session.h"

#include <QColor>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

/** WCAG 2 relative luminance. */
double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

/** WCAG 2 contrast ratio, 1 to 21. */
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/** A pixel of a pictogram drawn over a surface. */
QColor over(QRgb pixel, const QColor &surface)
{
    const double a = qAlpha(pixel) / 255.0;
    // Premultiplied: the colour channels already carry alpha.
    return QColor::fromRgbF(float(qRed(pixel) / 255.0 + surface.redF() * (1 - a)),
                            float(qGreen(pixel) / 255.0 + surface.greenF() * (1 - a)),
                            float(qBlue(pixel) / 255.0 + surface.blueF() * (1 - a)));
}

/**
 * The share of a pictogram's outline that stands out at 3:1 or more against the surface:
 * the opaque pixels within two pixels of a transparent one, which are what gives a shape its edge
 * (shapes drawn over other shapes, like the white cross on the red heart, have no
 * transparent neighbour and are judged against what they sit on, not here).
 */
double outlineShare(const QImage &image, const QColor &surface, double *worst)
{
    int outline = 0;
    int passing = 0;
    *worst = 21;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qAlpha(p) < 250)
                continue;
            // Anti-aliased edges take a pixel or two: look two pixels around.
            bool edge = false;
            for (int dy = -2; dy <= 2 && !edge; ++dy) {
                for (int dx = -2; dx <= 2 && !edge; ++dx) {
                    const QPoint n(x + dx, y + dy);
                    edge = !image.rect().contains(n) || qAlpha(image.pixel(n)) <= 10;
                }
            }
            if (!edge)
                continue;
            ++outline;
            const double c = contrast(over(p, surface), surface);
            *worst = std::min(*worst, c);
            if (c >= 3.0)
                ++passing;
        }
    }
    return outline > 0 ? double(passing) / outline : 0;
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Kiosk> m_kiosk;
    std::unique_ptr<QObject> m_holder;
    QObject *m_theme = nullptr;

    [[nodiscard]] QColor color(const char *name) const { return m_theme->property(name).value<QColor>(); }
    [[nodiscard]] int size(const char *name) const { return m_theme->property(name).toInt(); }
    [[nodiscard]] double pxPerMm() const { return m_theme->property("pxPerMm").toDouble(); }

    void setModes(bool large, bool highContrast)
    {
        m_kiosk->services().session().setLargeText(large);
        m_kiosk->services().session().setHighContrast(highContrast);
        QCOMPARE(m_theme->property("large").toBool(), large);
        QCOMPARE(m_theme->property("contrast").toBool(), highContrast);
    }

private Q_SLOTS:
    void initTestCase()
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_DEMO_PACK);
        auto kiosk = Kiosk::open(options);
        QVERIFY2(kiosk.ok(), qPrintable(kiosk.problem().toString()));
        m_kiosk = std::move(kiosk.value());
        QVERIFY(m_kiosk->loadUi());
        // The Theme singleton of the kiosk's own engine, the one its screens bind to.
        QQmlComponent component(&m_kiosk->engine());
        component.setData("import QtQml\nimport Passerelle.Ui\nQtObject { property QtObject theme: Theme }", QUrl());
        m_holder.reset(component.create());
        QVERIFY2(m_holder, qPrintable(component.errorString()));
        m_theme = m_holder->property("theme").value<QObject *>();
        QVERIFY(m_theme);
        QCOMPARE(pxPerMm(), 3.6); // the default [display] px_per_mm
    }

    void cleanup() { setModes(false, false); }

    // Req. 9: in large text a capital H is at least 7.3 mm tall, in every font of the
    // pack (Latin, Arabic-script, Ethiopic), for every size of text a visitor reads.
    void largeTextCapitalHeight_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QByteArray>("size");
        QTest::addColumn<bool>("bold");
        QSet<QString> families;
        for (const LanguageInfo &l : m_kiosk->services().repository().languages())
            families.insert(l.font);
        QCOMPARE(families.size(), 3);
        for (const QString &family : families) {
            for (const char *size : {"bodySize", "labelSize", "smallSize", "titleSize"}) {
                for (bool bold : {false, true})
                    QTest::addRow("%s %s %s", qPrintable(family), size, bold ? "bold" : "regular") << family << QByteArray(size) << bold;
            }
        }
    }

    void largeTextCapitalHeight()
    {
        QFETCH(QString, family);
        QFETCH(QByteArray, size);
        QFETCH(bool, bold);
        setModes(true, false);
        QFont font(family);
        font.setPixelSize(this->size(size.constData()));
        font.setBold(bold);
        QVERIFY2(QFontInfo(font).family() == family, qPrintable(QFontInfo(font).family()));
        const QFontMetricsF metrics(font);
        const double inked = metrics.tightBoundingRect(u"H"_s).height() / pxPerMm();
        const double declared = metrics.capHeight() / pxPerMm(); // 0 when the font has no Latin capitals
        // The script's own tall letter, for scripts without capitals: alef, and Ethiopic "ha".
        const QString own = family.contains(u"Arabic"_s) ? u"\u0627"_s : family.contains(u"Ethiopic"_s) ? u"\u1200"_s : u"H"_s;
        const double script = metrics.tightBoundingRect(own).height() / pxPerMm();
        qInfo("%s %s at %d px: H %.2f mm (font's cap height %.2f mm), %s %.2f mm", qPrintable(family), size.constData(),
              font.pixelSize(), inked, declared, qPrintable(own), script);
        QVERIFY2(inked >= 7.3, qPrintable(u"a capital H is %1 mm tall"_s.arg(inked, 0, 'f', 2)));
        QVERIFY2(declared == 0 || declared >= 7.3, qPrintable(u"the font's cap height is %1 mm"_s.arg(declared, 0, 'f', 2)));
        QVERIFY2(script >= 7.3, qPrintable(u"%1 is %2 mm tall"_s.arg(own).arg(script, 0, 'f', 2)));
    }

    // Req. 8: text at least 4.5:1 (7:1 for body text in high contrast); req. 22: control
    // borders at least 3:1.
    void colourPairs_data()
    {
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<QByteArray>("foreground");
        QTest::addColumn<QByteArray>("background");
        QTest::addColumn<double>("minimum");
        struct Pair { const char *fg; const char *bg; double normal; double high; };
        const Pair pairs[] = {
            {"text", "background", 4.5, 7}, // body text on the page
            {"text", "surface", 4.5, 7}, // labels and blocks on buttons and cards
            {"text", "surfacePressed", 4.5, 7}, // a label while pressed
            {"text", "warningBackground", 4.5, 7}, // a warning block
            {"textMuted", "background", 4.5, 7}, // dates, sources, hints
            {"textMuted", "surface", 4.5, 7},
            {"accentInk", "accent", 4.5, 7}, // selected toggles, OK, more time
            {"emergencyInk", "emergency", 4.5, 7}, // the emergency button
            {"accent", "background", 3, 3}, // the outline of a highlighted block
            {"accent", "surface", 3, 3}, // a checked toggle against the bar
            {"border", "background", 3, 3}, // control borders
            {"border", "surface", 3, 3},
            {"warningBorder", "warningBackground", 3, 3},
            {"warningBorder", "background", 3, 3},
            // Req. 18: the focus ring is drawn outside the control, with the page or the
            // bar on both of its sides.
            {"focusRing", "background", 3, 3},
            {"focusRing", "surface", 3, 3},
        };
        for (bool high : {false, true}) {
            for (const Pair &p : pairs) {
                QTest::addRow("%s %s on %s", high ? "high-contrast" : "normal", p.fg, p.bg)
                    << high << QByteArray(p.fg) << QByteArray(p.bg) << (high ? p.high : p.normal);
            }
        }
    }

    void colourPairs()
    {
        QFETCH(bool, highContrast);
        QFETCH(QByteArray, foreground);
        QFETCH(QByteArray, background);
        QFETCH(double, minimum);
        setModes(false, highContrast);
        const QColor fg = color(foreground.constData());
        const QColor bg = color(background.constData());
        QVERIFY(fg.isValid() && bg.isValid());
        const double ratio = contrast(fg, bg);
        QVERIFY2(ratio >= minimum, qPrintable(u"%1 on %2: %3:1, under %4:1"_s.arg(fg.name(), bg.name()).arg(ratio, 0, 'f', 2).arg(minimum)));
    }

    // Req. 18: the focus ring is at least 3 px wide, and apart from the control, so that
    // the colours on its two sides are the background's (colourPairs checks them).
    void focusRingWidth()
    {
        for (bool high : {false, true}) {
            setModes(false, high);
            QVERIFY2(size("focusRingWidth") >= 3, qPrintable(u"%1 px"_s.arg(size("focusRingWidth"))));
            QVERIFY(size("focusRingGap") >= 2);
        }
    }

    // Req. 22 (WCAG 1.4.11): every pictogram of the pack stands out at 3:1 against the
    // surfaces it is drawn on, in both colour modes, as the pictogram provider draws it.
    void pictogramsStandOut_data()
    {
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<QByteArray>("surface");
        QTest::addColumn<bool>("dark"); // the surface of a checked toggle: inverse in normal mode
        for (bool high : {false, true}) {
            for (const char *surface : {"background", "surface"})
                QTest::addRow("%s on %s", high ? "high-contrast" : "normal", surface) << high << QByteArray(surface) << high;
            QTest::addRow("%s on accent", high ? "high-contrast" : "normal") << high << QByteArray("accent") << !high;
        }
    }

    void pictogramsStandOut()
    {
        QFETCH(bool, highContrast);
        QFETCH(QByteArray, surface);
        QFETCH(bool, dark);
        setModes(false, highContrast);
        const QColor bg = color(surface.constData());
        // The QML chooses the variant with Theme.isDark(fill); it must agree with the surfaces here.
        bool themeDark = !dark;
        QVERIFY(QMetaObject::invokeMethod(m_theme, "isDark", Q_RETURN_ARG(bool, themeDark), Q_ARG(QColor, bg)));
        QCOMPARE(themeDark, dark);
        const bool inverse = dark;
        // On the accent only the display toggles, OK and "more time" are drawn; elsewhere every pictogram.
        QStringList names;
        if (surface == "accent") {
            names = QStringList{u"large-text"_s, u"high-contrast"_s, u"check"_s, u"more-time"_s};
        } else {
            SqliteStatement q = m_kiosk->services().repository().pack().database().prepare(u"SELECT name FROM pictograms ORDER BY name"_s);
            while (q.next())
                names.append(q.text(0));
        }
        QVERIFY(names.size() >= 4);
        PictogramProvider provider(m_kiosk->services().repository());
        QStringList failures;
        for (const QString &name : std::as_const(names)) {
            QSize size;
            const QImage image = provider.requestImage(name + (inverse ? u"?inverse"_s : QString()), &size, QSize(192, 192));
            double worst = 0;
            const double share = outlineShare(image, bg, &worst);
            // Anti-aliasing leaves a few blended pixels on any edge.
            if (share < 0.95)
                failures.append(u"%1 on %2: %3% of its outline at 3:1 (lowest %4:1)"_s.arg(name, bg.name())
                                    .arg(qRound(share * 100)).arg(worst, 0, 'f', 2));
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
