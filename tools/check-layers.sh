#!/usr/bin/env bash
# Checks the direction of dependency between the library's layers (docs/architecture.md):
#   core -> scenario -> solvers -> dynamics -> studies -> report -> cli
# A file in layer L (include/triad/L/ or sim/L/) may include "triad/M/..." only when M comes
# before L in that list, or is L itself; the program (sim/cli/) may include every layer.
# Every library header must also live in a layer folder. Prints each violation with its file
# and line, and exits 1 if there is any.
#   bash tools/check-layers.sh [REPO]
set -euo pipefail
repo="${1:-$(dirname "$0")/..}"
cd "$repo"
layers=(core scenario solvers dynamics studies report cli)
rank() {
    local k
    for k in "${!layers[@]}"; do
        [ "${layers[$k]}" = "$1" ] && { echo "$k"; return; }
    done
    echo -1
}
status=0
for stray in include/triad/*.hpp sim/*.cpp; do
    [ -e "$stray" ] || continue
    echo "$stray: outside every layer folder (move it into one of: ${layers[*]})"
    status=1
done
for layer in "${layers[@]}"; do
    own="$(rank "$layer")"
    for folder in "include/triad/$layer" "sim/$layer"; do
        [ -d "$folder" ] || continue
        while IFS=: read -r file line text; do
            used="$(sed -E 's|.*#include "triad/([a-z_]+)/.*|\1|' <<<"$text")"
            other="$(rank "$used")"
            if [ "$other" -lt 0 ]; then
                echo "$file:$line: includes an unknown layer '$used'"
                status=1
            elif [ "$other" -gt "$own" ]; then
                echo "$file:$line: the $layer layer includes the higher $used layer ($text)"
                status=1
            fi
        done < <(grep -rnE '#include "triad/[a-z_]+/' "$folder" || true)
    done
done
if [ "$status" -eq 0 ]; then
    echo "layers: every include points down (${layers[*]})"
fi
exit "$status"
