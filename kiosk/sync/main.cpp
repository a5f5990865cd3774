// passerelle-sync: syncs a kiosk store from its sources, for operators and tests.
//
//   passerelle-sync --store DIR --source URL|DIR [--source ...] --key FILE.pub [--key ...]
//                   [--once] [--activate] [--usb-parent DIR] [--config FILE.json]
//                   [--timeout-ms MS] [--deadline-s S] [--min-rate BYTES --rate-window-s S]
//                   [--https-only] [--redirect-host HOST[:PORT] ...] [--pack-id ID]
//   passerelle-sync --store DIR --check
//
// --once does one check and exits (0: up to date or staged, 1: rejected or failed);
// without it, checks run periodically like in the kiosk. --activate switches to a staged
// pack at once (a kiosk waits for its attract screen instead). --check verifies the active
// pack completely (every object hashed) and prints its version.
#include "packstore.h"
#include "syncconfig.h"
#include "syncer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <type_traits>

using namespace passerelle;
using namespace passerelle::sync;
using namespace Qt::StringLiterals;

namespace {

int check(const QString &root)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Result<std::unique_ptr<PackStore>> store = PackStore::open(root);
    if (!store) {
        err << "passerelle-sync: " << store.problem().toString() << '\n';
        return 1;
    }
    const qint64 active = store.value()->activeVersion();
    if (active == 0) {
        err << "passerelle-sync: the store has no active pack\n";
        return 1;
    }
    if (std::optional<Problem> problem = store.value()->verify(active, true)) {
        err << "passerelle-sync: " << problem->toString() << '\n';
        return 1;
    }
    Result<std::shared_ptr<Pack>> pack = PackStore::openActivePack(root);
    if (!pack) {
        err << "passerelle-sync: " << pack.problem().toString() << '\n';
        return 1;
    }
    out << "active " << pack.value()->manifest().packId << " version " << active << " complete\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"passerelle-sync"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PASSERELLE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Syncs a Passerelle pack store from HTTP or folder sources."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(u"store"_s, u"The store folder."_s, u"dir"_s);
    const QCommandLineOption sourceOption(u"source"_s, u"A source: http(s) URL or folder; repeat in priority order."_s, u"src"_s);
    const QCommandLineOption keyOption(u"key"_s, u"A trusted public key file (minisign); repeat for rotation."_s, u"file"_s);
    const QCommandLineOption configOption(u"config"_s, u"A JSON file with the sync settings."_s, u"file"_s);
    const QCommandLineOption usbOption(u"usb-parent"_s, u"Where USB sticks are mounted (e.g. /media)."_s, u"dir"_s);
    const QCommandLineOption onceOption(u"once"_s, u"One check, then exit."_s);
    const QCommandLineOption activateOption(u"activate"_s, u"Switch to a staged pack at once."_s);
    const QCommandLineOption checkOption(u"check"_s, u"Verify the active pack completely and print its version."_s);
    const QCommandLineOption timeoutOption(u"timeout-ms"_s, u"Transfer timeout."_s, u"ms"_s);
    const QCommandLineOption attemptsOption(u"attempts"_s, u"Attempts per request."_s, u"n"_s);
    const QCommandLineOption retryOption(u"retry-delay-ms"_s, u"First retry delay."_s, u"ms"_s);
    const QCommandLineOption reserveOption(u"reserve-mb"_s, u"Disk space to leave free."_s, u"mb"_s);
    const QCommandLineOption deadlineOption(u"deadline-s"_s,
        u"Every HTTP request ends within this (an object also gets its size at the minimum rate); default 120."_s, u"s"_s);
    const QCommandLineOption minRateOption(u"min-rate"_s,
        u"Slower transfers are abandoned, in bytes/s averaged over the rate window; 0: none; default 2048."_s, u"bytes"_s);
    const QCommandLineOption windowOption(u"rate-window-s"_s, u"The window of --min-rate; default 30."_s, u"s"_s);
    const QCommandLineOption httpsOnlyOption(u"https-only"_s, u"Refuse http:// sources and redirects to http."_s);
    const QCommandLineOption redirectOption(u"redirect-host"_s,
        u"A host (host or host:port) sources may redirect to; repeat for several."_s, u"host"_s);
    const QCommandLineOption packIdOption(u"pack-id"_s, u"Accept only this pack id."_s, u"id"_s);
    parser.addOptions({storeOption, sourceOption, keyOption, configOption, usbOption, onceOption, activateOption,
                       checkOption, timeoutOption, attemptsOption, retryOption, reserveOption, deadlineOption,
                       minRateOption, windowOption, httpsOnlyOption, redirectOption, packIdOption});
    parser.process(app);
    QTextStream err(stderr);
    QTextStream out(stdout);

