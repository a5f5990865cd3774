#include "searchmodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "repository.h"
#include "searchfold.h"

namespace passerelle {

SearchModel::SearchModel(QObject *parent) : ContentListModel({"pageId", "title", "pictogram", "code"}, parent) {}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    reload();
}

QList<QVariantList> SearchModel::loadRows() const
{
    QList<QVariantList> rows;
    const bool rtl = content()->isRightToLeft(language());
    for (const PageSummary &p : content()->repository().search(foldForSearch(m_query), language(), content()->today()))
        rows.append({p.id, withBaseDirection(p.title, rtl), p.pictogram, p.code});
    return rows;
}

} // namespace passerelle
