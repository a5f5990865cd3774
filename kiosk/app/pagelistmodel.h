#pragma once

#include "contentlistmodel.h"

namespace passerelle {

/**
 * The pages of a topic that apply to a residence status and are in force today.
 * Roles: pageId, title, pictogram, code, audio (the title spoken).
 */
class PageListModel : public ContentListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString topic READ topic WRITE setTopic NOTIFY topicChanged FINAL)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY statusChanged FINAL)

public:
    explicit PageListModel(QObject *parent = nullptr);

    [[nodiscard]] QString topic() const { return m_topic; }
    void setTopic(const QString &topic);
    [[nodiscard]] QString status() const { return m_status; }
    void setStatus(const QString &status);

Q_SIGNALS:
    void topicChanged();
    void statusChanged();

protected:
    [[nodiscard]] QList<QVariantList> loadRows() const override;

private:
    QString m_topic;
    QString m_status;
};

} // namespace passerelle
