#include "contentloader.h"

#include "markdownblocks.h"
#include "yamlreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

const QString kIdPattern = u"[a-z0-9][a-z0-9-]*"_s;
const QString kStatusPattern = u"[a-z0-9][a-z0-9_]*"_s;

QByteArray readFile(const QString &path, Problems &problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems.append(Problem{path, 0, u"cannot read the file: "_s + file.errorString(), {}});
        return {};
    }
    return file.readAll();
}

/** Files of a folder with a suffix, sorted by name so every build sees the same order. */
QStringList filesIn(const QString &dir, const QString &pattern)
{
    QStringList out;
    const QDir d(dir);
    for (const QString &name : d.entryList({pattern}, QDir::Files, QDir::Name))
        out.append(d.filePath(name));
    return out;
}

void loadPackYaml(ContentSet &set, const QString &path, Problems &problems)
{
    YamlReader r(path, readFile(path, problems), problems);
    if (!r.ok())
        return;
    const YAML::Node &root = r.root();
    r.checkKeys(root, {u"id"_s, u"version"_s, u"valid_days"_s, u"base_url"_s, u"languages"_s, u"topics"_s});
    PackDecl &pack = set.pack;
    pack.origin = {path, 1};
    pack.id = r.id(root, "id", kIdPattern);
    pack.version = r.integer(root, "version", true);
    if (pack.version < 1 && root["version"]) // a missing one is reported already
        r.error(root["version"], u"\"version\" must be 1 or more"_s, u"increase it for every published pack"_s);
    pack.validDays = int(r.integer(root, "valid_days", false, 365));
    pack.baseUrl = r.text(root, "base_url", false);

    const YAML::Node languages = root["languages"];
    if (!languages || !languages.IsSequence() || languages.size() == 0) {
        r.error(root, u"\"languages\" must list at least the source language"_s,
                u"e.g. languages: [{code: fr, endonym: Français, direction: ltr, font: Noto Sans}]"_s);
    } else {
        for (const YAML::Node &node : languages) {
            if (!node.IsMap()) {
                r.error(node, u"each language must be a map"_s);
                continue;
            }
            r.checkKeys(node, {u"code"_s, u"endonym"_s, u"direction"_s, u"font"_s, u"voice"_s, u"greeting"_s});
            LanguageDecl l;
            l.origin = r.origin(node);
            l.code = r.id(node, "code", u"[a-z]{2,3}"_s);
            l.endonym = r.text(node, "endonym", true);
            l.direction = r.text(node, "direction", true);
            if (!l.direction.isEmpty() && l.direction != u"ltr" && l.direction != u"rtl")
                r.error(node["direction"], u"direction must be ltr or rtl"_s);
            l.font = r.text(node, "font", true);
            l.voice = r.text(node, "voice", false);
            l.greeting = r.text(node, "greeting", false);
            if (pack.hasLanguage(l.code))
                r.error(node, u"language %1 is listed twice"_s.arg(l.code));
            pack.languages.append(l);
        }
    }

    const YAML::Node topics = root["topics"];
    if (!topics || !topics.IsSequence() || topics.size() == 0) {
        r.error(root, u"\"topics\" must list the topics"_s);
        return;
    }
    for (const YAML::Node &node : topics) {
        if (!node.IsMap()) {
            r.error(node, u"each topic must be a map"_s);
            continue;
        }
        r.checkKeys(node, {u"id"_s, u"code"_s, u"pictogram"_s, u"title"_s});
        TopicDecl t;
        t.origin = r.origin(node);
        t.id = r.id(node, "id", kIdPattern);
        t.code = r.id(node, "code", u"[A-Z]"_s);
        t.pictogram = r.text(node, "pictogram", true);
        t.titles = r.localized(node, "title", true, &t.titleLines);
        pack.topics.append(t);
    }
}

