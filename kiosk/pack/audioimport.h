#pragma once

#include "contentmodel.h"
#include "problem.h"
#include "recordingprocess.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// passerelle-pack import-audio: recordings from any phone, named by their code, into
// content/audio/<lang>/.

namespace passerelle::content {

/** What became of one file of the folder. */
struct ImportedFile
{
    QString file;      // its name in the folder
    QString code;      // the code it is named by
    QString text;      // the text it matched, in the language; empty when none
    QString recording; // where it went, relative to content/audio/<lang>/; empty when refused
    ProcessedRecording processed;
    QStringList problems; // why it was refused before processing, then processed.problems
    bool refused = false;

    [[nodiscard]] bool decoded() const { return processed.secondsBefore > 0; }
};

struct AudioImport
{
    QList<ImportedFile> files; // in file name order
    [[nodiscard]] int imported() const;
    [[nodiscard]] int refused() const;
};

/**
 * Imports every file of dir named by a code of lang ("S5-3.m4a", "ui-home.WAV": the code is
 * the name up to its first dot, in any case): decodes, processes (recordingprocess.h),
 * writes content/audio/<lang>/<recording> and records the French it was made from in the
 * recording log, dated today. A refused file (no such code, two files for one code,
 * undecodable, empty, mostly silence, far too long) changes nothing. A Problem when the
 * folder or the recording log cannot be read or the log cannot be written.
 */
[[nodiscard]] Result<AudioImport> importRecordings(const ContentSet &set, const QString &lang, const QString &dir,
                                                   const QDate &today);

/** The report: one row per file (file, code, text, duration and loudness before and after, problems), then the totals. */
[[nodiscard]] QString importTable(const AudioImport &import);

} // namespace passerelle::content
