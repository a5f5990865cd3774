#pragma once

// The web copy of a pack: a static, accessible website of exactly what the kiosks
// show, for phones at home (the kiosk's QR codes point at it). Read from the pack, not
// from content/. Plain HTML and one style sheet: nothing needs JavaScript. The URL
// paths are listed in webpaths.h and never change.

#include "problem.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace passerelle::content {

struct WebExportOptions
{
    /** The date whose rules the copy shows (valid_from / valid_until), as a kiosk would on it. */
    QDate today;
};

struct WebExportResult
{
    Problems problems;
    int htmlFiles = 0;
    int otherFiles = 0;
    /** Things the editor should know, e.g. a rule that changes after the export date. */
    QStringList notes;
};

/**
 * Writes the web copy of the pack in packDir to outDir. Everything is written beside
 * outDir first and moved into place only when complete (as a pack build is), so a
 * failure leaves the previous copy as it was. The same pack and date give the same
 * bytes.
 */
[[nodiscard]] WebExportResult exportWeb(const QString &packDir, const QString &outDir,
                                        const WebExportOptions &options);

} // namespace passerelle::content
