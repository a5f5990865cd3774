#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QTextStream>

namespace passerelle::bench {

/** A phase of the soak, in milliseconds since the kiosk was started. */
struct SoakPhase
{
    QString name;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

/**
 * What the kiosk's log (QT_MESSAGE_PATTERN "%{time process} %{category}: %{message}")
 * says about its sync: the checks, their outcomes and how long each took.
 */
class SoakLog
{
public:
    static SoakLog read(const QString &file);

    [[nodiscard]] bool hasCheck() const { return !m_checks.isEmpty(); }
    /** Switches to a new pack and starts again on it (an exec: a fresh process image). */
    [[nodiscard]] int restarts() const { return m_restarts; }
    void printSyncFigures(QTextStream &out, const QList<SoakPhase> &phases) const;

private:
    struct Check
    {
        double start = 0;
        double end = 0;
        QStringList outcomes; // "staged from ...", "rejected from ...", ...
    };
    struct Stick
    {
        double appeared = 0;
        double gone = -1;
        double read = -1; // its first outcome line; -1: never read
    };
    QList<Check> m_checks;
    QMap<QString, Stick> m_sticks; // by pack folder
    int m_restarts = 0;
};

} // namespace passerelle::bench
