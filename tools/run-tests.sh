#!/usr/bin/env bash
# Every test on a fresh Debian 12 machine: install, build, run the suite, build the library and
# the program with clang++ as well (the fuzz preset) and fuzz the readers with libFuzzer for a
# fixed number of inputs, then build and run the suite again under AddressSanitizer
# and UndefinedBehaviorSanitizer, check that the suite catches the planted bugs of the `ci`
# subset of tools/mutants.txt, run the notebooks, render the HTML report in headless Chromium,
# and finally build the MPI
# variant and check that a 2-rank sweep writes the single-process file (docs/cluster.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs="$(nproc)"

# Installs an optional group of packages, quiet unless it fails: install_quietly FLAG WHAT.
install_quietly() {
  local log
  log="$(mktemp)"
  if ! bash tools/install-deps.sh "$1" >"$log" 2>&1; then
    cat "$log"
    echo "$2 (log above): FAILED" >&2
    exit 1
  fi
  rm -f "$log"
}

echo "== release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

# The fuzz preset compiles the whole library and the program with clang++, so it is also the
# portability check the clang preset was run for, at no extra build (tests/fuzz/README.md).
echo "== clang++ build with libFuzzer, ASan and UBSan; fuzzing: 20,000 inputs per harness"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
bash tests/fuzz/run.sh

echo "== sanitizer build and tests (ASan + UBSan)"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset sanitize -j "$jobs"

echo "== planted bugs (the ci subset of tools/mutants.txt: every one must be caught)"
bash tools/mutants.sh --subset ci --jobs "$jobs"

echo "== notebooks"
install_quietly --notebooks "notebooks: could not install Jupyter from Debian"
bash tests/run_notebooks.sh build/release/triad

echo "== the HTML report in a browser (headless Chromium)"
install_quietly --browser "report in browser: could not install Chromium from Debian"
bash tests/report_in_browser.sh build/release/triad

# Quiet unless it fails, so that CTest's summary above stays in view; then one line of result.
echo "== MPI sweep (2 ranks)"
mpi_log="$(mktemp)"
if ! { bash tools/install-deps.sh --mpi && cmake --preset mpi && cmake --build --preset mpi -j "$jobs"; } >"$mpi_log" 2>&1; then
  cat "$mpi_log"
  echo "mpi sweep: FAILED: could not install Open MPI or build the mpi preset (log above)" >&2
  exit 1
fi
rm -f "$mpi_log"
mpi_dir="$(mktemp -d)"
bash tests/mpi_sweep.sh build/mpi/triad "$mpi_dir"
rm -rf "$mpi_dir"
