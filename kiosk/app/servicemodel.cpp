#include "servicemodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "openinghours.h"
#include "qrcodeprovider.h"
#include "repository.h"

namespace passerelle {

using namespace Qt::StringLiterals;

std::optional<ServiceCard> serviceCard(const Repository &repository, const QString &id, const QString &lang,
                                       bool rightToLeft)
{
    const auto s = repository.service(id, lang);
    if (!s)
        return std::nullopt;
    ServiceCard card;
    card.hours = withBaseDirection(formatOpeningHours(s->hours, lang).join(u'\n'), rightToLeft);
    card.unverified = !s->unverified.isEmpty();
    card.name = withBaseDirection(s->name, rightToLeft);
    QStringList address{s->street, QString(s->postcode + u' ' + s->commune).trimmed()};
    address.removeAll(QString());
    card.address = withBaseDirection(address.join(u", "_s), rightToLeft);
    QStringList phones;
    for (const QString &p : s->phones)
        phones.append(isolateLeftToRight(p));
    card.phones = withBaseDirection(phones.join(u"  ·  "_s), rightToLeft);
    card.contact = serviceContactCard(s->name, s->phones, address.join(u", "_s), s->email, s->web);
    return card;
}

ServiceModel::ServiceModel(QObject *parent)
    : ContentListModel({"kind", "text", "pictogram", "target", "number", "serviceName", "serviceAddress",
                        "servicePhones", "serviceHours", "serviceContact", "serviceUnverified", "audio"},
                       parent)
{
}

void ServiceModel::setServiceId(const QString &id)
{
    if (id == m_serviceId)
        return;
    m_serviceId = id;
    Q_EMIT serviceIdChanged();
    reload();
}

QList<QVariantList> ServiceModel::loadRows() const
{
    const Repository &repo = content()->repository();
    const auto card = serviceCard(repo, m_serviceId, language(), content()->isRightToLeft(language()));
    const auto service = card ? repo.service(m_serviceId, language()) : std::nullopt;
    m_found = card.has_value();
    m_name = card ? card->name : QString();
    m_nameAudio = service ? content()->audioFile(service->audio) : QString();
    if (!card)
        return {};
    return {{u"service"_s, QString(), QString(), m_serviceId, 0, card->name, card->address, card->phones, card->hours,
             card->contact, card->unverified, QString()}};
}

} // namespace passerelle
