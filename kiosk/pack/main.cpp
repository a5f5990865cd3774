// passerelle-pack: the content editors' tool. See the README's "For content editors".
#include "contentchecker.h"
#include "contentloader.h"
#include "packbuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <cstdio>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usage()
{
    err() << "usage: passerelle-pack build CONTENT_DIR OUT_DIR   compile content into a pack\n"
             "       passerelle-pack check CONTENT_DIR [--hashes] report every problem with file:line\n";
    err().flush();
    return 2;
}

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
            err() << p.toString() << '\n';
    }
    err() << errors << " error(s), " << warnings << " warning(s)\n";
    err().flush();
    return errors;
}

QDateTime buildTime()
{
    // Reproducible builds: SOURCE_DATE_EPOCH pins the creation time.
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime::currentDateTimeUtc();
}

int build(const QString &contentDir, const QString &outDir)
{
    Problems problems;
    const ContentSet set = loadContent(contentDir, problems);
    checkContent(set, problems);
    if (report(problems, false) > 0) {
        err() << "nothing was written; " << outDir << " is unchanged\n";
        return 1;
    }
    const Problems buildProblems = buildPack(set, outDir, {buildTime()});
    if (report(buildProblems, false) > 0)
        return 1;
    QTextStream(stdout) << "built pack " << set.pack.id << " version " << set.pack.version << " in " << outDir << '\n';
    return 0;
}

int check(const QString &contentDir, bool hashes)
{
    Problems problems;
    const ContentSet set = loadContent(contentDir, problems);
    checkContent(set, problems);
    if (hashes) {
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"passerelle-pack"_s);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() == 3 && args[0] == u"build")
        return build(args[1], args[2]);
    if ((args.size() == 2 || args.size() == 3) && args[0] == u"check")
        return check(args[1], args.size() == 3 && args[2] == u"--hashes");
    return usage();
}
