#pragma once

#include "syncer.h"
#include "workspace.h"

#include <optional>

namespace passerelle::synctest {

/** Sync settings for tests: the workspace's key, quick retries, no USB watching. */
sync::SyncConfig testConfig(const Workspace &workspace, const QString &store, const QStringList &sources);

/** Runs one check to its end; nullopt if it did not finish within timeoutMs. */
std::optional<sync::Syncer::Outcome> runCheck(sync::Syncer &syncer, int timeoutMs = 60000);

/** Opens a Syncer for config; fails the calling test (QVERIFY-style) if it cannot. */
std::unique_ptr<sync::Syncer> makeSyncer(const sync::SyncConfig &config,
                                         std::shared_ptr<const sync::Clock> clock = {});

} // namespace passerelle::synctest

namespace passerelle::sync {
/** So that QCOMPARE shows an outcome (found by argument-dependent lookup). */
char *toString(const std::optional<Syncer::Outcome> &outcome);
char *toString(const Syncer::Outcome &outcome);
} // namespace passerelle::sync
