// libFuzzer target: the manifest parser (PackManifest::parse). Whatever the bytes, no
// crash and no sanitizer report; and what parses serializes to bytes that parse again
// to the same manifest.
#include "packmanifest.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace passerelle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<PackManifest> manifest = PackManifest::parse(bytes, QStringLiteral("fuzz.json"));
    if (!manifest)
        return 0;
    (void)manifest->database();
    (void)manifest->totalSize();
    Result<PackManifest> again = PackManifest::parse(manifest->serialize(), QStringLiteral("again.json"));
    if (!again || !(again->objects == manifest->objects) || again->version != manifest->version
        || again->packId != manifest->packId || again->created != manifest->created)
        std::abort(); // a manifest we accept must survive its own serialization
    return 0;
}
