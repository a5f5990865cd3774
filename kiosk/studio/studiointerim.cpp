#include "studiointerim.h"

#include "loudness.h"
#include "speechencoder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace passerelle::content {

using namespace Qt::StringLiterals;

ProcessedRecording processRecording(const Pcm &raw, double expectedSeconds)
{
    Q_UNUSED(expectedSeconds)
    ProcessedRecording out;
    out.pcm = raw;
    out.secondsBefore = out.seconds = raw.rate > 0 ? double(raw.samples.size() / 2) / raw.rate : 0;
    out.loudnessBefore = out.loudnessAfter = integratedLoudness(raw.samples, raw.rate);
    if (!out.loudnessBefore) {
        out.problems.append(u"mostly silence"_s);
        out.refused = true;
    }
    return out;
}

double expectedSpeechSeconds(const QString &text) { return 1.0 + text.size() / 12.0; }

Result<bool> writeRecording(const Pcm &pcm, const QString &path)
{
    Result<QByteArray> opus = SpeechEncoder::encode(pcm.samples, pcm.rate, 1);
    if (!opus)
        return opus.problem();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(opus.value()) < 0 || !file.commit())
        return Problem{path, 0, u"cannot write the recording"_s, file.errorString()};
    return true;
}

QList<CodedUnit> codedUnits(const ContentSet &set, const QString &lang)
{
    QMap<QString, TextUnit> french;
    for (const TextUnit &u : textUnits(set, set.pack.sourceLanguage()))
        french.insert(u.key, u);
    QList<CodedUnit> out;
    for (const TextUnit &u : textUnits(set, lang))
        out.append(CodedUnit{u.key, u, french.value(u.key)});
    return out;
}

Result<RecordingLog> RecordingLog::read(const QString &contentDir, const QString &lang)
{
    RecordingLog log;
    QFile file(QDir(contentDir).filePath(u"audio/"_s + lang + u"/recordings.yaml"_s));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() >= 2)
                log.entries.insert(QString::fromUtf8(parts[0]).chopped(1), QString::fromUtf8(parts[1]));
        }
    }
    return log;
}

QString RecordingLog::frenchHash(const QString &recording) const { return entries.value(recording); }

void RecordingLog::set(const QString &recording, const QString &hash, const QDate &) { entries.insert(recording, hash); }

Result<bool> RecordingLog::write(const QString &contentDir, const QString &lang) const
{
    QSaveFile file(QDir(contentDir).filePath(u"audio/"_s + lang + u"/recordings.yaml"_s));
    if (!file.open(QIODevice::WriteOnly))
        return Problem{file.fileName(), 0, u"cannot write"_s, file.errorString()};
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        file.write((it.key() + u": "_s + it.value() + u'\n').toUtf8());
    if (!file.commit())
        return Problem{file.fileName(), 0, u"cannot write"_s, file.errorString()};
    return true;
}

} // namespace passerelle::content
