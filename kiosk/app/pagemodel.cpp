#include "pagemodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "dateformat.h"
#include "openinghours.h"
#include "qrcodeprovider.h"
#include "repository.h"
#include "servicemodel.h"

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
        const ServiceCard service =
            b.kind == u"service" ? serviceCard(repo, b.target, language(), rtl).value_or(ServiceCard()) : ServiceCard();
        const QString text = b.kind == u"phone" ? isolateLeftToRight(b.text) : withBaseDirection(isolateNumbers(b.text), rtl);
        const QString audio = b.audio.isEmpty() ? QString() : repo.pack().objectPath(b.audio);
        m_audioFiles.append(audio);
        rows.append({b.kind, text, b.pictogram, b.target, b.number, service.name, service.address, service.phones,
                     service.hours, service.contact, service.unverified, audio});
    }
    return rows;
}

} // namespace passerelle
