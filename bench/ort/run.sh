#!/usr/bin/env bash
# The encoder alone, ours against Python ONNX Runtime fp32 and dynamic int8, in one run:
#
#   bench/ort/run.sh                       # seed articles + input/, 2 threads if 2 cores
#   bench/ort/run.sh --threads 1           # any further `attache bench` options
#   FULL=1 bench/ort/run.sh                # also the main job per backend and the spaCy peer
#
# 1. bench/ort/setup.sh when bench/ort/.venv is missing (onnxruntime, onnx; torch comes from
#    training/.venv, made by training/setup.sh)
# 2. bench/ort/export.py and bench/ort/optimize.py when bench/ort/out lacks the graphs or the
#    weights are newer: encoder.onnx (torch export, checked against models/ner/parity.json),
#    encoder.fused.onnx (ONNX Runtime's BERT fusion), encoder.int8.onnx (quantize_dynamic,
#    per-channel int8 weights)
# 3. cargo build --release (NO_BUILD=1 skips it)
# 4. attache bench --encoder-only on ../shared/seeds and input/ (INPUTS to change): our
#    backends and ONNX Runtime on the same windows and batches, one table with ratios, the
#    CPU model and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=bench/ort/.venv/bin/python
if [[ ! -x "$PY" ]]; then
    bench/ort/setup.sh
fi
if [[ ! -f bench/ort/out/encoder.int8.onnx || models/ner/model.safetensors -nt bench/ort/out/encoder.onnx ]]; then
    "$PY" bench/ort/export.py --model models/ner --out bench/ort/out
    "$PY" bench/ort/optimize.py --model models/ner --out bench/ort/out 2> >(grep -v -e '^WARNING:root:Please consider' -e '^$' >&2)
fi
if [[ "${NO_BUILD:-0}" != 1 ]]; then
    cargo build --release --quiet
fi
read -r -a inputs <<<"${INPUTS:-../shared/seeds input}"
args=(--ort-python "$PY" --onnx-dir bench/ort/out)
for i in "${inputs[@]}"; do
    args+=(--encoder-input "$i")
done
if [[ "${FULL:-0}" != 1 ]]; then
    args+=(--encoder-only)
fi
exec target/release/attache bench "${inputs[0]}" "${args[@]}" "$@"
