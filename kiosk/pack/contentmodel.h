#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace passerelle::content {

/** Text per language code. */
using Localized = QMap<QString, QString>;
/** The file line of each language's text of a Localized field, for error messages. */
using LocalizedLines = QHash<QString, int>;

/** Where something was written, for error messages. */
struct Origin
{
    QString file;
    int line = 0;
};

struct LanguageDecl
{
    Origin origin;
    QString code;
    QString endonym;
    QString direction; // ltr or rtl
    QString font;
    QString voice;     // espeak-ng voice, empty when none
    QString greeting;  // "Welcome", shown in turn on the attract screen
};

struct TopicDecl
{
    Origin origin;
    QString id;
    QString code;
    QString pictogram;
    Localized titles;
    LocalizedLines titleLines;
};

struct PackDecl
{
    Origin origin;
    QString id;
    qint64 version = 0;
    int validDays = 365;
    QString baseUrl;
    QList<LanguageDecl> languages;
    QList<TopicDecl> topics;

    [[nodiscard]] QString sourceLanguage() const { return languages.isEmpty() ? QString() : languages.first().code; }
    [[nodiscard]] bool hasLanguage(const QString &code) const;
    [[nodiscard]] const TopicDecl *topic(const QString &id) const;
};

struct StatusDecl
{
    Origin origin;
    QString id;
    int order = 0;
    QString pictogram;
    QStringList documents;
    Localized titles;
    Localized hints;
    LocalizedLines titleLines;
    LocalizedLines hintLines;
    /** The line of each field, for error messages. */
    QHash<QString, int> fieldLines;

    [[nodiscard]] Origin at(const QString &field) const { return {origin.file, fieldLines.value(field, 1)}; }
};

struct ServiceDecl
{
    Origin origin;
    QString id;
    QString kind;
    Localized names;
    LocalizedLines nameLines;
    QString street;
    QString postcode;
    QString commune;
    bool hasGeo = false;
    double latitude = 0;
    double longitude = 0;
    QStringList phones;
    QString email;
    QString web;
    QStringList hours;
    QStringList languages;
    QStringList unverified;
    QStringList sources;
    QDate verified;
    /** The line of each field, for error messages. */
    QHash<QString, int> fieldLines;

    [[nodiscard]] Origin at(const QString &field) const { return {origin.file, fieldLines.value(field, 1)}; }
};

/** One block of a page, as the Markdown gave it. */
struct BlockSource
{
    int line = 0;
    QString kind; // text, heading, step, item, warning, pictogram, service, phone
    QString text;
    QString pictogram;
    QString target;
    int number = 0;
    /** The alt text of a step's or item's leading pictogram; not part of the hash. */
    QString pictogramLabel;

    /** Identifies the French block a translation was made from (kind, text, references). */
    [[nodiscard]] QString hash() const;
};

/** One page file: pages/<topic>/<stem>.<lang>.md. */
struct PageFile
{
    Origin origin;
    QString stem;
    QString lang;
    QString folderTopic;

    QString id;
    QString topic;
    int order = 0;
    QStringList statuses; // ["all"] for everyone
    QString pictogram;
    QString title;
    QStringList sources;
    QDate verified;
    QDate validFrom;
    QDate validUntil;
    QString review;
    QStringList translatedFrom;
    QList<BlockSource> blocks;
    /** The line of each front-matter field, for error messages. */
    QHash<QString, int> fieldLines;

    /** Where a front-matter field was written (the first line of the file if it is missing). */
    [[nodiscard]] Origin at(const QString &field) const { return {origin.file, fieldLines.value(field, 1)}; }
};

/** Everything under content/, as loaded; checked by the validator before anything is built. */
struct ContentSet
{
    QString root;
    PackDecl pack;
    QList<StatusDecl> statuses;
    QList<ServiceDecl> services;
    QMap<QString, QString> pictogramFiles; // name -> path
    QMap<QString, Localized> pictogramNames;
    QMap<QString, LocalizedLines> pictogramNameLines;
    Origin pictogramNamesOrigin;
    QList<PageFile> pages;

    [[nodiscard]] const ServiceDecl *service(const QString &id) const;
    [[nodiscard]] bool hasStatus(const QString &id) const;
    /** The French file a translation belongs to (same topic folder and stem). */
    [[nodiscard]] const PageFile *sourcePage(const PageFile &translation) const;
};

} // namespace passerelle::content
