#!/bin/sh
# Runs the libFuzzer targets for a fixed budget each (SYNC.md test 12).
#
#   tests/fuzz/run-fuzzers.sh SOURCE_DIR BUILD_DIR [SECONDS] [YAML_SECONDS]
#
# libFuzzer needs clang, the default build uses g++: this configures a separate build
# (BUILD_DIR, kept between runs so only changes are rebuilt) with clang-14, AddressSanitizer,
# UndefinedBehaviorSanitizer and fuzzer instrumentation, builds the fuzz targets only,
# and runs each for SECONDS (default 20) from the seeds in tests/fuzz/corpus and the
# test content; the four content-YAML targets (pack.yaml, statuses, services, pictogram
# names) share one reader and run YAML_SECONDS each (default 5), seeded from the demo
# content and the test content. Any crash, leak or sanitizer report fails; the input that caused it is
# left in BUILD_DIR/artifacts. Exit 77 (ctest: skipped) when clang-14 is missing.
set -eu
src=$1
build=$2
budget=${3:-20}
yaml_budget=${4:-5}
if ! command -v clang++-14 >/dev/null 2>&1; then
    echo "clang++-14 is not installed (deploy/install-deps.sh installs clang-14); skipping" >&2
    exit 77
fi
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$src" -B "$build" -G Ninja -Wno-dev \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
        -DPASSERELLE_FUZZ=ON -DPASSERELLE_WERROR=OFF >"$build.configure.log" 2>&1 \
        || { cat "$build.configure.log"; exit 1; }
fi
targets="fuzz_manifest fuzz_minisig fuzz_page fuzz_packyaml fuzz_status fuzz_service fuzz_pictonames"
cmake --build "$build" --target $targets >"$build.build.log" 2>&1 || { tail -50 "$build.build.log"; exit 1; }

mkdir -p "$build/artifacts"
status=0
for t in $targets; do
    corpus="$build/corpus/$t"
    mkdir -p "$corpus"
    seconds=$budget
    case $t in
        fuzz_manifest) seeds="$src/tests/fuzz/corpus/manifest" ;;
        fuzz_minisig) seeds="$src/tests/fuzz/corpus/minisig" ;;
        fuzz_page) seeds="$src/tests/data/content/pages/health $src/tests/data/content/pages/work" ;;
        fuzz_packyaml) seeds="$src/tests/fuzz/corpus/packyaml"; seconds=$yaml_budget ;;
        fuzz_status) seeds="$src/content/statuses $src/tests/data/content/statuses"; seconds=$yaml_budget ;;
        fuzz_service) seeds="$src/content/services $src/tests/data/content/services"; seconds=$yaml_budget ;;
        fuzz_pictonames) seeds="$src/tests/fuzz/corpus/pictonames"; seconds=$yaml_budget ;;
    esac
    echo "== $t: $seconds s"
    # detect_leaks=0: Qt keeps some global allocations for the process lifetime.
    if ! ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "$corpus" $seeds 2>"$build/$t.log"; then
        tail -60 "$build/$t.log"
        status=1
    else
        grep -E "^(stat::number_of_executed_units|stat::new_units_added|Done )" "$build/$t.log" || true
    fi
done
exit $status
