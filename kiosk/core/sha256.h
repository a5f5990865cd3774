#pragma once

#include <QByteArray>
#include <QString>

namespace passerelle {

/** Lower-case hex SHA-256 of some bytes (libsodium). */
[[nodiscard]] QString sha256Hex(const QByteArray &data);
/** Lower-case hex SHA-256 of a file, streamed; empty if the file cannot be read. */
[[nodiscard]] QString sha256HexOfFile(const QString &path);
/** True for a 64-character lower-case hex string. */
[[nodiscard]] bool isSha256Hex(const QString &text);

} // namespace passerelle
