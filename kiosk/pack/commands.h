#pragma once

// The subcommands of passerelle-pack. Each takes the arguments after its name and
// returns the process exit code (0 success, 1 failure, 2 usage error).

#include "contentmodel.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace passerelle::content {

/** Standard error, for problems and summaries. */
QTextStream &errorStream();

/**
 * Loads and checks content/ for a command that reads it (translatecommands.cpp): prints
 * its errors, or that lang (when given) is not a language of the pack, and returns
 * nullopt when it cannot be used.
 */
std::optional<ContentSet> loadForTool(const QString &root, const QString &lang = {});

int runBuild(const QStringList &args);
int runCheck(const QStringList &args);
int runExport(const QStringList &args);
int runImport(const QStringList &args);
int runReport(const QStringList &args);
int runExportWeb(const QStringList &args);
/** passerelle-pack script (scriptcommand.cpp): the texts of a language to record. */
int runScript(const QStringList &args);
/** passerelle-pack import-audio (audioimport.cpp): recordings named by code into content/audio/<lang>/. */
int runImportAudio(const QStringList &args);

// Signing and publishing (signcommands.cpp).
int runKeygen(const QStringList &args);
int runSign(const QStringList &args);
int runVerify(const QStringList &args);
int runPublish(const QStringList &args);

} // namespace passerelle::content
