#include "topiclistmodel.h"

#include "contentcatalog.h"
#include "repository.h"

namespace passerelle {

TopicListModel::TopicListModel(QObject *parent) : ContentListModel({"topicId", "title", "pictogram"}, parent) {}

QList<QVariantList> TopicListModel::loadRows() const
{
    QList<QVariantList> rows;
    for (const TopicInfo &t : content()->repository().topics(language()))
        rows.append({t.id, t.title, t.pictogram});
    return rows;
}

} // namespace passerelle
