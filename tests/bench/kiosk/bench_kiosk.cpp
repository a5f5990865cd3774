// The kiosk's speed and memory on this machine, offscreen at 1920x1080 on the demo pack,
// against the targets of the kiosk-experience issue. Prints a table; exits non-zero
// when a figure misses its target.
#include "contentcatalog.h"
#include "kiosk.h"
#include "navigator.h"
#include "offscreenrender.h"
#include "packstartup.h"
#include "repository.h"
#include "percentile.h"
#include "scaledcontent.h"
#include "searchfold.h"
#include "session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

using namespace passerelle;
using namespace passerelle::bench;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);
int missed = 0;

void report(const QString &what, double value, const QString &unit, double target, bool lowerIsBetter = true)
{
    const bool ok = lowerIsBetter ? value < target : value >= target;
    missed += ok ? 0 : 1;
    out << qSetFieldWidth(58) << Qt::left << what << qSetFieldWidth(0) << QString::number(value, 'f', 1).rightJustified(9)
        << ' ' << unit.leftJustified(4) << "  target " << (lowerIsBetter ? "< " : ">= ") << target << ' ' << unit
        << (ok ? "   ok" : "   MISSED") << Qt::endl;
}

QQuickItem *findNamed(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name && item->isVisible())
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findNamed(child, name))
            return found;
    }
    return nullptr;
}

