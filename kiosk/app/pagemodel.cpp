#include "pagemodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "dateformat.h"
#include "openinghours.h"
#include "qrcodeprovider.h"
#include "repository.h"

namespace passerelle {

using namespace Qt::StringLiterals;

PageModel::PageModel(QObject *parent)
    : ContentListModel({"kind", "text", "pictogram", "target", "number", "serviceName", "serviceAddress",
                        "servicePhones", "serviceHours", "serviceContact", "serviceUnverified", "audio"},
                       parent)
{
}

void PageModel::setPageId(const QString &id)
{
    if (id == m_pageId)
        return;
    m_pageId = id;
    Q_EMIT pageIdChanged();
    reload();
}

QList<QVariantList> PageModel::loadRows() const
{
    const Repository &repo = content()->repository();
    const auto page = repo.page(m_pageId, language(), content()->today());
    const bool rtl = content()->isRightToLeft(language());
    m_found = page.has_value();
    m_title = page ? withBaseDirection(page->title, rtl) : QString();
    m_titleAudio = page ? content()->audioFile(page->audio) : QString();
    m_footerAudio = page ? content()->audioFile(page->footerAudio) : QString();
    m_code = page ? page->code : QString();
    m_pictogram = page ? page->pictogram : QString();
    m_textLanguage = page ? page->language : QString();
    m_review = page ? page->review : QString();
    m_verifiedText = page ? longDate(page->verified, language()) : QString();
    QList<QVariantList> rows;
    m_audioFiles.clear();
    m_webLink.clear();
    if (!page)
        return rows;
    // The web copy's address of a page (see passerelle-pack export-web).
    const QString base = repo.baseUrl();
    if (!base.isEmpty())
        m_webLink = base + (base.endsWith(u'/') ? u""_s : u"/"_s) + language() + u"/page/"_s + page->id + u".html"_s;
    for (const Block &b : repo.blocks(page->key, language())) {
        QString serviceName, serviceAddress, servicePhones, serviceHours, serviceContact;
        bool serviceUnverified = false;
        if (b.kind == u"service") {
            if (const auto s = repo.service(b.target, language())) {
                serviceHours = withBaseDirection(formatOpeningHours(s->hours, language()).join(u'\n'), rtl);
                serviceUnverified = !s->unverified.isEmpty();
                serviceName = withBaseDirection(s->name, rtl);
                QStringList address{s->street, QString(s->postcode + u' ' + s->commune).trimmed()};
                address.removeAll(QString());
                serviceAddress = withBaseDirection(address.join(u", "_s), rtl);
                QStringList phones;
                for (const QString &p : s->phones)
                    phones.append(isolateLeftToRight(p));
                servicePhones = withBaseDirection(phones.join(u"  ·  "_s), rtl);
                serviceContact = serviceContactCard(s->name, s->phones, address.join(u", "_s), s->email, s->web);
            }
        }
        const QString text = b.kind == u"phone" ? isolateLeftToRight(b.text) : withBaseDirection(isolateNumbers(b.text), rtl);
        const QString audio = b.audio.isEmpty() ? QString() : repo.pack().objectPath(b.audio);
        m_audioFiles.append(audio);
        rows.append({b.kind, text, b.pictogram, b.target, b.number, serviceName, serviceAddress, servicePhones,
                     serviceHours, serviceContact, serviceUnverified, audio});
    }
    return rows;
}

} // namespace passerelle
