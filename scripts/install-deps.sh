#!/usr/bin/env bash
# Installs the Debian packages npgov needs to build, test and run, if any are missing.
# Idempotent: does nothing (and needs no network) when everything is present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib
  libcpp-httplib-dev libexpected-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libcli11-dev libtoml11-dev libsodium-dev libboost-dev libeigen3-dev libxlsxwriter-dev
  libzip-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs chromium fonts-noto-cjk wrk curl python3
  # stats goldens: R survival (Kaplan-Meier), scipy (trend tests), statsmodels (ROS cross-check)
  r-base-core r-cran-survival python3-scipy python3-numpy python3-statsmodels
  # chemistry engine: RDKit (C++), IUPAC InChI; Python RDKit for goldens and the chem benchmark
  librdkit-dev libinchi-dev python3-rdkit
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "npgov: installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
