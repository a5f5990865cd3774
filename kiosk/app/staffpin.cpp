#include "staffpin.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <sodium.h>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaff, "passerelle.staff")

namespace {

qint64 steadyNow()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

} // namespace

StaffPin::StaffPin(QString hash, Clock clock) : m_hash(std::move(hash)), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = steadyNow;
}

qint64 StaffPin::delayAfterFailures(int failures)
{
    if (failures <= 0)
        return 0;
    qint64 delay = kFirstDelayMs;
    for (int i = 1; i < failures && delay < kMaxDelayMs; ++i)
        delay *= 2;
    return std::min(delay, kMaxDelayMs);
}

qint64 StaffPin::msUntilNextAttempt() const
{
    return std::max<qint64>(0, m_nextAttemptAt - m_clock());
}

StaffPin::Outcome StaffPin::attempt(const QString &pin)
{
    if (!isConfigured())
        return Outcome::NotConfigured;
    if (msUntilNextAttempt() > 0)
        return Outcome::TooSoon;
    if (matches(pin, m_hash)) {
        m_failures = 0;
        m_nextAttemptAt = 0;
        qCInfo(lcStaff) << "staff PIN accepted";
        return Outcome::Accepted;
    }
    ++m_failures;
    m_nextAttemptAt = m_clock() + delayAfterFailures(m_failures);
    qCWarning(lcStaff) << "wrong staff PIN," << m_failures << "in a row; next try in"
                       << delayAfterFailures(m_failures) << "ms";
    return Outcome::Rejected;
}

std::optional<QString> StaffPin::checkForm(const QString &pin)
{
    if (pin.size() < kMinDigits || pin.size() > kMaxDigits)
        return u"a staff PIN has %1 to %2 digits"_s.arg(kMinDigits).arg(kMaxDigits);
    for (const QChar c : pin)
        if (c < u'0' || c > u'9')
            return u"a staff PIN has digits only"_s;
    return std::nullopt;
}

QString StaffPin::hash(const QString &pin)
{
    if (sodium_init() < 0)
        return {};
    const QByteArray utf8 = pin.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool StaffPin::matches(const QString &pin, const QString &hash)
{
    if (sodium_init() < 0 || hash.isEmpty())
        return false;
    const QByteArray utf8 = pin.toUtf8();
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

} // namespace passerelle
