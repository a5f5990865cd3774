#include "kioskstart.h"

#include "kioskconfig.h"

#include <QDir>

namespace passerelle::crashtest {

using namespace Qt::StringLiterals;

KioskStart startKiosk(const QString &stateDirectory, const QString &bundledPack, const QStringList &trustedKeys)
{
    KioskConfig config;
    config.stateDirectory = stateDirectory;
    config.firstPack = bundledPack;
    config.trustedKeys = trustedKeys;
    KioskStart start;
    start.chosen = choosePackAtStart(config, StartMode::Kiosk);
    for (const PackFallback &fallback : std::as_const(start.chosen.fallbacks))
        start.problem += u"passed over %1 (%2): %3; "_s.arg(fallback.pack, packFallbackReasonName(fallback.reason), fallback.detail);
    if (!start.chosen.isUsable()) {
        start.problem += u"nothing usable: the kiosk shows its out-of-service screen"_s;
        return start;
    }
    // As KioskServices::open opens what main.cpp passes it.
    start.objectsDir = start.chosen.objectsDir;
    Result<std::shared_ptr<Pack>> pack =
        Pack::open(QDir(start.chosen.packDir).filePath(u"manifest.json"_s), start.chosen.objectsDir);
    if (!pack) {
        start.problem += u"the chosen pack does not open: "_s + pack.problem().toString();
        return start;
    }
    start.pack = pack.value();
    return start;
}

} // namespace passerelle::crashtest
