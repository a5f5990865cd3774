#pragma once

#include <QHash>
#include <QQuickImageProvider>

namespace passerelle {

class Repository;

/**
 * Serves the pack's SVG pictograms to QML as image://picto/NAME, rendered at the
 * requested size. image://picto/NAME?inverse draws the dark ink white, for the
 * high-contrast theme. The name-to-file table is read once, so rendering never
 * touches the database.
 */
class PictogramProvider : public QQuickImageProvider
{
public:
    explicit PictogramProvider(const Repository &repository);

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    QHash<QString, QString> m_files;
};

} // namespace passerelle
