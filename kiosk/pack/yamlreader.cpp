#include "yamlreader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace passerelle::content {

using namespace Qt::StringLiterals;

QString toQString(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

bool isBlankYaml(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith('#'))
            return false;
    }
    return true;
}

YamlReader::YamlReader(const QString &file, const QByteArray &text, Problems &problems, int lineOffset)
    : m_file(file), m_problems(problems), m_lineOffset(lineOffset), m_rootLine(lineOffset + 1)
{
    try {
        m_root = YAML::Load(text.toStdString());
        m_ok = m_root.IsMap();
        checkDuplicateKeys();
        if (!m_ok)
            errorAt(m_rootLine, u"expected a YAML map of \"key: value\" lines"_s,
                    u"see content/FORMAT.md for the fields"_s);
    } catch (const YAML::Exception &e) {
        errorAt(e.mark.line + 1 + m_lineOffset, u"invalid YAML: "_s + QString::fromStdString(e.msg),
                u"check indentation, colons and quotes on that line"_s);
    }
}

void YamlReader::checkDuplicateKeys()
{
    // yaml-cpp 0.7 keeps every pair of a map and a lookup returns one of them, so a second
    // "title:" would silently win or lose. An alias is the anchor's node itself: maps and
    // sequences are walked once each (by their position in the text), so "*a" repeated
    // many times costs nothing.
    QSet<std::size_t> seen;
    QList<YAML::Node> pending{m_root};
    while (!pending.isEmpty()) {
        const YAML::Node node = pending.takeLast();
        if (!node.IsMap() && !node.IsSequence())
            continue;
        if (seen.contains(node.Mark().pos))
            continue;
        seen.insert(node.Mark().pos);
        if (node.IsSequence()) {
            for (const YAML::Node &item : node)
                pending.append(item);
            continue;
        }
        QHash<QString, int> firstLines;
        for (auto it = node.begin(); it != node.end(); ++it) {
            pending.append(it->second);
            if (!it->first.IsScalar())
                continue;
            const QString key = toQString(it->first);
            const int keyLine = line(it->first);
            const auto first = firstLines.constFind(key);
            if (first == firstLines.cend()) {
                firstLines.insert(key, keyLine);
                continue;
            }
            const QString where = *first == keyLine ? u"on this line"_s : u"(first on line %1)"_s.arg(*first);
            errorAt(keyLine, u"\"%1\" is given twice %2; only one of the values would be used"_s.arg(key, where),
                    u"keep the right \"%1\" and delete the other"_s.arg(key));
        }
    }
}

int YamlReader::line(const YAML::Node &node) const
{
    // A missing key of a const map is an invalid node, whose Mark() throws (found by
    // fuzz_packyaml: a pack.yaml without "version" ended `check` with an uncaught exception).
    if (!node.IsDefined())
        return m_rootLine;
    const YAML::Mark mark = node.Mark();
    return mark.line < 0 ? m_rootLine : mark.line + 1 + m_lineOffset;
}

void YamlReader::error(const YAML::Node &node, const QString &message, const QString &hint)
{
    errorAt(line(node), message, hint);
}

void YamlReader::errorAt(int line, const QString &message, const QString &hint)
{
    m_problems.append(Problem{m_file, line, message, hint});
}

void YamlReader::checkKeys(const YAML::Node &map, const QStringList &allowed)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = toQString(it->first);
        if (!allowed.contains(key))
            error(it->first, u"unknown field \"%1\""_s.arg(key),
                  u"known fields: "_s + allowed.join(u", "_s));
    }
}

QString YamlReader::text(const YAML::Node &map, const char *key, bool required, const QString &hint)
{
    const YAML::Node node = map[key];
    if (!node) {
        if (required)
            errorAt(line(map), u"missing field \"%1\""_s.arg(QLatin1String(key)), hint);
        return {};
    }
    if (!node.IsScalar()) {
        error(node, u"\"%1\" must be a single value"_s.arg(QLatin1String(key)), hint);
        return {};
    }
    return toQString(node).trimmed();
}

qint64 YamlReader::integer(const YAML::Node &map, const char *key, bool required, qint64 fallback)
{
    const QString value = text(map, key, required);
    if (value.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok) {
        error(map[key], u"\"%1\" must be a whole number, not \"%2\""_s.arg(QLatin1String(key), value));
        return fallback;
    }
    return n;
}

QStringList YamlReader::list(const YAML::Node &map, const char *key, bool required)
{
    const YAML::Node node = map[key];
    if (!node) {
        if (required)
            errorAt(line(map), u"missing field \"%1\""_s.arg(QLatin1String(key)),
                    u"write it as a list: %1: [a, b]"_s.arg(QLatin1String(key)));
        return {};
    }
    if (!node.IsSequence()) {
        error(node, u"\"%1\" must be a list like [a, b]"_s.arg(QLatin1String(key)));
        return {};
    }
    QStringList out;
    for (const YAML::Node &item : node) {
        if (!item.IsScalar()) {
            error(item, u"an entry of \"%1\" is not a single value"_s.arg(QLatin1String(key)));
            continue;
        }
        out.append(toQString(item).trimmed());
    }
    return out;
}

QDate YamlReader::date(const YAML::Node &map, const char *key, bool required)
{
    const QString value = text(map, key, required, u"write dates as YYYY-MM-DD"_s);
    if (value.isEmpty())
        return {};
    static const QRegularExpression form(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    const QDate d = QDate::fromString(value, Qt::ISODate);
    if (!form.match(value).hasMatch() || !d.isValid()) {
        error(map[key], u"\"%1\" is not a valid date: \"%2\""_s.arg(QLatin1String(key), value),
              u"write dates as YYYY-MM-DD, e.g. 2025-08-18"_s);
        return {};
    }
    return d;
}

Localized YamlReader::localized(const YAML::Node &map, const char *key, bool required, LocalizedLines *lines)
{
    const YAML::Node node = map[key];
    Localized out;
    if (!node) {
        if (required)
            errorAt(line(map), u"missing field \"%1\""_s.arg(QLatin1String(key)),
                    u"write it per language: %1: {fr: \"...\", en: \"...\"}"_s.arg(QLatin1String(key)));
        return out;
    }
    if (!node.IsMap()) {
        error(node, u"\"%1\" must give a text per language: {fr: \"...\", en: \"...\"}"_s.arg(QLatin1String(key)));
        return out;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->second.IsScalar()) {
            error(it->second, u"the %1 text of \"%2\" is not a single value"_s.arg(toQString(it->first), QLatin1String(key)));
            continue;
        }
        out.insert(toQString(it->first), toQString(it->second).trimmed());
        if (lines)
            lines->insert(toQString(it->first), line(it->second));
    }
    return out;
}

QString YamlReader::id(const YAML::Node &map, const char *key, const QString &pattern)
{
    const QString value = text(map, key, true);
    if (value.isEmpty())
        return {};
    const QRegularExpression form(u"^(?:"_s + pattern + u")$"_s);
    if (!form.match(value).hasMatch()) {
        error(map[key], u"\"%1\" is not a valid %2"_s.arg(value, QLatin1String(key)),
              u"use only "_s + pattern);
        return {};
    }
    return value;
}

} // namespace passerelle::content
