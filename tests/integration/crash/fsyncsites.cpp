#include "fsyncsites.h"

#include <QProcess>

namespace passerelle::crashtest {

using namespace Qt::StringLiterals;

namespace {

struct Location
{
    QString function;
    QString file; // "name.cpp:line"
};

/** addr2line -i for each return address (minus one: the call itself), innermost first. */
QMap<QString, QList<Location>> symbolise(const QString &executable, const QStringList &offsets)
{
    QMap<QString, QList<Location>> out;
    QStringList args{u"-f"_s, u"-i"_s, u"-C"_s, u"-a"_s, u"-e"_s, executable};
    for (const QString &offset : offsets)
        args << u"0x%1"_s.arg(offset.toULongLong(nullptr, 16) - 1, 0, 16);
    QProcess addr2line;
    addr2line.start(u"addr2line"_s, args);
    if (!addr2line.waitForFinished(60000))
        return out;
    const QStringList lines = QString::fromUtf8(addr2line.readAllStandardOutput()).split(u'\n');
    int index = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(u"0x"_s)) {
            ++index;
            continue;
        }
        if (index < 0 || index >= offsets.size() || i + 1 >= lines.size())
            continue;
        QString function = lines[i];
        function.remove(u"(anonymous namespace)::"_s);
        function = function.left(function.indexOf(u'('));
        const QString file = lines[i + 1].section(u'/', -1).section(u' ', 0, 0);
        out[offsets[index]].append(Location{function, file});
        ++i;
    }
    return out;
}

} // namespace

QList<FsyncSite> fsyncSites(const QList<QByteArray> &stacks, const QMap<QString, QString> &executables)
{
    // Symbolise every frame of our executables at once, per executable.
    QMap<QString, QStringList> offsets;
    for (const QByteArray &stack : stacks) {
        for (const QByteArray &frame : stack.split(',')) {
            const QString module = QString::fromUtf8(frame.left(frame.indexOf('+')));
            if (executables.contains(module))
                offsets[module].append(QString::fromUtf8(frame.mid(frame.indexOf("+0x") + 3)));
        }
    }
    QMap<QString, QList<Location>> where; // "module+0xoffset" -> inline chain
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        QStringList unique = it.value();
        unique.removeDuplicates();
        const QMap<QString, QList<Location>> chains = symbolise(executables.value(it.key()), unique);
        for (auto c = chains.cbegin(); c != chains.cend(); ++c)
            where.insert(it.key() + u"+0x"_s + c.key(), c.value());
    }

    QMap<QString, FsyncSite> sites;
    for (const QByteArray &stack : stacks) {
        const QList<QByteArray> frames = stack.split(',');
        QString through, label;
        qsizetype used = -1;
        for (qsizetype f = 0; f < frames.size() && label.isEmpty(); ++f) {
            for (const Location &l : where.value(QString::fromUtf8(frames[f]))) {
                if (l.file.startsWith(u"fsutil.cpp"_s)) {
                    // The fsutil function the caller called: the outermost one.
                    through = u"%1 (%2)"_s.arg(l.function, l.file);
                    continue;
                }
                label = u"%1 (%2)"_s.arg(l.function, l.file);
                used = f;
                break;
            }
        }
        if (label.isEmpty())
            label = u"unknown caller: "_s + QString::fromUtf8(frames.value(0));
        if (!through.isEmpty())
            label = through + u" from "_s + label;
        QStringList prefix;
        for (qsizetype f = 0; f <= std::max<qsizetype>(used, 0); ++f)
            prefix << QString::fromUtf8(frames[f]);
        FsyncSite &site = sites[label];
        site.label = label;
        const QString joined = prefix.join(u',');
        if (!site.prefixes.contains(joined))
            site.prefixes << joined;
    }
    return sites.values();
}

} // namespace passerelle::crashtest
