#!/usr/bin/env bash
# The rust-bert backend (`--features rust-bert`): libtorch from PyPI, then its tests.
#
#   bash scripts/rust-bert.sh                   # venv + torch, then the encoder parity tests
#   bash scripts/rust-bert.sh cargo build --release --features rust-bert
#   bash scripts/rust-bert.sh target/release/attache --backend rust-bert
#
# rust-bert 0.23 is built on tch 0.17, whose build script accepts exactly PyTorch 2.4.0
# (torch-sys 0.17's TORCH_VERSION). The script installs that `torch` wheel from PyPI into a
# venv under target/ (once; about 3 GB with its CUDA runtime packages, which PyPI's Linux
# x86_64 wheel depends on even when it runs on the CPU only), points tch's build at it
# (LIBTORCH_USE_PYTORCH=1) and the loader at its libraries (LD_LIBRARY_PATH), and runs the
# command given (default: the encoder backend tests with the feature). Its exit status is the
# command's. Needs python3 with venv (installed with apt-get when run as root without it), a
# C++ compiler (torch-sys compiles its C++ shim) and libgomp (GCC's).
set -euo pipefail
cd "$(dirname "$0")/.."

TORCH_VERSION=2.4.0
venv=${ATTACHE_TORCH_VENV:-$PWD/target/rust-bert-venv}
python=${PYTHON:-python3}

have_torch() {
    "$venv/bin/python" -W ignore - "$TORCH_VERSION" <<'PY' >/dev/null 2>&1
import sys, torch
sys.exit(torch.__version__.split("+")[0] != sys.argv[1])
PY
}

if ! command -v c++ >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++
    else
        echo "rust-bert.sh: no C++ compiler (torch-sys compiles a C++ shim; Debian: apt-get install g++)" >&2
        exit 1
    fi
fi

if ! have_torch; then
    if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
        else
            echo "rust-bert.sh: $python has no venv module (Debian: apt-get install python3-venv)" >&2
            exit 1
        fi
    fi
    rm -rf "$venv"
    "$python" -m venv "$venv"
    echo "rust-bert.sh: installing torch==$TORCH_VERSION from PyPI into $venv" >&2
    "$venv/bin/python" -m pip install --quiet "torch==$TORCH_VERSION"
    have_torch || { echo "rust-bert.sh: torch $TORCH_VERSION does not import from $venv" >&2; exit 1; }
fi

torch_lib=$("$venv/bin/python" -W ignore -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
export VIRTUAL_ENV="$venv"              # tch's build script then runs `python`, this venv's
export PATH="$venv/bin:$PATH"
export LIBTORCH_USE_PYTORCH=1
export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

if [ $# -eq 0 ]; then
    set -- cargo test --release --features rust-bert --test encoder_backends
fi
"$@"
