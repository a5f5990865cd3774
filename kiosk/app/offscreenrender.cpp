#include "offscreenrender.h"

#include "contentcatalog.h"
#include "kiosk.h"
#include "kioskservices.h"
#include "navigator.h"
#include "repository.h"
#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QQuickWindow>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

QStringList *s_collected = nullptr;
QtMessageHandler s_previous = nullptr;

void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (s_collected && type != QtDebugMsg && type != QtInfoMsg)
        s_collected->append(message);
    s_previous(type, context, message);
}

} // namespace

QString galleryFileName(const Route &route)
{
    return route.format().replace(u'/', u'_') + u".png"_s;
}

QList<Route> galleryRoutes(Kiosk &kiosk)
{
    return QList<Route>{Route(Route::Kind::Attract), Route(Route::Kind::Emergency)} + kiosk.services().content().routes();
}

int renderGallery(Kiosk &kiosk, const QString &dir, QStringList *problems)
{
    int written = 0;
    const QList<Route> routes = galleryRoutes(kiosk);
    for (const LanguageInfo &language : kiosk.services().content().repository().languages()) {
        const QDir folder(QDir(dir).filePath(language.code));
        if (!folder.mkpath(u"."_s)) {
            problems->append(u"cannot create "_s + folder.path());
            return written;
        }
        for (const Route &route : routes) {
            const QString file = folder.filePath(galleryFileName(route));
            if (renderRoute(kiosk, route, language.code).save(file))
                ++written;
            else
                problems->append(u"cannot write "_s + file);
        }
    }
    return written;
}

QImage renderRoute(Kiosk &kiosk, const Route &route, const QString &language)
{
    kiosk.services().session().setLanguage(language);
    kiosk.services().navigator().reset(route);
    // Let pending resizes, loader changes and polishes run before rendering, and delete
    // the screen just left: processEvents() alone never runs deferred deletes, so a loop
    // of renders outside the event loop would keep every screen it ever showed.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    return kiosk.window()->grabWindow();
}

int runSelfTest(Kiosk &kiosk, QStringList *problems)
{
    s_collected = problems;
    s_previous = qInstallMessageHandler(collectWarnings);

    const QList<Route> routes = kiosk.services().content().routes();
    const auto languages = kiosk.services().content().repository().languages();
    Session &session = kiosk.services().session();
    // Once as a visitor first sees it, once with every mode on (large text, high
    // contrast, a social worker's side-by-side French).
    for (const bool modes : {false, true}) {
        for (const LanguageInfo &language : languages) {
            for (const Route &route : routes) {
                session.setLargeText(modes);
                session.setHighContrast(modes);
                session.setWorkerMode(modes);
                const qsizetype before = problems->size();
                const QImage image = renderRoute(kiosk, route, language.code);
                if (image.isNull())
                    problems->append(u"route %1 in %2 rendered nothing"_s.arg(route.format(), language.code));
                for (qsizetype i = before; i < problems->size(); ++i)
                    (*problems)[i] = u"[%1 %2%3] "_s.arg(language.code, route.format(), modes ? u" modes"_s : QString()) + problems->at(i);
            }
        }
    }
    qInstallMessageHandler(s_previous);
    s_collected = nullptr;
    return int(problems->size());
}

} // namespace passerelle
