#pragma once

#include <QList>

#include <algorithm>

namespace passerelle::bench {

/** The value under which a share p (0..1) of values falls: p = 0.5 the median, 0.95 the p95. */
template<typename T>
T percentile(QList<T> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? T{} : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace passerelle::bench
