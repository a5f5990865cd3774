#pragma once

#include "problem.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace passerelle {

/**
 * The errors of the last preview build, as the preview's panel lists them. Roles:
 * location ("content/pages/health/amu.fr.md:14"), message, hint (what to do; may be empty).
 */
class ProblemListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the preview fills it")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role { LocationRole = Qt::UserRole, MessageRole, HintRole };

    explicit ProblemListModel(QObject *parent = nullptr);

    /** Shows the errors of problems, in their order; warnings are left out. */
    void setProblems(const Problems &problems);
    [[nodiscard]] int count() const { return int(m_errors.size()); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** "file:line", "file" or "" : where an editor goes to fix a problem. */
    [[nodiscard]] static QString location(const Problem &problem);

Q_SIGNALS:
    void countChanged();

private:
    Problems m_errors;
};

} // namespace passerelle