/** Process start to the first frame of the attract screen, median of runs. */
void startup(const QString &pack)
{
    QList<double> times;
    for (int run = 0; run < 11; ++run) {
        QProcess kiosk;
        QElapsedTimer timer;
        timer.start();
        kiosk.start(QStringLiteral(PASSERELLE_KIOSK),
                    {u"--pack"_s, pack, u"--route"_s, u"attract"_s, u"--windowed"_s, u"--report-first-frame"_s});
        if (!kiosk.waitForFinished(30000) || !kiosk.readAllStandardOutput().contains("first frame")) {
            out << "startup: the kiosk did not report a first frame" << Qt::endl;
            ++missed;
            return;
        }
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report(u"process start to first frame of the attract screen (median)"_s, percentile(times, 0.5), u"ms"_s, 300);
}

/**
 * The kiosk as it starts in the field: --config, its store (the demo pack installed as
 * the first pack), the start path's recovery and verification (manifest, signature,
 * database hash, integrity_check and schema) before the first frame. Also the start
 * path alone, in this process, and the part of it that hashes the database.
 */
void startupFromStore(const QString &pack)
{
    QTemporaryDir dir;
    const QString state = dir.filePath(u"state"_s);
    const QString config = dir.filePath(u"passerelle.conf"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) {
        ++missed;
        return;
    }
    file.write(u"[storage]\nstate_directory = %1\nfirst_pack = %2\n[health]\ntextfile =\n"_s.arg(state, pack).toUtf8());
    file.close();
    KioskConfig kioskConfig;
    kioskConfig.stateDirectory = state;
    kioskConfig.firstPack = pack;
    // First start: the demo pack is installed into the empty store (every object hashed,
    // written and fsynced); once per kiosk, so timed apart.
    const StartPack first = choosePackAtStart(kioskConfig, StartMode::Kiosk);
    if (first.origin != StartPack::Origin::Current) {
        out << "start path: the demo pack was not installed into the store" << Qt::endl;
        ++missed;
        return;
    }
    out << "first start only: the demo pack installed into the empty store in " << first.recoveryMs << " ms" << Qt::endl;

    const QStringList args{u"--config"_s, config, u"--route"_s, u"attract"_s, u"--windowed"_s, u"--report-first-frame"_s};
    QList<double> times;
    for (int run = 0; run < 11; ++run) {
        QProcess kiosk;
        QElapsedTimer timer;
        timer.start();
        kiosk.start(QStringLiteral(PASSERELLE_KIOSK), args);
        if (!kiosk.waitForFinished(30000) || !kiosk.readAllStandardOutput().contains("first frame")) {
            out << "startup from the store: the kiosk did not report a first frame" << Qt::endl;
            ++missed;
            return;
        }
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report(u"start to first frame through the store and the start path (median)"_s, percentile(times, 0.5), u"ms"_s,
           300);

    QList<double> verify, recovery, verification, hash, check;
    for (int run = 0; run < 11; ++run) {
        const StartPack start = choosePackAtStart(kioskConfig, StartMode::Kiosk);
        if (start.origin != StartPack::Origin::Current) {
            out << "start path: the demo pack in the store was not shown as current" << Qt::endl;
            ++missed;
            return;
        }
        verify.append(double(start.recoveryMs + start.verifyMs));
        recovery.append(double(start.recoveryMs));
        verification.append(double(start.verifyMs));
        check.append(double(start.databaseCheckMs));
        hash.append(double(start.hashMs));
    }
    QFile manifestFile(state + u"/current/manifest.json"_s);
    const Result<PackManifest> manifest =
        manifestFile.open(QIODevice::ReadOnly) ? PackManifest::parse(manifestFile.readAll(), manifestFile.fileName())
                                               : Result<PackManifest>(Problem{});
    report(u"  of which the start path: recovery and verification (median)"_s, percentile(verify, 0.5), u"ms"_s, 100);
    out << "    recovery (the store's) " << QString::number(percentile(recovery, 0.5), 'f', 1) << " ms, verification "
        << QString::number(percentile(verification, 0.5), 'f', 1) << " ms, of which integrity_check and schema "
        << QString::number(percentile(check, 0.5), 'f', 1) << " ms (medians)" << Qt::endl;
    report(u"  of which hashing the database, SHA-256 (median)"_s, percentile(hash, 0.5), u"ms"_s, 20);
    if (manifest && manifest->database())
        out << "  (the demo pack's database: " << QString::number(double(manifest->database()->size) / 1024, 'f', 0)
            << " KiB)" << Qt::endl;
}

/** Touch a control, then time until the next screen has been drawn. */
double tapAndDraw(Kiosk &kiosk, const QString &name)
{
    QQuickWindow *window = kiosk.window();
    QQuickItem *item = findNamed(window->contentItem(), name);
    if (!item)
        return -1;
    const QPoint centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(window, Qt::LeftButton, {}, centre);
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    (void)window->grabWindow(); // renders the new screen
    return double(timer.nsecsElapsed()) / 1e6;
}

void taps(Kiosk &kiosk)
{
    Navigator &nav = kiosk.services().navigator();
    const QList<TopicInfo> topics = kiosk.services().repository().topics(u"fr"_s);
    QList<double> times;
    for (int round = 0; round < 50; ++round) {
        for (const TopicInfo &topic : topics) {
            (void)renderRoute(kiosk, Route(Route::Kind::Home), u"fr"_s);
            times.append(tapAndDraw(kiosk, u"topic_"_s + topic.id));
            const QStringList pages = kiosk.services().repository().pageIds();
            for (const PageSummary &p : kiosk.services().repository().pages(topic.id, {}, u"fr"_s, QDate::currentDate())) {
                times.append(tapAndDraw(kiosk, u"page_"_s + p.id));
                times.append(tapAndDraw(kiosk, u"backButton"_s));
                break;
            }
        }
    }
    nav.home();
    times.removeAll(-1);
    report(u"tap to the next screen drawn (p95 of %1 taps)"_s.arg(times.size()), percentile(times, 0.95), u"ms"_s, 50);
}

void languageSwitch(Kiosk &kiosk)
{
    (void)renderRoute(kiosk, Route::page(u"amu-steps"_s), u"fr"_s);
    const QList<LanguageInfo> languages = kiosk.services().repository().languages();
    QList<double> times;
    for (int round = 0; round < 10; ++round) {
        for (const LanguageInfo &l : languages) {
            QElapsedTimer timer;
            timer.start();
            kiosk.services().session().setLanguage(l.code);
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // as the event loop would
            (void)kiosk.window()->grabWindow();
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    report(u"language switch on a page, drawn (p95)"_s, percentile(times, 0.95), u"ms"_s, 100);
}

void memory(Kiosk &kiosk)
{
    const QList<Route> routes = galleryRoutes(kiosk);
    for (const LanguageInfo &l : kiosk.services().repository().languages()) {
        for (const Route &route : routes)
            (void)renderRoute(kiosk, route, l.code);
    }
    report(u"peak memory after every route in every language"_s, peakMemoryMiB(), u"MiB"_s, 150);

    Navigator &nav = kiosk.services().navigator();
    const QStringList pages = kiosk.services().repository().pageIds();
    auto navigate = [&](int count) {
        for (int i = 0; i < count; ++i) {
            nav.go(u"page/"_s + pages.at(i % pages.size()));
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // as the event loop would
            if (i % 100 == 0)
                (void)kiosk.window()->grabWindow();
            if (i % 3 == 2)
                nav.home();
        }
    };
    navigate(1000); // warm caches first
    const double before = residentMemoryMiB();
    navigate(10000);
    QCoreApplication::processEvents();
    report(u"memory growth over 10,000 navigations"_s, residentMemoryMiB() - before, u"MiB"_s, 5);
}

void search()
{
    QTemporaryDir dir;
    const QString content = dir.filePath(u"content"_s), pack = dir.filePath(u"pack"_s);
    QString error = writeScaledContent(QStringLiteral(PASSERELLE_CONTENT), content, 100);
    if (error.isEmpty())
        error = buildPack(QStringLiteral(PASSERELLE_PACK_TOOL), content, pack, {u"--no-audio"_s}); // search needs no speech
    auto opened = Pack::openDirectory(pack);
    if (!error.isEmpty() || !opened) {
        out << "search: " << error << (opened ? QString() : opened.problem().toString()) << Qt::endl;
        ++missed;
        return;
    }
    const Repository repo(opened.value());
    const QStringList queries{u"médecin"_s, u"cpas"_s, u"garantie locative"_s, u"travail 4 mois"_s, u"urgence"_s,
                              u"logement social"_s, u"regroupement"_s, u"طبيب"_s, u"سكن"_s, u"робота"_s,
                              u"iş"_s, u"unia"_s, u"étudiant"_s, u"famille"_s, u"zzz"_s};
    QList<double> times;
    for (int round = 0; round < 40; ++round) {
        for (const QString &q : queries) {
            QElapsedTimer timer;
            timer.start();
            const auto hits = repo.search(foldForSearch(q), u"fr"_s, QDate::currentDate());
            times.append(double(timer.nsecsElapsed()) / 1e6);
            Q_UNUSED(hits);
        }
    }
    report(u"search on a pack 100x the demo (%1 pages), p99"_s.arg(repo.pageIds().size()), percentile(times, 0.99),
           u"ms"_s, 5);
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    const QString pack = QStringLiteral(PASSERELLE_DEMO_PACK);
    out << "Passerelle kiosk benchmark: offscreen, 1920x1080, software renderer, demo pack " << pack << Qt::endl;

    startup(pack);
    startupFromStore(pack);
    {
        KioskServices::Options options;
        options.packDir = pack;
        options.startRoute = u"home"_s;
        auto kiosk = Kiosk::open(options);
        if (!kiosk || !kiosk.value()->loadUi()) {
            out << "cannot open the kiosk" << Qt::endl;
            return 1;
        }
        kiosk.value()->window()->resize(1920, 1080);
        kiosk.value()->window()->show();
        taps(*kiosk.value());
        languageSwitch(*kiosk.value());
        memory(*kiosk.value());
    }
    search();
    out << (missed == 0 ? u"all targets met"_s : u"%1 target(s) missed"_s.arg(missed)) << Qt::endl;
    return missed == 0 ? 0 : 1;
}
