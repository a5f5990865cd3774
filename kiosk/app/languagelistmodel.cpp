#include "languagelistmodel.h"

#include "contentcatalog.h"
#include "repository.h"

namespace passerelle {

LanguageListModel::LanguageListModel(QObject *parent)
    : ContentListModel({"code", "endonym", "rightToLeft", "fontFamily", "greeting", "audio", "greetingAudio"}, parent)
{
}

QList<QVariantList> LanguageListModel::loadRows() const
{
    QList<QVariantList> rows;
    for (const LanguageInfo &l : content()->repository().languages())
        rows.append({l.code, l.endonym, l.rightToLeft, l.font, l.greeting.isEmpty() ? l.endonym : l.greeting,
                     content()->audioFile(l.audio),
                     content()->audioFile(l.greeting.isEmpty() ? l.audio : l.greetingAudio)});
    return rows;
}

} // namespace passerelle
