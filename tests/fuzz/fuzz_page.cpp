// libFuzzer target: the content compiler's page reader (kiosk/pack): YAML front matter
// (yaml-cpp, through YamlReader) and the Markdown body (md4c, through
// parseMarkdownBlocks), read by loadPageFile exactly as `passerelle-pack build` does.
// No crash, no sanitizer report, whatever an editor (or a damaged file) puts in a page.
#include "contentloader.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <unistd.h>

using namespace passerelle;
using namespace passerelle::content;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = QDir::temp().filePath(QStringLiteral("passerelle-fuzz-%1/page.fr.md").arg(::getpid()));
    static const bool made = QDir().mkpath(QFileInfo(path).absolutePath());
    if (!made)
        return 0;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    file.close();
    Problems problems;
    if (std::optional<PageFile> page = loadPageFile(path, QStringLiteral("health"), problems)) {
        for (const BlockSource &b : page->blocks)
            (void)b.hash();
    }
    for (const Problem &p : problems)
        (void)p.toString();
    return 0;
}
