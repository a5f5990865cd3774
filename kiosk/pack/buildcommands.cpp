// passerelle-pack build and check.
#include "commands.h"
#include "contentchecker.h"
#include "contentloader.h"
#include "packbuilder.h"

#include <QDateTime>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

/** Prints problems; returns the number of errors. */
int report(const Problems &problems, bool showWarnings)
{
    int errors = 0, warnings = 0;
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            ++errors;
        else
            ++warnings;
        if (p.severity == Problem::Severity::Error || showWarnings)
            errorStream() << p.toString() << '\n';
    }
    errorStream() << errors << " error(s), " << warnings << " warning(s)" << Qt::endl;
    return errors;
}

QDateTime buildTime()
{
    // Reproducible builds: SOURCE_DATE_EPOCH pins the creation time.
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime::currentDateTimeUtc();
}

} // namespace

int runBuild(const QStringList &args)
{
    if (args.size() != 2)
        return 2;
    const QString &contentDir = args[0];
    const QString &outDir = args[1];
    Problems problems;
    const ContentSet set = loadContent(contentDir, problems);
    checkContent(set, problems);
    if (report(problems, false) > 0) {
        errorStream() << "nothing was written; " << outDir << " is unchanged" << Qt::endl;
        return 1;
    }
    const Problems buildProblems = buildPack(set, outDir, {buildTime()});
    if (hasErrors(buildProblems)) {
        report(buildProblems, false);
        return 1;
    }
    QTextStream(stdout) << "built pack " << set.pack.id << " version " << set.pack.version << " in " << outDir << '\n';
    return 0;
}

int runCheck(const QStringList &args)
{
    if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && args[1] != u"--hashes"))
        return 2;
    Problems problems;
    const ContentSet set = loadContent(args[0], problems);
    checkContent(set, problems);
    if (args.size() == 2) {
        QTextStream out(stdout);
        for (const PageFile &p : set.pages) {
            if (p.lang != set.pack.sourceLanguage())
                continue;
            QStringList list;
            for (const BlockSource &b : p.blocks)
                list.append(b.hash());
            out << p.origin.file << ": translated_from: [" << list.join(u", "_s) << "]\n";
        }
    }
    return report(problems, true) > 0 ? 1 : 0;
}

} // namespace passerelle::content
