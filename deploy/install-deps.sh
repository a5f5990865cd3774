#!/usr/bin/env bash
# Installs every Debian 12 package Passerelle needs to build, test and run.
# Idempotent: packages already installed are skipped, and apt is not called at all
# when nothing is missing. Nothing is downloaded from anywhere but Debian's archive.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config git
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-multimedia-dev
  qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libicu-dev libsqlite3-dev libsodium-dev libmd4c-dev libyaml-cpp-dev libqrencode-dev
  libssl-dev  # sync: SHA-256 of objects at line speed (kiosk/sync/sha256stream.h)
  # QML modules and plugins the kiosk loads at run time
  qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-controls
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtquick-templates
  qml6-module-qtqml-workerscript qml6-module-qtquick-shapes qml6-module-qtmultimedia
  qml6-module-qtquick-virtualkeyboard qml6-module-qt-labs-folderlistmodel qml6-module-qttest
  qt6-qpa-plugins libqt6svg6 qt6-image-formats-plugins qt6-wayland
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  fonts-noto-core
  # content build: speech synthesis (passerelle-speak links libespeak-ng) and Opus encoding
  # (libopus, libogg); opus-tools for editors' recordings (README) and the audio tests
  espeak-ng libespeak-ng-dev libopus-dev libogg-dev opus-tools
  # one loudness for every clip (EBU R128): kiosk/pack/loudness.cpp
  libebur128-dev
  # recordings from phones (import-audio, the studio): GStreamer decoders for MP3 and
  # M4A/AAC (libav), AMR (ugly); ffmpeg makes the tests' phone-like files, and PulseAudio
  # gives the studio test its virtual microphone
  gstreamer1.0-libav gstreamer1.0-plugins-ugly ffmpeg pulseaudio pulseaudio-utils
  # tests and operations
  xvfb xauth nginx-light minisign clang-14 libclang-rt-14-dev
  libxml2-utils dpkg-dev file systemd
  # the .deb installed into a pristine Debian 12 root (ctest -L deb_pristine; chroot and
  # runuser come with coreutils and util-linux)
  debootstrap
  # operations: the kiosk compositor (the unit's ExecStart, checked by systemd-analyze
  # verify) and the logind session it runs in
  cage xwayland libpam-systemd
  # the on-screen keyboard's input context (QT_IM_MODULE=qtvirtualkeyboard), a run-time Depends
  qt6-virtualkeyboard-plugin
  # translation files: interoperability tests (translate-toolkit, gettext's msgfmt)
  translate-toolkit gettext
  # the web copy's pages are checked with tidy (tests/unit/web, tests/integration/web)
  tidy
)
# The browser the kiosk is measured against (tests/bench/compare-browser, ctest -L bench):
# large, and not needed by the default tests, so only with --bench.
if [ "${1:-}" = "--bench" ]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# nginx-light starts a system service on install; the tests run their own instance.
