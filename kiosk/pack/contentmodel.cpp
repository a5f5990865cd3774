#include "contentmodel.h"

#include "sha256.h"

#include <algorithm>

namespace passerelle::content {

bool PackDecl::hasLanguage(const QString &code) const
{
    return std::any_of(languages.cbegin(), languages.cend(),
                       [&](const LanguageDecl &l) { return l.code == code; });
}

const TopicDecl *PackDecl::topic(const QString &id) const
{
    auto it = std::find_if(topics.cbegin(), topics.cend(), [&](const TopicDecl &t) { return t.id == id; });
    return it == topics.cend() ? nullptr : &*it;
}

QString BlockSource::hash() const
{
    const QString canonical = kind + QChar(0x1f) + text + QChar(0x1f) + pictogram + QChar(0x1f) + target;
    return sha256Hex(canonical.toUtf8()).left(12);
}

const ServiceDecl *ContentSet::service(const QString &id) const
{
    auto it = std::find_if(services.cbegin(), services.cend(), [&](const ServiceDecl &s) { return s.id == id; });
    return it == services.cend() ? nullptr : &*it;
}

bool ContentSet::hasStatus(const QString &id) const
{
    return std::any_of(statuses.cbegin(), statuses.cend(), [&](const StatusDecl &s) { return s.id == id; });
}

const PageFile *ContentSet::sourcePage(const PageFile &translation) const
{
    const QString source = pack.sourceLanguage();
    auto it = std::find_if(pages.cbegin(), pages.cend(), [&](const PageFile &p) {
        return p.lang == source && p.stem == translation.stem && p.folderTopic == translation.folderTopic;
    });
    return it == pages.cend() ? nullptr : &*it;
}

} // namespace passerelle::content
