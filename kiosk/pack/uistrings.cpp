#include "uistrings.h"

#include <QFile>
#include <QSet>
#include <QXmlStreamReader>

namespace passerelle::content {

using namespace Qt::StringLiterals;

QString uiStringsFile(const QString &lang)
{
    return u"translations/passerelle_"_s + lang + u".ts"_s;
}

QList<UiString> uiStrings(const QString &lang)
{
    QList<UiString> out;
    QFile file(u":/ui-strings/passerelle_"_s + lang + u".ts"_s);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QSet<QString> seen;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText(QXmlStreamReader::SkipChildElements);
        } else if (xml.name() == u"translation") {
            const bool finished = xml.attributes().value(u"type"_s).isEmpty();
            const int line = int(xml.lineNumber());
            const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            if (finished && !text.isEmpty() && !text.contains(u'%') && !seen.contains(source)) {
                seen.insert(source);
                out.append({source, text, line});
            }
        }
    }
    return out;
}

} // namespace passerelle::content
