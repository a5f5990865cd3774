#include "packsource.h"

namespace passerelle::sync {

PackSource::PackSource(QObject *parent) : QObject(parent) {}

PackSource::~PackSource() = default;

} // namespace passerelle::sync
