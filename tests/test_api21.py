"""policytag.api (docs/python.md): the Python entry point gives what the CLI gives on the same input.

Notices and expectations: tests/data/api21/ (EXPECTED.md). The shipped model of the main checkout is used
(no training); the CLI runs in-process with the same loaded tagger, so the file stays a few seconds.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from policytag import PROJECT_ROOT, PolicytagError, api
from policytag.cli import main
from policytag.inference.render_rows import spreadsheet_text

DATA = Path(__file__).parent / "data" / "api21"
DOCS = PROJECT_ROOT / "docs" / "python.md"


def _shipped_model_dir() -> Path:
    """The shipped default model: this checkout's, else the main checkout's (a worktree has none)."""
    for root in (PROJECT_ROOT, PROJECT_ROOT.parent.parent / "main"):
        where = root / "policytag" / "resources" / "model"
        if (where / "run.json").is_file():
            return where
    pytest.skip("no shipped default model (policytag/resources/model) to tag with")


MODEL_DIR = str(_shipped_model_dir())


@pytest.fixture(scope="module")
def model():
    return api.load_model(MODEL_DIR)


@pytest.fixture(scope="module")
def tagged(model):
    return api.tag(str(DATA), model)


@pytest.fixture
def cli(model, monkeypatch, capsys):
    """``policytag ARGS`` in-process; the model it resolves is the one already loaded from the same
    directory (``load_model`` is ``resolve_model``: loading it again would only cost seconds)."""
    import policytag.app

    real = policytag.app.resolve_model
    monkeypatch.setattr(policytag.app, "resolve_model",
                        lambda spec, notify=None: model if spec == MODEL_DIR else real(spec, notify))

    def run(*args: str) -> None:
        code = main(list(args))
        assert code == 0, capsys.readouterr().err

    return run


def test_tag_records_equal_cli_jsonl(tagged, cli, tmp_path):
    out = tmp_path / "t.jsonl"
    cli("tag", str(DATA), "--model", MODEL_DIR, "-o", str(out))
    want = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    got = list(api.to_records(tagged))
    assert len(got) == len(tagged) == 10 and len(tagged.documents) == 2
    assert got == want
    # the 2027 notice is compared with the 2026 one: its revised 劝导站 clause is flagged with a diff
    revised = next(r for r in got if "劝导站60个" in r["text"])
    assert revised["novelty"] is not None and revised["changed"] is True and "60" in revised["diff"]
    # the records are the TaggedClause records' own rows (+ the report's fields)
    first = tagged[0].to_dict(tagged.documents[0].date)
    assert {k: got[0][k] for k in first} == first
    # the comparisons are made once (seconds on a folder of notices), not again for each of to_records/to_rows
    assert tagged.report is tagged.report and list(api.to_records(tagged)) == got


def test_to_rows_equal_cli_csv(tagged, cli, tmp_path):
    out = tmp_path / "t.csv"
    cli("tag", str(DATA), "--model", MODEL_DIR, "-o", str(out))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        want = list(csv.DictReader(fh))
    got = list(api.to_rows(tagged))
    assert [list(r) for r in got] == [list(r) for r in want]  # the same columns, in the CSV's order
    as_written = [{k: "" if v is None else str(spreadsheet_text(v)) for k, v in r.items()} for r in got]
    assert as_written == want
    assert isinstance(got[0]["year"], int) and isinstance(got[0]["score:sector:road_transport"], float)


def test_tag_texts_equal_cli_clause_file(model, cli, tmp_path):
    texts = ["各乡镇要在2027年6月30日前完成燃气管道隐患排查整治，整改率达到100%。",
             "=严禁在居民楼内超量储存烟花爆竹。",  # a formula-like start: untouched in the records
             "县交通运输局要加强对“两客一危”车辆的动态监控。"]
    heads = [["一、城镇燃气"], ["二、烟花爆竹"], []]
    title = "关于加强2027年安全生产工作的通知"
    rows = [{"text": t, "heading_path": h, "title": title, "doc_id": "texts"} for t, h in zip(texts, heads)]
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "t.jsonl"
    cli("tag", "--clauses", str(src), "--model", MODEL_DIR, "-o", str(out))
    want = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    got = api.tag_texts(texts, model, heading_paths=heads, title=title)
    assert [t.clause.clause_id for t in got] == ["texts-1", "texts-2", "texts-3"]
    assert list(api.to_records(got)) == want
    assert got[0].deadlines and got[0].deadlines[0].due == "2027-06-30" and got[0].targets
    assert got[1].clause.text.startswith("=")


def test_tag_texts_bad_input(model):
    with pytest.raises(PolicytagError, match=r"^texts:2: .*text.*\(skip_bad=True tags the good items"):
        api.tag_texts(["严禁超量储存烟花爆竹。", 42], model)
    notes: list[str] = []
    kept = api.tag_texts(["严禁超量储存烟花爆竹。", "", "各单位要严格执行值班制度。"], model, skip_bad=True,
                         on_warning=notes.append)
    assert [t.clause.clause_id for t in kept] == ["texts-1", "texts-3"] and len(notes) == 1 and "texts:2" in notes[0]
    with pytest.raises(PolicytagError, match="not one string"):
        api.tag_texts("严禁超量储存烟花爆竹。", model)
    with pytest.raises(PolicytagError, match="heading_paths has 1 entries for 2 texts"):
        api.tag_texts(["甲。", "乙。"], model, heading_paths=[["一、"]])
    assert len(api.tag_texts([], model)) == 0


def test_segment_text_path_and_missing(tmp_path):
    text = (DATA / "qinghe_2027.txt").read_text(encoding="utf-8")
    from_text = api.segment(text)
    from_path = api.segment(DATA / "qinghe_2027.txt")
    assert from_text.documents[0].source == "<stdin>"
    assert [c.text for c in from_text.clauses] == [c.text for c in from_path.clauses]
    assert len(from_path.clauses) == 5 and from_path.documents[0].date == "2027-01-08"
    # a mistyped file name is an error naming it (and the near name), not a notice's text
    with pytest.raises(PolicytagError, match=r"qinghe_2028\.txt: no such file or directory \(did you mean .*qinghe_202[67]\.txt"):
        api.segment(str(DATA / "qinghe_2028.txt"))
    with pytest.raises(PolicytagError, match="no such file"):
        api.segment("notice.docx")
    with pytest.raises(PolicytagError, match="empty"):
        api.segment("  ")
    # one clause is no notice: the error names the API's way to tag it (not a CLI option)
    with pytest.raises(PolicytagError, match=r"no recognisable notice structure.*use tag_texts"):
        api.tag("严禁在居民楼内超量储存烟花爆竹。")
    with pytest.raises(PolicytagError, match="decode"):
        api.segment(b"\xe5\x85\xb3")


def test_warnings_go_to_callback_or_warnings_not_stderr(capsys):
    missing = str(DATA / "gone.txt")
    with pytest.raises(PolicytagError, match=r"gone.txt: no such file.*skip_bad=True tags the readable input"):
        api.segment([str(DATA), missing])
    notes: list[str] = []
    seg = api.segment([str(DATA), missing], skip_bad=True, on_warning=notes.append)
    assert len(seg.documents) == 2 and seg.warnings and notes == [f"warning: {w}" for w in seg.warnings]
    assert "gone.txt" in notes[0]
    with pytest.warns(api.PolicytagWarning, match="gone.txt"):
        api.segment([str(DATA), missing], skip_bad=True)
    assert capsys.readouterr().err == ""


def test_bad_options_are_one_line_errors(model):
    for kwargs, pattern in (({"threshold": 1.5}, "threshold must be between 0 and 1"),
                            ({"threshold": "0.3"}, "threshold must be"),
                            ({"batch_size": 0}, "batch_size must be an integer of at least 1"),
                            ({"batch_size": 2.5}, "batch_size must be")):
        with pytest.raises(PolicytagError, match=pattern):
            api.tag_texts(["严禁超量储存烟花爆竹。"], model, **kwargs)
    with pytest.raises(PolicytagError, match="not a tagger or a model spec: dict"):
        api.tag_texts(["严禁超量储存烟花爆竹。"], {"model": 1})
    with pytest.raises(PolicytagError, match="no such run directory"):
        api.load_model(str(DATA / "no_run"))
    with pytest.raises(PolicytagError, match="result of tag"):
        list(api.to_rows([1, 2]))


def test_threshold_is_the_clis(model):
    low = api.tag_texts(["各单位要加强安全生产工作。"], model, threshold=0.05)
    tuned = api.tag_texts(["各单位要加强安全生产工作。"], model)
    assert low.threshold == 0.05 and tuned.threshold is None
    assert set(tuned[0].labels.measure_type) <= set(low[0].labels.measure_type)
    assert len(low[0].labels.sector) + len(low[0].labels.measure_type) > 2


def test_to_dataframe(tagged, monkeypatch):
    pd = pytest.importorskip("pandas")
    df = api.to_dataframe(tagged)
    assert isinstance(df, pd.DataFrame) and len(df) == len(tagged)
    assert list(df.columns) == list(next(api.to_rows(tagged)))
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    with pytest.raises(PolicytagError, match=r"pip install pandas"):
        api.to_dataframe(tagged)


def test_iter_tagged_is_lazy_and_equals_tag(tagged, model):
    it = api.iter_tagged(str(DATA), model, batch_size=3)
    assert iter(it) is it
    streamed = list(it)
    dates = {d.doc_id: d.date for d in tagged.documents}
    assert [t.to_dict(dates[t.clause.doc_id]) for t in streamed] == \
           [t.to_dict(dates[t.clause.doc_id]) for t in tagged]
    with pytest.raises(PolicytagError, match="tag a notice's text with tag"):
        next(api.iter_tagged("一、各单位要开展燃气隐患排查。\n二、严禁违规储存液化石油气。", model))


def test_segmented_result_is_tagged_as_is(tagged, model):
    seg = api.segment(str(DATA))
    again = api.tag(seg, model)
    assert [t.to_dict() for t in again] == [t.to_dict() for t in tagged]


def test_import_policytag_stays_light():
    code = "import sys, policytag; assert 'policytag.api' not in sys.modules, 'api imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT)


def test_docs_examples_run(model, monkeypatch, capsys):
    """Every ```python block of docs/python.md, in order, in one namespace, from the repository root (the
    examples name tests/data/api21/); the default model they load is the shipped one."""
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 5
    monkeypatch.chdir(PROJECT_ROOT)
    real = api.load_model
    monkeypatch.setattr(api, "load_model", lambda spec=None, on_warning=None: model if spec is None else real(spec, on_warning))
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(DOCS), "exec"), namespace)
    printed = capsys.readouterr().out
    assert "Tagged(10 clause(s) of 2 document(s)" in printed
    assert "missing.txt" in printed and "texts-1" in printed
