#!/usr/bin/env bash
# One command from the written articles to the shipped event reader:  bash training/events/run.sh
#
# setup (venv, pinned requirements) -> validate and convert training/events/written/ (markup.py)
# -> featurise every sentence with the frozen shipped encoder (models/ner; cached in
# training/data/events_features.pt, so a re-run only encodes new or edited articles) -> train the
# heads (seeded; a tenth of the articles held out, best epoch kept) -> export fp16 heads,
# events.json and the parity fixture to models/events. About 15 minutes on 2 CPU cores.
#
# Environment: EPOCHS (8), OUT (models/events), ALL=1 to train on every article (no held-out tenth).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=training/.venv/bin/python
[ -x "$PY" ] || bash training/setup.sh
mkdir -p training/data
$PY training/events/markup.py check training/events/written
$PY training/events/markup.py convert training/events/written -o training/data/events.jsonl
extra=()
[ "${ALL:-0}" = 1 ] && extra+=(--all)
$PY training/events/train_events.py --data training/data/events.jsonl --epochs "${EPOCHS:-8}" --out "${OUT:-models/events}" "${extra[@]}"
echo "event reader written to ${OUT:-models/events}; score it with: cargo run --release -- eval --readers rules,learned,hybrid"
