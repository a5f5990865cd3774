#pragma once

#include "contentmodel.h"
#include "problem.h"

#include <QString>

namespace passerelle::content {

/**
 * Reads a content/ folder (see content/FORMAT.md). Every syntax problem is added to
 * problems with its file and line; what could be read is returned all the same, so
 * one run reports every mistake.
 */
[[nodiscard]] ContentSet loadContent(const QString &root, Problems &problems);

/** Parses one page file; its language and stem come from the file name. */
[[nodiscard]] std::optional<PageFile> loadPageFile(const QString &path, const QString &folderTopic,
                                                   Problems &problems);

} // namespace passerelle::content
