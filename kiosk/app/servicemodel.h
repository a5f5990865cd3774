#pragma once

#include "contentlistmodel.h"

namespace passerelle {

class Repository;

/** A service as a card shows it: every text ready to draw in a language (see PageModel's service roles). */
struct ServiceCard
{
    QString name;
    QString address;
    QString phones;
    QString hours;
    QString contact; // a MECARD, for a QR code
    bool unverified = false;
};

/** The card of service id in lang, or nothing when the pack has no such service. */
[[nodiscard]] std::optional<ServiceCard> serviceCard(const Repository &repository, const QString &id, const QString &lang,
                                                     bool rightToLeft);

/**
 * One service on its own (the route service/<id>): one row with the roles of a page's
 * service block (kind "service", serviceName, serviceAddress, servicePhones,
 * serviceHours, serviceContact, serviceUnverified, audio), so the page's card draws it.
 */
class ServiceModel : public ContentListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString serviceId READ serviceId WRITE setServiceId NOTIFY serviceIdChanged FINAL)
    Q_PROPERTY(bool found READ found NOTIFY reloaded FINAL)
    Q_PROPERTY(QString name READ name NOTIFY reloaded FINAL)
    /** The name spoken in the language, empty when there is none. */
    Q_PROPERTY(QString nameAudio READ nameAudio NOTIFY reloaded FINAL)

public:
    explicit ServiceModel(QObject *parent = nullptr);

    [[nodiscard]] QString serviceId() const { return m_serviceId; }
    void setServiceId(const QString &id);
    [[nodiscard]] bool found() const { return m_found; }
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString nameAudio() const { return m_nameAudio; }

Q_SIGNALS:
    void serviceIdChanged();

protected:
    [[nodiscard]] QList<QVariantList> loadRows() const override;

private:
    QString m_serviceId;
    mutable bool m_found = false;
    mutable QString m_name;
    mutable QString m_nameAudio;
};

} // namespace passerelle
