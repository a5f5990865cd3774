// passerelle-pack script: the page an interpreter records a language from.
#include "commands.h"
#include "contentchecker.h"
#include "contentloader.h"
#include "recordingscript.h"

#include <QSaveFile>

namespace passerelle::content {

using namespace Qt::StringLiterals;

int runScript(const QStringList &args)
{
    QString lang;
    bool all = false;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--lang" && i + 1 < args.size())
            lang = args[++i];
        else if (args[i] == u"--all")
            all = true;
        else if (args[i].startsWith(u"--"))
            return 2;
        else
            positional.append(args[i]);
    }
    if (lang.isEmpty() || positional.size() != 2)
        return 2;
    const QString &root = positional[0];
    const QString &out = positional[1];

    const std::optional<ContentSet> loaded = loadForTool(root, lang);
    if (!loaded)
        return 1;
    const ContentSet &set = *loaded;
    const Result<RecordingLog> log = RecordingLog::read(root, lang);
    if (!log) {
        errorStream() << log.problem().toString() << Qt::endl;
        return 1;
    }
    const RecordingScript script = recordingScript(set, lang, log.value(), all);
    QSaveFile file(out);
    const QByteArray bytes = renderRecordingScript(set, script);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        errorStream() << out << ": error: cannot write the file: " << file.errorString() << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "wrote " << out << ": " << script.lines.size() << " text(s) of " << script.total << " in "
                        << lang << " (" << script.toRecord << " to record), about " << script.minutes()
                        << " minute(s); open it in a web browser or print it\n";
    return 0;
}

} // namespace passerelle::content
