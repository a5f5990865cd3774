#include "openinghours.h"

#include "localeid.h"

#include <QRegularExpression>

#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

QString toQString(const icu::UnicodeString &text)
{
    return QString(reinterpret_cast<const QChar *>(text.getBuffer()), text.length());
}

/** ICU's weekday index (1 = Sunday ... 7 = Saturday) for a content day code. */
int icuWeekday(const QString &code)
{
    static const QStringList days{u"su"_s, u"mo"_s, u"tu"_s, u"we"_s, u"th"_s, u"fr"_s, u"sa"_s};
    return int(days.indexOf(code)) + 1;
}

class HoursFormatter
{
public:
    explicit HoursFormatter(const QString &languageCode)
        : m_locale(localeIdForLanguage(languageCode).toLatin1().constData())
    {
        UErrorCode status = U_ZERO_ERROR;
        m_symbols = std::make_unique<icu::DateFormatSymbols>(m_locale, status);
        if (U_FAILURE(status))
            m_symbols.reset();
        m_time.reset(icu::DateFormat::createTimeInstance(icu::DateFormat::kShort, m_locale));
        if (m_time)
            m_time->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
        // The locale's 24-hour clock, for "day and night" (see format()).
        std::unique_ptr<icu::DateTimePatternGenerator> generator(
            icu::DateTimePatternGenerator::createInstance(m_locale, status));
        if (U_SUCCESS(status))
            m_clock24 = generator->getBestPattern(icu::UnicodeString("Hm"), status);
        if (U_FAILURE(status) || m_clock24.isEmpty())
            m_clock24 = icu::UnicodeString("HH:mm");
    }

    /** Midnight on the 24-hour clock: "00:00" as an opening time, "24:00" as a closing one. */
    QString midnight(bool closing) const
    {
        icu::UnicodeString pattern = m_clock24;
        if (closing)
            pattern.findAndReplace(icu::UnicodeString("H"), icu::UnicodeString("k")); // k: hours 1-24
        UErrorCode status = U_ZERO_ERROR;
        icu::SimpleDateFormat format(pattern, m_locale, status);
        if (U_FAILURE(status))
            return closing ? u"24:00"_s : u"00:00"_s;
        format.adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
        icu::UnicodeString out;
        format.format(UDate(0), out);
        return toQString(out);
    }

    QString day(const QString &code) const
    {
        if (!m_symbols)
            return code;
        int32_t count = 0;
        const icu::UnicodeString *names = m_symbols->getWeekdays(count, icu::DateFormatSymbols::FORMAT,
                                                                 icu::DateFormatSymbols::WIDE);
        const int index = icuWeekday(code);
        return index > 0 && index < count ? toQString(names[index]) : code;
    }

    QString time(int hour, int minute) const
    {
        QString text;
        if (m_time) {
            icu::UnicodeString out;
            m_time->format(UDate((hour * 60 + minute) * 60 * 1000.0), out);
            text = toQString(out);
        } else {
            text = u"%1:%2"_s.arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
        }
        return text; // ICU already marks the direction of its right-to-left time formats
    }

    QString format(const QString &line) const
    {
        static const QRegularExpression form(
            u"^(mo|tu|we|th|fr|sa|su)(?:-(mo|tu|we|th|fr|sa|su))? (\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})$"_s);
        const auto m = form.match(line);
        if (!m.hasMatch())
            return line;
        QString days = day(m.captured(1));
        if (!m.captured(2).isEmpty())
            days += u" – "_s + day(m.captured(2));
        // Open day and night: on a 12-hour clock, "12:00 AM – 12:00 AM" would read as closed.
        if (m.captured(3) == u"00" && m.captured(4) == u"00" && m.captured(5) == u"24" && m.captured(6) == u"00")
            return days + u": "_s + midnight(false) + u" – "_s + midnight(true);
        const QString from = time(m.captured(3).toInt(), m.captured(4).toInt());
        const QString to = time(m.captured(5).toInt(), m.captured(6).toInt());
        return days + u": "_s + from + u" – "_s + to;
    }

private:
    icu::Locale m_locale;
    std::unique_ptr<icu::DateFormatSymbols> m_symbols;
    std::unique_ptr<icu::DateFormat> m_time;
    icu::UnicodeString m_clock24;
};

} // namespace

QString formatOpeningHours(const QString &hours, const QString &languageCode)
{
    return HoursFormatter(languageCode).format(hours);
}

QStringList formatOpeningHours(const QStringList &hours, const QString &languageCode)
{
    const HoursFormatter formatter(languageCode);
    QStringList out;
    for (const QString &line : hours)
        out.append(formatter.format(line));
    return out;
}

} // namespace passerelle
