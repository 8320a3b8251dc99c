#!/usr/bin/env bash
# Executes every notebook top to bottom with Debian's Jupyter (the system interpreter, which
# has pandas, matplotlib and ipykernel from apt), against the given triad binary. Each notebook
# asserts in its last cell that it produced its figures, so a run that draws nothing fails.
#   bash tests/run_notebooks.sh build/release/triad
set -euo pipefail
cd "$(dirname "$0")/.."
export TRIAD_BIN="$(realpath "${1:-build/release/triad}")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
count=0
for notebook in notebooks/*.ipynb; do
  name="$(basename "$notebook" .ipynb)"
  if ! /usr/bin/python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 \
       --output "$out/$name.ipynb" "$notebook" >"$out/$name.log" 2>&1; then
    cat "$out/$name.log"
    echo "notebooks: $name failed" >&2
    exit 1
  fi
  count=$((count + 1))
done
echo "notebooks: $count ran top to bottom and produced their figures"
