#pragma once

#include "contentlistmodel.h"

namespace passerelle {

/** The pack's languages, each by its own name. Roles: code, endonym, rightToLeft, fontFamily, greeting, audio (the name spoken), greetingAudio. */
class LanguageListModel : public ContentListModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit LanguageListModel(QObject *parent = nullptr);

protected:
    [[nodiscard]] QList<QVariantList> loadRows() const override;
};

} // namespace passerelle
