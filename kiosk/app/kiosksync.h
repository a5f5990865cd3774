#pragma once

#include "kioskconfig.h"

#include <QObject>

#include <memory>

namespace passerelle {

class Navigator;
class StaffController;
namespace sync { class Syncer; }

/**
 * Keeps a kiosk's pack up to date from the [sync] sources of its configuration, and
 * switches to a newly staged pack only when the attract screen shows (nobody is using
 * the kiosk): the switch is atomic in the store, then the kiosk restarts on the new
 * pack: the event loop ends, and main() starts the kiosk again in the same process (under
 * systemd, it exits instead and the unit's Restart= starts it). A pack that fails to open is rolled back by the store, and the kiosk
 * stays on the pack it shows.
 */
class KioskSync : public QObject
{
    Q_OBJECT

public:
    /**
     * Null when the config names no trusted key, or neither a source nor a USB mount folder
     * (the reason is logged). With no source, USB sticks are still watched.
     */
    static std::unique_ptr<KioskSync> start(const KioskConfig &config, Navigator &navigator, StaffController *staff);
    ~KioskSync() override;

    /** The syncer (for tests and the staff screen). */
    [[nodiscard]] sync::Syncer &syncer() { return *m_syncer; }
    /** True once a new pack was switched to and the kiosk should start again on it. */
    [[nodiscard]] bool restartRequested() const { return m_restart; }

private:
    KioskSync(std::unique_ptr<sync::Syncer> syncer, Navigator &navigator);
    void switchIfIdle();

    std::unique_ptr<sync::Syncer> m_syncer;
    Navigator &m_navigator;
    bool m_restart = false;
};

} // namespace passerelle
