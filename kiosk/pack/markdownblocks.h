#pragma once

#include "contentmodel.h"
#include "problem.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passerelle::content {

/**
 * Maps the Markdown body of a page to blocks (see content/FORMAT.md): paragraph -> text,
 * ordered list -> steps, bullet list -> items, quote -> warning, and paragraphs that are
 * only a picto:, service: or tel: reference -> pictogram, service, phone. firstLine is
 * the file line of the body's first line, so block lines are file lines.
 */
[[nodiscard]] QList<BlockSource> parseMarkdownBlocks(const QByteArray &body, const QString &file,
                                                     int firstLine, Problems &problems);

} // namespace passerelle::content
