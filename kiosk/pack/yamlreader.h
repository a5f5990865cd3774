#pragma once

#include "contentmodel.h"
#include "problem.h"

#include <yaml-cpp/yaml.h>

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace passerelle::content {

/**
 * Reads fields of one YAML document and records every problem with the file and
 * line, so a loader can report all mistakes of a file at once.
 */
class YamlReader
{
public:
    /**
     * Parses text; lineOffset is added to YAML's line numbers (front matter). A key
     * given twice in any map is an error.
     */
    YamlReader(const QString &file, const QByteArray &text, Problems &problems, int lineOffset = 0);

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const YAML::Node &root() const { return m_root; }
    [[nodiscard]] const QString &file() const { return m_file; }
    [[nodiscard]] int line(const YAML::Node &node) const;
    [[nodiscard]] Origin origin(const YAML::Node &node) const { return {m_file, line(node)}; }

    /** Reports keys of a map that are not in allowed. */
    void checkKeys(const YAML::Node &map, const QStringList &allowed);
    [[nodiscard]] QString text(const YAML::Node &map, const char *key, bool required,
                               const QString &hint = {});
    [[nodiscard]] qint64 integer(const YAML::Node &map, const char *key, bool required, qint64 fallback = 0);
    [[nodiscard]] QStringList list(const YAML::Node &map, const char *key, bool required);
    [[nodiscard]] QDate date(const YAML::Node &map, const char *key, bool required);
    /** A text per language; lines, when given, receives the line of each language's text. */
    [[nodiscard]] Localized localized(const YAML::Node &map, const char *key, bool required,
                                      LocalizedLines *lines = nullptr);
    /** An id made of allowed characters, e.g. [a-z0-9-]+. */
    [[nodiscard]] QString id(const YAML::Node &map, const char *key, const QString &pattern);

    void error(const YAML::Node &node, const QString &message, const QString &hint = {});
    void errorAt(int line, const QString &message, const QString &hint = {});

private:
    /** Reports every key given twice in a map, anywhere in the document. */
    void checkDuplicateKeys();

    QString m_file;
    Problems &m_problems;
    int m_lineOffset = 0;
    YAML::Node m_root;
    bool m_ok = false;
    int m_rootLine = 1;
};

[[nodiscard]] QString toQString(const YAML::Node &node);

/** True when a YAML file holds nothing but blank lines and comments (an empty map). */
[[nodiscard]] bool isBlankYaml(const QByteArray &text);

} // namespace passerelle::content
