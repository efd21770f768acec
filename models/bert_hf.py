"""The transformer tagger as a standard Hugging Face model: one BERT encoder, one multi-label head per
taxonomy dimension, saved and loaded with ``save_pretrained`` / ``from_pretrained``.

Hub format. The config is a plain :class:`transformers.BertConfig` (``model_type: bert``) with extra
fields, so ``AutoConfig.from_pretrained(run/"model")`` loads it anywhere without policytag installed:

* ``id2label`` / ``label2id``: the flat output columns, sector labels first then measure types,
  in taxonomy order (``logits`` [b, 30] = sector [b, 20] ++ measure_type [b, 10]);
* ``label_dims``: ``{"sector": [ids…], "measure_type": [ids…]}`` (the per-dimension split of those
  columns), ``dimensions`` (their column order) and ``taxonomy_version``;
* ``problem_type: multi_label_classification``, ``pooling`` (``mean`` or ``cls``),
  ``classifier_dropout``, ``architectures: [PolicytagBertForTagging]``.

The weights are ``bert.*`` (a standard ``BertModel``: ``AutoModel.from_pretrained`` loads the
fine-tuned encoder alone) and ``heads.<dim>.weight/bias``.

No transformers internals are used: the encoder is called through its public ``forward``. The
frozen-layer cache (``BertTagger(cache_frozen=True)``) runs the lower layers once through that
``forward`` (``output_hidden_states=True``: ``hidden_states[N]`` is the state after layer N) and the
upper layers through a second public ``BertModel`` that holds the same upper layer modules, with
``inputs_embeds`` = the cached states and a pass-through in place of its embedding block
(:func:`upper_encoder`): the attention masks are still made by ``BertModel`` itself, for whichever
attention implementation is loaded, and no layer is called directly.
"""

from __future__ import annotations

import contextlib
import copy
from typing import Iterator, Sequence

import torch
from torch import nn
from transformers import BertConfig, BertModel, BertPreTrainedModel
from transformers.modeling_outputs import SequenceClassifierOutput

ARCHITECTURE = "PolicytagBertForTagging"


def tagging_config(base: BertConfig, label_dims: dict[str, Sequence[str]], taxonomy_version: str,
                   pooling: str = "mean", dropout: float = 0.1) -> BertConfig:
    """``base`` (the pretrained encoder's config) extended with the tagging fields described above."""
    config = BertConfig.from_dict(base.to_dict())
    flat = [lid for ids in label_dims.values() for lid in ids]
    if len(set(flat)) != len(flat):  # label ids are unique across dimensions in the taxonomy
        raise ValueError("label ids must be unique across dimensions")
    config.id2label = dict(enumerate(flat))
    config.label2id = {lid: i for i, lid in enumerate(flat)}
    config.label_dims = {dim: list(ids) for dim, ids in label_dims.items()}
    config.dimensions = list(label_dims)  # column order (config.json sorts dict keys)
    config.taxonomy_version = taxonomy_version
    config.problem_type = "multi_label_classification"
    config.pooling = pooling
    config.classifier_dropout = dropout
    config.architectures = [ARCHITECTURE]
    return config


class _StatesIn(nn.Module):
    """In place of ``BertEmbeddings`` in :func:`upper_encoder`: its input (``inputs_embeds``) is
    already a hidden state, so no position/type embeddings, LayerNorm or dropout are added."""

    def forward(self, inputs_embeds: torch.Tensor | None = None, **kwargs) -> torch.Tensor:
        return inputs_embeds


def upper_encoder(bert: BertModel, start: int) -> BertModel:
    """A ``BertModel`` that runs ``bert``'s layers ``start:`` on hidden states (``inputs_embeds``):
    the state after ``bert``'s layer ``start``, as ``bert(..., output_hidden_states=True)
    .hidden_states[start]`` gives it. Its layers are ``bert``'s own modules (shared weights: training
    through it trains ``bert``); it owns no parameter of its own.
    """
    layers = bert.config.num_hidden_layers
    if not 0 < start <= layers:
        raise ValueError(f"cached lower layers must be 1..{layers}, not {start}")
    config = copy.deepcopy(bert.config)  # same attention implementation, dropout, layer norm eps
    # its own embedding block is replaced below: build its word embeddings with 1 piece, not the vocabulary
    config.num_hidden_layers, config.vocab_size, config.pad_token_id = layers - start, 1, 0
    upper = BertModel(config, add_pooling_layer=False)
    upper.embeddings = _StatesIn()
    # the same module objects: train()/eval() and .to() of the tagging model reach them as well
    upper.encoder.layer = nn.ModuleList(bert.encoder.layer[start:])
    return upper


