#include "clock.h"

namespace passerelle::sync {

Clock::~Clock() = default;

QDateTime SystemClock::nowUtc() const { return QDateTime::currentDateTimeUtc(); }

} // namespace passerelle::sync
