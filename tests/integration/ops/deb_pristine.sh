#!/usr/bin/env bash
# The .deb, proven where operators install it (issue 15, item 11): a pristine Debian 12
# root made with debootstrap, the package installed into it with apt, the kiosk run there
# (--self-test and --screenshot on the demo pack it ships), then removed (only the
# configuration and the kiosk's state may stay) and purged (nothing may stay).
#
#   deb_pristine.sh DEB_DIR WORK CACHE
#     DEB_DIR  where the built passerelle_*.deb is (ops.deb_inspect makes it)
#     WORK     scratch folder, emptied first (the root is unpacked there)
#     CACHE    kept between runs: the fresh root's tarball and apt's downloaded .debs
#
# Needs root (chroot, mount), debootstrap, and the network to deb.debian.org only (the
# root's apt sources and debootstrap's mirror; nothing else is contacted). A first run
# spends a minute or two in debootstrap; later ones unpack the cached tarball. Every run
# starts from a fresh copy of it: nothing a run did is seen by the next. The tarball is
# made again when older than 30 days, so the root stays a current Debian 12.
set -euo pipefail

deb_dir=$1 work=$2 cache=$3
mirror=http://deb.debian.org/debian
suite=bookworm
tarball=$cache/$suite-minbase.tar
root=$work/root
start=$SECONDS

