#include "chime.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace passerelle {

namespace {

constexpr int kRate = 16000;

void appendLittleEndian(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xff));
}

/** A sine note with 15 ms fades at both ends, so that it does not click. */
void appendNote(QByteArray &pcm, double frequency, double seconds)
{
    const int samples = int(seconds * kRate);
    const int fade = kRate * 15 / 1000;
    for (int i = 0; i < samples; ++i) {
        const double envelope = std::min({1.0, double(i) / fade, double(samples - 1 - i) / fade});
        const double value = 0.4 * envelope * std::sin(2 * std::numbers::pi * frequency * i / kRate);
        appendLittleEndian(pcm, quint32(qint16(value * 32767)) & 0xffff, 2);
    }
}

} // namespace

QByteArray chimeWav()
{
    QByteArray pcm;
    appendNote(pcm, 660, 0.18);
    appendNote(pcm, 880, 0.30);

    QByteArray wav("RIFF");
    appendLittleEndian(wav, quint32(36 + pcm.size()), 4);
    wav.append("WAVEfmt ");
    appendLittleEndian(wav, 16, 4);          // size of the format chunk
    appendLittleEndian(wav, 1, 2);           // PCM
    appendLittleEndian(wav, 1, 2);           // mono
    appendLittleEndian(wav, kRate, 4);       // samples per second
    appendLittleEndian(wav, kRate * 2, 4);   // bytes per second
    appendLittleEndian(wav, 2, 2);           // bytes per frame
    appendLittleEndian(wav, 16, 2);          // bits per sample
    wav.append("data");
    appendLittleEndian(wav, quint32(pcm.size()), 4);
    wav.append(pcm);
    return wav;
}

} // namespace passerelle
