#include "recordinglog.h"

#include "fsutil.h"
#include "unitcodes.h"
#include "yamlreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

const QString kFileName = u"recordings.yaml"_s;

QString quoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + out + u'"';
}

} // namespace

QString RecordingLog::path(const QString &contentDir, const QString &lang)
{
    return QDir(contentDir).filePath(u"audio/"_s + lang + u'/' + kFileName);
}

Result<RecordingLog> RecordingLog::read(const QString &contentDir, const QString &lang)
{
    RecordingLog log;
    const QString file = path(contentDir, lang);
    QFile f(file);
    if (!f.exists())
        return log;
    if (!f.open(QIODevice::ReadOnly))
        return Problem{file, 0, u"cannot read the recording log: "_s + f.errorString(),
                       u"check the file's permissions"_s};
    const QByteArray text = f.readAll();
    if (isBlankYaml(text))
        return log;
    Problems problems;
    YamlReader r(file, text, problems);
    if (r.ok()) {
        static const QRegularExpression hashForm(u"^[0-9a-f]{6,64}$"_s);
        const YAML::Node &root = r.root();
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString recording = toQString(it->first).trimmed();
            const YAML::Node value = it->second; // a copy: it-> returns a temporary
            if (recording.isEmpty() || recording.startsWith(u'/') || recording.contains(u".."_s)) {
                r.error(it->first, u"\"%1\" is not a recording of content/audio/%2/"_s.arg(recording, lang),
                        u"write the file's path relative to content/audio/%1/, e.g. amu-steps/3.opus"_s.arg(lang));
                continue;
            }
            if (!value.IsMap()) {
                r.error(it->first, u"the entry of \"%1\" must be {french: <hash>, date: YYYY-MM-DD}"_s.arg(recording),
                        u"write it as \"%1\": {french: \"1a2b3c4d5e6f\", date: 2025-01-31}"_s.arg(recording));
                continue;
            }
            r.checkKeys(value, {u"french"_s, u"date"_s});
            const QString hash = r.text(value, "french", true, u"the hash of the French text (check --hashes)"_s);
            const QDate date = r.date(value, "date", false);
            if (!hash.isEmpty() && !hashForm.match(hash).hasMatch()) {
                r.error(value["french"], u"\"%1\" is not a text hash"_s.arg(hash),
                        u"a hash is written in lower-case hexadecimal, as check --hashes prints it"_s);
                continue;
            }
            log.entries.insert(recording, {hash, date});
            log.lines.insert(recording, r.line(it->first));
        }
    }
    for (const Problem &p : std::as_const(problems)) {
        if (p.severity == Problem::Severity::Error)
            return p;
    }
    return log;
}

QString RecordingLog::frenchHash(const QString &recording) const
{
    return entries.value(recording).frenchHash;
}

QDate RecordingLog::date(const QString &recording) const
{
    return entries.value(recording).date;
}

void RecordingLog::set(const QString &recording, const QString &frenchHash, const QDate &date)
{
    entries.insert(recording, {frenchHash, date});
}

QByteArray RecordingLog::serialize() const
{
    QString out = u"# Which French text each recording of this folder was made from, and when.\n"
                  "# Written by passerelle-pack import-audio and the recording studio; check warns when\n"
                  "# the French changed since (record the text again).\n"_s;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        out += quoted(it.key()) + u": {french: "_s + quoted(it.value().frenchHash);
        if (it.value().date.isValid())
            out += u", date: "_s + it.value().date.toString(Qt::ISODate);
        out += u"}\n"_s;
    }
    return out.toUtf8();
}

Result<void> RecordingLog::write(const QString &contentDir, const QString &lang) const
{
    const QString file = path(contentDir, lang);
    const QString dir = QFileInfo(file).absolutePath();
    if (!QDir().mkpath(dir))
        return Problem{dir, 0, u"cannot make the folder"_s, u"check the permissions of content/audio/"_s};
    if (const std::optional<Problem> p = sync::fs::writeFileAtomically(dir, kFileName, serialize()))
        return *p;
    return {};
}

void checkRecordingLogs(const ContentSet &set, Problems &problems)
{
    for (const LanguageDecl &l : set.pack.languages) {
        if (!QFileInfo::exists(RecordingLog::path(set.root, l.code)))
            continue;
        const Result<RecordingLog> log = RecordingLog::read(set.root, l.code);
        if (!log) {
            problems.append(log.problem());
            continue;
        }
        if (log->entries.isEmpty())
            continue;
        const QDir audio(QDir(set.root).filePath(u"audio/"_s + l.code));
        for (const CodedUnit &c : codedUnits(set, l.code)) {
            const QString logged = log->frenchHash(c.unit.recording);
            if (logged.isEmpty() || c.frenchHash.isEmpty() || logged == c.frenchHash)
                continue;
            const QString recording = audio.filePath(c.unit.recording);
            if (!QFileInfo::exists(recording))
                continue;
            problems.append(Problem{recording, 0,
                                    u"%1 (%2) was recorded from an older French text: record it again"_s.arg(c.code, c.unit.key),
                                    u"passerelle-pack script --lang %1 lists it; then import-audio, or passerelle --record"_s.arg(l.code),
                                    Problem::Severity::Warning});
        }
    }
}

} // namespace passerelle::content
