// passerelle-pack import-audio: recordings from any phone into content/audio/<lang>/.
#include "audioimport.h"

#include "commands.h"
#include "contentchecker.h"
#include "contentloader.h"
#include "recordinglog.h"
#include "unitcodes.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

/** A text cut to width characters, on one line. */
QString shortened(const QString &text, int width)
{
    QString line = text.simplified();
    if (line.size() > width)
        line = line.left(width - 1).trimmed() + u'…';
    return line;
}

QString padded(const QString &text, int width)
{
    return text.size() >= width ? text + u' ' : text.leftJustified(width);
}

} // namespace

int AudioImport::imported() const
{
    return int(std::count_if(files.cbegin(), files.cend(), [](const ImportedFile &f) { return !f.refused; }));
}

int AudioImport::refused() const
{
    return int(files.size()) - imported();
}

Result<AudioImport> importRecordings(const ContentSet &set, const QString &lang, const QString &dir, const QDate &today)
{
    const QDir folder(dir);
    if (!folder.exists())
        return Problem{dir, 0, u"no such folder"_s, u"give the folder that holds the recordings"_s};
    Result<RecordingLog> log = RecordingLog::read(set.root, lang);
    if (!log)
        return log.problem();

    const QList<CodedUnit> units = codedUnits(set, lang);
    AudioImport import;
    // Which files claim each text, to refuse them all when there are several.
    QHash<QString, QStringList> filesOfKey;
    const QFileInfoList entries = folder.entryInfoList(QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
    for (const QFileInfo &info : entries) {
        ImportedFile f;
        f.file = info.fileName();
        f.code = f.file.section(u'.', 0, 0);
        if (const CodedUnit *unit = findCode(units, f.code)) {
            f.text = unit->unit.speech();
            filesOfKey[unit->unit.key].append(f.file);
        } else {
            f.problems.append(u"no text has the code \"%1\" in %2 (name the file by a code of the recording script)"_s
                                  .arg(f.code, lang));
            f.refused = true;
        }
        import.files.append(f);
    }

    bool logChanged = false;
    const QString audioDir = QDir(set.root).filePath(u"audio/"_s + lang);
    for (ImportedFile &f : import.files) {
        if (f.refused)
            continue;
        const CodedUnit *unit = findCode(units, f.code);
        const QStringList &rivals = filesOfKey.value(unit->unit.key);
        if (rivals.size() > 1) {
            f.problems.append(u"%1 files for the code %2 (%3): keep only one"_s.arg(rivals.size()).arg(unit->code, rivals.join(u", "_s)));
            f.refused = true;
            continue;
        }
        const Result<Pcm> pcm = decodeAudioFile(folder.filePath(f.file));
        if (!pcm) {
            f.problems.append(pcm.problem().message + u" ("_s + pcm.problem().hint + u')');
            f.refused = true;
            continue;
        }
        f.processed = processRecording(pcm.value(), expectedSpeechSeconds(unit->unit.speech()));
        f.problems.append(f.processed.problems);
        if (f.processed.refused) {
            f.refused = true;
            continue;
        }
        const QString target = QDir(audioDir).filePath(unit->unit.recording);
        if (const Result<void> written = writeRecording(f.processed.pcm, target); !written) {
            f.problems.append(written.problem().toString());
            f.refused = true;
            continue;
        }
        f.recording = unit->unit.recording;
        log->set(unit->unit.recording, unit->frenchHash, today);
        logChanged = true;
    }
    if (logChanged) {
        if (const Result<void> written = log->write(set.root, lang); !written)
            return written.problem();
    }
    return import;
}

QString importTable(const AudioImport &import)
{
    // Widths: the longest name and code, at most 40; the text cut to 36 characters.
    int fileWidth = 4, codeWidth = 4;
    for (const ImportedFile &f : import.files) {
        fileWidth = std::min(40, std::max(fileWidth, int(f.file.size())));
        codeWidth = std::min(40, std::max(codeWidth, int(f.code.size())));
    }
    constexpr int kTextWidth = 36, kSecondsWidth = 16, kLoudnessWidth = 17;
    const auto number = [](double v) { return QString::number(v, 'f', 1); };
    QString out;
    out += padded(u"file"_s, fileWidth + 2) + padded(u"code"_s, codeWidth + 2) + padded(u"text"_s, kTextWidth + 2)
        + padded(u"seconds"_s, kSecondsWidth) + padded(u"loudness (LUFS)"_s, kLoudnessWidth) + u"result\n"_s;
    for (const ImportedFile &f : import.files) {
        QString seconds = u"-"_s, loudness = u"-"_s;
        if (f.decoded()) {
            seconds = number(f.processed.secondsBefore) + u" -> "_s
                + (f.processed.pcm.samples.isEmpty() ? u"-"_s : number(f.processed.seconds));
            loudness = (f.processed.loudnessBefore ? number(*f.processed.loudnessBefore) : u"-"_s) + u" -> "_s
                + (f.processed.loudnessAfter ? number(*f.processed.loudnessAfter) : u"-"_s);
        }
        QString result = f.refused ? u"REFUSED"_s : u"imported"_s;
        if (!f.problems.isEmpty())
            result += u": "_s + f.problems.join(u"; "_s);
        out += padded(f.file, fileWidth + 2) + padded(f.code, codeWidth + 2)
            + padded(f.text.isEmpty() ? u"-"_s : shortened(f.text, kTextWidth), kTextWidth + 2) + padded(seconds, kSecondsWidth)
            + padded(loudness, kLoudnessWidth) + result + u'\n';
    }
    out += u"%1 imported, %2 refused"_s.arg(import.imported()).arg(import.refused());
    out += import.refused() > 0 ? u": nothing was changed for them\n"_s : u"\n"_s;
    return out;
}

int runImportAudio(const QStringList &args)
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
    const QString &root = positional[0];
    const QString &dir = positional[1];

    const std::optional<ContentSet> loaded = loadForTool(root, lang);
    if (!loaded)
        return 1;
    const ContentSet &set = *loaded;
    const Result<AudioImport> import = importRecordings(set, lang, dir, QDate::currentDate());
    if (!import) {
        errorStream() << import.problem().toString() << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    out << importTable(import.value());
    out.flush();
    return import->refused() > 0 ? 1 : 0;
}

} // namespace passerelle::content
