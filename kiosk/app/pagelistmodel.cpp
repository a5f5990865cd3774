#include "pagelistmodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "repository.h"

namespace passerelle {

PageListModel::PageListModel(QObject *parent) : ContentListModel({"pageId", "title", "pictogram", "code", "audio"}, parent) {}

void PageListModel::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    m_topic = topic;
    Q_EMIT topicChanged();
    reload();
}

void PageListModel::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
    reload();
}

QList<QVariantList> PageListModel::loadRows() const
{
    QList<QVariantList> rows;
    const bool rtl = content()->isRightToLeft(language());
    for (const PageSummary &p : content()->repository().pages(m_topic, m_status, language(), content()->today()))
        rows.append({p.id, withBaseDirection(p.title, rtl), p.pictogram, p.code, content()->audioFile(p.audio)});
    return rows;
}

} // namespace passerelle
