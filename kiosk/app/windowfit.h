#pragma once

#include <QSize>

class QWindow;

namespace passerelle {

/**
 * The size of a window that shows a kiosk laid out for design (e.g. 1920x1080) on a screen
 * whose free area is available: design itself when it fits, otherwise design scaled down,
 * keeping its aspect, to fit 95 % of available (room for a window frame and title bar).
 */
[[nodiscard]] QSize fittedWindowSize(const QSize &design, const QSize &available);

/**
 * Opens window (not yet shown) on its screen at fittedWindowSize(design, ...), centred in
 * the screen's available geometry, and sets its "designSize" property to design: the QML
 * lays the kiosk out at design and scales it to the window (qml/Main.qml,
 * kiosk/preview/PreviewWindow.qml), so a 1366x768 laptop shows the whole 1920x1080 kiosk.
 * For --windowed, --preview and --record without --size; the full-screen kiosk never calls it.
 */
void fitWindowToScreen(QWindow *window, const QSize &design);

} // namespace passerelle
