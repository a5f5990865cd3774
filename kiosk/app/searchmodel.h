#pragma once

#include "contentlistmodel.h"

namespace passerelle {

/**
 * Pages found by words typed by a social worker, in any language of the pack; accents,
 * case and Arabic diacritics do not matter. Roles: pageId, title, pictogram, code.
 */
class SearchModel : public ContentListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged FINAL)

public:
    explicit SearchModel(QObject *parent = nullptr);

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);

Q_SIGNALS:
    void queryChanged();

protected:
    [[nodiscard]] QList<QVariantList> loadRows() const override;

private:
    QString m_query;
};

} // namespace passerelle
