#include "dateformat.h"

#include "localeid.h"

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>

namespace passerelle {

QString longDate(const QDate &date, const QString &languageCode)
{
    if (!date.isValid())
        return {};
    const icu::Locale locale(localeIdForLanguage(languageCode).toLatin1().constData());
    std::unique_ptr<icu::DateFormat> format(
        icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
    if (!format)
        return date.toString(Qt::ISODate);
    format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    // Noon UTC, so that no time zone can move the date.
    const UDate when = double(QDateTime(date, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    icu::UnicodeString text;
    format->format(when, text);
    return QString(reinterpret_cast<const QChar *>(text.getBuffer()), text.length());
}

} // namespace passerelle
