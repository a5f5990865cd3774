#!/bin/sh
# Mutation proof of the crash test (issue 15 item 7): removes each fsync call site that the
# crash test's workloads reach, one at a time (the fstrace shim turns it into a no-op:
# CRASH_SKIP_FSYNC), and runs tst_crashstates again. A site is proven necessary when the
# test then fails. Sites that the test does not miss are listed as "not proven".
#
#   tests/integration/crash/mutation-proof.sh [BUILD_DIR]      (default: build)
#
# Exit status: 0 when the baseline passes and every fsync of the store's and the first
# pack's write paths (packstore, objectwriter, firstpack, fsutil) is proven necessary.
set -u
build=${1:-build}
test="$build/tests/integration/crash/tst_crashstates"
[ -x "$test" ] || { echo "mutation-proof: build $test first (cmake --build $build --target tst_crashstates)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC QT_QPA_PLATFORM=offscreen

# The baseline: which workloads pass as the code is, and the fsync sites they reach.
functions=""
for f in firstStart usbSync activation garbageCollection; do
    if CRASH_SITES_FILE="$work/sites-$f" "$test" "$f" >"$work/baseline-$f.log" 2>&1 \
        && ! grep -q '^XFAIL' "$work/baseline-$f.log"; then
        functions="$functions $f"
        echo "baseline $f: passes"
    else
        echo "baseline $f: FAILS as the code is (or is a known bug), so mutations cannot be judged on it:"
        grep -E "^(XFAIL|FAIL!|QWARN)|^    " "$work/baseline-$f.log" | head -8 | cut -c1-300 | sed 's/^/    /'
    fi
done
# Sites are judged on the workloads that pass; a site only a failing workload reaches cannot be.
for f in $functions; do cat "$work/sites-$f"; done \
    | awk -F '\t' '{ if ($1 in p) p[$1] = p[$1] ";" $2; else p[$1] = $2 } END { for (l in p) print l "\t" p[l] }' \
    | sort >"$work/sites"
cat "$work"/sites-* 2>/dev/null | sort -u | while IFS="$(printf '\t')" read -r label prefixes; do
    grep -qF "$label	" "$work/sites" || printf '  not judged (only a failing workload reaches it): %s\n' "$label"
done
[ -n "$functions" ] || { echo "mutation-proof: no workload passes as the code is"; exit 1; }

status=0
echo
echo "fsync call sites reached by the workloads:"
while IFS="$(printf '\t')" read -r label prefixes; do
    # shellcheck disable=SC2086 # the functions are words
    if CRASH_SKIP_FSYNC="$prefixes" "$test" $functions >"$work/mutant.log" 2>&1; then
        verdict="NOT PROVEN: the test passes without it"
        case "$label" in
            *packstore.cpp*|*objectwriter.cpp*|*firstpack.cpp*) status=1 ;;
        esac
    else
        why=$(grep -m1 -E "^ +(the kiosk|version|the workload|the manifest|shown|.previous.)" "$work/mutant.log" | sed 's/^ *//' | cut -c1-200)
        verdict="proven: without it, ${why:-the test fails}"
    fi
    printf '  %s\n      %s\n' "$label" "$verdict"
done <"$work/sites"
exit $status
