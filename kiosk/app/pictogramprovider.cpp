#include "pictogramprovider.h"

#include "repository.h"

#include <QFile>
#include <QLoggingCategory>
#include <QPainter>
#include <QSvgRenderer>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPictograms, "passerelle.pictograms")

namespace {
constexpr int kDefaultSize = 256;
const QByteArray kInk = "#1a1a1a";
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
        svg.replace(kInk, "#ffffff");
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
