#!/bin/sh
# Joint fine-tuning of encoder + entity classifier + event heads; writes /tmp/joint/{ner,events}.
# Replay data: training/synth.py (and, when present, training/data/silver.jsonl from run.sh).
set -e
cd "$(dirname "$0")/../.."
PY=training/.venv/bin/python
mkdir -p /tmp/joint
[ -f training/data/events.jsonl ] || $PY training/events/markup.py convert training/events/written -o training/data/events.jsonl
[ -f training/data/synth.jsonl ] || $PY training/synth.py --out training/data/synth.jsonl --n 40000 --seed 7
REPLAY=training/data/synth.jsonl
[ -f training/data/silver.jsonl ] && REPLAY="$REPLAY training/data/silver.jsonl"
exec $PY training/events/joint.py --data training/data/events.jsonl --replay $REPLAY --out /tmp/joint "$@"