void loadStatus(ContentSet &set, const QString &path, Problems &problems)
{
    YamlReader r(path, readFile(path, problems), problems);
    if (!r.ok())
        return;
    const YAML::Node &root = r.root();
    r.checkKeys(root, {u"id"_s, u"order"_s, u"pictogram"_s, u"documents"_s, u"title"_s, u"hint"_s});
    StatusDecl s;
    s.origin = {path, 1};
    s.id = r.id(root, "id", kStatusPattern);
    if (!s.id.isEmpty() && s.id != QFileInfo(path).completeBaseName())
        r.error(root["id"], u"id \"%1\" differs from the file name"_s.arg(s.id),
                u"name the file statuses/%1.yaml"_s.arg(s.id));
    s.order = int(r.integer(root, "order", true));
    s.pictogram = r.text(root, "pictogram", true);
    s.documents = r.list(root, "documents", false);
    s.titles = r.localized(root, "title", true, &s.titleLines);
    s.hints = r.localized(root, "hint", false, &s.hintLines);
    for (auto it = root.begin(); it != root.end(); ++it)
        s.fieldLines.insert(toQString(it->first), r.line(it->first));
    set.statuses.append(s);
}

void loadService(ContentSet &set, const QString &path, Problems &problems)
{
    YamlReader r(path, readFile(path, problems), problems);
    if (!r.ok())
        return;
    const YAML::Node &root = r.root();
    r.checkKeys(root, {u"id"_s, u"kind"_s, u"name"_s, u"address"_s, u"geo"_s, u"phones"_s, u"email"_s,
                       u"web"_s, u"hours"_s, u"languages"_s, u"unverified"_s, u"sources"_s, u"verified"_s});
    ServiceDecl s;
    s.origin = {path, 1};
    s.id = r.id(root, "id", kIdPattern);
    if (!s.id.isEmpty() && s.id != QFileInfo(path).completeBaseName())
        r.error(root["id"], u"id \"%1\" differs from the file name"_s.arg(s.id),
                u"name the file services/%1.yaml"_s.arg(s.id));
    s.kind = r.text(root, "kind", true);
    s.names = r.localized(root, "name", true, &s.nameLines);
    if (const YAML::Node address = root["address"]) {
        if (address.IsMap()) {
            r.checkKeys(address, {u"street"_s, u"postcode"_s, u"commune"_s});
            s.street = r.text(address, "street", false);
            s.postcode = r.text(address, "postcode", false);
            s.commune = r.text(address, "commune", false);
        } else {
            r.error(address, u"\"address\" must be a map: {street: ..., postcode: ..., commune: ...}"_s);
        }
    }
    const QStringList geo = r.list(root, "geo", false);
    if (!geo.isEmpty()) {
        bool okLat = false, okLon = false;
        s.latitude = geo.value(0).toDouble(&okLat);
        s.longitude = geo.value(1).toDouble(&okLon);
        s.hasGeo = geo.size() == 2 && okLat && okLon && qAbs(s.latitude) <= 90 && qAbs(s.longitude) <= 180;
        if (!s.hasGeo)
            r.error(root["geo"], u"\"geo\" must be [latitude, longitude] in degrees"_s);
    }
    s.phones = r.list(root, "phones", false);
    s.email = r.text(root, "email", false);
    s.web = r.text(root, "web", false);
    s.hours = r.list(root, "hours", false);
    s.languages = r.list(root, "languages", false);
    s.unverified = r.list(root, "unverified", false);
    s.sources = r.list(root, "sources", false);
    s.verified = r.date(root, "verified", true);
    for (auto it = root.begin(); it != root.end(); ++it)
        s.fieldLines.insert(toQString(it->first), r.line(it->first));
    set.services.append(s);
}

void loadPictogramNames(ContentSet &set, const QString &path, Problems &problems)
{
    if (!QFileInfo::exists(path))
        return;
    YamlReader r(path, readFile(path, problems), problems);
    if (!r.ok())
        return;
    set.pictogramNamesOrigin = {path, 1};
    for (auto it = r.root().begin(); it != r.root().end(); ++it) {
        const QString name = toQString(it->first);
        if (!it->second.IsMap()) {
            r.error(it->second, u"the names of \"%1\" must be {fr: \"...\", en: \"...\"}"_s.arg(name));
            continue;
        }
        Localized names;
        LocalizedLines lines;
        for (auto n = it->second.begin(); n != it->second.end(); ++n) {
            names.insert(toQString(n->first), toQString(n->second).trimmed());
            lines.insert(toQString(n->first), r.line(n->second));
        }
        set.pictogramNames.insert(name, names);
        set.pictogramNameLines.insert(name, lines);
    }
}

} // namespace

