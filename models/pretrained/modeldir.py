"""Writing a converted model directory: config, safetensors weights, tokenizer, provenance,
all at once through the project's one atomic-directory helper (``policytag.io.atomic_dir``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from policytag.io import atomic_dir

from .provenance import PROVENANCE_FILE


def _save_tokenizer(tokenizer_json: dict, out_dir: Path, max_length: int) -> None:
    """Write tokenizer.json + tokenizer_config.json through transformers' fast tokenizer.

    The tokenizer.json pipeline (Precompiled NFKC map, space collapsing, Metaspace, <s> A </s>
    template) is kept verbatim; ``tokenizer_class`` is set to ``PreTrainedTokenizerFast`` because
    transformers 5 rebuilds the pre-tokenizer and drops the space-collapsing normaliser when it
    loads an ``XLMRobertaTokenizer``, and 4.x cannot load the 5.x name ``TokenizersBackend``.
    """
    from tokenizers import Tokenizer
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer.from_str(json.dumps(tokenizer_json, ensure_ascii=False))
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token="<s>", eos_token="</s>", unk_token="<unk>", pad_token="<pad>",
        cls_token="<s>", sep_token="</s>", mask_token="<mask>",
        model_max_length=max_length,
    )
    tokenizer.save_pretrained(out_dir)
    config_path = out_dir / "tokenizer_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    config_path.write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")



def write_model_dir(out_dir: Path, config, state: dict[str, np.ndarray], tokenizer_json: dict,
                    provenance: dict, overwrite: bool, extra_files: dict[str, str] | None = None) -> Path:
    """Write config, weights, tokenizer and provenance into a temporary sibling of ``out_dir`` and
    move it into place only when complete (``atomic_dir``: a crash never leaves a half-written
    model; modes follow the umask)."""
    from safetensors.numpy import save_file

    out_dir = Path(out_dir).resolve()
    with atomic_dir(out_dir, overwrite=overwrite) as tmp:
        config.save_pretrained(tmp)
        # "format": "pt" is what transformers requires in the safetensors metadata.
        save_file({k: np.ascontiguousarray(v) for k, v in state.items()}, str(tmp / "model.safetensors"),
                  metadata={"format": "pt"})
        _save_tokenizer(tokenizer_json, tmp, config.max_position_embeddings)
        (tmp / PROVENANCE_FILE).write_text(json.dumps(provenance, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
        for name, content in (extra_files or {}).items():
            (tmp / name).write_text(content, encoding="utf-8")
    return out_dir
