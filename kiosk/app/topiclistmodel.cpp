#include "topiclistmodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "repository.h"

namespace passerelle {

TopicListModel::TopicListModel(QObject *parent) : ContentListModel({"topicId", "title", "pictogram", "audio"}, parent) {}

QList<QVariantList> TopicListModel::loadRows() const
{
    QList<QVariantList> rows;
    const bool rtl = content()->isRightToLeft(language());
    for (const TopicInfo &t : content()->repository().topics(language()))
        rows.append({t.id, withBaseDirection(t.title, rtl), t.pictogram, content()->audioFile(t.audio)});
    return rows;
}

} // namespace passerelle