# The first lines of a listing, and how many more.
head_of() { awk 'NR <= 20 {print "  " $0} END {if (NR > 20) print "  ... and " NR - 20 " more"}' <<<"$1"; }
say() { printf '[deb_pristine %3ds] %s\n' $((SECONDS - start)) "$*"; }
fail() { printf 'deb_pristine: FAILED: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
    # As deploy/install-deps.sh does: sudo, when it needs no password.
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        exec sudo -n -- "$0" "$@"
    fi
    fail "needs root (debootstrap, chroot and mount): run ctest as root or with password-less sudo, or leave it out with --label-exclude deb_pristine"
fi
command -v debootstrap >/dev/null || fail "debootstrap is not installed: run deploy/install-deps.sh"
shopt -s nullglob
debs=("$deb_dir"/passerelle_*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one passerelle_*.deb in $deb_dir (made by ops.deb_inspect), found ${#debs[@]}"
deb=${debs[0]}

# Mounts in the root, undone whatever happens (also on failure and on ctest's timeout).
mounts=()
cage_pid=
cleanup() {
    local i p real
    # Whatever still runs inside the root (a kiosk or cage that did not stop) is ours.
    [ -z "$cage_pid" ] || kill $cage_pid 2>/dev/null || true
    real=$(realpath -e "$root" 2>/dev/null) || real=
    if [ -n "$real" ] && [ "$real" != / ]; then
        for p in /proc/[0-9]*; do
            [ "$(readlink "$p/root" 2>/dev/null)" != "$real" ] || kill -KILL "${p#/proc/}" 2>/dev/null || true
        done
    fi
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -l "${mounts[i]}" 2>/dev/null || true
    done
    # The root goes (a gigabyte; its logs and lists stay in WORK), once nothing is
    # mounted in it any more.
    real=$(realpath -e "$root" 2>/dev/null) || real=
    if [ -n "$real" ] && [ "$real" != / ] && ! awk -v r="$real/" 'index($2, r) == 1 {found = 1} END {exit !found}' /proc/self/mounts; then
        rm -rf "$real"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
mount_in_root() { # mount_in_root TARGET mount-arguments...
    local target=$1
    shift
    mkdir -p "$target"
    mount "$@" "$target"
    mounts+=("$target")
}

# Whatever a previous run left (one cut short by a timeout may keep its root).
if [ -d "$work" ]; then
    for m in $(awk -v w="$(realpath "$work")/" 'index($2, w) == 1 {print $2}' /proc/self/mounts | sort -r); do
        umount -l "$m"
    done
    rm -rf "$work"
fi
mkdir -p "$work" "$cache/archives/partial"

# 1. The pristine root: debootstrap once, then a fresh copy of its tarball per run.
if [ -f "$tarball" ] && [ -z "$(find "$tarball" -mtime +30)" ]; then
    say "pristine root from the cached $tarball"
else
    say "debootstrap --variant=minbase $suite ($mirror): once, then cached in $tarball"
    fresh=$work/debootstrap
    if ! debootstrap --variant=minbase $suite "$fresh" $mirror >"$work/debootstrap.log" 2>&1; then
        tail -n 30 "$work/debootstrap.log" >&2
        fail "debootstrap failed (is deb.debian.org reachable?); its log: $work/debootstrap.log"
    fi
    rm -f "$fresh"/var/cache/apt/archives/*.deb
    tar -C "$fresh" --numeric-owner -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    rm -rf "$fresh"
fi
mkdir -p "$root"
tar -C "$root" --numeric-owner -xf "$tarball"

# What a Debian 12 installation has: the release, its updates and its security fixes,
# all from deb.debian.org.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A chroot, not a booted system: no maintainer script may start a daemon here (dbus,
# from the dependencies, would otherwise keep running with the root's files open).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
mount_in_root "$root/proc" -t proc proc
mount_in_root "$root/dev/shm" -t tmpfs -o mode=1777 tmpfs
mount_in_root "$root/dev/pts" -t devpts -o newinstance,ptmxmode=0666 devpts
# apt's downloads survive the run (the packages, not their installation): later runs
# download only what changed in the archive.
mount_in_root "$root/var/cache/apt/archives" --bind "$cache/archives"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
                DEBIAN_FRONTEND=noninteractive "$@"; }
apt_in_root() { # apt's output goes to a log; its tail when it fails
    local log=$work/apt.log
    echo "### apt-get $*" >>"$log"
    # --force-unsafe-io: no fsync per unpacked file, as debootstrap and Debian's chroot
    # builders do; the root is thrown away after the run.
    if ! in_root apt-get -o Dpkg::Use-Pty=0 -o APT::Keep-Downloaded-Packages=true \
            -o Dpkg::Options::=--force-unsafe-io "$@" >>"$log" 2>&1; then
        tail -n 40 "$log" >&2
        fail "apt-get $* failed in the pristine root (whole log: $log)"
    fi
}
# A listing of the root that maintainer scripts and the kiosk could change, without
# apt's and dpkg's own bookkeeping, logs, caches and the pseudo file systems.
snapshot() {
    (cd "$root" && find . \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./run -o -path ./tmp \
        -o -path ./var/cache -o -path ./var/log -o -path ./var/lib/apt -o -path ./var/lib/dpkg \) -prune \
        -o -print | LC_ALL=C sort) >"$1"
}

say "apt-get update"
apt_in_root update
# 2. Everything the package's Depends names, and nothing more (no Recommends: the
# package must work with exactly what it declares); the listing of the root then is the
# one that purge must give back.
depends=$(dpkg-deb -f "$deb" Depends)
say "installing the package's Depends (apt-get satisfy --no-install-recommends)"
apt_in_root satisfy -y --no-install-recommends "$depends"
snapshot "$work/before.list"

# 3. The package itself, as the operator's guide says: apt, from the file.
cp "$deb" "$root/tmp/"
say "apt-get install ./$(basename "$deb")"
apt_in_root install -y --no-install-recommends "./tmp/$(basename "$deb")"
in_root dpkg-query -W -f='${Status}\n' passerelle | grep -qx 'install ok installed' \
    || fail "passerelle is not installed after apt-get install"
in_root dpkg -L passerelle | LC_ALL=C sort >"$work/owned.list"
in_root cat /var/lib/dpkg/info/passerelle.conffiles >"$work/conffiles.list" 2>/dev/null || : >"$work/conffiles.list"
snapshot "$work/installed.list"

# 4. The kiosk runs there, as its own user, with nothing but what apt brought.
# (/run/user/<uid> comes from a logind session, which a chroot does not have.)
in_root install -d -o passerelle -g passerelle -m 0700 /tmp/passerelle-xdg
kiosk() {
    in_root /usr/sbin/runuser -u passerelle -- /usr/bin/env HOME=/var/lib/passerelle \
        QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/passerelle-xdg timeout 120 /usr/bin/passerelle "$@"
}
say "passerelle --pack /usr/share/passerelle/packs/demo --self-test"
if ! kiosk --pack /usr/share/passerelle/packs/demo --self-test >"$work/self-test.log" 2>&1; then
    cat "$work/self-test.log" >&2
    fail "passerelle --self-test fails on a pristine Debian 12 with only the package's Depends installed (above: what it said; a QML module or plugin 'is not installed' means Depends in deploy/packaging.cmake lacks the Debian package that ships it)"
fi
say "passerelle --pack /usr/share/passerelle/packs/demo --screenshot"
png=$root/tmp/screen.png
if ! kiosk --pack /usr/share/passerelle/packs/demo --screenshot /tmp/screen.png --size 1280x720 \
        >"$work/screenshot.log" 2>&1 || [ ! -f "$png" ]; then
    cat "$work/screenshot.log" >&2
    fail "passerelle --screenshot wrote no PNG in the pristine root"
fi
# PNG signature, then IHDR: 1280 (0x500) x 720 (0x2d0); a drawn screen, not a blank one
# (that compresses to a few KB).
header=$(head -c 24 "$png" | od -An -tx1 | tr -d ' \n')
[ "$header" = 89504e470d0a1a0a0000000d4948445200000500000002d0 ] || fail "the screenshot is not a 1280x720 PNG: $header"
size=$(stat -c %s "$png")
[ "$size" -ge 10000 ] || fail "the screenshot looks empty ($size bytes)"
cp "$png" "$work/screen.png"
say "screenshot: $work/screen.png, $size bytes"

# The unit's command line itself (cage, Qt's Wayland plugin, the kiosk with the packaged
# configuration, from its state directory), on wlroots' headless backend as
# deploy/README.md shows it: up to "ready", then the unit's clean stop.
say "cage -d -- passerelle --config /etc/passerelle/passerelle.conf (headless), as the kiosk user"
in_root /usr/sbin/runuser -u passerelle -- /usr/bin/env HOME=/var/lib/passerelle \
    XDG_RUNTIME_DIR=/tmp/passerelle-xdg WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
    QT_QPA_PLATFORM=wayland QT_WAYLAND_DISABLE_WINDOWDECORATION=1 XDG_SESSION_TYPE=wayland \
    /bin/sh -c 'cd /var/lib/passerelle && exec timeout -s HUP 150 cage -d -- /usr/bin/passerelle --config /etc/passerelle/passerelle.conf' \
    >"$work/cage.log" 2>&1 &
cage_pid=$!
for ((i = 0; i < 120; i++)); do
    grep -q 'ready: pack' "$work/cage.log" && break
    kill -0 $cage_pid 2>/dev/null || break
    sleep 1
done
if ! grep -q 'ready: pack' "$work/cage.log"; then
    cat "$work/cage.log" >&2
    fail "the kiosk under cage (the unit's command line) did not get ready in the pristine root (its log: $work/cage.log)"
fi
kiosk_pid=$(cat "$root/var/lib/passerelle/running")
kill -TERM "$kiosk_pid"
for ((i = 0; i < 30; i++)); do
    kill -0 $cage_pid 2>/dev/null || break
    sleep 1
done
if kill -0 $cage_pid 2>/dev/null; then
    cat "$work/cage.log" >&2
    fail "cage did not exit within 30 s of the kiosk's SIGTERM (the unit's ExecStop)"
fi
wait $cage_pid || true
cage_pid=
say "under cage: $(grep -o 'kiosk .* ready: pack.*' "$work/cage.log" | head -n 1); stopped cleanly"

# 5. Remove: the program goes; only the configuration (conffiles, /etc/passerelle) and
# the kiosk's state (/var/lib/passerelle: packs, usage counts) may stay.
say "apt-get remove passerelle"
apt_in_root remove -y passerelle
in_root dpkg-query -W -f='${Status}\n' passerelle | grep -qx 'deinstall ok config-files' \
    || fail "after apt-get remove, passerelle's status is not 'deinstall ok config-files'"
snapshot "$work/removed.list"
allowed='^\./(etc/passerelle(/.*)?|var/lib/passerelle(/.*)?'
while read -r conffile; do
    [ -n "$conffile" ] && allowed+="|$(printf '%s' "${conffile#/}" | sed 's/[][\.*^$+?(){}|]/\\&/g')"
done <"$work/conffiles.list"
allowed+=')$'
left=$(LC_ALL=C comm -13 "$work/before.list" "$work/removed.list" | grep -Ev "$allowed" || true)
[ -z "$left" ] || fail "apt-get remove left these behind (not configuration):
$(head_of "$left")"
gone=$(LC_ALL=C comm -23 "$work/before.list" "$work/removed.list")
[ -z "$gone" ] || fail "apt-get remove deleted files that were there before the package:
$(head_of "$gone")"
for conffile in $(cat "$work/conffiles.list"); do
    [ -e "$root$conffile" ] || fail "apt-get remove deleted the configuration file $conffile"
done
# What the package owned (dpkg -L before removing) and still there is configuration.
# Folders are left to the listing above: the package shares many (/lib, a link to
# usr/lib since the /usr merge, /lib/systemd, ...), and its own ones appear there.
while read -r path; do
    [ -e "$root$path" ] || [ -L "$root$path" ] || continue
    [ ! -d "$root$path" ] || continue
    case $path in /etc/passerelle/*) continue ;; esac
    grep -qxF "$path" "$work/conffiles.list" && continue
    fail "apt-get remove left $path, which the package installed"
done <"$work/owned.list"

# 6. Purge: nothing of the package is left; the root is as before it came.
say "apt-get purge passerelle"
apt_in_root purge -y passerelle
if in_root dpkg-query -W -f='${Status}\n' passerelle 2>/dev/null | grep -q 'config-files\|installed'; then
    fail "dpkg still knows passerelle after apt-get purge"
fi
snapshot "$work/purged.list"
left=$(LC_ALL=C comm -13 "$work/before.list" "$work/purged.list")
[ -z "$left" ] || fail "apt-get purge left these behind:
$(head_of "$left")"
gone=$(LC_ALL=C comm -23 "$work/before.list" "$work/purged.list")
[ -z "$gone" ] || fail "apt-get purge deleted files that were there before the package:
$(head_of "$gone")"

owned=$(wc -l <"$work/owned.list")
say "passed: installed with apt on a pristine $suite, self-test and screenshot ran, remove kept only the configuration, purge left nothing ($owned paths owned by the package)"
