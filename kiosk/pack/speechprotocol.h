#pragma once

// What passerelle-pack and passerelle-speak say to each other over passerelle-speak's
// standard input and output. No Qt here: passerelle-speak is a small C++ program.
//
// Request:  u32 byte count, then the text in UTF-8 as espeak-ng reads it (with its final
//           newline, as `espeak-ng --stdin` would get it).
// Response: u32 status (0 spoken, 1 failed), u32 sample rate, u32 byte count, then the
//           bytes: 16-bit mono PCM when spoken, a one-line message when failed.
// Every u32 is little-endian, and so are the samples. The server ends at the end of its
// input; after a failure it may end too, and the client starts another one.

#include <cstddef>
#include <cstdint>

namespace passerelle::speech {

/**
 * Names the way passerelle-speak makes samples; part of every clip's cache key. Change it
 * whenever a change to passerelle-speak can change a sample.
 */
inline constexpr const char *kServerMethod =
    "passerelle-speak 1: libespeak-ng, the state after loading the voice for each text";

inline constexpr std::size_t kHeaderBytes = 12;
/** Longer texts are refused: a page block is a few hundred bytes. */
inline constexpr std::uint32_t kMaxTextBytes = 1u << 20;
/** About six minutes of speech at 22,050 Hz. */
inline constexpr std::uint32_t kMaxPcmBytes = 1u << 24;

inline constexpr std::uint32_t kStatusSpoken = 0;
inline constexpr std::uint32_t kStatusFailed = 1;

inline void putU32(unsigned char *at, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        at[i] = static_cast<unsigned char>(value >> (8 * i));
}

inline std::uint32_t getU32(const unsigned char *at)
{
    return std::uint32_t(at[0]) | std::uint32_t(at[1]) << 8 | std::uint32_t(at[2]) << 16
        | std::uint32_t(at[3]) << 24;
}

} // namespace passerelle::speech
