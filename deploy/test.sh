#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing (Debian packages only), builds and
# tests the default preset, then builds and tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer. Benchmarks (ctest label "bench") are not part of it:
# run them with  ctest --test-dir build -L bench -V
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
for preset in default asan; do
    echo "=== $preset: build"
    [ -f "$( [ $preset = default ] && echo build || echo build-asan )/CMakeCache.txt" ] || cmake --preset $preset
    cmake --build --preset $preset
    echo "=== $preset: test"
    ctest --preset $preset --label-exclude bench
done
