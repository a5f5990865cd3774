#pragma once

#include <QString>
#include <QStringList>

namespace passerelle::bench {

/**
 * Writes to `to` a copy of the content folder `from` in which every page appears
 * `factor` times (the copies get new ids and orders), to measure how things scale.
 * Returns an empty string on success, or what went wrong.
 */
[[nodiscard]] QString writeScaledContent(const QString &from, const QString &to, int factor);

/** Builds a pack from content with the real passerelle-pack (extra arguments appended); empty string on success. */
[[nodiscard]] QString buildPack(const QString &packTool, const QString &content, const QString &out,
                                const QStringList &extraArguments = {});

/** A process's peak resident memory (VmHWM) in MiB, or -1. */
[[nodiscard]] double peakMemoryMiB(qint64 pid = 0);
/** A process's current resident memory (VmRSS) in MiB, or -1. */
[[nodiscard]] double residentMemoryMiB(qint64 pid = 0);

} // namespace passerelle::bench
