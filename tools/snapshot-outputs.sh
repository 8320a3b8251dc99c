#!/usr/bin/env bash
# Records what the program prints for a fixed list of commands (the comparison of the essays
# in every format, solve, export, params, list, run, sustain, sweeps, validate and every
# --help), one file per command with its exit code, so that a change meant to keep behaviour
# (a refactor, a move) can be checked byte for byte:
#   bash tools/snapshot-outputs.sh build/release/triad /tmp/before    # on the old commit
#   bash tools/snapshot-outputs.sh build/release/triad /tmp/after     # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
# Run it from the repository's root. Each run takes about 15 s on 2 cores.
set -uo pipefail
if [ $# -ne 2 ]; then
    echo "usage: bash tools/snapshot-outputs.sh TRIAD OUTDIR" >&2
    exit 2
fi
T="$1"; O="$2"; mkdir -p "$O"
i=0
run() { i=$((i+1)); { echo "## $*"; "$T" "$@" 2>&1; echo "exit=$?"; } > "$O/$(printf %03d $i).txt"; }
run compare scenarios/
run compare scenarios/ --format json
run compare scenarios/ --format markdown
run compare scenarios/ --format csv
run compare scenarios/history.yaml
run solve scenarios/baseline.yaml
run solve scenarios/baseline.yaml --format json
run solve scenarios/baseline.yaml --format csv
run solve scenarios/baseline.yaml --method qre
run solve scenarios/baseline.yaml --method qre --format json
run solve scenarios/baseline.yaml --method stable --format json
run solve scenarios/baseline.yaml --method replicator
run solve scenarios/examples/prisoners_dilemma.yaml --method support --format csv
run solve scenarios/examples/four_powers.yaml
run solve tests/data/nfg_three_player.nfg --format json
run export scenarios/baseline.yaml --to nfg
run params scenarios/baseline.yaml
run params scenarios/baseline.yaml --format json
run list drivers
run list drivers --format json
run list solvers
run list rules --format json
run run scenarios/lag.yaml
run run scenarios/lag.yaml --format json
run run scenarios/lag.yaml --format csv
run run scenarios/history.yaml
run run scenarios/history.yaml --format json
run run scenarios/lag.yaml --runs 50 --seed 7
run sustain scenarios/examples/prisoners_dilemma.yaml --profile row=cooperate,col=cooperate
run sustain scenarios/examples/prisoners_dilemma.yaml --profile row=cooperate,col=cooperate --format json
run sweep scenarios/baseline.yaml --param russia.regime_fear=0:3:7 --param ambition.a.china.russia=0:3:7 --quiet
run sweep scenarios/baseline.yaml --param ambition.a.china.russia=0:4:41 --analysis pure --boundary ambition.a.china.russia --quiet
run sweep scenarios/lag.yaml --param memory.gamma=0:0.4:5 --analysis timeline --quiet --format jsonl
run sweep scenarios/baseline.yaml --design lhs --points 20 --param russia.regime_fear=0:3 --seed 3 --quiet
run validate scenarios/*.yaml scenarios/essays/*.yaml tests/data/scenarios/bad_driver.yaml
run --help
for c in validate solve export params list sustain run sweep merge compare; do run $c --help; done
echo "snapshot: $i outputs in $O"
