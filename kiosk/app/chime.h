#pragma once

#include <QByteArray>

namespace passerelle {

/**
 * A short rising two-note chime (about half a second) as a WAV file's bytes, made in code
 * so that the kiosk needs no sound file of its own. The idle warning plays it before
 * its spoken question, so that a person who is not looking hears that something changed.
 */
[[nodiscard]] QByteArray chimeWav();

} // namespace passerelle
