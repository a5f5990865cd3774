// passerelle: the kiosk. See the README for the command line.
#include "contentcatalog.h"
#include "contentpreview.h"
#include "kiosk.h"
#include "kioskservices.h"
#include "kioskconfig.h"
#include "lockdown.h"
#include "offscreenrender.h"
#include "kiosksync.h"
#include "operations.h"
#include "outofservice.h"
#include "packstartup.h"
#include "recordingstudio.h"
#include "session.h"
#include "staffcontroller.h"
#include "staffpin.h"
#include "windowfit.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <QQuickWindow>
#include <QTextStream>
#include <QtQml/qqmlextensionplugin.h>

#include <cstring>

#include <unistd.h>
#include <iostream>
#include <string>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_PreviewPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_StudioPlugin)

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

bool hasArgument(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

QSize parseSize(const QString &text)
{
    const QStringList parts = text.split(u'x');
    return parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
}

Q_LOGGING_CATEGORY(lcMain, "passerelle.main")

// passerelle --hash-pin: reads a PIN on standard input, prints the line for [staff] pin_hash.
int hashPin()
{
    std::string line;
    std::getline(std::cin, line);
    const QString pin = QString::fromStdString(line).trimmed();
    if (const auto reason = StaffPin::checkForm(pin)) {
        std::cerr << "passerelle: " << reason->toStdString() << '\n';
        return 2;
    }
    const QString hash = StaffPin::hash(pin);
    if (hash.isEmpty()) {
        std::cerr << "passerelle: cannot hash the PIN (out of memory?)\n";
        return 1;
    }
    std::cout << "pin_hash = " << hash.toStdString() << '\n';
    return 0;
}

// passerelle --preview DIR: the kiosk on an editor's content folder, rebuilt on every save.
int runPreview(ContentPreview::Options options)
{
    ContentPreview preview(std::move(options));
    QString error;
    if (!preview.start(&error)) {
        QTextStream(stderr) << "passerelle: --preview: " << error << '\n';
        return 1;
    }
    TerminationSignals termination; // Ctrl+C: a clean exit, which removes the temporary pack
    QObject::connect(&termination, &TerminationSignals::received, qApp, [] { QGuiApplication::quit(); });
    return QGuiApplication::exec();
}

// passerelle --record DIR --lang L: the recording studio, writes content/audio/L/.
int runStudio(RecordingStudio::Options options)
{
    RecordingStudio studio(std::move(options));
    QString error;
    if (!studio.start(&error)) {
        QTextStream(stderr) << "passerelle: --record: " << error << '\n';
        return 1;
    }
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, qApp, [] { QGuiApplication::quit(); });
    return QGuiApplication::exec();
}

/** Under systemd the unit's Restart= starts the kiosk again; elsewhere, in this process. */
void restartIfAsked(bool asked, char **argv)
{
    if (!asked || !qEnvironmentVariableIsEmpty("INVOCATION_ID"))
        return;
    qCInfo(lcMain) << "starting again on the new pack";
    ::execv(QCoreApplication::applicationFilePath().toLocal8Bit().constData(), argv);
}

struct RunRequest
{
    QSize size;
    QString screenshot;
    bool selfTest = false;
    bool gallery = false;
    bool firstFrame = false;
    bool windowed = false;
    bool fitToScreen = false; // a window without --size fits the screen (windowfit.h)
    int retryMs = 60 * 1000; // out of service: how often to look for a usable pack
};

