#include "route.h"

#include "repository.h"

#include <QRegularExpression>

#include <array>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

struct KindName
{
    Route::Kind kind;
    QLatin1StringView name;
};

constexpr std::array kKinds{
    KindName{Route::Kind::Attract, "attract"_L1},     KindName{Route::Kind::Home, "home"_L1},
    KindName{Route::Kind::Language, "language"_L1},   KindName{Route::Kind::Status, "status"_L1},
    KindName{Route::Kind::Emergency, "emergency"_L1}, KindName{Route::Kind::Staff, "staff"_L1},
    KindName{Route::Kind::Topic, "topic"_L1},         KindName{Route::Kind::Page, "page"_L1},
    KindName{Route::Kind::Service, "service"_L1},
};

// The ids passerelle-pack gives topics, pages and services (file names, lower case).
bool isWellFormedId(const QString &id)
{
    static const QRegularExpression form(u"^[a-z0-9][a-z0-9_-]*$"_s);
    return form.match(id).hasMatch();
}

} // namespace

QString Route::kindName(Kind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return k.name;
    }
    return {};
}

bool Route::takesId(Kind kind) { return kind == Kind::Topic || kind == Kind::Page || kind == Kind::Service; }

std::optional<Route> Route::make(Kind kind, const QString &id)
{
    if (takesId(kind) != !id.isEmpty() || (takesId(kind) && !isWellFormedId(id)))
        return std::nullopt;
    return Route(kind, id);
}

std::optional<Route> Route::parse(const QString &text)
{
    const qsizetype slash = text.indexOf(u'/');
    const QStringView name = slash < 0 ? QStringView(text) : QStringView(text).left(slash);
    const QString id = slash < 0 ? QString() : text.mid(slash + 1);
    for (const KindName &k : kKinds) {
        if (k.name == name)
            return (slash >= 0 && id.isEmpty()) ? std::nullopt : make(k.kind, id);
    }
    return std::nullopt;
}

QString Route::format() const { return takesId(m_kind) ? kindName() + u'/' + m_id : kindName(); }

QString Route::emergencyPageId()
{
    return QStringLiteral("emergency-numbers");
}

bool Route::existsIn(const Repository &repository) const
{
    switch (m_kind) {
    case Kind::Topic:
        return repository.topic(m_id, repository.sourceLanguage()).has_value();
    case Kind::Page:
        return repository.pageIds().contains(m_id);
    case Kind::Service:
        return repository.service(m_id, repository.sourceLanguage()).has_value();
    default:
        return true;
    }
}

} // namespace passerelle
