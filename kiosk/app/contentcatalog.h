#pragma once

#include <QDate>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include "route.h"

#include <memory>
#include <optional>

namespace passerelle {

class Repository;

/** The active pack as QML sees it: what it is, and lookups that are not lists. */
class ContentCatalog : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString packId READ packId NOTIFY packChanged FINAL)
    Q_PROPERTY(qint64 packVersion READ packVersion NOTIFY packChanged FINAL)
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY todayChanged FINAL)

public:
    explicit ContentCatalog(std::shared_ptr<const Repository> repository, QObject *parent = nullptr);

    [[nodiscard]] const Repository &repository() const { return *m_repository; }
    [[nodiscard]] QString packId() const;
    [[nodiscard]] qint64 packVersion() const;
    /** The date that decides which version of a dated rule is shown; today unless set. */
    [[nodiscard]] QDate today() const;
    void setToday(const QDate &date);

    Q_INVOKABLE [[nodiscard]] QString pictogramLabel(const QString &name, const QString &language) const;
    /**
     * The audio file of one of the kiosk's labels spoken in language, or empty. id is the
     * label's id, the slug of its qsTr source ("home", "emergency"), never the text shown.
     */
    Q_INVOKABLE [[nodiscard]] QString labelAudio(const QString &id, const QString &language) const;
    /** What labelAudio(id, language) says, as text: a control's accessible name is that (tests). */
    Q_INVOKABLE [[nodiscard]] QString labelText(const QString &id, const QString &language) const;
    /** True when file is a clip of the pack made by speech synthesis (not a human recording). */
    [[nodiscard]] bool isSyntheticAudio(const QString &file) const;
    /** The file of an audio object of the pack, or empty for an empty hash. */
    [[nodiscard]] QString audioFile(const QString &sha256) const;
    /** True for a language written right to left (read from the pack once). */
    Q_INVOKABLE [[nodiscard]] bool isRightToLeft(const QString &language) const;
    Q_INVOKABLE [[nodiscard]] QString topicTitle(const QString &topic, const QString &language) const;
    /** The audio file of a topic's title spoken in language, or empty. */
    Q_INVOKABLE [[nodiscard]] QString topicAudio(const QString &topic, const QString &language) const;
    /** The route of a page by its short code (e.g. "S2"), or nothing. */
    [[nodiscard]] std::optional<Route> routeForCode(const QString &code) const;
    /** True when the pack has what the route shows (Route::existsIn). */
    [[nodiscard]] bool hasRoute(const Route &route) const;
    /** Every route of the pack: what --self-test and the gallery visit. */
    [[nodiscard]] QList<Route> routes() const;

Q_SIGNALS:
    void packChanged();
    void todayChanged();

private:
    std::shared_ptr<const Repository> m_repository;
    QDate m_today;
    QStringList m_rightToLeft;
    mutable std::optional<QSet<QString>> m_synthetic; // object hashes, read on first use
};

} // namespace passerelle
