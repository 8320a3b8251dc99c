#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install, build, and compare the essays' claims
# with the model (every prediction of every scenario under scenarios/), then show the baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
./build/release/triad compare scenarios/
