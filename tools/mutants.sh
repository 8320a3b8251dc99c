#!/usr/bin/env bash
# Mutation testing: does the test suite notice a realistic one-line bug?
#
#   bash tools/mutants.sh [--subset NAME] [--list FILE] [--jobs N] [--only ID[,ID...]]
#                         [--timeout SECONDS] [--check] [--keep]
#
# Each mutant in the list (tools/mutants.txt by default; its header documents the format)
# replaces one exact piece of text that occurs exactly once in one file. The script copies the
# repository (the files git tracks plus untracked files that are not ignored) to a scratch
# folder under ${TMPDIR:-/tmp}, so the working tree is never touched; configures one Release
# build there (Ninja, no benchmarks), builds it and checks that the unmutated suite passes.
# Then, for each mutant: apply it, rebuild incrementally, run `ctest --stop-on-failure` with a
# per-test timeout (so a mutant that loops forever counts as caught), and restore the file.
#
#   caught    the build succeeded and some test failed (or timed out)
#   survived  the build succeeded and every test passed: a gap in the suite, or an
#             equivalent mutant (then replace it with a better one)
#   invalid   the mutant does not compile: fix the mutant; it is not counted as caught
#
# Prints one line per mutant, then the mutation score caught/valid and every survivor.
# Exit status: 0 when every selected mutant is caught; 1 when one survived or is invalid;
# 2 for a usage error, a list that no longer matches the code, or an unmutated suite that
# does not build or pass.
#
#   --subset NAME  only the mutants tagged NAME (e.g. `ci`, the subset tools/run-tests.sh runs)
#   --list FILE    another list of mutants
#   --jobs N       build and test jobs (default: nproc)
#   --only IDS     only these mutants (comma-separated), e.g. to try a new one
#   --timeout S    per-test timeout in seconds (default 120)
#   --check        only check the list against the code (no build): every text found once
#   --keep         keep the scratch folder (its path is printed) to inspect logs
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
list="$repo/tools/mutants.txt"
subset=""
only=""
jobs="$(nproc)"
timeout=120
check_only=0
keep=0

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --subset) [ $# -ge 2 ] || usage; subset="$2"; shift 2 ;;
    --list) [ $# -ge 2 ] || usage; list="$2"; shift 2 ;;
    --jobs) [ $# -ge 2 ] || usage; jobs="$2"; shift 2 ;;
    --only) [ $# -ge 2 ] || usage; only="$2"; shift 2 ;;
    --timeout) [ $# -ge 2 ] || usage; timeout="$2"; shift 2 ;;
    --check) check_only=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage ;;
    *) echo "mutants: unknown option '$1'" >&2; usage ;;
  esac
done
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "mutants: --jobs needs a positive number, not '$jobs'" >&2; exit 2; }
[[ "$timeout" =~ ^[1-9][0-9]*$ ]] || { echo "mutants: --timeout needs a positive number, not '$timeout'" >&2; exit 2; }
[ -f "$list" ] || { echo "mutants: no list of mutants at $list" >&2; exit 2; }
list="$(cd "$(dirname "$list")" && pwd)/$(basename "$list")"

# Counts the occurrences of TEXT in FILE (overlapping ones too), or with --apply replaces the
# only one by REPLACEMENT. Byte for byte: no regular expressions, no encoding.
occurrences() {  # [--apply] FILE TEXT [REPLACEMENT]
  perl -e '
    my $apply = $ARGV[0] eq "--apply" ? shift @ARGV : "";
    my ($file, $text, $replacement) = @ARGV;
    open(my $in, "<:raw", $file) or die "cannot read $file: $!\n";
    local $/; my $content = <$in>; close $in;
    my ($count, $first, $from) = (0, -1, 0);
    while ((my $at = index($content, $text, $from)) >= 0) {
      $count++; $first = $at if $first < 0; $from = $at + 1;
    }
    if (!$apply) { print "$count\n"; exit 0 }
    die "expected exactly one occurrence, found $count\n" if $count != 1;
    substr($content, $first, length $text) = $replacement;
    open(my $out, ">:raw", $file) or die "cannot write $file: $!\n";
    print $out $content; close $out or die "cannot write $file: $!\n";
  ' -- "$@"
}

