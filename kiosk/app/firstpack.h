#pragma once

#include "problem.h"

#include <QString>

#include <optional>

namespace passerelle {

/**
 * The pack a kiosk shows, in its state directory, laid out like the sync's pack store:
 * `current` -> packs/<version>/ (manifest.json, manifest.json.minisig) and objects/<sha256>.
 */
struct StorePack
{
    QString packDir;    // the folder `current` points at: holds manifest.json
    QString objectsDir; // the store's objects/
};

/** The active pack of a state directory, or nullopt when it has none. */
[[nodiscard]] std::optional<StorePack> activeStorePack(const QString &stateDirectory);

/**
 * On first start: when the state directory has no active pack, installs a published pack
 * tree (manifest.json + objects/, e.g. the demo pack of the .deb) as its first pack,
 * through the store (PackStore::installTree: its lock, hash-checked objects, fsyncs,
 * `current` switched last), so an interrupted install is simply done again at the next
 * start. The kiosk itself goes through choosePackAtStart() (packstartup.h).
 */
[[nodiscard]] std::optional<Problem> installFirstPack(const QString &stateDirectory, const QString &packTree);

} // namespace passerelle
