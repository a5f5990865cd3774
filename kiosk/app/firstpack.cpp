#include "firstpack.h"

#include "packstore.h"

#include <QDir>
#include <QFileInfo>

namespace passerelle {

using namespace Qt::StringLiterals;

std::optional<StorePack> activeStorePack(const QString &stateDirectory)
{
    const QDir state(stateDirectory);
    const QFileInfo current(state.filePath(u"current"_s));
    if (!current.exists() || !QFileInfo::exists(state.filePath(u"current/manifest.json"_s)))
        return std::nullopt;
    return StorePack{current.absoluteFilePath(), state.filePath(u"objects"_s)};
}

std::optional<Problem> installFirstPack(const QString &stateDirectory, const QString &packTree)
{
    if (activeStorePack(stateDirectory))
        return std::nullopt;
    if (!QFileInfo::exists(QDir(packTree).filePath(u"manifest.json"_s)))
        return Problem{QDir(packTree).filePath(u"manifest.json"_s), 0, u"the first pack is not there"_s,
                       u"reinstall the passerelle package, or set [storage] first_pack"_s};
    // The store's own code: its lock, recovery, hash-checked objects, fsyncs, atomic switch.
    Result<std::unique_ptr<sync::PackStore>> store = sync::PackStore::open(stateDirectory);
    if (!store)
        return store.problem();
    if (store.value()->activeVersion() != 0)
        return std::nullopt;
    return store.value()->installTree(packTree);
}

} // namespace passerelle
