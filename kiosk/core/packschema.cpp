#include "packschema.h"

namespace passerelle {

const char *packSchemaSql()
{
    // Every text a person sees can be heard: each text table has the object hash of its
    // audio ('' when there is none) and whether that audio is synthetic speech (1) or a
    // human recording (0). Schema 2 added them beside blocks.audio; schema 3 added ui_texts,
    // the kiosk's own labels (buttons, questions) with their speech. Schema 4 keys ui_texts by
    // the label's id (the slug of its source string: "home", "emergency"), never by the text
    // shown, and adds each page text's spoken footer ("checked on <date>", the machine
    // translation notice).
    // Several versions of one page (valid_from / valid_until) share an id, so pages are
    // keyed by an integer and the id is looked up with the kiosk's date.
    return R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE languages(code TEXT PRIMARY KEY, position INTEGER NOT NULL, endonym TEXT NOT NULL,
    direction TEXT NOT NULL, font TEXT NOT NULL, voice TEXT NOT NULL, greeting TEXT NOT NULL,
    audio TEXT NOT NULL, audio_synthetic INTEGER NOT NULL, greeting_audio TEXT NOT NULL,
    greeting_audio_synthetic INTEGER NOT NULL);
CREATE TABLE pictograms(name TEXT PRIMARY KEY, object TEXT NOT NULL);
CREATE TABLE pictogram_names(name TEXT NOT NULL, lang TEXT NOT NULL, label TEXT NOT NULL,
    audio TEXT NOT NULL, audio_synthetic INTEGER NOT NULL, PRIMARY KEY(name, lang));
CREATE TABLE topics(id TEXT PRIMARY KEY, position INTEGER NOT NULL, code TEXT NOT NULL,
    pictogram TEXT NOT NULL);
CREATE TABLE topic_texts(topic TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL,
    audio TEXT NOT NULL, audio_synthetic INTEGER NOT NULL, PRIMARY KEY(topic, lang));
CREATE TABLE statuses(id TEXT PRIMARY KEY, position INTEGER NOT NULL, pictogram TEXT NOT NULL,
    documents TEXT NOT NULL);
CREATE TABLE status_texts(status TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL,
    hint TEXT NOT NULL, title_audio TEXT NOT NULL, title_audio_synthetic INTEGER NOT NULL,
    hint_audio TEXT NOT NULL, hint_audio_synthetic INTEGER NOT NULL, PRIMARY KEY(status, lang));
CREATE TABLE pages(key INTEGER PRIMARY KEY, id TEXT NOT NULL, topic TEXT NOT NULL,
    position INTEGER NOT NULL, code TEXT NOT NULL, pictogram TEXT NOT NULL, verified TEXT NOT NULL,
    valid_from TEXT, valid_until TEXT, sources TEXT NOT NULL, all_statuses INTEGER NOT NULL);
CREATE INDEX pages_by_id ON pages(id);
CREATE INDEX pages_by_topic ON pages(topic, position);
CREATE TABLE page_statuses(page INTEGER NOT NULL, status TEXT NOT NULL, PRIMARY KEY(page, status));
CREATE TABLE page_texts(page INTEGER NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL,
    review TEXT NOT NULL, title_audio TEXT NOT NULL, title_audio_synthetic INTEGER NOT NULL,
    footer_audio TEXT NOT NULL, footer_audio_synthetic INTEGER NOT NULL, PRIMARY KEY(page, lang));
CREATE TABLE blocks(page INTEGER NOT NULL, lang TEXT NOT NULL, position INTEGER NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL, pictogram TEXT NOT NULL, target TEXT NOT NULL,
    number INTEGER NOT NULL, source_hash TEXT NOT NULL, audio TEXT NOT NULL,
    audio_synthetic INTEGER NOT NULL, PRIMARY KEY(page, lang, position));
CREATE TABLE services(id TEXT PRIMARY KEY, kind TEXT NOT NULL, street TEXT NOT NULL,
    postcode TEXT NOT NULL, commune TEXT NOT NULL, lat REAL, lon REAL, phones TEXT NOT NULL,
    email TEXT NOT NULL, web TEXT NOT NULL, hours TEXT NOT NULL, languages TEXT NOT NULL,
    unverified TEXT NOT NULL, sources TEXT NOT NULL, verified TEXT NOT NULL);
CREATE TABLE service_texts(service TEXT NOT NULL, lang TEXT NOT NULL, name TEXT NOT NULL,
    audio TEXT NOT NULL, audio_synthetic INTEGER NOT NULL, PRIMARY KEY(service, lang));
CREATE TABLE ui_texts(lang TEXT NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL, audio TEXT NOT NULL,
    audio_synthetic INTEGER NOT NULL, PRIMARY KEY(lang, id));
CREATE VIRTUAL TABLE search USING fts5(title, body, page UNINDEXED, lang UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2');
)sql";
}

} // namespace passerelle