std::optional<PageFile> loadPageFile(const QString &path, const QString &folderTopic, Problems &problems)
{
    static const QRegularExpression nameForm(u"^([a-z0-9][a-z0-9-]*)\\.([a-z]{2,3})\\.md$"_s);
    const auto nameMatch = nameForm.match(QFileInfo(path).fileName());
    if (!nameMatch.hasMatch()) {
        problems.append(Problem{path, 0, u"a page file is named <page>.<lang>.md"_s,
                                u"e.g. amu-steps.fr.md; use a-z, 0-9 and - only"_s});
        return std::nullopt;
    }
    const QByteArray data = readFile(path, problems);
    PageFile page;
    page.origin = {path, 1};
    page.stem = nameMatch.captured(1);
    page.lang = nameMatch.captured(2);
    page.folderTopic = folderTopic;

    // Front matter: the file starts with a line "---" and the YAML ends at the next "---".
    const QByteArray opener = "---\n";
    qsizetype end = -1;
    if (data.startsWith(opener))
        end = data.indexOf("\n---", opener.size() - 1);
    if (end < 0) {
        problems.append(Problem{path, 1, u"the page has no front matter"_s,
                                u"start the file with a line ---, the fields (id, title, ...), and a line ---"_s});
        return std::nullopt;
    }
    const QByteArray yaml = data.mid(opener.size(), end - opener.size() + 1);
    qsizetype bodyStart = data.indexOf('\n', end + 1);
    bodyStart = bodyStart < 0 ? data.size() : bodyStart + 1;
    const int bodyLine = 1 + int(std::count(data.cbegin(), data.cbegin() + bodyStart, '\n'));

    YamlReader r(path, yaml, problems, 1);
    if (!r.ok())
        return std::nullopt;
    const YAML::Node &fm = r.root();
    r.checkKeys(fm, {u"id"_s, u"topic"_s, u"order"_s, u"statuses"_s, u"pictogram"_s, u"title"_s,
                     u"sources"_s, u"verified"_s, u"valid_from"_s, u"valid_until"_s, u"review"_s,
                     u"translated_from"_s});
    page.id = r.id(fm, "id", kIdPattern);
    page.title = r.text(fm, "title", true);
    page.review = r.text(fm, "review", true, u"draft, machine or reviewed"_s);
    page.topic = r.text(fm, "topic", false);
    page.order = int(r.integer(fm, "order", false));
    page.statuses = r.list(fm, "statuses", false);
    page.pictogram = r.text(fm, "pictogram", false);
    page.sources = r.list(fm, "sources", false);
    page.verified = r.date(fm, "verified", false);
    page.validFrom = r.date(fm, "valid_from", false);
    page.validUntil = r.date(fm, "valid_until", false);
    page.translatedFrom = r.list(fm, "translated_from", false);
    for (auto it = fm.begin(); it != fm.end(); ++it)
        page.fieldLines.insert(toQString(it->first), r.line(it->first));
    page.blocks = parseMarkdownBlocks(data.mid(bodyStart), path, bodyLine, problems);
    return page;
}

ContentSet loadContent(const QString &root, Problems &problems)
{
    ContentSet set;
    set.root = root;
    const QDir dir(root);
    const QString packFile = dir.filePath(u"pack.yaml"_s);
    if (!QFileInfo::exists(packFile)) {
        problems.append(Problem{packFile, 0, u"no pack.yaml"_s,
                                u"is this a content folder? See content/FORMAT.md"_s});
        return set;
    }
    loadPackYaml(set, packFile, problems);
    for (const QString &path : filesIn(dir.filePath(u"statuses"_s), u"*.yaml"_s))
        loadStatus(set, path, problems);
    std::sort(set.statuses.begin(), set.statuses.end(),
              [](const StatusDecl &a, const StatusDecl &b) { return std::tie(a.order, a.id) < std::tie(b.order, b.id); });
    for (const QString &path : filesIn(dir.filePath(u"services"_s), u"*.yaml"_s))
        loadService(set, path, problems);
    for (const QString &path : filesIn(dir.filePath(u"pictograms"_s), u"*.svg"_s))
        set.pictogramFiles.insert(QFileInfo(path).completeBaseName(), path);
    loadPictogramNames(set, dir.filePath(u"pictograms/names.yaml"_s), problems);

    const QDir pagesDir(dir.filePath(u"pages"_s));
    for (const QString &topic : pagesDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const QString &path : filesIn(pagesDir.filePath(topic), u"*"_s)) {
            if (auto page = loadPageFile(path, topic, problems))
                set.pages.append(std::move(*page));
        }
    }
    return set;
}

} // namespace passerelle::content
