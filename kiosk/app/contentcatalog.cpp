#include "contentcatalog.h"

#include "repository.h"

#include <QFileInfo>

namespace passerelle {

using namespace Qt::StringLiterals;

ContentCatalog::ContentCatalog(std::shared_ptr<const Repository> repository, QObject *parent)
    : QObject(parent), m_repository(std::move(repository))
{
    for (const LanguageInfo &l : m_repository->languages()) {
        if (l.rightToLeft)
            m_rightToLeft.append(l.code);
    }
}

bool ContentCatalog::isRightToLeft(const QString &language) const { return m_rightToLeft.contains(language); }

QString ContentCatalog::packId() const { return m_repository->pack().manifest().packId; }
qint64 ContentCatalog::packVersion() const { return m_repository->pack().manifest().version; }
QDate ContentCatalog::today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

void ContentCatalog::setToday(const QDate &date)
{
    if (date == m_today)
        return;
    m_today = date;
    Q_EMIT todayChanged();
}

QString ContentCatalog::pictogramLabel(const QString &name, const QString &language) const
{
    return m_repository->pictogramLabel(name, language);
}

QString ContentCatalog::topicAudio(const QString &topic, const QString &language) const
{
    const auto t = m_repository->topic(topic, language);
    return t ? audioFile(t->audio) : QString();
}

QString ContentCatalog::labelAudio(const QString &id, const QString &language) const
{
    return audioFile(m_repository->labelAudio(id, language));
}

bool ContentCatalog::isSyntheticAudio(const QString &file) const
{
    // A clip's file is named by its object hash (Pack::objectPath).
    // Read at the first clip a visitor hears, not at start-up: it scans every text table.
    if (!m_synthetic)
        m_synthetic = m_repository->syntheticAudio();
    return !file.isEmpty() && m_synthetic->contains(QFileInfo(file).fileName());
}

QString ContentCatalog::labelText(const QString &id, const QString &language) const
{
    return m_repository->labelText(id, language);
}

QString ContentCatalog::audioFile(const QString &sha256) const
{
    return sha256.isEmpty() ? QString() : m_repository->pack().objectPath(sha256);
}

QString ContentCatalog::topicTitle(const QString &topic, const QString &language) const
{
    const auto t = m_repository->topic(topic, language);
    return t ? t->title : QString();
}

std::optional<Route> ContentCatalog::routeForCode(const QString &code) const
{
    const QString id = m_repository->pageIdForCode(code);
    return id.isEmpty() ? std::nullopt : std::optional(Route::page(id));
}

bool ContentCatalog::hasRoute(const Route &route) const { return route.existsIn(*m_repository); }

QList<Route> ContentCatalog::routes() const
{
    QList<Route> out{Route(Route::Kind::Home), Route(Route::Kind::Language), Route(Route::Kind::Status)};
    for (const TopicInfo &t : m_repository->topics(m_repository->sourceLanguage()))
        out.append(Route::topic(t.id));
    for (const QString &id : m_repository->pageIds())
        out.append(Route::page(id));
    for (const QString &id : m_repository->serviceIds())
        out.append(Route::service(id));
    return out;
}

} // namespace passerelle