class PolicytagBertForTagging(BertPreTrainedModel):
    """forward(input_ids [b, t], attention_mask [b, t]) or forward(pooled [b, h]) -> logits [b, K].

    ``K`` = sum of the dimension sizes (``config.label_dims``). With ``labels`` [b, K] (0/1 floats)
    the loss is the sum over dimensions of ``BCEWithLogitsLoss(pos_weight)`` (mean over the
    dimension's cells), ``pos_weight`` set by :meth:`set_pos_weight` (1 until then; it is a training
    choice, not saved with the weights). ``pooled`` skips the encoder: the linear probe of LP-FT
    trains the heads on pooled features computed once.
    """

    config_class = BertConfig
    base_model_prefix = "bert"

    def __init__(self, config: BertConfig):
        super().__init__(config)
        self.bert = BertModel(config, add_pooling_layer=False)
        dropout = config.classifier_dropout if config.classifier_dropout is not None else config.hidden_dropout_prob
        self.dropout = nn.Dropout(dropout)
        self.dims = list(getattr(config, "dimensions", None) or config.label_dims)
        self.heads = nn.ModuleDict({dim: nn.Linear(config.hidden_size, len(config.label_dims[dim]))
                                    for dim in self.dims})
        self.register_buffer("pos_weight", torch.ones(sum(len(v) for v in config.label_dims.values())),
                             persistent=False)
        self.post_init()

    def dim_slices(self) -> dict[str, slice]:
        """Column range of each dimension in the flat logits."""
        out, start = {}, 0
        for dim in self.dims:
            k = len(self.config.label_dims[dim])
            out[dim] = slice(start, start + k)
            start += k
        return out

    def set_pos_weight(self, weights: dict[str, Sequence[float]]) -> None:
        """Per-label positive weights ``{dim: [k_dim]}`` for the training loss."""
        flat = [float(w) for dim in self.dims for w in weights[dim]]
        self.pos_weight = torch.tensor(flat, dtype=torch.float32, device=self.pos_weight.device)

    def pool(self, states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """states [b, t, h], attention_mask [b, t] -> [b, h] (mean over real tokens, or the first token)."""
        if self.config.pooling == "cls":
            return states[:, 0]
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        return (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)

    def encode(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Pooled clause vectors [b, h]."""
        states = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.pool(states, attention_mask)

    @torch.no_grad()
    def states_after(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                     layers: int) -> tuple[torch.Tensor, torch.Tensor]:
        """One pass of the encoder as it is (call it in eval mode): the states after layer ``layers``
        [b, t, h] and the pooled clause vectors of the last layer [b, h] (what :meth:`encode` gives)."""
        out = self.bert(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True)
        return out.hidden_states[layers], self.pool(out.last_hidden_state, attention_mask)

    @contextlib.contextmanager
    def cached_lower(self, layers: int) -> Iterator[None]:
        """Inside the block ``forward(lower_states=…)`` runs the layers above ``layers`` only.

        The upper encoder is kept in a tuple, not as a submodule: the saved weights, ``state_dict``
        and ``parameters()`` stay exactly the model's own; it is dropped when the block ends.
        """
        self._upper = (layers, upper_encoder(self.bert, layers))
        try:
            yield
        finally:
            self._upper = None

    def encode_upper(self, lower_states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Pooled clause vectors [b, h] from the states after the cached lower layers."""
        upper = getattr(self, "_upper", None)
        if upper is None:
            raise ValueError("lower_states given outside cached_lower(): the model does not know their layer")
        states = upper[1](inputs_embeds=lower_states, attention_mask=attention_mask).last_hidden_state
        return self.pool(states, attention_mask)

    def forward(self, input_ids: torch.Tensor | None = None, attention_mask: torch.Tensor | None = None,
                pooled: torch.Tensor | None = None, labels: torch.Tensor | None = None,
                lower_states: torch.Tensor | None = None, **kwargs) -> SequenceClassifierOutput:
        if pooled is None and lower_states is not None:
            pooled = self.encode_upper(lower_states, attention_mask)
        elif pooled is None:
            pooled = self.encode(input_ids, attention_mask)
        features = self.dropout(pooled)
        logits = torch.cat([self.heads[dim](features) for dim in self.dims], dim=-1)
        loss = None
        if labels is not None:
            labels = labels.to(logits.dtype)
            loss = sum(nn.functional.binary_cross_entropy_with_logits(
                logits[:, s], labels[:, s], pos_weight=self.pos_weight[s].to(logits.dtype))
                for s in self.dim_slices().values())
        return SequenceClassifierOutput(loss=loss, logits=logits)
