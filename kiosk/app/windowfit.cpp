#include "windowfit.h"

#include <QScreen>
#include <QVariant>
#include <QWindow>

namespace passerelle {

QSize fittedWindowSize(const QSize &design, const QSize &available)
{
    if (available.isEmpty())
        return design;
    const QSize room(available.width() * 95 / 100, available.height() * 95 / 100);
    if (design.width() <= room.width() && design.height() <= room.height())
        return design;
    return design.scaled(room, Qt::KeepAspectRatio);
}

void fitWindowToScreen(QWindow *window, const QSize &design)
{
    window->setProperty("designSize", QVariant::fromValue(QSizeF(design)));
    const QScreen *screen = window->screen();
    if (!screen) {
        window->resize(design);
        return;
    }
    const QRect available = screen->availableGeometry();
    const QSize size = fittedWindowSize(design, available.size());
    window->resize(size);
    window->setPosition(available.x() + (available.width() - size.width()) / 2,
                        available.y() + (available.height() - size.height()) / 2);
}

} // namespace passerelle
