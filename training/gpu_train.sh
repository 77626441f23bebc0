#!/usr/bin/env bash
# Trains the shipped tagger and the no-case ablation side by side on a GPU machine (the
# `device` tool), then scores both on the gold set and exports the shipped one.
#   carry: training/data/gpu (encoder copy in fp16, silver/synth data gzipped, seed texts)
set -euo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}
mkdir -p "$OUT" /tmp/enc
cp training/data/gpu/encoder/{config.json,tokenizer.json,vocab.txt,tokenizer_config.json,special_tokens_map.json} /tmp/enc/
python3 -c "
from safetensors.torch import load_file, save_file
t = load_file('training/data/gpu/encoder/model.fp16.safetensors')
save_file({k: v.float().contiguous() for k, v in t.items()}, '/tmp/enc/model.safetensors')"
export ATTACHE_ENCODER_DIR=/tmp/enc
data="training/data/gpu/silver.jsonl.gz training/data/gpu/synth.jsonl.gz"
EPOCHS=${EPOCHS:-3}
python3 training/train.py --data $data --run /tmp/runs/main --epochs "$EPOCHS" --save-every 100000 > "$OUT/train_main.log" 2>&1 &
python3 training/train.py --data $data --run /tmp/runs/nocase --no-case --epochs "$EPOCHS" --save-every 100000 > "$OUT/train_nocase.log" 2>&1 &
wait
gold=$(ls eval/ner/seeds.jsonl eval/ner/written.jsonl 2>/dev/null)
{ python3 training/eval_gold.py --weights /tmp/runs/main/best.pt $gold
  python3 training/eval_gold.py --weights /tmp/runs/nocase/best.pt --no-case $gold; } > "$OUT/gold.txt" 2>&1
python3 training/export.py --weights /tmp/runs/main/best.pt --out /tmp/model
cp /tmp/model/labels.json "$OUT/"
split -b 15M /tmp/model/model.safetensors "$OUT/model.safetensors.part-"
cat "$OUT/gold.txt"
