#pragma once

#include "route.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

namespace passerelle {

class Kiosk;

/** Shows a route in a language and renders the window to an image, synchronously. */
[[nodiscard]] QImage renderRoute(Kiosk &kiosk, const Route &route, const QString &language);

/** The file name a route's picture gets in a gallery: "page/amu" -> "page_amu". */
[[nodiscard]] QString galleryFileName(const Route &route);

/** Every route a gallery shows: the pack's (ContentCatalog::routes()), the attract and emergency screens. */
[[nodiscard]] QList<Route> galleryRoutes(Kiosk &kiosk);

/**
 * Renders every route of the pack in every language to dir/<lang>/<route>.png, for
 * editors to look at. Returns the number of files written; problems name what failed.
 */
[[nodiscard]] int renderGallery(Kiosk &kiosk, const QString &dir, QStringList *problems);

/**
 * Visits every route of the pack in every language and reports each QML warning or
 * error and each missing pictogram. Returns the number of problems (0: passed).
 */
[[nodiscard]] int runSelfTest(Kiosk &kiosk, QStringList *problems);

} // namespace passerelle
