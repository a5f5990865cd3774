#pragma once

#include "contentmodel.h"
#include "problem.h"
#include "speechaudio.h"

#include <QDateTime>
#include <QString>

namespace passerelle::content {

struct BuildOptions
{
    /** The pack's creation time; SOURCE_DATE_EPOCH or now, chosen by the caller. */
    QDateTime created;
    QString minKioskVersion = QStringLiteral(PASSERELLE_VERSION);
    /** The audio of every text (see prepareAudio); none when null. */
    const AudioCatalog *audio = nullptr;
};

/**
 * Compiles checked content into a pack tree: outDir/manifest.json and outDir/objects/.
 * Everything is written beside outDir first and moved into place only when complete,
 * so a failed build leaves the previous outDir as it was. The same content and
 * options give byte-identical files.
 */
[[nodiscard]] Problems buildPack(const ContentSet &set, const QString &outDir, const BuildOptions &options);

/** Replaces dir by staged (a complete sibling folder) as close to atomically as POSIX allows. */
[[nodiscard]] bool replaceDirectory(const QString &staged, const QString &dir, QString *error);

} // namespace passerelle::content
