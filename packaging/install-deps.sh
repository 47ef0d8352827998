#!/usr/bin/env bash
# Installs every build and test dependency of Streamwright on a fresh Debian 12 machine.
# Idempotent: when everything is present it prints nothing and returns at once.
set -euo pipefail

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins libgl-dev libxkbcommon-dev
  librdkafka-dev libsqlite3-dev sqlite3
  nlohmann-json3-dev
  xvfb xauth fonts-dejavu-core
  kcat python3-confluent-kafka
  # packaging: the .deb (cpack + dpkg-shlibdeps) and its checks; Qt's own translations
  dpkg-dev desktop-file-utils appstream lintian shared-mime-info qt6-translations-l10n
  # monitoring: the metrics endpoint (prometheus-cpp) and its tests (promtool, prometheus, curl)
  prometheus-cpp-dev prometheus curl
  # alert-sink: libcurl; its tests run a real Alertmanager and a cpp-httplib webhook receiver
  libcurl4-openssl-dev prometheus-alertmanager libcpp-httplib-dev
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$p")
  fi
done
# Node.js/npm (used by the export tests to validate SQL and YAML); the machine may already have
# a newer Node than Debian's, in which case we keep it.
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
