#!/usr/bin/env bash
# Installs what triad needs from Debian 12 packages. Run as root (or with sudo available).
# With --mpi, also Open MPI, for the MPI build of sweeps (cmake --preset mpi; docs/cluster.md).
# With --notebooks, also Debian's Jupyter, pandas and matplotlib (for /usr/bin/python3).
# With --browser, also Debian's Chromium, to render the HTML report in tests.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libeigen3-dev libboost-program-options-dev libyaml-cpp-dev catch2
  clang  # to check that the code also compiles with clang++, and for libFuzzer (tools/run-tests.sh)
  # clang's runtimes for libFuzzer, ASan and UBSan (only recommended by clang, so not pulled
  # in by --no-install-recommends), and llvm-symbolizer for their stack traces (tests/fuzz).
  libclang-rt-14-dev llvm
)
for arg in "$@"; do
  case "$arg" in
    --mpi) packages+=(libopenmpi-dev openmpi-bin) ;;
    --notebooks) packages+=(jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib) ;;
    --browser) packages+=(chromium) ;;
    *) echo "usage: bash tools/install-deps.sh [--mpi] [--notebooks] [--browser]" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "install-deps: installing ${missing[*]}"
# apt's output only if it fails: the build and test output that follows stays readable.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq \
         --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: FAILED to install ${missing[*]} (apt's output above)" >&2
  exit 1
fi
echo "install-deps: done"
