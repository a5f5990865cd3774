#include "pagemodel.h"

#include "bidi.h"
#include "contentcatalog.h"
#include "dateformat.h"
#include "repository.h"

namespace passerelle {

using namespace Qt::StringLiterals;

PageModel::PageModel(QObject *parent)
    : ContentListModel({"kind", "text", "pictogram", "target", "number", "serviceName", "serviceAddress",
                        "servicePhones", "audio"},
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
    m_found = page.has_value();
    m_title = page ? page->title : QString();
    m_code = page ? page->code : QString();
    m_pictogram = page ? page->pictogram : QString();
    m_textLanguage = page ? page->language : QString();
    m_review = page ? page->review : QString();
    m_verifiedText = page ? longDate(page->verified, language()) : QString();
    QList<QVariantList> rows;
    m_audioFiles.clear();
    if (!page)
        return rows;
    for (const Block &b : repo.blocks(page->key, language())) {
        QString serviceName, serviceAddress, servicePhones;
        if (b.kind == u"service") {
            if (const auto s = repo.service(b.target, language())) {
                serviceName = s->name;
                serviceAddress = QStringList{s->street, QString(s->postcode + u' ' + s->commune).trimmed()}.join(u", "_s);
                QStringList phones;
                for (const QString &p : s->phones)
                    phones.append(isolateLeftToRight(p));
                servicePhones = phones.join(u"  ·  "_s);
            }
        }
        const QString text = b.kind == u"phone" ? isolateLeftToRight(b.text) : isolateNumbers(b.text);
        const QString audio = b.audio.isEmpty() ? QString() : repo.pack().objectPath(b.audio);
        m_audioFiles.append(audio);
        rows.append({b.kind, text, b.pictogram, b.target, b.number, serviceName, serviceAddress, servicePhones, audio});
    }
    return rows;
}

} // namespace passerelle
