#!/usr/bin/env bash
# Runs the libFuzzer harnesses of the fuzz preset (tests/fuzz/README.md) on seed corpora made
# from the inputs the repository ships, and exits non-zero on any finding.
#
#   bash tests/fuzz/run.sh                              # CI: 20,000 executions per harness
#   bash tests/fuzz/run.sh --runs 0 --max-time 3600     # long run: an hour per harness
#
# Options: --runs N (0: no limit; default $TRIAD_FUZZ_RUNS or 20000), --max-time SECONDS per
# harness (default $TRIAD_FUZZ_MAX_TIME or none), --only scenario|nfg, --keep (start from the
# inputs found by earlier runs too), --minimize (merge seeds and found inputs into a minimal
# corpus, no fuzzing), --build DIR (default build/fuzz). Anything after `--` goes to libFuzzer.
#
# Everything written goes under the build folder, never into the source tree:
# DIR/fuzz/NAME/{seeds,found,min} (corpora), DIR/fuzz/NAME/findings (crash-*, leak-*, timeout-*,
# oom-* inputs), DIR/fuzz/NAME.log (libFuzzer's output).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
runs="${TRIAD_FUZZ_RUNS:-20000}"
max_time="${TRIAD_FUZZ_MAX_TIME:-0}"
build=build/fuzz
only=""
keep=0
minimize=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --max-time) max_time="$2"; shift 2 ;;
    --only) only="$2"; shift 2
            case "$only" in scenario|nfg) ;; *) echo "run.sh: --only scenario or --only nfg" >&2; exit 2 ;; esac ;;
    --build) build="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --minimize) minimize=1; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: bash tests/fuzz/run.sh [--runs N] [--max-time S] [--only scenario|nfg] [--keep] [--minimize] [--build DIR] [-- LIBFUZZER-FLAGS]" >&2
       exit 2 ;;
  esac
done
if [ "$runs" = 0 ] && [ "$max_time" = 0 ] && [ "$minimize" = 0 ]; then
  echo "run.sh: --runs 0 runs until --max-time; give one (e.g. --max-time 3600)" >&2
  exit 2
fi
build="$(cd "$build" 2>/dev/null && pwd)" || { echo "run.sh: no $build; first: cmake --preset fuzz && cmake --build --preset fuzz" >&2; exit 2; }
# Two runs on one build folder would delete each other's corpora and mix their logs.
mkdir -p "$build/fuzz"
exec 9>"$build/fuzz/.lock"
flock -n 9 || { echo "run.sh: another run.sh is using $build; wait for it to finish" >&2; exit 2; }
# Readable stack traces need llvm-symbolizer; Debian also names it llvm-symbolizer-14.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && ! command -v llvm-symbolizer >/dev/null && command -v llvm-symbolizer-14 >/dev/null; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer-14)"
fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# On an out-of-memory finding libFuzzer prints ASan's heap profile before it saves the input,
# and with clang 14 that takes over 15 minutes for a 2 GB heap with full allocation stacks, but
# seconds with two frames. Reproduce a finding by hand (README.md) for full stacks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=2}"

# The shipped inputs of one kind: every FILE matching the pattern outside build/ and .git/.
shipped() { find "$root" \( -path "$root/build" -o -path "$root/.git" \) -prune -o -type f -name "$1" -print | sort; }

# fuzz NAME PATTERN MAX_LEN: one harness, on the shipped files matching PATTERN.
fuzz() {
  local name="$1" pattern="$2" max_len="$3"
  local bin="$build/tests/fuzz/triad_fuzz_$name" dir="$build/fuzz/$name" log="$build/fuzz/$name.log"
  [ -x "$bin" ] || { echo "run.sh: no $bin; build it with cmake --build --preset fuzz" >&2; exit 2; }
  # Seeds are made afresh from the sources each time; found inputs start empty unless --keep,
  # so that a CI run, with its fixed seed, always starts from the same corpus.
  rm -rf "$dir/seeds"
  [ "$keep" = 1 ] || rm -rf "$dir/found"
  mkdir -p "$dir/seeds" "$dir/found" "$dir/findings"
  local file
  while IFS= read -r file; do
    local rel="${file#"$root"/}"
    cp "$file" "$dir/seeds/${rel//\//_}"
  done < <(shipped "$pattern")
  # The largest legitimate game (10^6 profiles, the baseline's drivers) loads in 15 s and 1.6 GB
  # under ASan: 60 s or 2 GB on one input is a finding (but see README.md on memory).
  local flags=(-max_len="$max_len" -rss_limit_mb=2048 -timeout=60 -artifact_prefix="$dir/findings/"
               -print_final_stats=1)
  if [ "$minimize" = 1 ]; then
    rm -rf "$dir/min" && mkdir -p "$dir/min"
    echo "== fuzz $name: minimizing $(ls "$dir/seeds" | wc -l) seeds and $(ls "$dir/found" | wc -l) found inputs into $dir/min"
    (cd "$dir" && "$bin" "${flags[@]}" -merge=1 "$dir/min" "$dir/found" "$dir/seeds" "${extra[@]}" >"$log" 2>&1) ||
      { tail -n 80 "$log"; echo "fuzz $name: FAILED while minimizing (full log: $log)" >&2; exit 1; }
    echo "fuzz $name: $(ls "$dir/min" | wc -l) inputs kept"
    return
  fi
  # -runs=-1 is libFuzzer's "no limit"; a fixed -seed makes the run reproducible.
  flags+=(-runs="$([ "$runs" = 0 ] && echo -1 || echo "$runs")" -seed=1)
  [ "$max_time" = 0 ] || flags+=(-max_total_time="$max_time")
  echo "== fuzz $name: $(ls "$dir/seeds" | wc -l) seeds, runs=$runs, max-time=${max_time}s, max_len=$max_len"
  local start
  start="$(date +%s%N)"
  # The working folder is under build/: libFuzzer's stray files (fuzz-N.log) stay there too.
  if ! (cd "$dir" && "$bin" "${flags[@]}" "${extra[@]}" "$dir/found" "$dir/seeds" >"$log" 2>&1); then
    tail -n 80 "$log"
    echo "fuzz $name: FINDING (input in $dir/findings/, full log: $log;" \
         "reproduce with $bin FILE)" >&2
    exit 1
  fi
  # libFuzzer's own exec/s counts whole seconds (0 for a short run): compute it from the wall time.
  local ms done_runs rss
  ms="$(( ($(date +%s%N) - start) / 1000000 + 1 ))"
  done_runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)"
  printf 'fuzz %s: ok, %s executions in %d.%d s (%d exec/s, peak RSS %s MB; log: %s)\n' "$name" "$done_runs" \
         "$((ms / 1000))" "$((ms % 1000 / 100))" "$((done_runs * 1000 / ms))" "$rss" "$log"
}

# Scenarios are up to ~35 KB: 64 KiB leaves room to grow them. .nfg seeds are under 1 KB.
[ -n "$only" ] && [ "$only" != scenario ] || fuzz scenario '*.yaml' 65536
[ -n "$only" ] && [ "$only" != nfg ] || fuzz nfg '*.nfg' 4096
