#pragma once

#include <QString>
#include <QStringList>

namespace passerelle {

/**
 * Opening hours as written in content ("mo-fr 09:30-13:00") read out in a language
 * with ICU: "lundi – vendredi : 09:30 – 13:00", "Monday – Friday: 9:30 AM – 1:00 PM",
 * "الاثنين – الجمعة: 9:30 ص – 1:00 م". A line that cannot be read is returned as is.
 */
[[nodiscard]] QString formatOpeningHours(const QString &hours, const QString &languageCode);
[[nodiscard]] QStringList formatOpeningHours(const QStringList &hours, const QString &languageCode);

} // namespace passerelle
