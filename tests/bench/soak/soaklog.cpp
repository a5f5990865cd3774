#include "soaklog.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace passerelle::bench {

using namespace Qt::StringLiterals;

SoakLog SoakLog::read(const QString &file)
{
    SoakLog log;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return log;
    static const QRegularExpression form(u"^\\s*(\\d+\\.\\d+) ([a-z.]+): (.*)$"_s);
    static const QRegularExpression outcome(u"^(up-to-date|failed|rejected|staged) from "_s);
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const auto m = form.match(QString::fromUtf8(raw));
        if (!m.hasMatch())
            continue;
        const double time = m.captured(1).toDouble();
        const QString message = m.captured(3);
        if (m.captured(2) == u"passerelle.main" && message.startsWith(u"starting again"_s))
            ++log.m_restarts;
        if (m.captured(2) == u"passerelle.sync.usb") {
            if (message.startsWith(u"pack folder appeared: "_s))
                log.m_sticks.insert(message.mid(22), Stick{time});
            else if (message.startsWith(u"pack folder gone: "_s) && log.m_sticks.contains(message.mid(18)))
                log.m_sticks[message.mid(18)].gone = time;
        }
        if (m.captured(2) != u"passerelle.sync")
            continue;
        if (message.startsWith(u"checking "_s)) {
            log.m_checks.append(Check{time, time, {}});
        } else if (outcome.match(message).hasMatch() && !log.m_checks.isEmpty()) {
            log.m_checks.last().end = time;
            log.m_checks.last().outcomes.append(message);
            const QString from = message.section(u" from "_s, 1).section(u" : "_s, 0, 0);
            if (auto stick = log.m_sticks.find(from); stick != log.m_sticks.end() && stick->read < 0)
                stick->read = time;
        }
    }
    return log;
}

void SoakLog::printSyncFigures(QTextStream &out, const QList<SoakPhase> &phases) const
{
    int staged = 0, stagedUsb = 0, rejected = 0, failed = 0, upToDate = 0;
    const Check *longest = nullptr;
    for (const Check &c : m_checks) {
        for (const QString &o : c.outcomes) {
            if (o.startsWith(u"staged from /"_s))
                ++stagedUsb;
            else if (o.startsWith(u"staged"_s))
                ++staged;
            else if (o.startsWith(u"rejected"_s))
                ++rejected;
            else if (o.startsWith(u"failed"_s))
                ++failed;
            else
                ++upToDate;
        }
        if (!longest || c.end - c.start > longest->end - longest->start)
            longest = &c;
    }
    auto row = [&](const QString &what, const QString &value) {
        out << qSetFieldWidth(58) << Qt::left << what << qSetFieldWidth(0) << value.rightJustified(9) << Qt::endl;
    };
    row(u"sync checks started"_s, QString::number(m_checks.size()));
    row(u"outcomes: staged over HTTP / from a stick"_s, u"%1 / %2"_s.arg(staged).arg(stagedUsb));
    row(u"outcomes: rejected / failed / up to date"_s, u"%1 / %2 / %3"_s.arg(rejected).arg(failed).arg(upToDate));
    // Sync must never keep a stick waiting for an HTTP check (issue 15, item 2).
    int read = 0;
    double longestWait = 0;
    for (const Stick &st : m_sticks) {
        read += st.read >= 0 ? 1 : 0;
        const double until = st.read >= 0 ? st.read : (st.gone >= 0 ? st.gone : st.appeared);
        longestWait = std::max(longestWait, until - st.appeared);
    }
    row(u"sticks the syncer read before they were pulled"_s, u"%1 of %2"_s.arg(read).arg(m_sticks.size()));
    row(u"longest wait of a stick for the syncer"_s, QString::number(longestWait, 'f', 1) + u" s"_s);
    if (!longest)
        return;
    QString during = u"?"_s;
    for (const SoakPhase &p : phases)
        if (longest->start * 1000 >= p.startMs && longest->start * 1000 < p.endMs)
            during = p.name;
    row(u"longest check (started in a %1 phase)"_s.arg(during),
        QString::number(longest->end - longest->start, 'f', 1) + u" s"_s);
    if (!longest->outcomes.isEmpty())
        out << "  it ended: " << longest->outcomes.last().left(160) << Qt::endl;
}

} // namespace passerelle::bench
