#pragma once

// The trees a power cut can leave behind a recorded workload, on the conservative
// ext4-like model that tst_crashstates.cpp's header describes.

#include "fsrecord.h"

#include <functional>

namespace passerelle::crashtest {

struct CrashState
{
    int crashPoint = 0;  // the operations [0, crashPoint) of the record had run
    QString description; // where the power went and what it took, for a failure message
    FsTree tree;
};

struct CrashStateCount
{
    int distinct = 0; // distinct states generated
    int visited = 0;  // of them, given to visit
};

/**
 * Calls visit for the distinct crash states of the record, crash points in order; stops
 * early when visit returns false. When there are more than budget, visits budget of them:
 * every state at the end of the record and the broad ones (all lost, all kept, names
 * without data) first, then single-operation states spread evenly over the rest.
 */
CrashStateCount forEachCrashState(const FsRecord &record, int budget,
                                  const std::function<bool(const CrashState &)> &visit);

} // namespace passerelle::crashtest
