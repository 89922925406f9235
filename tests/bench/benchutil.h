// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the benchmarks: the median of repeated runs, after one warm-up run.

#include <QElapsedTimer>

#include <algorithm>
#include <functional>
#include <vector>

namespace frontmark::bench {

inline double medianMs(int iterations, const std::function<void()> &fn)
{
    std::vector<double> samples;
    samples.reserve(std::size_t(iterations > 0 ? iterations : 1));
    fn();
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        samples.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

} // namespace frontmark::bench
