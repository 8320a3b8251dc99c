#!/usr/bin/env bash
# The MPI mode of 'triad sweep' (docs/cluster.md) writes the file a single process writes.
# Builds nothing. Usage: bash tests/mpi_sweep.sh PATH/TO/MPI-ENABLED/triad WORK_DIR [RANKS]
# Runs one small pure sweep without mpirun and with 'mpirun -n RANKS' (default 2), and checks
# that the two files differ only in their '# command:' line.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: bash tests/mpi_sweep.sh TRIAD WORK_DIR [RANKS]" >&2
  exit 2
fi
triad="$(realpath "$1")"
work="$2"
ranks="${3:-2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v mpirun >/dev/null || { echo "mpi sweep: FAILED: mpirun not found (bash tools/install-deps.sh --mpi)" >&2; exit 1; }
[ -x "$triad" ] || { echo "mpi sweep: FAILED: $triad is not an executable" >&2; exit 1; }
mkdir -p "$work"

# Root in a container, more ranks than cores, and no ptrace for shared-memory copies: allowed.
mpi_flags=(-n "$ranks" --oversubscribe --mca btl_vader_single_copy_mechanism none)
[ "$(id -u)" -ne 0 ] || mpi_flags+=(--allow-run-as-root)

sweep=(sweep "$root/scenarios/baseline.yaml" --param russia.regime_fear=0:3:5
       --param ambition.a.china.russia=0:4:7 --analysis pure --chunk 4 --threads 1 --quiet)

"$triad" "${sweep[@]}" -o "$work/single.csv"
mpirun "${mpi_flags[@]}" "$triad" "${sweep[@]}" -o "$work/mpi.csv"

if ! diff <(grep -v '^# command:' "$work/single.csv") <(grep -v '^# command:' "$work/mpi.csv") >"$work/diff.txt"; then
  echo "mpi sweep: FAILED: the $ranks-rank file differs from the single-process file:" >&2
  head -20 "$work/diff.txt" >&2
  exit 1
fi
rows="$(grep -v '^#' "$work/mpi.csv" | tail -n +2 | wc -l)"
if [ "$rows" -eq 0 ]; then
  echo "mpi sweep: FAILED: no rows in $work/mpi.csv" >&2
  exit 1
fi
echo "mpi sweep: $ranks ranks, $rows rows, identical to the single-process file"
