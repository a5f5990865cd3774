#pragma once

// The kiosk's start path as the crash test calls it: choosePackAtStart (kiosk/app/
// packstartup.h), the function kiosk/app/main.cpp calls, then the pack it chose opened as
// KioskServices opens it.

#include "pack.h"
#include "packstartup.h"

#include <QString>

#include <memory>

namespace passerelle::crashtest {

/** What a kiosk shows after starting on a state directory. */
struct KioskStart
{
    std::shared_ptr<Pack> pack; // null: the kiosk shows its out-of-service screen
    QString objectsDir;
    QString problem;            // why nothing, or what was passed over on the way
    StartPack chosen;           // choosePackAtStart's answer, with its origin and fallbacks
};

/**
 * Starts as kiosk/app/main.cpp does on a state directory with the bundled first pack at
 * bundledPack, signatures checked against trustedKeys (KioskConfig::trustedKeys: a key
 * line or the path of a .pub file): choosePackAtStart in kiosk mode (recovery, first-pack
 * install into an empty store, verification with fallbacks), then the pack chosen opened.
 */
[[nodiscard]] KioskStart startKiosk(const QString &stateDirectory, const QString &bundledPack,
                                    const QStringList &trustedKeys);

} // namespace passerelle::crashtest
