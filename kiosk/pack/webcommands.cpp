// passerelle-pack export-web.
#include "commands.h"
#include "webexport.h"

#include <QDateTime>

namespace passerelle::content {

using namespace Qt::StringLiterals;

int runExportWeb(const QStringList &args)
{
    // export-web PACK_DIR OUT_DIR [--today YYYY-MM-DD]
    if (args.size() != 2 && !(args.size() == 4 && args[2] == u"--today"))
        return 2;
    WebExportOptions options;
    if (args.size() == 4) {
        options.today = QDate::fromString(args[3], Qt::ISODate);
        if (!options.today.isValid()) {
            errorStream() << "--today " << args[3] << ": not a date; write it as YYYY-MM-DD" << Qt::endl;
            return 2;
        }
    } else {
        // The rules in force today, as a kiosk shows them today.
        options.today = QDate::currentDate();
    }
    const WebExportResult result = exportWeb(args[0], args[1], options);
    for (const QString &note : result.notes)
        errorStream() << "note: " << note << '\n';
    for (const Problem &p : result.problems)
        errorStream() << p.toString() << '\n';
    errorStream().flush();
    if (hasErrors(result.problems)) {
        errorStream() << "nothing was written; " << args[1] << " is unchanged" << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "wrote the web copy of " << args[0] << " in " << args[1] << ": " << result.htmlFiles
                        << " pages and " << result.otherFiles << " other files, information in force on "
                        << options.today.toString(Qt::ISODate) << '\n';
    return 0;
}

} // namespace passerelle::content
