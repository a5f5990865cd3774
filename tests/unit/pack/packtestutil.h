#pragma once
// Helpers for the passerelle-pack tests: real content folders copied into temporary
// folders, edited like an editor would, and the real passerelle-pack run on them.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTest>

namespace packtest {

inline bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return false;
    }
    return true;
}

/** Every file under dir, by path relative to dir. */
inline QMap<QString, QByteArray> readTree(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            files.insert(f.fileName().mid(dir.size()), f.readAll());
    }
    return files;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/** Replaces from by to in a file; false when from is not there. */
inline bool editFile(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QByteArray data = readFile(path);
    if (!data.contains(from))
        return false;
    data.replace(from, to);
    return writeFile(path, data);
}

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

/** Runs a program (passerelle-pack by default) and waits for it. */
inline CliResult run(const QStringList &args, const QString &program = QStringLiteral(PASSERELLE_PACK_TOOL),
                     int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out or did not start: ") + p.errorString();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace packtest
