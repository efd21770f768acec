"""One-line messages: every error and warning the CLI prints is exactly one line.

A file name may hold a newline (``$'bad\\nname.txt'``) or another control character; printed as
is it would split the message over two lines (and could fake a second ``policytag:`` line). So
control characters and Unicode line/paragraph separators are shown as backslash escapes, the way
``repr`` shows them, and the rest of the text is left alone.
"""

from __future__ import annotations

import difflib
import re

# C0 controls, DEL, C1 controls (U+0085 NEL among them) and the Unicode line/paragraph separators
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape(text: object) -> str:
    """``text`` with every control character or line separator as an escape (``\\n``, ``\\x85``,
    ``\\u2028``): what is printed stays on one line and shows what the name really holds."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group()) or repr(m.group())[1:-1], str(text))


def one_line(message: object) -> str:
    """The message as one line (see ``escape``), trailing whitespace removed."""
    return escape(str(message).rstrip())


def did_you_mean(word: str, choices) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices`` (difflib: a typo such as
    ``lerning_rate`` or ``tfdif`` is one or two edits away), else ``""``: the hint an error line about
    an unknown key, type or label ends with (config validation, hybrid learners, clause files)."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def did_you_mean_or_list(word: str, choices) -> str:
    """``did_you_mean``'s hint, else `` (one of a, b, c)``: for a short list of choices (tagger types)."""
    return did_you_mean(word, choices) or f" (one of {', '.join(str(c) for c in choices)})"


def _section_keys(schema, loc: tuple) -> list[str]:
    """The keys allowed where ``loc`` points: the fields of the pydantic model holding its last part."""
    for part in loc[:-1]:
        field = schema.model_fields.get(str(part))
        inner = getattr(field, "annotation", None) if field else None
        if not (isinstance(inner, type) and hasattr(inner, "model_fields")):
            return []
        schema = inner
    return list(schema.model_fields)


def validation_reason(err: dict, schema=None) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) as the short reason an error line
    ends with: ``unknown key (did you mean 'min_df'?)``, ``required key missing``, ``should be a valid
    integer (got 'x')``; ``schema`` (the validated model) lets an unknown key name its closest field.
    One owner for the config loader and the hybrid's learner params, so both say it alike."""
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        keys = _section_keys(schema, tuple(err["loc"])) if schema is not None else []
        # No close key (`name` where `type` is meant): a short section lists what it takes, so the user
        # needn't open the docs; a long one (a tagger's params) would drown the line.
        hint = did_you_mean_or_list if 0 < len(keys) <= 8 else did_you_mean
        return "unknown key" + hint(err["loc"][-1], keys)
    if kind == "missing":
        return "required key missing"
    msg = err.get("msg", "invalid value")
    msg = msg.removeprefix("Value error, ").replace("Input should", "should")
    msg = re.sub(r" or instance of \w+", "", msg)
    if kind != "value_error" and "input" in err and not isinstance(err["input"], (dict, list)):
        msg += f" (got {err['input']!r})"
    return msg
