#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace passerelle {

/** Something an editor or operator must act on: where it is, what is wrong, what to do. */
struct Problem
{
    enum class Severity { Error, Warning };

    QString file;
    int line = 0;
    QString message;
    QString hint;
    Severity severity = Severity::Error;

    /** "file:line: error: message (hint)", the form compilers and editors understand. */
    [[nodiscard]] QString toString() const;
};

using Problems = QList<Problem>;

[[nodiscard]] bool hasErrors(const Problems &problems);

/** A value, or the problem that kept us from producing it. */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Problem problem) : m_problem(std::move(problem)) {}

    [[nodiscard]] bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] T &value() { return *m_value; }
    [[nodiscard]] const T &value() const { return *m_value; }
    [[nodiscard]] T *operator->() { return &*m_value; }
    [[nodiscard]] const T *operator->() const { return &*m_value; }
    [[nodiscard]] const Problem &problem() const { return m_problem; }

private:
    std::optional<T> m_value;
    Problem m_problem;
};

/** Success, or the problem that kept us from it. */
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Problem problem) : m_problem(std::move(problem)), m_failed(true) {}

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Problem &problem() const { return m_problem; }

private:
    Problem m_problem;
    bool m_failed = false;
};

} // namespace passerelle
