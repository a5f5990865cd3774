#pragma once

#include "problem.h"
#include "sqlitedatabase.h"

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

namespace passerelle {

class Navigator;
class Repository;
class Session;

/** One anonymous count: how many screens of a topic were opened in a language on a day. */
struct UsageCount
{
    QDate day;
    QString topic;
    QString language;
    qint64 count = 0;

    friend bool operator==(const UsageCount &, const UsageCount &) = default;
};

/**
 * Anonymous usage counts, for the yearly report of the local coordination: per day,
 * topic and language, and nothing else (no time of day, no session, no sequence of
 * screens), in the kiosk's own small state database — never in the pack.
 */
class UsageCounters
{
public:
    static constexpr int kSchemaVersion = 1;
    /**
     * The smallest count an export shows as a number (k): below it a cell is "<k", so
     * one visitor (a rare language on a quiet day) is not singled out. Only raised.
     */
    static constexpr int kMinExportedCount = 5;
    /** The state database in a state directory. */
    [[nodiscard]] static QString databasePath(const QString &stateDirectory);

    /** Opens (creating or migrating) the database; refuses one of a newer schema. */
    static Result<std::unique_ptr<UsageCounters>> open(const QString &path);

    bool record(const QDate &day, const QString &topic, const QString &language);
    /** Counts from..to inclusive, by day, topic, language. */
    [[nodiscard]] QList<UsageCount> counts(const QDate &from, const QDate &to) const;
    [[nodiscard]] QList<UsageCount> allCounts() const;
    /**
     * Writes day,topic,language,count (RFC 4180, UTF-8), replacing the file atomically;
     * a count below minCount (never less than kMinExportedCount) is written "<minCount".
     */
    [[nodiscard]] std::optional<Problem> exportCsv(const QString &file, int minCount = kMinExportedCount) const;
    [[nodiscard]] QString path() const { return m_db.path(); }

private:
    explicit UsageCounters(SqliteDatabase db) : m_db(std::move(db)) {}
    [[nodiscard]] QList<UsageCount> query(const QString &sql, const QDate &from, const QDate &to) const;

    SqliteDatabase m_db;
};

/**
 * Counts the screens visitors open: each topic or page opened by going forward
 * (not by going back, not at a reset) adds one to its topic in the session's language
 * on today's date.
 */
class UsageRecorder : public QObject
{
    Q_OBJECT

public:
    using Today = std::function<QDate()>;
    UsageRecorder(UsageCounters &counters, const Repository &repository, const Navigator &navigator,
                  const Session &session, Today today = {}, QObject *parent = nullptr);

Q_SIGNALS:
    void recorded();

private:
    void onRouteChanged();

    UsageCounters &m_counters;
    const Repository &m_repository;
    const Navigator &m_navigator;
    const Session &m_session;
    Today m_today;
    int m_depth = 0;
};

/** Bars for a chart: one row per label with its count and its share of the largest. */
class UsageChartModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the staff controller")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged FINAL)
    Q_PROPERTY(qint64 total READ total NOTIFY countChanged FINAL)

public:
    enum Role { LabelRole = Qt::UserRole, CountRole, ShareRole };
    struct Bar
    {
        QString label;
        qint64 count = 0;
    };

    explicit UsageChartModel(QObject *parent = nullptr);
    void setBars(const QList<Bar> &bars);
    [[nodiscard]] qint64 total() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    QList<Bar> m_bars;
    qint64 m_max = 0;
};

} // namespace passerelle
