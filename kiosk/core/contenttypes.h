#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace passerelle {

/** A language the pack offers, as pack.yaml declares it. */
struct LanguageInfo
{
    QString code;
    QString endonym;
    bool rightToLeft = false;
    QString font;
    QString voice; // espeak-ng voice used at build time, empty when none exists
    QString greeting;
    QString audio;         // object hash of the endonym spoken in the language, empty when none
    QString greetingAudio; // object hash of the greeting spoken, empty when none
};

struct TopicInfo
{
    QString id;
    QString code;
    QString pictogram;
    QString title;
    QString audio; // object hash of the title spoken, empty when none
};

/** A residence-status profile, recognised by the documents its holder carries. */
struct ResidenceStatus
{
    QString id;
    QString pictogram;
    QStringList documents;
    QString title;
    QString hint;
    QString audio; // object hash of the title spoken, empty when none
};

struct PageSummary
{
    qint64 key = 0; // one version of a page in the database
    QString id;
    QString topic;
    QString code;
    QString pictogram;
    QString title;
    QString audio; // object hash of the title spoken, empty when none
};

struct PageDetail : PageSummary
{
    QString language; // the language the text is in (French when a translation is missing)
    QString review;   // draft, machine, reviewed
    QDate verified;
    QDate validFrom;
    QDate validUntil;
    QStringList sources;
    QString footerAudio; // object hash of the footer spoken ("checked on <date>"), or empty
};

/** One unit of a page: a paragraph, a step, a warning, a pictogram, a service, a phone. */
struct Block
{
    QString kind;
    QString text;
    QString pictogram;
    QString target; // service id for service blocks, the number for phone blocks
    int number = 0; // step number
    QString audio;  // object hash, empty when there is no audio
    bool syntheticAudio = false;
};

struct ServiceInfo
{
    QString id;
    QString kind;
    QString name;
    QString street;
    QString postcode;
    QString commune;
    QStringList phones;
    QString email;
    QString web;
    QStringList hours;
    QStringList languages;
    QStringList unverified;
    bool hasGeo = false;
    double latitude = 0;
    double longitude = 0;
    QString audio; // the name spoken in the language asked for (not the fallback's); object hash
};

} // namespace passerelle
