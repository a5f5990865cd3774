// libFuzzer target: the content compiler's YAML files other than pages (kiosk/pack):
// pack.yaml, statuses/*.yaml, services/*.yaml and pictograms/names.yaml, read by
// loadContent exactly as `passerelle-pack check` does (yaml-cpp through YamlReader,
// with the duplicate-key walk). One executable per kind: PASSERELLE_FUZZ_FILE names the
// file the input becomes; the other files of the folder are a small valid pack.yaml.
// No crash, no sanitizer report, whatever an editor (or a damaged file) puts there.
#include "contentloader.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <unistd.h>

using namespace passerelle;
using namespace passerelle::content;

namespace {

bool writeFile(const QString &path, const char *data, qint64 size)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data, size) == size;
}

const char kPackYaml[] = "id: fuzz\nversion: 1\nlanguages:\n  - {code: fr, endonym: Français, direction: ltr, font: Noto Sans}\n"
                         "topics:\n  - {id: health, code: S, pictogram: health, title: {fr: Santé}}\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString root = QDir::temp().filePath(QStringLiteral("passerelle-fuzz-%1/content").arg(::getpid()));
    static const QString target = root + QStringLiteral("/" PASSERELLE_FUZZ_FILE);
    static const bool made = writeFile(root + QStringLiteral("/pack.yaml"), kPackYaml, qint64(sizeof kPackYaml - 1));
    if (!made || !writeFile(target, reinterpret_cast<const char *>(data), qint64(size)))
        return 0;
    Problems problems;
    const ContentSet set = loadContent(root, problems);
    (void)set.pack.topics.size();
    for (const Problem &p : problems)
        (void)p.toString();
    return 0;
}
