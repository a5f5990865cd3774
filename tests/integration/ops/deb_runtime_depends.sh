#!/usr/bin/env bash
# What the kiosk really loads at run time, against what its .deb declares (issue 15,
# item 11). The kiosk runs its self-test (every route in every language, the on-screen
# keyboard included), then starts as the unit starts it, under cage (headless); both with
# the dynamic loader's trace (LD_DEBUG=libs: every shared object,
# plugins included, as it is initialised) and the QML engine's import trace
# (QML_IMPORT_TRACE=1: every qmldir it reads). Each file is mapped to its Debian package
# (dpkg -S) and compared with the Depends of the built package (dpkg-deb -f):
#   - a QML module or a Qt plugin must come from a package Depends names itself: Qt loads
#     them by name, so no library dependency brings them;
#   - any other shared object must come from a package in Depends or pulled in by one
#     (Depends and Pre-Depends, followed through the installed packages' own, and
#     through what provides a virtual package).
#
#   deb_runtime_depends.sh KIOSK PACK DEB_DIR WORK
set -euo pipefail

kiosk=$1 pack=$2 deb_dir=$3 work=$4
fail() { printf 'deb_runtime_depends: FAILED: %s\n' "$*" >&2; exit 1; }

shopt -s nullglob
debs=("$deb_dir"/passerelle_*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one passerelle_*.deb in $deb_dir (made by ops.deb_inspect), found ${#debs[@]}"
deb=${debs[0]}
rm -rf "$work"
mkdir -p "$work"

# 1. The self-test, traced.
if ! env QT_QPA_PLATFORM=offscreen QML_IMPORT_TRACE=1 LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/ld" \
        timeout 300 "$kiosk" --pack "$pack" --self-test >"$work/self-test.log" 2>&1; then
    grep -v 'QQmlImport' "$work/self-test.log" | tail -n 40 >&2
    fail "passerelle --self-test failed (log: $work/self-test.log)"
fi
grep -q 'self-test: passed' "$work/self-test.log" || fail "the self-test did not report 'passed' (log: $work/self-test.log)"

# 1b. The kiosk as the unit runs it: under cage (on wlroots' headless backend, so no
# screen is needed), through Qt's Wayland platform plugin, until it is ready; then the
# unit's clean stop. cage refuses to run as root: as root, this runs as nobody.
mkdir -p "$work/cage/state" "$work/cage/xdg"
cp -r "$pack" "$work/cage/pack" # a copy the kiosk's user can read
chmod 0700 "$work/cage/xdg"
printf '[kiosk]\nname = Runtime depends\n[storage]\nstate_directory = %s\n[health]\ntextfile = %s\n' \
    "$work/cage/state" "$work/cage/health.prom" >"$work/cage/passerelle.conf"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody "$work/cage"
    as_user=(runuser -u nobody --)
fi
: >"$work/cage.log"
"${as_user[@]}" env XDG_RUNTIME_DIR="$work/cage/xdg" WLR_BACKENDS=headless WLR_RENDERER=pixman \
    WLR_LIBINPUT_NO_DEVICES=1 QT_QPA_PLATFORM=wayland QT_WAYLAND_DISABLE_WINDOWDECORATION=1 \
    XDG_SESSION_TYPE=wayland QML_IMPORT_TRACE=1 LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/cage/ld" \
    timeout -s HUP 150 cage -d -- "$kiosk" --config "$work/cage/passerelle.conf" --pack "$work/cage/pack" \
    >"$work/cage.log" 2>&1 &
cage_pid=$!
trap 'kill $cage_pid 2>/dev/null || true' EXIT
for ((i = 0; i < 120; i++)); do
    grep -q 'ready: pack' "$work/cage.log" && break
    kill -0 $cage_pid 2>/dev/null || break
    sleep 1
done
if ! grep -q 'ready: pack' "$work/cage.log"; then
    grep -v 'QQmlImport' "$work/cage.log" | tail -n 40 >&2
    fail "the kiosk under cage (headless) did not get ready (log: $work/cage.log)"
fi
kill -TERM "$(cat "$work/cage/state/running")"
for ((i = 0; i < 30; i++)); do
    kill -0 $cage_pid 2>/dev/null || break
    sleep 1
done
if kill -0 $cage_pid 2>/dev/null; then
    fail "cage did not exit within 30 s of the kiosk's SIGTERM (log: $work/cage.log)"
fi
wait $cage_pid || true
trap - EXIT

# Shared objects, as the loader initialised them (one trace file per process).
cat "$work"/ld.* "$work"/cage/ld.* | sed -n 's/.*calling init: \(\/.*\)$/\1/p' | sort -u >"$work/libraries"
# qmldir files the engine read.
cat "$work/self-test.log" "$work/cage.log" | grep -o '"/[^"]*/qmldir"\|/[^ "]*/qmldir' | tr -d '"' | sort -u >"$work/qmldirs" || true
[ -s "$work/libraries" ] || fail "the loader's trace lists no shared object (LD_DEBUG=libs unsupported?)"
[ -s "$work/qmldirs" ] || fail "the QML import trace lists no qmldir (QML_IMPORT_TRACE=1 changed its output?)"

# 2. Their Debian packages (files of the build tree, e.g. the kiosk's own QML modules,
# belong to no package and are skipped).
# One dpkg -S for every path and its other spellings (/lib and /usr/lib are one folder
# since the /usr merge, and dpkg knows each file under the name its package used).
declare -A owner_of=()
candidates=()
while read -r path; do
    case $path in
        /usr/* | /lib/* | /lib64/*) candidates+=("$path" "$(realpath -m "$path")" "${path#/usr}" "/usr${path#/usr}") ;;
    esac
done < <(cat "$work/libraries" "$work/qmldirs")
while IFS= read -r line; do
    case $line in diversion\ by*) continue ;; esac
    owner_of[${line#*: }]=${line%%: *}
done < <(printf '%s\n' "${candidates[@]}" | sort -u | xargs -d '\n' dpkg -S 2>/dev/null | grep '^[^ ]*: /' || true)
: >"$work/owners"
while read -r path; do
    case $path in
        /usr/* | /lib/* | /lib64/*) ;;
        *) continue ;;
    esac
    package=
    for candidate in "$path" "$(realpath -m "$path")" "${path#/usr}" "/usr${path#/usr}"; do
        package=${owner_of[$candidate]:-}
        [ -z "$package" ] || break
    done
    package=${package%%:*} # libfoo:amd64 -> libfoo
    package=${package%%,*} # "a, b: path" (a file in two packages): the first
    [ -n "$package" ] || fail "$path is loaded by the kiosk but belongs to no Debian package"
    kind=library
    case $path in
        */qt6/qml/*) kind=qml ;;
        */qt6/plugins/*) kind=plugin ;;
    esac
    printf '%s %s %s\n' "$kind" "$package" "$path" >>"$work/owners"
done < <(cat "$work/libraries" "$work/qmldirs")

# 3. Depends, and what apt brings with it.
depends=$(dpkg-deb -f "$deb" Depends)
# "a (>= 1), b | c" -> a b c
names=$(printf '%s' "$depends" | sed 's/([^)]*)//g; s/:any//g' | tr ',|' '\n\n' | tr -d ' ' | grep . | sort -u)
# From dpkg's database, which the test machine has complete (apt's lists may be empty).
closure=$(dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\n' |
    awk -F'\t' -v roots="$(echo $names)" '
        $1 ~ /^ii/ {
            deps[$2] = deps[$2] "," $3
            n = split($4, provides, ",")
            for (i = 1; i <= n; i++) {
                v = provides[i]; gsub(/\([^)]*\)|:any| /, "", v)
                if (v != "") providers[v] = providers[v] "," $2
            }
        }
        END {
            tail = split(roots, queue, " ")
            for (i = 1; i <= tail; i++) seen[queue[i]] = 1
            for (head = 1; head <= tail; head++) {
                p = queue[head]; print p
                list = deps[p] "," providers[p]
                gsub(/\([^)]*\)|:any/, "", list); gsub(/[|, ]+/, " ", list)
                m = split(list, next_, " ")
                for (j = 1; j <= m; j++)
                    if (!(next_[j] in seen)) { seen[next_[j]] = 1; queue[++tail] = next_[j] }
            }
        }' | sort -u)

missing=()
while read -r kind package path; do
    case $kind in
        qml | plugin)
            grep -qxF "$package" <<<"$names" || missing+=("$package (the kiosk loads the $kind $path)") ;;
        *)
            grep -qxF "$package" <<<"$closure" || missing+=("$package (the kiosk loads $path; nothing in Depends brings it)") ;;
    esac
done <"$work/owners"
if [ ${#missing[@]} -gt 0 ]; then
    printf '%s\n' "${missing[@]}" | sort -u >"$work/missing"
    fail "the package's Depends (deploy/packaging.cmake) lacks what the kiosk loads at run time:
$(sed 's/^/  /' "$work/missing")
Depends: $depends"
fi
printf 'deb_runtime_depends: %d files of QML modules and plugins (from %s) and %d other libraries, all declared\n' \
    "$(grep -c '^\(qml\|plugin\) ' "$work/owners")" \
    "$(awk '$1 != "library" {print $2}' "$work/owners" | sort -u | tr '\n' ' ' | sed 's/ $//')" \
    "$(grep -c '^library ' "$work/owners")"
