// crash-kiosk-start STATE_DIR BUNDLED_PACK: the kiosk's start path (kioskstart.h) in a
// process of its own, so that fstrace can record what a first start writes.
#include "kioskstart.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        QTextStream(stderr) << "usage: crash-kiosk-start STATE_DIR BUNDLED_PACK\n";
        return 2;
    }
    const passerelle::crashtest::KioskStart start = passerelle::crashtest::startKiosk(args[1], args[2]);
    if (!start.pack) {
        QTextStream(stderr) << "crash-kiosk-start: " << start.problem << '\n';
        return 1;
    }
    QTextStream(stdout) << "showing version " << start.pack->manifest().version << '\n';
    return 0;
}