    SyncConfig config = SyncConfig::defaults();
    config.usbMountParents.clear();
    if (parser.isSet(configOption)) {
        QFile file(parser.value(configOption));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "passerelle-sync: cannot read " << file.fileName() << '\n';
            return 2;
        }
        Result<SyncConfig> loaded = SyncConfig::fromJson(QJsonDocument::fromJson(file.readAll()).object(), file.fileName());
        if (!loaded) {
            err << "passerelle-sync: " << loaded.problem().toString() << '\n';
            return 2;
        }
        config = loaded.value();
    }
    if (parser.isSet(storeOption))
        config.storeRoot = parser.value(storeOption);
    if (parser.isSet(checkOption))
        return check(config.storeRoot);
    if (parser.isSet(sourceOption))
        config.sources = parser.values(sourceOption);
    if (parser.isSet(usbOption))
        config.usbMountParents = parser.values(usbOption);
    if (parser.isSet(keyOption)) {
        Result<QList<MinisignPublicKey>> keys = loadPublicKeys(parser.values(keyOption));
        if (!keys) {
            err << "passerelle-sync: " << keys.problem().toString() << '\n';
            return 2;
        }
        config.trustedKeys = keys.value();
    }
    if (parser.isSet(timeoutOption))
        config.transferTimeoutMs = parser.value(timeoutOption).toInt();
    if (parser.isSet(attemptsOption))
        config.maxAttempts = std::max(1, parser.value(attemptsOption).toInt());
    if (parser.isSet(retryOption))
        config.retryBaseDelayMs = parser.value(retryOption).toInt();
    if (parser.isSet(reserveOption))
        config.freeSpaceReserveBytes = parser.value(reserveOption).toLongLong() * 1024 * 1024;
    // Whole numbers in a range, or the option's name, the value and the range.
    auto number = [&](const QCommandLineOption &option, qint64 min, qint64 max, auto *out) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const qint64 n = parser.value(option).toLongLong(&ok);
        if (!ok || n < min || n > max) {
            err << "passerelle-sync: --" << option.names().constFirst() << " " << parser.value(option)
                << ": give a whole number from " << min << " to " << max << '\n';
            return false;
        }
        *out = static_cast<std::remove_pointer_t<decltype(out)>>(n);
        return true;
    };
    if (!number(deadlineOption, 1, 86400, &config.requestDeadlineSeconds)
        || !number(minRateOption, 0, 1000000000, &config.minBytesPerSecond)
        || !number(windowOption, 1, 3600, &config.rateWindowSeconds))
        return 2;
    if (parser.isSet(httpsOnlyOption))
        config.httpsOnly = true;
    if (parser.isSet(redirectOption))
        config.redirectHosts = parser.values(redirectOption);
    if (parser.isSet(packIdOption))
        config.packId = parser.value(packIdOption);
    config.activateImmediately = parser.isSet(activateOption);
    if (config.sources.isEmpty() && config.usbMountParents.isEmpty()) {
        err << "passerelle-sync: no source: give --source URL|DIR or --usb-parent DIR\n";
        return 2;
    }

    Result<std::unique_ptr<Syncer>> created = Syncer::create(config);
    if (!created) {
        err << "passerelle-sync: " << created.problem().toString() << '\n';
        return 1;
    }
    Syncer &syncer = *created.value();
    if (parser.isSet(onceOption)) {
        int code = 0;
        QObject::connect(&syncer, &Syncer::checkFinished, &app, [&](Syncer::Outcome outcome) {
            const SyncStatus &s = syncer.status();
            switch (outcome) {
            case Syncer::Outcome::UpToDate:
            case Syncer::Outcome::Staged:
                out << s.result << ": active version " << s.activeVersion << ", staged version " << s.stagedVersion << '\n';
                break;
            case Syncer::Outcome::Rejected:
            case Syncer::Outcome::Failed:
                out << s.result << ": " << s.lastError << '\n';
                code = 1;
                break;
            }
            out.flush();
            app.exit(code);
        });
        QMetaObject::invokeMethod(&syncer, &Syncer::syncNow, Qt::QueuedConnection);
        app.exec();
        return code;
    }
    syncer.start();
    return app.exec();
}
