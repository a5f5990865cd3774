#pragma once

#include <QDateTime>

namespace passerelle::sync {

/**
 * The wall clock, behind an interface so tests can set it to 1970 or 2099. Sync decisions
 * never read it; it only dates the status file and raises expiry warnings.
 */
class Clock
{
public:
    virtual ~Clock();
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
};

/** The system's clock. */
class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime nowUtc() const override;
};

/** A clock that says what it is told. */
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now) : m_now(std::move(now)) {}
    [[nodiscard]] QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }

private:
    QDateTime m_now;
};

} // namespace passerelle::sync
