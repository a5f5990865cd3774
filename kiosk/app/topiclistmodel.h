#pragma once

#include "contentlistmodel.h"

namespace passerelle {

/** The pack's topics. Roles: topicId, title, pictogram, audio (the title spoken). */
class TopicListModel : public ContentListModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit TopicListModel(QObject *parent = nullptr);

protected:
    [[nodiscard]] QList<QVariantList> loadRows() const override;
};

} // namespace passerelle
