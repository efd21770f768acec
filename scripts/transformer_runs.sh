#!/usr/bin/env bash
# Train the transformer rows of reports/comparison.md (issue 17 item 6: every variant tried is a row,
# with its cost, losers included) on the current data and taxonomy, in dependency order:
#   bert-v2 (fine-tuned 6-layer e5, 24-28 min on 2 shared cores at load 1-9) -> hybrid-bert, hybrid-doc-bert (its encoder)
#   setfit (contrastive fine-tune, 4 min alone, 40 min at load ~6) -> hybrid-setfit, hybrid-doc-setfit (its encoder)
#   hybrid-sim, hybrid-doc-sim (e5 label similarity), embedding, hybrid-e5 (frozen e5; gold-only legacy rows)
#   (configs/setfit-head.yaml: the SetFit head alone refitted over an existing runs/setfit encoder, for a
#   taxonomy bump that changes no labels; same figures as setfit, not a row: docs/training.md section 8)
# Run from the repository root: the hybrid configs name the fine-tuned encoders as runs/bert-v2/model and
# runs/setfit/model/encoder, relative to it. Then pass the run directories to the comparison:
#   scripts/comparison_runs.sh runs/bert-v2 runs/hybrid-bert ...   (the list this script prints last)
#   scripts/transformer_runs.sh [NAME ...]      # default: all of them, in the order below
# Costs and figures: docs/training.md section 8 (transformer paragraphs). BLAS on one thread (section 8,
# load note); the BERT/SetFit configs set their own torch threads (num_threads), part of the recipe.
set -euo pipefail
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PT=${PT:-.venv/bin/policytag}
ROWS=("$@")
[ ${#ROWS[@]} -eq 0 ] && ROWS=(bert-v2 setfit hybrid-bert hybrid-doc-bert hybrid-setfit hybrid-doc-setfit
                              hybrid-sim hybrid-doc-sim embedding hybrid-e5)
for row in "${ROWS[@]}"; do
  echo "== $row $(date -u +%T) load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  nice -n 15 $PT train "configs/$row.yaml" --force -o "runs/$row" >/dev/null
done
printf 'runs/%s ' "${ROWS[@]}"; echo
