#include "contentlistmodel.h"

#include "contentcatalog.h"

namespace passerelle {

ContentListModel::ContentListModel(QList<QByteArray> roles, QObject *parent)
    : QAbstractListModel(parent), m_roles(std::move(roles))
{
}

void ContentListModel::setContent(ContentCatalog *content)
{
    if (content == m_content)
        return;
    if (m_content)
        disconnect(m_content, nullptr, this, nullptr);
    m_content = content;
    if (m_content) {
        connect(m_content, &ContentCatalog::packChanged, this, &ContentListModel::reload);
        connect(m_content, &ContentCatalog::todayChanged, this, &ContentListModel::reload);
    }
    Q_EMIT contentChanged();
    reload();
}

void ContentListModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    Q_EMIT languageChanged();
    reload();
}

int ContentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ContentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = role - Qt::UserRole;
    const QVariantList &row = m_rows.at(index.row());
    return column >= 0 && column < row.size() ? row.at(column) : QVariant();
}

QHash<int, QByteArray> ContentListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + i, m_roles.at(i));
    return names;
}

QVariantMap ContentListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_rows.size())
        return map;
    for (int i = 0; i < m_roles.size(); ++i)
        map.insert(QString::fromLatin1(m_roles.at(i)), m_rows.at(row).value(i));
    return map;
}

void ContentListModel::reload()
{
    QList<QVariantList> rows = (m_content && !m_language.isEmpty()) ? loadRows() : QList<QVariantList>();
    const qsizetype before = m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
    Q_EMIT reloaded();
}

} // namespace passerelle
