#pragma once

#include <QDate>
#include <QString>

namespace passerelle {

/** A date written out in a language, e.g. "1 novembre 2026", "١ نوفمبر ٢٠٢٦" (ICU, long style). */
[[nodiscard]] QString longDate(const QDate &date, const QString &languageCode);

} // namespace passerelle
