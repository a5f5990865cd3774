#include "pictogramprovider.h"

#include "repository.h"

#include <QFile>
#include <QLoggingCategory>
#include <QColor>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>

#include <cmath>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPictograms, "passerelle.pictograms")

namespace {
constexpr int kDefaultSize = 256;
const QByteArray kInk = "#1a1a1a";

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

/**
 * The high-contrast variant: the ink becomes white, and every other colour too dark to
 * stand out on black (under 4.5:1, so above the 3:1 of WCAG 1.4.11 with a margin) is mixed
 * with white until it does; hues stay, so a pictogram keeps its meaning and its details.
 */
QByteArray inverted(QByteArray svg)
{
    svg.replace(kInk, "#ffffff");
    static const QRegularExpression hex(u"#[0-9a-fA-F]{6}\\b"_s);
    const QString text = QString::fromUtf8(svg);
    QString out;
    qsizetype last = 0;
    for (auto it = hex.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QColor c = QColor::fromString(m.captured());
        const QColor original = c;
        for (int step = 1; (luminance(c) + 0.05) / 0.05 < 4.5 && step <= 20; ++step) {
            const double t = step / 20.0;
            c = QColor::fromRgbF(float(original.redF() + (1 - original.redF()) * t), float(original.greenF() + (1 - original.greenF()) * t),
                                 float(original.blueF() + (1 - original.blueF()) * t));
        }
        out += QStringView(text).mid(last, m.capturedStart() - last) + c.name();
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}
} // namespace

PictogramProvider::PictogramProvider(const Repository &repository) : QQuickImageProvider(QQuickImageProvider::Image)
{
    SqliteStatement q = repository.pack().database().prepare(u"SELECT name FROM pictograms"_s);
    while (q.next())
        m_files.insert(q.text(0), repository.pictogramPath(q.text(0)));
}

QImage PictogramProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QString name = id.section(u'?', 0, 0);
    const bool inverse = id.section(u'?', 1) == u"inverse";
    const QSize target(requestedSize.width() > 0 ? requestedSize.width() : kDefaultSize,
                       requestedSize.height() > 0 ? requestedSize.height() : kDefaultSize);
    QImage image(target, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    if (size)
        *size = target;

    QFile file(m_files.value(name));
    if (name.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        qCWarning(lcPictograms) << "missing pictogram" << name << "- the pack is incomplete or refers to a pictogram it lacks";
        return image;
    }
    QByteArray svg = file.readAll();
    if (inverse)
        svg = inverted(std::move(svg));
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) {
        qCWarning(lcPictograms) << "pictogram" << name << "is not a valid SVG";
        return image;
    }
    QPainter painter(&image);
    renderer.setAspectRatioMode(Qt::KeepAspectRatio);
    renderer.render(&painter);
    return image;
}

} // namespace passerelle
