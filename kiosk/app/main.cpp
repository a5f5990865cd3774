// passerelle: the kiosk. See the README for the command line.
#include "kiosk.h"
#include "offscreenrender.h"
#include "session.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTextStream>
#include <QtQml/qqmlextensionplugin.h>

#include <cstring>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

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

} // namespace

int main(int argc, char **argv)
{
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
    const QCommandLineOption routeOption(u"route"_s, u"Start at this route, e.g. attract, home, topic/health, page/amu-steps."_s,
                                         u"route"_s, u"attract"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Window size, e.g. 1920x1080."_s, u"WxH"_s, u"1920x1080"_s);
    const QCommandLineOption todayOption(u"today"_s, u"Show the rules in force on this date (YYYY-MM-DD)."_s, u"date"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Render the route to a PNG file and exit."_s, u"file"_s);
    const QCommandLineOption galleryOption(u"gallery"_s, u"Render every route in every language to DIR/<lang>/<route>.png and exit."_s, u"dir"_s);
    const QCommandLineOption selfTestOption(u"self-test"_s, u"Load every route in every language; fail on any QML warning."_s);
    const QCommandLineOption windowedOption(u"windowed"_s, u"Open in a window instead of full screen."_s);
    const QCommandLineOption largeTextOption(u"large-text"_s, u"Start in large-text mode."_s);
    const QCommandLineOption contrastOption(u"high-contrast"_s, u"Start in high-contrast mode."_s);
    const QCommandLineOption workerOption(u"worker"_s, u"Start in social-worker mode (pages side by side with French)."_s);
    parser.addOptions({packOption, langOption, routeOption, sizeOption, todayOption, screenshotOption, galleryOption, selfTestOption,
                       windowedOption, largeTextOption, contrastOption, workerOption});
    parser.process(app);

    QTextStream err(stderr);
    const QSize size = parseSize(parser.value(sizeOption));
    if (!size.isValid() || size.isEmpty()) {
        err << "passerelle: --size must look like 1920x1080\n";
        return 2;
    }
    KioskServices::Options options;
    options.packDir = parser.value(packOption);
    if (options.packDir.isEmpty())
        options.packDir = qEnvironmentVariable("PASSERELLE_PACK");
    if (options.packDir.isEmpty()) {
        err << "passerelle: no pack given: use --pack DIR (a folder made by passerelle-pack build)\n";
        return 2;
    }
    options.language = parser.value(langOption);
    options.startRoute = parser.value(routeOption);
    options.today = QDate::fromString(parser.value(todayOption), Qt::ISODate);

    Result<std::unique_ptr<Kiosk>> opened = Kiosk::open(options);
    if (!opened) {
        err << "passerelle: " << opened.problem().toString() << '\n';
        return 1;
    }
    Kiosk &kiosk = *opened.value();
    kiosk.services().session().setLargeText(parser.isSet(largeTextOption));
    kiosk.services().session().setHighContrast(parser.isSet(contrastOption));
    kiosk.services().session().setWorkerMode(parser.isSet(workerOption));
    if (!kiosk.loadUi()) {
        err << "passerelle: the user interface failed to load (see the QML errors above)\n";
        return 1;
    }
    QQuickWindow *window = kiosk.window();
    window->resize(size);
    if (offscreen)
        window->show(); // on the offscreen platform, nothing appears; the window gets its size

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const QImage image = renderRoute(kiosk, options.startRoute, kiosk.services().session().language());
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
    if (parser.isSet(windowedOption))
        window->show();
    else
        window->showFullScreen();
    return QGuiApplication::exec();
}
