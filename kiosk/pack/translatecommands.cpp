// passerelle-pack export, import and report: translation exchange and the coverage report.
#include "commands.h"
#include "contentchecker.h"
#include "contentloader.h"
#include "coveragereport.h"
#include "translationexchange.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

int printProblems(const Problems &problems)
{
    int errors = 0;
    for (const Problem &p : problems) {
        errors += p.severity == Problem::Severity::Error;
        errorStream() << p.toString() << '\n';
    }
    errorStream().flush();
    return errors;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    errorStream() << path << ": error: cannot write the file: " << file.errorString() << Qt::endl;
    return false;
}

} // namespace

std::optional<ContentSet> loadForTool(const QString &root, const QString &lang)
{
    Problems problems;
    ContentSet set = loadContent(root, problems);
    checkContent(set, problems);
    Problems errors;
    std::copy_if(problems.cbegin(), problems.cend(), std::back_inserter(errors),
                 [](const Problem &p) { return p.severity == Problem::Severity::Error; });
    if (!errors.isEmpty() || set.pack.languages.isEmpty()) {
        printProblems(errors);
        errorStream() << "fix these errors first (passerelle-pack check " << root << ")" << Qt::endl;
        return std::nullopt;
    }
    if (!lang.isEmpty() && !set.pack.hasLanguage(lang)) {
        QStringList codes;
        for (const LanguageDecl &l : set.pack.languages)
            codes.append(l.code);
        errorStream() << set.pack.origin.file << ": error: \"" << lang << "\" is not a language of the pack (use one of: "
                      << codes.join(u", "_s) << ")" << Qt::endl;
        return std::nullopt;
    }
    return set;
}

int runExport(const QStringList &args)
{
    QString lang;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--lang" && i + 1 < args.size())
            lang = args[++i];
        else if (args[i].startsWith(u"--"))
            return 2;
        else
            positional.append(args[i]);
    }
    if (lang.isEmpty() || positional.size() != 2)
        return 2;
    const auto set = loadForTool(positional[0]);
    if (!set)
        return 1;
    if (!set->pack.hasLanguage(lang) || lang == set->pack.sourceLanguage()) {
        errorStream() << "error: " << lang << " is not a translation language of " << set->pack.id
                      << " (see languages: in pack.yaml)" << Qt::endl;
        return 1;
    }
    const QString &out = positional[1];
    const QList<TranslationUnit> units = translationUnits(*set, lang);
    const bool po = out.endsWith(u".po"_s) || out.endsWith(u".pot"_s);
    const QByteArray bytes = po ? writePo(units, set->pack.sourceLanguage(), lang,
                                          set->pack.id + u' ' + QString::number(set->pack.version))
                                : writeXliff(units, set->pack.sourceLanguage(), lang);
    if (!writeFile(out, bytes))
        return 1;
    QMap<TranslationState, int> counts;
    for (const TranslationUnit &u : units)
        ++counts[u.state];
    QTextStream(stdout) << "wrote " << units.size() << " units for " << lang << " to " << out << " ("
                        << (po ? "PO" : "XLIFF 2.0") << "): " << counts.value(TranslationState::Missing) << " missing, "
                        << counts.value(TranslationState::Outdated) << " outdated, "
                        << counts.value(TranslationState::Machine) << " machine, "
                        << counts.value(TranslationState::Draft) << " draft, "
                        << counts.value(TranslationState::Reviewed) << " reviewed\n";
    return 0;
}

int runImport(const QStringList &args)
{
    if (args.size() != 2)
        return 2;
    const auto set = loadForTool(args[0]);
    if (!set)
        return 1;
    Problems problems;
    const auto returned = readTranslationFile(args[1], problems);
    if (!returned) {
        printProblems(problems);
        return 1;
    }
    const ImportSummary summary = importTranslations(*set, *returned, args[1], problems);
    const int errors = printProblems(problems);
    if (errors > 0)
        return 1;
    QTextStream out(stdout);
    out << "imported " << args[1] << " (" << returned->format << ", " << returned->targetLang << "): "
        << summary.updatedUnits << " units updated, " << summary.unchangedUnits << " unchanged\n";
    for (const QString &file : summary.written)
        out << "  wrote " << file << '\n';
    out.flush();
    // What the import left for the editor: the content's own check, errors only.
    Problems after;
    const ContentSet reloaded = loadContent(args[0], after);
    checkContent(reloaded, after);
    Problems afterErrors;
    std::copy_if(after.cbegin(), after.cend(), std::back_inserter(afterErrors),
                 [](const Problem &p) { return p.severity == Problem::Severity::Error; });
    return printProblems(afterErrors) > 0 ? 1 : 0;
}

int runReport(const QStringList &args)
{
    QStringList positional;
    AudioOptions audio;
    audio.synthesize = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--audio-cache" && i + 1 < args.size())
            audio.cacheDir = args[++i];
        else if (args[i].startsWith(u"--"))
            return 2;
        else
            positional.append(args[i]);
    }
    if (positional.size() != 2)
        return 2;
    // By default the cache a build beside content/ keeps (build content/ pack/).
    if (audio.cacheDir.isEmpty())
        audio.cacheDir = defaultAudioCache(positional[0]);
    Problems problems;
    const ContentSet set = loadContent(positional[0], problems);
    if (set.pack.languages.isEmpty()) {
        printProblems(problems);
        return 1;
    }
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    const QDateTime when = ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime::currentDateTimeUtc();
    // The clips a build would use, from the cache: nothing is synthesized.
    Problems audioProblems;
    const AudioCatalog catalog = prepareAudio(set, audio, audioProblems);
    for (const Problem &p : std::as_const(audioProblems))
        errorStream() << p.toString() << '\n';
    errorStream().flush();
    if (!writeFile(positional[1], renderCoverageReport(set, when.toString(u"yyyy-MM-dd HH:mm 'UTC'"_s), &catalog,
                                                       QDir::toNativeSeparators(audio.cacheDir))))
        return 1;
    QTextStream(stdout) << "wrote " << positional[1] << "; open it in a web browser\n";
    return 0;
}

} // namespace passerelle::content
