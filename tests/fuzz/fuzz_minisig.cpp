// libFuzzer target: the minisign parsers (signature, public key, secret key) and the
// signed-manifest check. No crash, no sanitizer report; a parsed signature writes back
// to text that parses to the same fields; nothing random ever verifies.
#include "minisign.h"
#include "packsignature.h"

#include <cstdint>
#include <cstdlib>

using namespace passerelle;
using namespace passerelle::sync;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const MinisignSecretKey key = MinisignSecretKey::generate();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString name = QStringLiteral("fuzz");

    if (Result<MinisignSignature> sig = MinisignSignature::parse(bytes, name)) {
        Result<MinisignSignature> again = MinisignSignature::parse(sig->toFileText(), name);
        if (!again || again->signature != sig->signature || again->trustedComment != sig->trustedComment
            || again->keyId != sig->keyId || again->prehashed != sig->prehashed)
            std::abort();
        if (minisignVerify(sig.value(), bytes, {key.publicKey()}, name).ok())
            std::abort(); // a forgery
    }
    (void)MinisignPublicKey::parse(bytes, name);
    (void)MinisignPublicKey::fromBase64(bytes, name);
    (void)MinisignSecretKey::parse(bytes, name);

    // The input split in two: a manifest and its "signature".
    const qsizetype cut = bytes.indexOf("\n\n");
    if (cut > 0 && verifySignedManifest(bytes.left(cut), bytes.mid(cut + 2), {key.publicKey()}, name).ok())
        std::abort();
    return 0;
}
