#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace passerelle {

/**
 * The staff PIN: checked against its crypto_pwhash_str hash (Argon2id), with a delay
 * that doubles after each wrong PIN (1 s, 2 s, 4 s, ... capped at kMaxDelayMs), so a
 * passer-by cannot try every PIN. A right PIN clears the count. The count is kept in
 * memory only: restarting the kiosk takes an operator, who has the PIN anyway.
 */
class StaffPin
{
public:
    static constexpr qint64 kFirstDelayMs = 1000;
    static constexpr qint64 kMaxDelayMs = 5 * 60 * 1000;
    static constexpr int kMinDigits = 6;
    static constexpr int kMaxDigits = 12;

    /** Milliseconds on a monotonic clock; tests pass a fake one. */
    using Clock = std::function<qint64()>;

    enum class Outcome {
        Accepted,
        Rejected,
        /** Asked before the delay after the last wrong PIN ran out: not even checked. */
        TooSoon,
        /** No PIN is configured: the staff screen cannot be opened. */
        NotConfigured,
    };

    explicit StaffPin(QString hash, Clock clock = {});

    [[nodiscard]] bool isConfigured() const { return !m_hash.isEmpty(); }
    Outcome attempt(const QString &pin);
    [[nodiscard]] int failures() const { return m_failures; }
    /** 0 when a PIN may be tried now. */
    [[nodiscard]] qint64 msUntilNextAttempt() const;

    /** The wait after n wrong PINs in a row: 0, 1 s, 2 s, 4 s, ... up to kMaxDelayMs. */
    [[nodiscard]] static qint64 delayAfterFailures(int failures);
    /** Why a PIN cannot be used (not 6 to 12 digits), or nullopt. */
    [[nodiscard]] static std::optional<QString> checkForm(const QString &pin);
    /** crypto_pwhash_str (Argon2id, interactive limits) of a PIN; empty on failure. */
    [[nodiscard]] static QString hash(const QString &pin);
    /** True when pin matches a hash made by hash(). */
    [[nodiscard]] static bool matches(const QString &pin, const QString &hash);

private:
    QString m_hash;
    Clock m_clock;
    int m_failures = 0;
    qint64 m_nextAttemptAt = 0;
};

} // namespace passerelle
