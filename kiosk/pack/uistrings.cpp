#include "uistrings.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QXmlStreamReader>

namespace passerelle::content {

using namespace Qt::StringLiterals;

QString uiStringsFile(const QString &lang)
{
    return u"translations/passerelle_"_s + lang + u".ts"_s;
}

namespace {

/** Every finished translation of the file, "%1" ones included, each source once, in file order. */
QList<UiString> readUiStrings(const QString &lang)
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
            if (finished && !text.isEmpty() && !seen.contains(source)) {
                seen.insert(source);
                out.append({source, text, line});
            }
        }
    }
    return out;
}

QList<UiString> allUiStrings(const QString &lang)
{
    // The files are built into the program and never change: each is read once, since
    // textUnits() is asked for every language by check, report, speech and build, and the
    // preview builds on another thread.
    static QMutex mutex;
    static QHash<QString, QList<UiString>> read;
    const QMutexLocker lock(&mutex);
    auto it = read.find(lang);
    if (it == read.end())
        it = read.insert(lang, readUiStrings(lang));
    return it.value();
}

} // namespace

QList<UiString> uiStrings(const QString &lang)
{
    QList<UiString> out;
    for (const UiString &s : allUiStrings(lang)) {
        if (!s.text.contains(u'%'))
            out.append(s);
    }
    return out;
}

UiString uiTranslation(const QString &lang, const QString &source)
{
    for (const UiString &s : allUiStrings(lang)) {
        if (s.source == source)
            return s;
    }
    return {source, QString(), 0};
}

} // namespace passerelle::content
