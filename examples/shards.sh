#!/usr/bin/env bash
# Scale-out, locally: runs the corpus as 4 shards (as 4 machines of a Kubernetes Indexed Job,
# a Slurm job array or GNU parallel would), merges their outputs, and checks that the merged
# datasets are byte-identical to a single run's.
#
#   bash examples/shards.sh [INPUT_DIR]      (default: input/)
#
# On a cluster each shard is the same command with its own K, e.g. in a Slurm array
#   attache /data/articles --shard $((SLURM_ARRAY_TASK_ID+1))/4 -o /scratch/part-$SLURM_ARRAY_TASK_ID
# or with GNU parallel
#   parallel attache /data/articles --shard {}/4 -o parts/{} ::: 1 2 3 4
# and then once: attache merge parts/* -o final
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-input}
cargo build --release --quiet
bin=target/release/attache
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

$bin "$input" -o "$work/single" --quiet --fresh
for k in 1 2 3 4; do
  $bin "$input" --shard "$k/4" -o "$work/part-$k" --quiet --fresh &
done
wait
$bin merge "$work"/part-* -o "$work/merged" --quiet

for f in documents.jsonl meetings.jsonl agreements.jsonl; do
  if cmp -s "$work/single/$f" "$work/merged/$f"; then
    echo "identical: $f ($(wc -l < "$work/merged/$f") lines)"
  else
    echo "DIFFERENT: $f" >&2
    diff <(head -c 2000 "$work/single/$f") <(head -c 2000 "$work/merged/$f") >&2 || true
    exit 1
  fi
done
echo "documents per shard: $(for k in 1 2 3 4; do wc -l < "$work/part-$k/documents.jsonl"; done | paste -sd' ')"
