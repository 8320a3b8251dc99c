#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install, build, compare every essay's claims with
# the model (every prediction of every scenario under scenarios/), print a short summary and
# write the comparison as one HTML page, report.html (open it in any browser, offline).
# The long text of the same comparison: ./build/release/triad compare scenarios/
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
./build/release/triad report scenarios/ -o report.html
echo "Open $(pwd)/report.html in a browser; 'build/release/triad compare scenarios/' prints every claim in full."
