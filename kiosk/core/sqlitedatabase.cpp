#include "sqlitedatabase.h"

#include <QUrl>

#include <sqlite3.h>

namespace passerelle {

using namespace Qt::StringLiterals;

void SqliteStatement::Finalizer::operator()(sqlite3_stmt *stmt) const { sqlite3_finalize(stmt); }
void SqliteDatabase::Closer::operator()(sqlite3 *db) const { sqlite3_close_v2(db); }

SqliteStatement::SqliteStatement(sqlite3_stmt *stmt) : m_stmt(stmt) {}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt.get(), index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt.get(), index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt.get(), index);
    return *this;
}

bool SqliteStatement::next()
{
    return m_stmt && sqlite3_step(m_stmt.get()) == SQLITE_ROW;
}

bool SqliteStatement::exec()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt.get());
    sqlite3_reset(m_stmt.get());
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt.get(), column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt.get(), column));
}

qint64 SqliteStatement::integer(int column) const { return sqlite3_column_int64(m_stmt.get(), column); }
double SqliteStatement::real(int column) const { return sqlite3_column_double(m_stmt.get(), column); }
bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

Result<SqliteDatabase> SqliteDatabase::open(const QString &path, Mode mode)
{
    SqliteDatabase db;
    db.m_path = path;
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    QUrl uri = QUrl::fromLocalFile(path);
    uri.setScheme(u"file"_s);
    switch (mode) {
    case Mode::ReadOnlyImmutable:
        flags |= SQLITE_OPEN_READONLY;
        uri.setQuery(u"immutable=1"_s);
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(uri.toEncoded().constData(), &raw, flags, nullptr);
    db.m_db.reset(raw);
    if (rc != SQLITE_OK) {
        return Problem{path, 0, u"cannot open database: "_s + QString::fromUtf8(sqlite3_errstr(rc)),
                       u"check that the file exists and is readable"_s};
    }
    sqlite3_extended_result_codes(raw, 1);
    return db;
}

std::optional<Problem> SqliteDatabase::exec(const QString &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db.get(), sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return std::nullopt;
    Problem problem{m_path, 0, QString::fromUtf8(message), {}};
    sqlite3_free(message);
    return problem;
}

SqliteStatement SqliteDatabase::prepare(const QString &sql) const
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db.get(), utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return {};
    return SqliteStatement(stmt);
}

QString SqliteDatabase::lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db.get())); }

} // namespace passerelle
