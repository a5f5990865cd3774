#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace passerelle {

class ContentCatalog;

/**
 * Base of the list models QML binds to: rows of values read from the pack for a
 * language. Subclasses name their roles and load their rows; this class reloads them
 * whenever the content or the language changes.
 */
class ContentListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("abstract base")
    Q_PROPERTY(passerelle::ContentCatalog *content READ content WRITE setContent NOTIFY contentChanged FINAL)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    explicit ContentListModel(QList<QByteArray> roles, QObject *parent = nullptr);

    [[nodiscard]] ContentCatalog *content() const { return m_content; }
    void setContent(ContentCatalog *content);
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] int count() const { return int(m_rows.size()); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    /** A row as a map of role name to value, for QML code that needs one row. */
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;

Q_SIGNALS:
    void contentChanged();
    void languageChanged();
    void countChanged();
    /** After every reload, whether or not the number of rows changed. */
    void reloaded();

protected:
    /** The rows for the current content and language, one value per role, in role order. */
    [[nodiscard]] virtual QList<QVariantList> loadRows() const = 0;
    /** Reloads the rows; subclasses call it when one of their own properties changes. */
    void reload();

private:
    QList<QByteArray> m_roles;
    QList<QVariantList> m_rows;
    ContentCatalog *m_content = nullptr;
    QString m_language;
};

} // namespace passerelle
