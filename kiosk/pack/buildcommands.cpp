// passerelle-pack build and check.
#include "commands.h"
#include "contentchecker.h"
#include "contentloader.h"
#include "fontcoverage.h"
#include "packbuilder.h"

#include <QDateTime>
#include <QDir>

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
    QStringList positional;
    AudioOptions audio;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--no-audio") {
            audio.enabled = false;
        } else if (args[i] == u"--audio-cache" && i + 1 < args.size()) {
            audio.cacheDir = args[++i];
        } else if (args[i] == u"--jobs" && i + 1 < args.size()) {
            bool ok = false;
            audio.jobs = args[++i].toInt(&ok);
            if (!ok || audio.jobs < 1)
                return 2;
        } else if (args[i].startsWith(u"--")) {
            return 2;
        } else {
            positional.append(args[i]);
        }
    }
    if (positional.size() != 2)
        return 2;
    const QString &contentDir = positional[0];
    const QString &outDir = positional[1];
    if (audio.cacheDir.isEmpty())
        audio.cacheDir = defaultAudioCache(outDir);
    Problems problems;
    const ContentSet set = loadContent(contentDir, problems);
    checkContent(set, problems);
    checkFonts(set, problems);
    if (report(problems, false) > 0) {
        errorStream() << "nothing was written; " << outDir << " is unchanged" << Qt::endl;
        return 1;
    }
    Problems audioProblems;
    const AudioCatalog catalog = prepareAudio(set, audio, audioProblems);
    // Its warnings are about recordings far from the pack's loudness: shown here too.
    if (report(audioProblems, true) > 0) {
        errorStream() << "nothing was written; " << outDir << " is unchanged" << Qt::endl;
        return 1;
    }
    BuildOptions options{buildTime()};
    options.audio = &catalog;
    const Problems buildProblems = buildPack(set, outDir, options);
    if (hasErrors(buildProblems)) {
        report(buildProblems, false);
        return 1;
    }
    QTextStream out(stdout);
    out << "built pack " << set.pack.id << " version " << set.pack.version << " in " << outDir << '\n';
    if (audio.enabled)
        out << "audio: " << catalog.stats.recorded << " recorded, " << catalog.stats.synthesized << " synthesized, "
            << catalog.stats.cached << " from the cache (" << QDir::toNativeSeparators(audio.cacheDir) << "), "
            << catalog.stats.silent << " texts without a voice\n";
    else
        out << "audio: skipped (--no-audio); " << catalog.stats.recorded << " recordings included\n";
    return 0;
}

int runCheck(const QStringList &args)
{
    if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && args[1] != u"--hashes"))
        return 2;
    Problems problems;
    const ContentSet set = loadContent(args[0], problems);
    checkContent(set, problems);
    checkVoices(set, problems);
    checkFonts(set, problems);
    // Through the cache a build beside content/ keeps, so that recordings are decoded once.
    checkRecordingLoudness(set, defaultAudioCache(args[0]), problems);
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
