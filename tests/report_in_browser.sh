#!/usr/bin/env bash
# Renders a report in Debian's headless Chromium and checks what a reader would see: the page
# loads (Chromium reports no JavaScript or resource error, and the DOM it built is complete),
# every claim section carries its figure, and the screenshot is not blank.
#   bash tests/report_in_browser.sh build/release/triad
set -euo pipefail
cd "$(dirname "$0")/.."
triad="$(realpath "${1:-build/release/triad}")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "report in browser: FAILED: no chromium (bash tools/install-deps.sh --browser)" >&2
  exit 1
fi
# A small comparison: two scenarios, a disagreement between them, a handful of draws.
"$triad" report tests/data/scenarios/claims.yaml tests/data/scenarios/claims_other.yaml scenarios/examples/taiwan_crisis.yaml \
  --samples 20 --resolution 8 -o "$out/report.html" >"$out/summary.txt"
claims="$(grep -o '<h3 id=' "$out/report.html" | wc -l)"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$out/profile" --enable-logging=stderr --v=0)
"$browser" "${flags[@]}" --dump-dom "file://$out/report.html" >"$out/dom.html" 2>"$out/dom.log" || true
"$browser" "${flags[@]}" --window-size=1100,1600 --screenshot="$out/page.png" "file://$out/report.html" >/dev/null 2>"$out/shot.log" || true
fail() { echo "report in browser: FAILED: $*" >&2; exit 1; }
grep -q '</html>' "$out/dom.html" || fail "Chromium did not load the page (log: $(tail -3 "$out/dom.log"))"
if grep -E 'Uncaught|ERR_FILE_NOT_FOUND|Failed to load resource|CONSOLE' "$out/dom.log" "$out/shot.log"; then fail "the page logged errors"; fi
# Every claim and disagreement section has one figure (a phase map or a timeline).
figures="$(grep -o 'data-figure=' "$out/dom.html" | wc -l)"
[ "$claims" -ge 3 ] || fail "only $claims sections in the report"
[ "$figures" -ge "$claims" ] || fail "$figures figures for $claims sections"
grep -q '<script' "$out/dom.html" && fail "the report holds a script"
grep -Eq '(src|href)="https?:' "$out/dom.html" && fail "the report fetches something from the network"
[ -s "$out/page.png" ] || fail "no screenshot"
# A blank page compresses to a few kilobytes; text, tables and maps do not.
size="$(stat -c %s "$out/page.png")"
[ "$size" -gt 30000 ] || fail "the screenshot is nearly blank ($size bytes)"
echo "report in browser: $claims sections, $figures figures, screenshot $size bytes: ok"
