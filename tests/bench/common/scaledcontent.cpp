#include "scaledcontent.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace passerelle::bench {

using namespace Qt::StringLiterals;

namespace {

double statusField(qint64 pid, const QByteArray &field)
{
    QFile status(pid > 0 ? u"/proc/%1/status"_s.arg(pid) : u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

QString writeScaledContent(const QString &from, const QString &to, int factor)
{
    QDir(to).removeRecursively();
    static const QRegularExpression idLine(u"^id: *([a-z0-9-]+)"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression orderLine(u"^order: *(\\d+)"_s, QRegularExpression::MultilineOption);
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(from.size());
        const QString target = to + relative;
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return u"cannot copy "_s + path;
        if (!relative.startsWith(u"/pages/"_s))
            continue;
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly))
            return u"cannot read "_s + path;
        const QString text = QString::fromUtf8(source.readAll());
        const QString name = QFileInfo(path).fileName(); // <stem>.<lang>.md
        const QString stem = name.section(u'.', 0, 0);
        const QString tail = name.section(u'.', 1);
        for (int k = 1; k < factor; ++k) {
            QString copy = text;
            const auto id = idLine.match(copy);
            if (id.hasMatch())
                copy.replace(id.capturedStart(1), id.capturedLength(1), id.captured(1) + u"-x"_s + QString::number(k));
            const auto order = orderLine.match(copy);
            if (order.hasMatch())
                copy.replace(order.capturedStart(1), order.capturedLength(1),
                             QString::number(order.captured(1).toInt() + 100 * k));
            QFile out(QFileInfo(target).dir().filePath(stem + u"-x"_s + QString::number(k) + u'.' + tail));
            if (!out.open(QIODevice::WriteOnly) || out.write(copy.toUtf8()) < 0)
                return u"cannot write "_s + out.fileName();
        }
    }
    return {};
}

QString buildPack(const QString &packTool, const QString &content, const QString &out, const QStringList &extraArguments)
{
    QProcess tool;
    tool.start(packTool, QStringList{u"build"_s, content, out} + extraArguments);
    if (!tool.waitForFinished(30 * 60 * 1000) || tool.exitCode() != 0)
        return u"passerelle-pack build failed: "_s + QString::fromUtf8(tool.readAllStandardError().right(2000));
    return {};
}

double peakMemoryMiB(qint64 pid) { return statusField(pid, "VmHWM"); }
double residentMemoryMiB(qint64 pid) { return statusField(pid, "VmRSS"); }

} // namespace passerelle::bench
