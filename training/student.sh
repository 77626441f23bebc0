#!/usr/bin/env bash
# One command from the 6-layer model (models/l6) to the shipped 4-layer default
# (models/ner + models/events):  bash training/student.sh
#
# 1. distil: a 4-layer student from teacher layers 0,2,4,5 learns the teacher's last hidden
#    state and tag distribution on the written articles, generated sentences and (when fetched:
#    eval/real/README.md) the open part of the real-news set, never its locked part; two passes
#    (5 epochs on 8,000 generated items, then 3 more at a lower rate on 24,000);
# 2. joint: encoder, tagger and event heads fine-tuned together from the student and the
#    teacher's heads (training/events/joint.py), the teacher's tags anchoring the tagger;
# 3. the result goes to OUT (default: a run folder; OUT=models to replace the shipped pair).
# About 75 minutes on 2 CPU cores. Seeds are fixed throughout.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=training/.venv/bin/python
[ -x "$PY" ] || bash training/setup.sh
RUN=${RUN:-training/runs/student}
TEACHER=${TEACHER:-models/l6/ner}
# teacher layers the student starts from (LAYERS=0,2,3 with TEACHER=models/ner: the 3-layer student)
LAYERS=${LAYERS:-0,2,4,5}
OUT=${OUT:-$RUN/out}
mkdir -p "$RUN" training/data
[ -f training/data/events.jsonl ] || $PY training/events/markup.py convert training/events/written -o training/data/events.jsonl
[ -f training/data/synth.jsonl ] || $PY training/synth.py --out training/data/synth.jsonl --n 40000 --seed 7
# the open part of the real-news set, when fetched: unlabelled text for distillation and anchor
REAL=()
[ -d eval/real/texts/open ] && REAL=(eval/real/texts/open)
$PY training/distill.py --teacher "$TEACHER" --layers "$LAYERS" --synth-n 8000 --extra "${REAL[@]}" --epochs 5 --out "$RUN/distill1"
$PY training/distill.py --teacher "$TEACHER" --layers "$LAYERS" --init "$RUN/distill1/last.pt" --lr 1e-4 --synth-n 24000 --extra "${REAL[@]}" --epochs 3 --out "$RUN/distill2"
$PY training/events/joint.py --model "$RUN/distill2" --events "$(dirname "$TEACHER")/events" --teacher "$TEACHER" --anchor "${REAL[@]}" --replay --epochs 2 --out "$RUN/joint"
mkdir -p "$OUT/ner" "$OUT/events"
cp "$RUN"/joint/ner/{config.json,labels.json,model.safetensors,parity.json,tokenizer.json} "$OUT/ner/"
cp "$RUN"/joint/events/{events.json,heads.safetensors,parity.json} "$OUT/events/"
echo "student written to $OUT; score it with: cargo run --release -- eval-ner --model $OUT/ner"
