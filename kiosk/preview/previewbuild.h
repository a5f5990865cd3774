#pragma once

#include "problem.h"

#include <QDateTime>
#include <QString>

namespace passerelle {

/** What one preview build of a content folder gave. */
struct PreviewBuild
{
    /** Errors and warnings, each with its file and line; errors mean no pack. */
    Problems problems;
    /** The pack tree (manifest.json + objects/), when the build succeeded. */
    QString packDir;
    /** The pack's manifest: identical bytes mean identical content. */
    QByteArray manifest;
    qint64 milliseconds = 0;

    [[nodiscard]] bool ok() const { return !packDir.isEmpty(); }
    [[nodiscard]] int errorCount() const;
    [[nodiscard]] int warningCount() const;
};

/**
 * Compiles contentDir into a pack at outDir as `passerelle-pack build --no-audio` does
 * (check, fonts, human recordings, no speech synthesis), in this process. The creation
 * time is fixed by the caller, so unchanged content gives a byte-identical manifest.
 * Safe to run on a worker thread.
 */
[[nodiscard]] PreviewBuild buildPreviewPack(const QString &contentDir, const QString &outDir, const QDateTime &created);

} // namespace passerelle
