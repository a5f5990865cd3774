#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing (Debian packages only), builds and
# tests the default preset, then builds and tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer. Benchmarks (ctest label "bench") are not part of it:
# run them with  ctest --test-dir build -L bench -V
# The .deb installed into a pristine Debian 12 root (ctest label "deb_pristine": root,
# debootstrap, deb.debian.org; a few minutes) runs once, in the default build: the package
# is made from the build, and the one operators get is the default build's, not a sanitized one.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
for preset in default asan; do
    echo "=== $preset: build"
    [ -f "$( [ $preset = default ] && echo build || echo build-asan )/CMakeCache.txt" ] || cmake --preset $preset
    cmake --build --preset $preset
    echo "=== $preset: test"
    if [ $preset = default ]; then
        ctest --preset $preset --label-exclude bench
    else
        ctest --preset $preset --label-exclude 'bench|deb_pristine'
    fi
done