// No usable pack: the out-of-service screen, kept up (and the watchdog fed) until a pack
// is usable again. Never a restart loop over a damaged pack.
int runOutOfService(const KioskConfig &config, const StartPack &start, const RunRequest &request, char **argv)
{
    const bool render = !request.screenshot.isEmpty() || request.selfTest || request.gallery;
    QTextStream err(stderr);
    if (request.selfTest || request.gallery) {
        err << "passerelle: no usable pack in " << config.stateDirectory << " nor in " << config.firstPack
            << " (see the warnings above): nothing to test or render; use --pack DIR\n";
        return 1;
    }
    OutOfService screen(config, start, render ? OutOfService::Mode::Render : OutOfService::Mode::Kiosk);
    if (!screen.loadUi()) {
        err << "passerelle: the out-of-service screen failed to load (see the QML errors above)\n";
        return 1;
    }
    QQuickWindow *window = screen.window();
    if (request.windowed && !render && request.fitToScreen)
        fitWindowToScreen(window, request.size);
    else
        window->resize(request.size);
    if (render) {
        window->show();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        const QImage image = window->grabWindow();
        if (image.isNull() || !image.save(request.screenshot)) {
            err << "passerelle: cannot write the screenshot " << request.screenshot << '\n';
            return 1;
        }
        return 0;
    }
    if (request.firstFrame) {
        QObject::connect(window, &QQuickWindow::frameSwapped, qApp, [] {
            QTextStream(stdout) << "first frame" << Qt::endl;
            QCoreApplication::exit(0);
        });
    }
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, qApp, [](int number) {
        qCInfo(lcMain) << "signal" << number << "received: quitting";
        QGuiApplication::quit();
    });
    QObject::connect(qApp, &QGuiApplication::aboutToQuit, &screen, &OutOfService::shutdown);
    screen.setRetryIntervalMs(request.retryMs);
    screen.start();
    if (request.windowed)
        window->show();
    else
        window->showFullScreen();
    const int code = QGuiApplication::exec();
    restartIfAsked(screen.restartRequested(), argv);
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    if (hasArgument(argc, argv, "--hash-pin"))
        return hashPin();
    const bool offscreen = hasArgument(argc, argv, "--screenshot") || hasArgument(argc, argv, "--self-test")
        || hasArgument(argc, argv, "--gallery");
    if (offscreen) {
        // Rendering to a file needs no screen and no GPU.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
    // The social worker's fields type with Qt Virtual Keyboard; a kiosk has no keyboard.
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(u"passerelle"_s);
    QGuiApplication::setApplicationVersion(QStringLiteral(PASSERELLE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Passerelle, an information kiosk for newcomers."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption packOption(u"pack"_s, u"The pack to show: a folder with manifest.json and objects/."_s, u"dir"_s);
    const QCommandLineOption langOption(u"lang"_s, u"Start in this language (a pack language code)."_s, u"code"_s);
    const QCommandLineOption routeOption(u"route"_s, u"Start at this route, e.g. attract, home, topic/health, page/amu-steps, service/cpas-namur."_s,
                                         u"route"_s, u"attract"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Window size, e.g. 1920x1080."_s, u"WxH"_s, u"1920x1080"_s);
    const QCommandLineOption todayOption(u"today"_s, u"Show the rules in force on this date (YYYY-MM-DD)."_s, u"date"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Render the route to a PNG file and exit."_s, u"file"_s);
    const QCommandLineOption galleryOption(u"gallery"_s, u"Render every route in every language to DIR/<lang>/<route>.png and exit."_s, u"dir"_s);
    const QCommandLineOption selfTestOption(u"self-test"_s, u"Load every route in every language; fail on any QML warning."_s);
    const QCommandLineOption windowedOption(u"windowed"_s, u"Open in a window instead of full screen."_s);
    const QCommandLineOption largeTextOption(u"large-text"_s, u"Start in large-text mode."_s);
    const QCommandLineOption contrastOption(u"high-contrast"_s, u"Start in high-contrast mode."_s);
    const QCommandLineOption firstFrameOption(u"report-first-frame"_s,
                                              u"Print \"first frame\" when the first frame is shown, and exit (benchmarks)."_s);
    const QCommandLineOption workerOption(u"worker"_s, u"Start in social-worker mode (pages side by side with French)."_s);
    const QCommandLineOption configOption(u"config"_s,
                                          u"The configuration file (default %1)."_s.arg(KioskConfig::kDefaultPath),
                                          u"file"_s);
    const QCommandLineOption hashPinOption(u"hash-pin"_s, u"Read a staff PIN on standard input, print its hash."_s);
    const QCommandLineOption previewOption(
        u"preview"_s,
        u"For content editors: build the content folder DIR (no speech synthesis) and show it in a window; "
        "rebuild and reload on every saved change, on the same screen and language, and show the errors "
        "of the content on screen. Starts at home unless --route is given."_s,
        u"dir"_s);
    const QCommandLineOption recordOption(
        u"record"_s,
        u"For interpreters and volunteers: the recording studio on the content folder DIR, for the "
        "language given with --lang. Shows each text that has no recording, records it from the "
        "microphone and writes DIR/audio/<lang>/."_s,
        u"dir"_s);
    // For the watchdog test only (tests/integration/ops): block the GUI thread this many
    // milliseconds after READY=1, as a hung UI would.
    QCommandLineOption freezeOption(u"freeze-after-ready"_s, u"Test: freeze the UI after ready."_s, u"ms"_s);
    freezeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For tests/integration/ops/tst_startpath only: out of service, look again this often.
    QCommandLineOption retryOption(u"out-of-service-retry-ms"_s, u"Test: out-of-service retry period."_s, u"ms"_s);
    retryOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({packOption, langOption, routeOption, sizeOption, todayOption, screenshotOption, galleryOption,
                       selfTestOption, windowedOption, largeTextOption, contrastOption, workerOption, configOption, hashPinOption,
                       freezeOption, firstFrameOption, previewOption, recordOption, retryOption});
    parser.process(app);

    // The config: every bad key is reported and takes its default; the kiosk still starts.
    const bool explicitConfig = parser.isSet(configOption);
    const QString configPath = explicitConfig ? parser.value(configOption) : KioskConfig::kDefaultPath;
    KioskConfig config;
    if (explicitConfig || QFileInfo::exists(configPath)) {
        KioskConfig::Loaded loaded = KioskConfig::load(configPath);
        for (const Problem &problem : std::as_const(loaded.problems))
            qCWarning(lcMain).noquote() << problem.toString();
        config = loaded.config;
    } else {
        qCInfo(lcMain).noquote() << "no configuration at" << configPath << "- using the defaults";
    }

    QTextStream err(stderr);
    const QSize size = parseSize(parser.value(sizeOption));
    if (!size.isValid() || size.isEmpty()) {
        err << "passerelle: --size must look like 1920x1080\n";
        return 2;
    }
    if (parser.isSet(recordOption)) {
        if (!parser.isSet(langOption)) {
            err << "passerelle: --record needs --lang, the language to record (e.g. --lang ti)\n";
            return 2;
        }
        RecordingStudio::Options studio;
        studio.contentDir = parser.value(recordOption);
        studio.lang = parser.value(langOption);
        if (parser.isSet(sizeOption))
            studio.size = size;
        return runStudio(std::move(studio));
    }
    const std::optional<Route> startRoute = Route::parse(parser.value(routeOption));
    if (!startRoute) {
        err << "passerelle: --route " << parser.value(routeOption)
            << " is not a route (write attract, home, language, status, emergency, staff, topic/<id>, page/<id> or service/<id>)\n";
        return 2;
    }
    if (parser.isSet(previewOption)) {
        // An editor's tool: no pack store, no usage counts, no sync; the config only for display.
        ContentPreview::Options preview;
        preview.contentDir = parser.value(previewOption);
        preview.kiosk.language = parser.isSet(langOption) ? parser.value(langOption) : config.defaultLanguage;
        preview.kiosk.startRoute = parser.isSet(routeOption) ? parser.value(routeOption) : u"home"_s;
        preview.kiosk.today = QDate::fromString(parser.value(todayOption), Qt::ISODate);
        preview.config = config;
        preview.size = size;
        preview.fitToScreen = !parser.isSet(sizeOption);
        preview.largeText = parser.isSet(largeTextOption);
        preview.highContrast = parser.isSet(contrastOption);
        preview.workerMode = parser.isSet(workerOption);
        return runPreview(std::move(preview));
    }

    RunRequest request;
    request.size = size;
    request.screenshot = parser.value(screenshotOption);
    request.selfTest = parser.isSet(selfTestOption);
    request.gallery = parser.isSet(galleryOption);
    request.firstFrame = parser.isSet(firstFrameOption);
    request.windowed = parser.isSet(windowedOption);
    request.fitToScreen = !parser.isSet(sizeOption);
    if (parser.isSet(retryOption))
        request.retryMs = std::max(100, parser.value(retryOption).toInt());

    KioskServices::Options options;
    // --pack (or $PASSERELLE_PACK) is a developer's: that pack or an error. Otherwise the
    // store's, through the one start path (recovery, verification, fallback).
    options.packDir = parser.value(packOption);
    if (options.packDir.isEmpty())
        options.packDir = qEnvironmentVariable("PASSERELLE_PACK");
    const bool packFromStore = options.packDir.isEmpty(); // only a kiosk on its store's pack syncs
    StartPack start;
    if (packFromStore) {
        start = choosePackAtStart(config, offscreen ? StartMode::ReadOnly : StartMode::Kiosk);
        if (!start.isUsable())
            return runOutOfService(config, start, request, argv);
        options.packDir = start.packDir;
        options.objectsDir = start.objectsDir;
    }
    options.language = parser.isSet(langOption) ? parser.value(langOption) : config.defaultLanguage;
    options.startRoute = startRoute->format();
    options.today = QDate::fromString(parser.value(todayOption), Qt::ISODate);
    // [session]: the warning comes after idle_warning_seconds and lasts idle_reset_seconds.
    options.idleSeconds = config.idleWarningSeconds + config.idleResetSeconds;
    options.warningSeconds = config.idleResetSeconds;
    options.silent = offscreen;
    options.audioOutput = config.audioOutput;
    options.keys = config.keys;

    // Declared first, destroyed last: the QML engine (in the kiosk) goes before what it shows.
    std::unique_ptr<Operations> operations;
    Result<std::unique_ptr<Kiosk>> opened = Kiosk::open(options);
    if (!opened && packFromStore) {
        // Verified a moment ago, yet it does not open (the disk?): out of service, not a restart loop.
        qCWarning(lcMain).noquote() << "the verified pack does not open:" << opened.problem().toString();
        start.fallbacks.append(PackFallback{start.packDir, PackFallbackReason::SchemaInvalid, opened.problem().toString()});
        start.origin = StartPack::Origin::None;
        return runOutOfService(config, start, request, argv);
    }
    if (!opened) {
        err << "passerelle: " << opened.problem().toString() << '\n';
        return 1;
    }
    Kiosk &kiosk = *opened.value();
    if (!kiosk.services().content().hasRoute(*startRoute)) {
        err << "passerelle: --route " << startRoute->format() << ": the pack has no " << startRoute->kindName() << ' '
            << startRoute->id() << " (--gallery shows every route of the pack)\n";
        return 2;
    }
    operations = std::make_unique<Operations>(config, kiosk.services(),
                                              offscreen ? Operations::Mode::Render : Operations::Mode::Kiosk);
    operations->setStartPack(start);
    operations->installIntoQml();
    if (startRoute->kind() == Route::Kind::Staff)
        operations->staff().unlockWithoutPin(); // whoever types the command line has the machine
    kiosk.services().session().setLargeText(parser.isSet(largeTextOption));
    kiosk.services().session().setHighContrast(parser.isSet(contrastOption));
    kiosk.services().session().setWorkerMode(parser.isSet(workerOption));
    if (!kiosk.loadUi()) {
        err << "passerelle: the user interface failed to load (see the QML errors above)\n";
        return 1;
    }
    QQuickWindow *window = kiosk.window();
    if (request.windowed && !offscreen && request.fitToScreen)
        fitWindowToScreen(window, size); // a laptop's screen may be smaller than the kiosk's
    else
        window->resize(size);
    if (offscreen)
        window->show(); // on the offscreen platform, nothing appears; the window gets its size

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const QImage image = renderRoute(kiosk, *startRoute, kiosk.services().session().language());
        if (image.isNull() || !image.save(file)) {
            err << "passerelle: cannot write the screenshot " << file << '\n';
            return 1;
        }
        return 0;
    }
    if (parser.isSet(galleryOption)) {
        QStringList problems;
        const int written = renderGallery(kiosk, parser.value(galleryOption), &problems);
        for (const QString &p : std::as_const(problems))
            err << "gallery: " << p << '\n';
        err << "gallery: " << written << " pictures in " << parser.value(galleryOption) << '\n';
        return problems.isEmpty() ? 0 : 1;
    }
    if (parser.isSet(selfTestOption)) {
        QStringList problems;
        const int failures = runSelfTest(kiosk, &problems);
        for (const QString &p : std::as_const(problems))
            err << "self-test: " << p << '\n';
        err << "self-test: " << (failures == 0 ? "passed" : "FAILED") << '\n';
        return failures == 0 ? 0 : 1;
    }
    if (parser.isSet(firstFrameOption)) {
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [] {
            QTextStream(stdout) << "first frame" << Qt::endl;
            QCoreApplication::exit(0);
        });
    }
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &app, [](int number) {
        qCInfo(lcMain) << "signal" << number << "received: quitting";
        QGuiApplication::quit();
    });
    QObject::connect(&app, &QGuiApplication::aboutToQuit, operations.get(), &Operations::shutdown);
    if (parser.isSet(freezeOption)) {
        const int ms = parser.value(freezeOption).toInt();
        QObject::connect(operations.get(), &Operations::ready, &app, [ms] {
            QTimer::singleShot(ms, [] {
                qCWarning(lcMain) << "--freeze-after-ready: the GUI thread stops here";
                for (;;)
                    QThread::sleep(3600);
            });
        });
    }
    operations->start(window);
    const std::unique_ptr<KioskSync> sync =
        packFromStore && !offscreen ? KioskSync::start(config, kiosk.services().navigator(), &operations->staff()) : nullptr;
    if (parser.isSet(windowedOption))
        window->show();
    else
        window->showFullScreen();
    const int code = QGuiApplication::exec();
    restartIfAsked(sync && sync->restartRequested(), argv); // a new pack is active: start again on it
    return code;
}
