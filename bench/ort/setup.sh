#!/usr/bin/env bash
# Makes bench/ort/.venv: ONNX Runtime and onnx for the encoder comparison of `attache bench`.
# torch is not installed again (the PyPI wheel is the CUDA build, ~5 GB): a .pth file puts
# training/.venv's site-packages (training/setup.sh) after this venv's own, so that
# bench/ort/export.py finds torch and transformers there, and onnx and numpy (the same pinned
# version) here.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3.11}"
if [[ ! -x .venv/bin/python ]]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
training=$(cd ../../training && pwd)/.venv
if [[ -x "$training/bin/python" ]]; then
    "$training/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' >"$site/attache-training-venv.pth"
else
    echo "bench/ort/setup.sh: no training/.venv (run training/setup.sh): bench/ort/export.py needs its torch" >&2
fi
.venv/bin/python -c "import onnxruntime, onnx; print('bench/ort/.venv: onnxruntime', onnxruntime.__version__, 'onnx', onnx.__version__)"