trim() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; s="${s%"${s##*[![:space:]]}"}"; printf '%s' "$s"; }

# ---- Reading the list ------------------------------------------------------------------------
ids=(); tags=(); files=(); texts=(); replacements=(); whys=(); lines=()
declare -A seen_id=()
errors=0
line_number=0
while IFS= read -r line || [ -n "$line" ]; do
  line_number=$((line_number + 1))
  stripped="$(trim "$line")"
  [ -z "$stripped" ] && continue
  [ "${stripped:0:1}" = "#" ] && continue
  IFS=$'\x1f' read -r -a fields <<<"${line//@@/$'\x1f'}"
  if [ "${#fields[@]}" -ne 6 ]; then
    echo "mutants: $list:$line_number: expected 6 fields separated by '@@', found ${#fields[@]}" >&2
    errors=$((errors + 1)); continue
  fi
  id="$(trim "${fields[0]}")"; tag="$(trim "${fields[1]}")"; file="$(trim "${fields[2]}")"
  text="$(trim "${fields[3]}")"; replacement="$(trim "${fields[4]}")"; why="$(trim "${fields[5]}")"
  if ! [[ "$id" =~ ^[A-Za-z0-9_.-]+$ ]]; then
    echo "mutants: $list:$line_number: the id '$id' must be letters, digits, '_', '.' or '-'" >&2
    errors=$((errors + 1)); continue
  fi
  if [ -n "${seen_id[$id]:-}" ]; then
    echo "mutants: $list:$line_number: id $id is used twice (also line ${seen_id[$id]})" >&2
    errors=$((errors + 1)); continue
  fi
  seen_id[$id]=$line_number
  if [ -z "$text" ] || [ -z "$why" ] || [ "$text" = "$replacement" ]; then
    echo "mutants: $list:$line_number: $id needs a text, a different replacement and a reason" >&2
    errors=$((errors + 1)); continue
  fi
  ids+=("$id"); tags+=("$tag"); files+=("$file"); texts+=("$text"); replacements+=("$replacement")
  whys+=("$why"); lines+=("$line_number")
done <"$list"
[ "$errors" -eq 0 ] || { echo "mutants: $errors malformed line(s) in $list" >&2; exit 2; }

# The mutants selected by --subset and --only.
selected=()
declare -A wanted=()
if [ -n "$only" ]; then
  IFS=',' read -r -a only_ids <<<"$only"
  for id in "${only_ids[@]}"; do
    [ -n "${seen_id[$id]:-}" ] || { echo "mutants: no mutant $id in $list" >&2; exit 2; }
    wanted[$id]=1
  done
fi
for k in "${!ids[@]}"; do
  if [ -n "$subset" ] && ! [[ ",${tags[$k]// /}," == *",$subset,"* ]]; then continue; fi
  if [ -n "$only" ] && [ -z "${wanted[${ids[$k]}]:-}" ]; then continue; fi
  selected+=("$k")
done
[ "${#selected[@]}" -gt 0 ] || { echo "mutants: no mutant selected${subset:+ by --subset $subset}${only:+ by --only $only}" >&2; exit 2; }

# Every mutant of the list (not only the selected ones) must still match the code exactly once,
# so that the list cannot rot unnoticed. Checked against the working tree.
check_list() {  # ROOT
  local root="$1" bad=0 k count
  for k in "${!ids[@]}"; do
    if [ ! -f "$root/${files[$k]}" ]; then
      echo "mutants: $list:${lines[$k]}: ${ids[$k]}: no file ${files[$k]}" >&2
      bad=$((bad + 1)); continue
    fi
    count="$(occurrences "$root/${files[$k]}" "${texts[$k]}")"
    if [ "$count" != 1 ]; then
      echo "mutants: $list:${lines[$k]}: ${ids[$k]}: the text occurs $count times in ${files[$k]}, not once:" >&2
      echo "    ${texts[$k]}" >&2
      bad=$((bad + 1))
    fi
  done
  [ "$bad" -eq 0 ] || { echo "mutants: $bad mutant(s) no longer match the code; update $list" >&2; return 1; }
}
check_list "$repo" || exit 2
if [ "$check_only" -eq 1 ]; then
  echo "mutants: all ${#ids[@]} mutants of $list match the code exactly once"
  exit 0
fi

# ---- The scratch copy and its build --------------------------------------------------------
scratch="$(mktemp -d "${TMPDIR:-/tmp}/triad-mutants.XXXXXX")"
cleanup() {
  if [ "$keep" -eq 1 ]; then echo "mutants: scratch folder kept at $scratch"; return; fi
  case "$scratch" in
    "${TMPDIR:-/tmp}"/triad-mutants.*) rm -rf -- "$scratch" ;;
  esac
}
trap cleanup EXIT
trap 'exit 130' INT TERM
src="$scratch/src" build="$scratch/build" logs="$scratch/logs" originals="$scratch/originals"
mkdir -p "$src" "$logs" "$originals"

