// passerelle-speak VOICE RATE: speaks the texts passerelle-pack sends it with one
// espeak-ng voice (speechprotocol.h says how). Not for people: passerelle-pack starts it.
//
// Why a process of its own: starting `espeak-ng` for each text costs about 9 ms of CPU
// (35 shared libraries, the voice list, the dictionary), three quarters of what speaking
// a text costs. This program loads the library and the voice once, then forks a child
// for each text, so that every text is spoken from the very same state:
//  - libespeak-ng carries state from one text to the next (the same text gives other
//    samples after another one), so one process cannot simply speak text after text;
//  - the parent does nothing between two forks but wait and copy bytes into a static
//    buffer, never the heap, and the child reads its own request: each child starts from
//    the memory the parent had right after loading the voice, whatever was spoken before.
// The samples are those of `espeak-ng -v VOICE -s RATE -b 1 --stdin --stdout` (compared on
// every text of the demo content), with one exception that is espeak-ng's own: 1.51 reads
// a byte it never wrote when an Arabic clause starts with a number such as "070"
// (valgrind: "uninitialised value ... created by a stack allocation"), so such a text
// gives other samples from one process to the next, the `espeak-ng` program's included.
#include "speechprotocol.h"

#include <espeak-ng/espeak_ng.h>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace {

using namespace passerelle::speech;

static_assert(std::endian::native == std::endian::little, "samples are sent as the library makes them");

// Child exit codes.
constexpr int kChildAnswered = 0;
constexpr int kChildNoMoreTexts = 3;
constexpr int kChildBadRequest = 4;

int g_sampleRate = 0;
std::vector<char> g_pcm; // the child's samples

// The parent's copy of one response. Static, not on the heap: the parent's heap must stay
// as it was after loading the voice (see the top of this file).
unsigned char g_response[kHeaderBytes + kMaxPcmBytes];

bool readExactly(int fd, void *to, std::size_t size, std::size_t *got = nullptr)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = read(fd, static_cast<char *>(to) + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += std::size_t(n);
    }
    if (got)
        *got = done;
    return done == size;
}

bool writeAll(int fd, const void *from, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = write(fd, static_cast<const char *>(from) + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

bool writeResponse(int fd, std::uint32_t status, const void *bytes, std::size_t size)
{
    unsigned char header[kHeaderBytes];
    putU32(header, status);
    putU32(header + 4, std::uint32_t(g_sampleRate));
    putU32(header + 8, std::uint32_t(size));
    return writeAll(fd, header, sizeof header) && writeAll(fd, bytes, size);
}

bool writeFailure(int fd, std::string_view message)
{
    return writeResponse(fd, kStatusFailed, message.data(), message.size());
}

int collectSamples(short *wav, int count, espeak_EVENT *)
{
    if (wav && count > 0) {
        const char *bytes = reinterpret_cast<const char *>(wav);
        g_pcm.insert(g_pcm.end(), bytes, bytes + std::size_t(count) * sizeof(short));
    }
    return 0;
}

/** Speaks text (NUL-terminated) with the flags `espeak-ng -b 1 --stdin` uses. */
bool speak(const std::vector<char> &text)
{
    const unsigned flags = espeakCHARS_AUTO | espeakPHONEMES | espeakENDPAUSE | espeakCHARS_UTF8;
    return espeak_Synth(text.data(), text.size(), 0, POS_CHARACTER, 0, flags, nullptr, nullptr) == EE_OK
        && espeak_Synchronize() == EE_OK;
}

/** The child: reads one request, answers it into out, exits. */
[[noreturn]] void answerOne(int out)
{
    unsigned char head[4];
    std::size_t got = 0;
    if (!readExactly(STDIN_FILENO, head, sizeof head, &got))
        _exit(got == 0 ? kChildNoMoreTexts : kChildBadRequest);
    const std::uint32_t size = getU32(head);
    if (size > kMaxTextBytes)
        _exit(kChildBadRequest);
    std::vector<char> text(std::size_t(size) + 1, '\0');
    if (!readExactly(STDIN_FILENO, text.data(), size))
        _exit(kChildBadRequest);

    const bool spoken = speak(text);
    const bool written = spoken ? writeResponse(out, kStatusSpoken, g_pcm.data(), g_pcm.size())
                                : writeFailure(out, "espeak-ng could not speak this text");
    _exit(written ? kChildAnswered : kChildBadRequest);
}

int serve()
{
    for (;;) {
        int fds[2];
        if (pipe(fds) != 0) {
            writeFailure(STDOUT_FILENO, "passerelle-speak: cannot make a pipe");
            return 1;
        }
        const pid_t child = fork();
        if (child < 0) {
            writeFailure(STDOUT_FILENO, "passerelle-speak: cannot fork");
            return 1;
        }
        if (child == 0) {
            close(fds[0]);
            answerOne(fds[1]);
        }
        close(fds[1]);
        std::size_t got = 0;
        bool tooLong = false;
        for (;;) {
            if (got == sizeof g_response) {
                // Drain what is left, so that the child can end.
                char sink[4096];
                const ssize_t n = read(fds[0], sink, sizeof sink);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    break;
                tooLong = true;
                continue;
            }
            const ssize_t n = read(fds[0], g_response + got, sizeof g_response - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += std::size_t(n);
        }
        close(fds[0]);
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (code == kChildNoMoreTexts && got == 0)
            return 0;
        const bool complete = got >= kHeaderBytes && got == kHeaderBytes + getU32(g_response + 8);
        if (code == kChildAnswered && complete && !tooLong) {
            if (!writeAll(STDOUT_FILENO, g_response, got))
                return 1;
            continue;
        }
        // The request stream may be out of step now: answer, and end.
        char message[128];
        if (tooLong)
            std::snprintf(message, sizeof message, "the speech is longer than %u bytes", kMaxPcmBytes);
        else if (WIFSIGNALED(status))
            std::snprintf(message, sizeof message, "espeak-ng ended with signal %d", WTERMSIG(status));
        else
            std::snprintf(message, sizeof message, "a bad request (passerelle-speak exit code %d)", code);
        writeFailure(STDOUT_FILENO, message);
        return 1;
    }
}

int usage()
{
    std::fputs("usage: passerelle-speak VOICE WORDS_PER_MINUTE   (speaks what passerelle-pack sends)\n"
                "       passerelle-speak --version\n",
                stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 2 && std::string_view(argv[1]) == "--version") {
        espeak_ng_InitializePath(nullptr);
        std::printf("%s; libespeak-ng %s\n", kServerMethod, espeak_Info(nullptr));
        return 0;
    }
    if (argc != 3)
        return usage();
    char *end = nullptr;
    const long rate = std::strtol(argv[2], &end, 10);
    if (*end != '\0' || rate < 80 || rate > 450)
        return usage();

    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    if (espeak_ng_Initialize(&context) != ENS_OK
        || espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) {
        espeak_ng_ClearErrorContext(&context);
        std::fputs("passerelle-speak: cannot initialize espeak-ng\n", stderr);
        return 1;
    }
    g_sampleRate = espeak_ng_GetSampleRate();
    espeak_SetSynthCallback(collectSamples);
    // As the espeak-ng program does: a voice name, or else a language.
    if (espeak_SetVoiceByName(argv[1]) != EE_OK) {
        espeak_VOICE selector{};
        selector.languages = argv[1];
        if (espeak_SetVoiceByProperties(&selector) != EE_OK) {
            std::fprintf(stderr, "passerelle-speak: espeak-ng has no voice \"%s\"\n", argv[1]);
            return 1;
        }
    }
    espeak_SetParameter(espeakRATE, int(rate), 0);
    return serve();
}
