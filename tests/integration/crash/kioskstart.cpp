#include "kioskstart.h"

#include "firstpack.h"

#include <QDir>

namespace passerelle::crashtest {

using namespace Qt::StringLiterals;

KioskStart startKiosk(const QString &stateDirectory, const QString &bundledPack)
{
    // What kiosk/app/main.cpp does today (installFirstPack, activeStorePack, then
    // KioskServices::open's Pack::open). When the start function of issue 15 lands
    // (recovery, verification, fallback to `previous` and to the bundled pack), call it
    // here instead: everything else in the crash test stays as it is.
    KioskStart start;
    if (std::optional<Problem> problem = installFirstPack(stateDirectory, bundledPack))
        start.problem = problem->toString() + u"; "_s;
    const std::optional<StorePack> active = activeStorePack(stateDirectory);
    if (!active) {
        start.problem += u"the state directory has no active pack"_s;
        return start;
    }
    start.objectsDir = active->objectsDir;
    Result<std::shared_ptr<Pack>> pack = Pack::open(QDir(active->packDir).filePath(u"manifest.json"_s), active->objectsDir);
    if (!pack) {
        start.problem += pack.problem().toString();
        return start;
    }
    start.pack = pack.value();
    return start;
}

} // namespace passerelle::crashtest
