#pragma once

#include "problem.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace passerelle {

/** One file of a pack, named by the SHA-256 of its bytes. */
struct PackObject
{
    QString sha256;
    qint64 size = 0;
    QString type; // media type, e.g. application/vnd.sqlite3, image/svg+xml, audio/ogg
    QString role; // database, pictogram, audio

    friend bool operator==(const PackObject &, const PackObject &) = default;
};

/** manifest.json: what a pack is made of, per ../shared/SYNC.md. */
struct PackManifest
{
    static constexpr int kFormat = 1;
    /** Manifests larger than this are refused before parsing. */
    static constexpr qint64 kMaxBytes = 8 * 1024 * 1024;
    static constexpr int kMaxObjects = 200000;

    QString packId;
    qint64 version = 0;
    QDateTime created;
    QDateTime expires;
    int schema = 0;
    QString minKioskVersion;
    QList<PackObject> objects; // sorted by sha256

    /** Strict: unknown keys, wrong types, bad hashes or a format other than kFormat are errors. */
    static Result<PackManifest> parse(const QByteArray &json, const QString &fileName);
    /** Deterministic bytes: sorted keys, objects sorted by hash, UTC times to the second. */
    [[nodiscard]] QByteArray serialize() const;

    [[nodiscard]] const PackObject *database() const;
    [[nodiscard]] qint64 totalSize() const;
};

/** Compares dotted versions such as 0.1.0; negative, zero or positive like strcmp. */
[[nodiscard]] int compareVersions(const QString &a, const QString &b);

} // namespace passerelle
