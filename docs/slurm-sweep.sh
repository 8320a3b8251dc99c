#!/usr/bin/env bash
# A large `triad sweep` as a Slurm job array: 16 shards, each resumable, then one merge.
# See docs/cluster.md. Edit the SWEEP line (and the #SBATCH lines) for your sweep and cluster.
#
# Submit from the project directory (on the login node):
#     bash docs/slurm-sweep.sh
# which submits this file as the array and a merge job that starts once every task succeeded:
#     array=$(sbatch --parsable docs/slurm-sweep.sh)
#     sbatch --dependency=afterok:$array --wrap "build/release/triad merge part-*.csv -o all.csv"
#
# Failed or timed-out tasks (sacct -j JOBID shows which): re-submit just those. --resume makes
# each continue from the rows its part file already holds; the merge job of the first
# submission will never start (its dependency failed): cancel it, and merge by hand afterwards
# or with a new dependency on the re-submitted array. Pass SHARDS, because Slurm's task count
# is then the number of re-submitted tasks, not 16:
#     array=$(sbatch --parsable --array=3,11 --export=ALL,SHARDS=16 docs/slurm-sweep.sh)
#     sbatch --dependency=afterok:$array --chdir=sweep-out \
#            --wrap "$PWD/build/release/triad merge part-*.csv -o all.csv"
#
#SBATCH --job-name=triad-sweep
#SBATCH --array=1-16
#SBATCH --cpus-per-task=8
#SBATCH --mem-per-cpu=500M
#SBATCH --time=02:00:00
#SBATCH --output=sweep-out/logs/task-%A_%a.out
set -euo pipefail

# The sweep: the same on every task (only --shard differs). Paths are relative to the
# directory the job was submitted from.
SWEEP=(sweep scenarios/baseline.yaml
       --param russia.regime_fear=0:3:1001 --param ambition.a.china.russia=0:4:1001
       --analysis stage --quiet)
TRIAD="${TRIAD:-build/release/triad}"
OUT_DIR="${OUT_DIR:-sweep-out}"

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  # Not inside a job: submit the array and the merge that depends on it.
  mkdir -p "$OUT_DIR/logs"  # Slurm opens --output before the job starts: it must exist
  array=$(sbatch --parsable "$0")
  array=${array%%;*}  # "JOBID;CLUSTER" on multi-cluster sites
  merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=triad-merge --time=00:30:00 \
    --cpus-per-task=1 --mem=4G --chdir="$OUT_DIR" --output=logs/merge-%j.out \
    --wrap "$(realpath "$TRIAD") merge part-*.csv -o all.csv")
  echo "submitted array job $array (16 shards) and merge job $merge -> $OUT_DIR/all.csv"
  exit 0
fi

# One task: shard K of N, all the task's CPUs, appended chunk by chunk to its own file.
# --resume continues a part file that a previous attempt (time limit, node failure, requeue)
# left unfinished, and starts afresh when there is none.
cd "${SLURM_SUBMIT_DIR:-.}"
SHARDS="${SHARDS:-${SLURM_ARRAY_TASK_COUNT}}"  # the N of --array=1-N
TRIAD="$(realpath "$TRIAD")"
SWEEP[1]="$(realpath "${SWEEP[1]}")"  # the scenario
mkdir -p "$OUT_DIR" && cd "$OUT_DIR"
"$TRIAD" "${SWEEP[@]}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" --threads "${SLURM_CPUS_PER_TASK}" \
  -o "part-${SLURM_ARRAY_TASK_ID}.csv" --resume
