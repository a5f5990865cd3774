// crash-workload: what tst_crashstates records under the fstrace shim, when no real
// program does exactly that in a process of its own.
//
//   crash-workload first-start STATE_DIR BUNDLED_PACK KEY   the kiosk's start path (kioskstart.h)
//   crash-workload activate STATE_DIR                   PackStore::activate of the staged version
#include "kioskstart.h"
#include "packstore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace passerelle;
using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() == 5 && args[1] == u"first-start") {
        const crashtest::KioskStart start = crashtest::startKiosk(args[2], args[3], {args[4]});
        if (!start.pack) {
            err << "crash-workload: " << start.problem << '\n';
            return 1;
        }
        return 0;
    }
    if (args.size() == 3 && args[1] == u"activate") {
        Result<std::unique_ptr<sync::PackStore>> store = sync::PackStore::open(args[2]);
        if (!store) {
            err << "crash-workload: " << store.problem().toString() << '\n';
            return 1;
        }
        const qint64 staged = store.value()->stagedVersion();
        Result<std::shared_ptr<Pack>> pack = staged > 0 ? store.value()->activate(staged)
                                                        : Result<std::shared_ptr<Pack>>(Problem{args[2], 0, u"nothing staged"_s, {}});
        if (!pack) {
            err << "crash-workload: " << pack.problem().toString() << '\n';
            return 1;
        }
        return 0;
    }
    err << "usage: crash-workload first-start STATE_DIR BUNDLED_PACK KEY | activate STATE_DIR\n";
    return 2;
}
