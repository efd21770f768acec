"""The Hugging Face model card (``README.md``) of a saved transformer run, generated from the run.

``context`` (set by the training layer on the tagger as ``card_context_`` before saving) carries
what the model alone does not know: ``config`` (resolved training config), ``metrics``
(``{"dev"|"test"|"cv": {dim: dimension metrics}}``), ``data_hash`` and ``sizes``. Without it the
card still states the labels, parameters and training history.

The header is ``huggingface_hub``'s ``ModelCardData`` (Hub metadata, validated field names) with a
machine-readable ``model-index``: one ``EvalResult`` per dimension and figure (macro-/micro-F1) on
the held-out temporal test split, so the Hub (or ``ModelCard.load(...).data.eval_results``) reads
the figures without parsing the prose.
"""

from __future__ import annotations

from typing import Any

from policytag.taxonomy import DIMENSIONS

#: hub metadata of every card
TAGS = ["policytag", "multi-label-classification", "work-safety", "chinese"]


def eval_results(metrics: dict[str, Any], context: dict[str, Any]) -> list:
    """``EvalResult``s of the temporal test split (none without test metrics)."""
    from huggingface_hub import EvalResult

    out = []
    for dim in DIMENSIONS:
        m = (metrics.get("test") or {}).get(dim)
        if not m:
            continue
        for key, label in (("macro_f1", "macro-F1"), ("micro_f1", "micro-F1")):
            out.append(EvalResult(
                task_type="text-classification", task_name=f"multi-label {dim} tagging",
                dataset_type="policytag-gold", dataset_name="policytag gold clauses, temporal test split",
                dataset_split="test", dataset_revision=context.get("data_hash"),
                metric_type="f1", metric_name=f"{dim} {label}", metric_config=key.split("_")[0],
                metric_value=round(float(m[key]), 4)))
    return out


def _metrics_table(tagger, split_metrics: dict[str, Any]) -> list[str]:
    lines = []
    for dim in DIMENSIONS:
        m = split_metrics.get(dim)
        if not m:
            continue
        lines += [f"**{dim}**: macro-F1 {m['macro_f1']:.3f}, micro-F1 {m['micro_f1']:.3f}, "
                  f"samples-F1 {m['samples_f1']:.3f}, exact match {m['exact_match']:.3f} (n = {m['n']})", "",
                  "| label | name | precision | recall | F1 | support |", "|---|---|---|---|---|---|"]
        names = {lab.id: lab.name for lab in tagger.taxonomy[dim].labels}
        for lid, row in m["per_label"].items():
            lines.append(f"| {lid} | {names.get(lid, '')} | {row['precision']:.3f} | {row['recall']:.3f} | "
                         f"{row['f1']:.3f} | {row['support']} |")
        lines.append("")
    return lines


def model_card(tagger, context: dict[str, Any] | None = None) -> str:
    """Markdown with YAML front matter (Hub metadata + ``model-index``) describing data, split,
    metrics, use, limits."""
    from huggingface_hub import ModelCard, ModelCardData

    context = context or {}
    config = context.get("config") or {}
    metrics = context.get("metrics") or {}
    info = getattr(tagger, "train_info_", {}) or {}
    split = config.get("split") or {}
    data = config.get("data") or {}
    name = config.get("name") or "policytag-bert"
    # a hub id is the base model; a local directory (the offline e5 conversion) is named in the text
    local = tagger.model_name_or_path.startswith(("artifacts/", "/", "./", "../"))
    data_card = ModelCardData(
        language="zh", license="apache-2.0", library_name="transformers", pipeline_tag="text-classification",
        tags=TAGS, base_model=None if local else tagger.model_name_or_path, model_name=name,
        eval_results=eval_results(metrics, context) or None)
    lines = [
        f"# {name}: sector and measure-type tagger for Chinese work-safety notices",
        "",
        "A BERT encoder with two multi-label heads trained by policytag (`policytag train`) from "
        f"`{tagger.model_name_or_path}`. It tags a clause (heading path + text) of a provincial annual "
        "work-safety notice with the **sectors** it targets and the **measure types** it prescribes.",
        "",
        "## Labels",
        "",
        f"Taxonomy version **{tagger.taxonomy.version}**. `config.json` holds `id2label`/`label2id` over the "
        "flat output columns (sector labels first, then measure types) and `label_dims` with the split:",
        "",
    ]
    for dim in DIMENSIONS:
        lines.append(f"* `{dim}` ({len(tagger.taxonomy[dim].ids)}): " + ", ".join(tagger.taxonomy[dim].ids))
    lines += [
        "",
        "Scores are independent sigmoids; a label is predicted when its score reaches the per-label "
        "threshold tuned on dev (`tagger.json`; int8 thresholds in `bert_state.json`).",
        "",
        "## Data and split",
        "",
        f"* Gold data: `{data.get('gold', '?')}` (data hash `{context.get('data_hash', '?')}`), clauses "
        "of the Shanxi provincial annual work-safety notices labelled by the project codebook.",
        f"* Temporal split: train ≤ {split.get('train_until', '?')}, dev {split.get('dev_years', '?')}, "
        f"test {split.get('test_years', '?')}" + (f"; sizes {context['sizes']}" if context.get("sizes") else "") + ".",
        "",
        "## Metrics",
        "",
    ]
    if metrics.get("test"):
        lines += ["Temporal test split (never seen in training or threshold tuning):", ""]
        lines += _metrics_table(tagger, metrics["test"])
    else:
        lines += ["No test metrics were recorded with this model.", ""]
    lines += [
        "## Training",
        "",
        f"Hugging Face `Trainer`, LP-FT (linear probe {tagger.probe_epochs} epochs, then up to {tagger.epochs} "
        f"fine-tuning epochs with early stopping on dev macro-F1, patience {tagger.patience}); "
        f"max length {tagger.max_length}, batch {tagger.batch_size}, lr {tagger.learning_rate} (heads "
        f"{tagger.head_learning_rate}), warm-up {tagger.warmup_ratio}, seed {tagger.seed}; device "
        f"{info.get('device', '?')}, {info.get('world_size', 1)} process(es), fit {info.get('fit_seconds', '?')} s.",
        "",
    ]
    for rec in info.get("history", []):
        lines.append("* " + ", ".join(f"{k} {v}" for k, v in rec.items()))
    lines += [
        "",
        "## Intended use and limits",
        "",
        "* Intended: analysing and comparing the emphasis of Chinese provincial/municipal work-safety "
        "notices (which sectors, which kinds of measures), pre-annotation for human labelling.",
        "* Not intended: legal or compliance decisions about a specific enterprise; text outside the "
        "genre (the model saw only government work-safety notices, a few hundred clauses).",
        "* Limits: trained on one province's notices; rare labels have a handful of training examples "
        "and noisy thresholds; labels follow the policytag codebook and taxonomy version above.",
        "",
        "## Loading",
        "",
        "```python",
        "from transformers import AutoConfig, AutoModel, AutoTokenizer",
        "config = AutoConfig.from_pretrained(MODEL_DIR)     # config.id2label, config.label_dims",
        "encoder = AutoModel.from_pretrained(MODEL_DIR)     # the fine-tuned encoder (heads are heads.*)",
        "# with policytag: policytag tag notice.txt --model RUN_DIR",
        "```",
        "",
    ]
    return str(ModelCard(f"---\n{data_card.to_yaml()}\n---\n\n" + "\n".join(lines)))
