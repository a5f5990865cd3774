#include "problemlistmodel.h"

namespace passerelle {

using namespace Qt::StringLiterals;

ProblemListModel::ProblemListModel(QObject *parent) : QAbstractListModel(parent) {}

void ProblemListModel::setProblems(const Problems &problems)
{
    Problems errors;
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            errors.append(p);
    }
    const qsizetype before = m_errors.size();
    // A new build's list replaces the last one as a whole: nothing to keep row by row.
    beginResetModel();
    m_errors = std::move(errors);
    endResetModel();
    if (before != m_errors.size())
        Q_EMIT countChanged();
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size());
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &p = m_errors.at(index.row());
    switch (role) {
    case LocationRole:
        return location(p);
    case MessageRole:
        return p.message;
    case HintRole:
        return p.hint;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProblemListModel::roleNames() const
{
    return {{LocationRole, "location"}, {MessageRole, "message"}, {HintRole, "hint"}};
}

QString ProblemListModel::location(const Problem &problem)
{
    if (problem.file.isEmpty())
        return {};
    return problem.line > 0 ? problem.file + u':' + QString::number(problem.line) : problem.file;
}

} // namespace passerelle
