#include "statuslistmodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "repository.h"

#include <QCoreApplication>

namespace passerelle {

using namespace Qt::StringLiterals;

StatusListModel::StatusListModel(QObject *parent)
    : ContentListModel({"statusId", "title", "hint", "pictogram", "audio"}, parent)
{
}

QList<QVariantList> StatusListModel::loadRows() const
{
    QList<QVariantList> rows;
    const bool rtl = content()->isRightToLeft(language());
    for (const ResidenceStatus &s : content()->repository().statuses(language()))
        rows.append({s.id, withBaseDirection(s.title, rtl), withBaseDirection(s.hint, rtl), s.pictogram,
                     content()->audioFile(s.audio)});
    const QString unknown = QCoreApplication::translate("StatusListModel", "I don't know / I have no paper");
    rows.append({Repository::kUnknownStatus, unknown,
                 QCoreApplication::translate("StatusListModel", "General information, and where to ask."),
                 // The label's id: the slug of its source string (see kiosk/pack/textunits.cpp).
                 u"unknown-paper"_s, content()->labelAudio(u"i-don-t-know-i-have-no-paper"_s, language())});
    return rows;
}

} // namespace passerelle
