#pragma once

// The kiosk's start path as a function, for the crash test: the one place to change when
// the start path changes.

#include "pack.h"

#include <QString>

#include <memory>

namespace passerelle::crashtest {

/** What a kiosk shows after starting on a state directory. */
struct KioskStart
{
    std::shared_ptr<Pack> pack; // null: the kiosk shows nothing
    QString objectsDir;
    QString problem;            // why nothing, or what was reported on the way
};

/**
 * Starts as kiosk/app/main.cpp does on a state directory with the bundled first pack at
 * bundledPack: installs it when the directory has no active pack, then opens `current`.
 */
[[nodiscard]] KioskStart startKiosk(const QString &stateDirectory, const QString &bundledPack);

} // namespace passerelle::crashtest
