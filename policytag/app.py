"""Application layer: turns a model spec into a loaded tagger (for tagging, annotation and the
ML backend alike) and provisions the default model. The CLI calls this; lower layers receive a
tagger object and never resolve specs themselves.
"""

from __future__ import annotations

import sys
from typing import Callable

from policytag import PolicytagError


def resolve_model(spec: str | None, notify: Callable[[str], None] | None = None):
    """``None``/``"default"`` -> the default model (trained and cached on first use); a run
    directory or a run name under the runs directory -> that run's tagger.

    Every failure is a one-line ``PolicytagError``.
    """
    # Delegates to the existing loader for now; the package issue moves the implementation here.
    from policytag.inference.tagging import load_tagger

    notify = notify or (lambda msg: print(msg, file=sys.stderr, flush=True))
    return load_tagger(spec, notify=notify)
