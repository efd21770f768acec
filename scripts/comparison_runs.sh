#!/usr/bin/env bash
# Retrain every row of reports/comparison.md, rebuild the shipped default model, regenerate the report
# and the README/docs tables. Run from the repository root after a change of data, taxonomy or recipes
# (each run is retrained: a taxonomy version change makes older runs unloadable).
#   scripts/comparison_runs.sh [EXTRA_RUN_DIR ...]     # extra runs (e.g. transformer rows) join the report
# The 08:00 report added /work/main/runs/hybrid-setfit and hybrid-doc-setfit (run from /work/main: their
# encoder path is relative to it).
# ~15 min on 2 shared cores (the CV rows take most of it). BLAS on one thread: see docs/training.md §8.
set -euo pipefail
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PT=.venv/bin/policytag
ROWS="keyword baseline-tfidf hybrid-aug hybrid-x hybrid-v2 hybrid-ctx hybrid-ctx-x hybrid-ctx-tune hybrid-ctx-title
      hybrid-doc-noctx hybrid-doc-silent hybrid-doc hybrid-doc-mplain hybrid-long hybrid-doc-always hybrid-doc-tune2 hybrid-doc-mhead
      hybrid-doc-mdf1 hybrid-doc-metac3 hybrid-doc-m24 hybrid-doc-mtitle hybrid-doc-msmask hybrid-doc-msmask2"
RUNS=()
for row in $ROWS; do
  config=configs/$row.yaml
  [ "$row" = baseline-tfidf ] && config=configs/baseline.yaml
  echo "== $row" >&2
  nice -n 10 $PT train "$config" --force -o "runs/$row" >/dev/null
  RUNS+=("runs/$row")
done
nice -n 5 $PT train configs/default.yaml --package
nice -n 5 $PT compare "${RUNS[@]}" "$@" policytag/resources/model -o reports/comparison
.venv/bin/python scripts/model_tables.py
