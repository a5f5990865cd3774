#pragma once

#include <QString>

#include <optional>

namespace passerelle {

class Repository;

/**
 * A screen of the kiosk: a kind and, for a topic, a page or a service, the id of what
 * it shows. Written "home", "language", "topic/<id>", "page/<id>", "service/<id>"...: what
 * --route takes, --screenshot renders, a page code resolves to and the preview keeps.
 */
class Route
{
public:
    enum class Kind { Attract, Home, Language, Status, Emergency, Staff, Topic, Page, Service };

    /** The home screen. */
    Route() = default;
    /** A route without an id; Topic, Page and Service need one (see withId()). */
    explicit Route(Kind kind) : m_kind(kind) {}

    [[nodiscard]] static Route topic(const QString &id) { return Route(Kind::Topic, id); }
    [[nodiscard]] static Route page(const QString &id) { return Route(Kind::Page, id); }
    [[nodiscard]] static Route service(const QString &id) { return Route(Kind::Service, id); }
    /** The route of a kind and id, when they make one (an id exactly where the kind takes one, well formed). */
    [[nodiscard]] static std::optional<Route> make(Kind kind, const QString &id);

    /** "page/amu-steps" -> Page, "amu-steps"; nothing for an unknown kind or a malformed id. */
    [[nodiscard]] static std::optional<Route> parse(const QString &text);
    /** The written form parse() reads back. */
    [[nodiscard]] QString format() const;

    [[nodiscard]] Kind kind() const { return m_kind; }
    /** The topic, page or service id; empty for the other kinds. */
    [[nodiscard]] QString id() const { return m_id; }
    /** The kind as written: "home", "topic", "service"... */
    [[nodiscard]] QString kindName() const { return kindName(m_kind); }
    [[nodiscard]] static QString kindName(Kind kind);
    /** The page of the pack the emergency screen shows, for everyone: "emergency-numbers". */
    [[nodiscard]] static QString emergencyPageId();
    /** True for Topic, Page and Service: the kinds that name something of the pack. */
    [[nodiscard]] static bool takesId(Kind kind);

    /**
     * True when the pack has what the route shows: the topic, the page (in any version)
     * or the service. The kiosk's own screens are always there.
     */
    [[nodiscard]] bool existsIn(const Repository &repository) const;

    friend bool operator==(const Route &a, const Route &b) { return a.m_kind == b.m_kind && a.m_id == b.m_id; }
    friend bool operator!=(const Route &a, const Route &b) { return !(a == b); }

private:
    Route(Kind kind, QString id) : m_kind(kind), m_id(std::move(id)) {}

    Kind m_kind = Kind::Home;
    QString m_id;
};

} // namespace passerelle
