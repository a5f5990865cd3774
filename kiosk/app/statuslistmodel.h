#pragma once

#include "contentlistmodel.h"

namespace passerelle {

/**
 * The residence statuses, by the document their holder carries, followed by the
 * "I don't know / no paper" choice. Roles: statusId, title, hint, pictogram, audio (the title spoken).
 */
class StatusListModel : public ContentListModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit StatusListModel(QObject *parent = nullptr);

protected:
    [[nodiscard]] QList<QVariantList> loadRows() const override;
};

} // namespace passerelle
