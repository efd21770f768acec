"""The Markdown report's evidence line names the strongest distinct reasons of each label."""

from inference.render_md import _strongest
from policytag.records import Evidence


def _ev(kind, text, span, weight=1.0, rule=None):
    return Evidence(label="cross_sector", dimension="sector", kind=kind, text=text, span=span,
                    weight=weight, rule=rule)


def test_ngrams_by_weight_without_repeats_or_overlaps_after_the_codebook_hits():
    evs = [_ev("cue", "高危行业", (0, 4)), _ev("ngram", "全市安全生产", (5, 11), 1.04),
           _ev("ngram", "生", (27, 28), 0.14), _ev("ngram", "生", (65, 66), 0.14),
           _ev("ngram", "市安全生产", (6, 11), 1.05), _ev("ngram", "统筹", (40, 42), 0.3)]
    shown = [(e.kind, e.text) for e in _strongest(evs)]
    # the cue first (the evidence list ranks codebook hits), then the heaviest n-gram, then the next
    # n-gram that neither repeats nor overlaps one shown (全市安全生产 contains 市安全生产)
    assert shown == [("cue", "高危行业"), ("ngram", "市安全生产"), ("ngram", "统筹")]


def test_a_cue_and_a_rule_on_the_same_words_are_both_reasons():
    evs = [_ev("cue", "高危行业", (0, 4)), _ev("rule", "高危行业", (0, 4), rule="high_risk_without_list"),
           _ev("ngram", "生", (27, 28), 0.14), _ev("ngram", "生", (65, 66), 0.14)]
    assert [(e.kind, e.text) for e in _strongest(evs)] == [("cue", "高危行业"), ("rule", "高危行业"),
                                                          ("ngram", "生")]