started=$(date +%s)
# Tracked files (still present) and untracked files that are not ignored.
git -C "$repo" ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "$repo/$f" ] || [ -L "$repo/$f" ] && printf '%s\0' "$f"; done |
  tar -C "$repo" --null --no-recursion -T - -cf - | tar -C "$src" -xf -
# The copy is what is built: check it too (a file may have changed since the first check).
check_list "$src" || exit 2

echo "mutants: ${#selected[@]} of ${#ids[@]} mutants${subset:+ (subset $subset)}; scratch $scratch; $jobs jobs"
echo "== configure and build the unmutated copy (Release, no benchmarks)"
if ! cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRIAD_BUILD_BENCH=OFF \
       >"$logs/configure.log" 2>&1; then
  cat "$logs/configure.log"; echo "mutants: the unmutated copy does not configure" >&2; exit 2
fi
if ! cmake --build "$build" -j "$jobs" >"$logs/build.log" 2>&1; then
  tail -n 60 "$logs/build.log"; echo "mutants: the unmutated copy does not build" >&2; exit 2
fi
echo "== unmutated suite"
if ! ctest --test-dir "$build" -j "$jobs" --timeout "$timeout" >"$logs/baseline.log" 2>&1; then
  sed -n '/tests FAILED:/,$p' "$logs/baseline.log"
  echo "mutants: the unmutated suite fails; fix it before testing mutants" >&2; exit 2
fi
setup_time=$(( $(date +%s) - started ))
echo "   $(grep -m 1 'tests passed' "$logs/baseline.log" || true) (setup ${setup_time} s)"

# The first failing test in a ctest log.
first_failure() {
  grep -E -m 1 'Test +#[0-9]+: .*\*\*\*' "$1" |
    sed -E 's/.*Test +#[0-9]+: (.*[^ .]) *\.* *\*\*\*([A-Za-z]+).*/\1 (\2)/' || true
}

caught=0; survived=0; invalid=0
survivors=(); invalids=()
total=${#selected[@]}
echo "== mutants"
n=0
for k in "${selected[@]}"; do
  n=$((n + 1))
  id="${ids[$k]}" file="${files[$k]}"
  t0=$(date +%s)
  cp -p "$src/$file" "$originals/$id"
  occurrences --apply "$src/$file" "${texts[$k]}" "${replacements[$k]}"
  log="$logs/$id.log"
  if ! cmake --build "$build" -j "$jobs" >"$log" 2>&1; then
    status=invalid; detail="does not compile: $(grep -m 1 -E 'error' "$log" | cut -c1-160 || true)"
    invalid=$((invalid + 1)); invalids+=("$k")
  # Without CTest's record of test costs the tests run in their own order, unit tests first and
  # the slow command-line comparisons last, so that most mutants fail within seconds (by cost,
  # the slowest test would start first and every mutant would wait for it).
  elif rm -f "$build/Testing/Temporary/CTestCostData.txt" &&
       ctest --test-dir "$build" -j "$jobs" --stop-on-failure --timeout "$timeout" >>"$log" 2>&1; then
    status=SURVIVED; detail="every test passed"
    survived=$((survived + 1)); survivors+=("$k")
  else
    status=caught; detail="$(first_failure "$log")"; [ -n "$detail" ] || detail="ctest failed"
    caught=$((caught + 1))
  fi
  # Restore the original bytes with a fresh timestamp (plain cp, then touch), so that the next
  # build recompiles the original: restoring the old timestamp would leave the mutant's object
  # file, newer than the source, in place.
  cp "$originals/$id" "$src/$file"
  touch "$src/$file"
  printf '[%2d/%d] %-8s %-5s %-44s %4d s  %s\n' "$n" "$total" "$status" "$id" "$file" "$(( $(date +%s) - t0 ))" "$detail"
done

valid=$((caught + survived))
elapsed=$(( $(date +%s) - started ))
echo "== result"
if [ "$valid" -gt 0 ]; then
  echo "mutation score: $caught/$valid caught ($(( 100 * caught / valid ))%); $survived survived, $invalid invalid; ${elapsed} s in all"
else
  echo "mutation score: 0/0 (no valid mutant); $invalid invalid; ${elapsed} s in all"
fi
for k in "${survivors[@]}"; do
  echo "survived: ${ids[$k]} ${files[$k]} (list line ${lines[$k]}): '${texts[$k]}' -> '${replacements[$k]}'"
  echo "          ${whys[$k]}"
done
for k in "${invalids[@]}"; do
  echo "invalid:  ${ids[$k]} ${files[$k]} (list line ${lines[$k]}): '${texts[$k]}' -> '${replacements[$k]}'"
done
[ "$survived" -eq 0 ] && [ "$invalid" -eq 0 ]
