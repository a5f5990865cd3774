#pragma once

#include "problem.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace passerelle {

/** A prepared statement; bind with 1-based indexes, read columns with 0-based ones. */
class SqliteStatement
{
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt *stmt);

    [[nodiscard]] bool isValid() const { return m_stmt != nullptr; }
    SqliteStatement &bind(int index, const QString &value);
    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bindNull(int index);

    /** Advances to the next row; false when there are no more rows (or on error). */
    bool next();
    /** Runs a statement that returns no rows; false on error. */
    bool exec();
    void reset();

    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    struct Finalizer { void operator()(sqlite3_stmt *stmt) const; };
    std::unique_ptr<sqlite3_stmt, Finalizer> m_stmt;
};

/** One SQLite connection with one owner. */
class SqliteDatabase
{
public:
    enum class Mode {
        /** Read-only, and the file is promised never to change (content-addressed objects). */
        ReadOnlyImmutable,
        ReadOnly,
        ReadWriteCreate,
    };

    static Result<SqliteDatabase> open(const QString &path, Mode mode);

    /** Runs one or more statements; on failure the problem names the database file. */
    [[nodiscard]] std::optional<Problem> exec(const QString &sql);
    /** An invalid statement on error; see lastError(). */
    [[nodiscard]] SqliteStatement prepare(const QString &sql) const;
    [[nodiscard]] QString lastError() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] sqlite3 *handle() const { return m_db.get(); }

private:
    struct Closer { void operator()(sqlite3 *db) const; };
    std::unique_ptr<sqlite3, Closer> m_db;
    QString m_path;
};

} // namespace passerelle
