"""``policytag tag`` through the CLI (subprocess): output fields, input kinds, year selection, bad input,
and the embedded default model (policytag.app training the packaged recipe from the real gold file)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policytag import PROJECT_ROOT
from policytag.taxonomy import load_taxonomy
from conftest import CORPUS_FILE

ROW_FIELDS = {"doc_id", "clause_id", "heading_path", "text", "sector", "measure_type", "scores", "agencies",
              "deadlines", "targets"}
DEADLINE_FIELDS = {"text", "kind", "year", "month", "day", "period", "event", "due", "action", "span"}
TARGET_FIELDS = {"text", "value", "value_max", "unit", "what", "comparator", "verb", "per", "span"}


@pytest.fixture(scope="session")
def run_dir(keyword_run) -> Path:
    """The shared keyword run (conftest.py)."""
    return keyword_run


def tag(*args, stdin=None, env=None, timeout=300):
    """Run ``policytag tag ARGS`` in a fresh process; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "policytag.cli", "tag", *map(str, args)], input=stdin,
                          capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=PROJECT_ROOT,
                          timeout=timeout)


def assert_one_line_error(proc, *fragments):
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("policytag: error:")]
    assert len(errors) == 1, proc.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    assert proc.stdout == ""


def rows_of(proc):
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


# --- output ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_rows(run_dir):
    return rows_of(tag(CORPUS_FILE, "--model", run_dir, "--format", "jsonl"))


def test_jsonl_has_every_field_for_every_clause(corpus_rows):
    taxonomy = load_taxonomy()
    assert len(corpus_rows) > 400
    assert len({r["doc_id"] for r in corpus_rows}) == 18
    for row in corpus_rows:
        assert ROW_FIELDS <= set(row), set(row) ^ ROW_FIELDS
        for dim in ("sector", "measure_type"):
            assert row[dim] and set(row[dim]) <= set(taxonomy[dim].ids)
            assert list(row["scores"][dim]) == taxonomy[dim].ids  # every label, taxonomy order
            scores = [row["scores"][dim][x] for x in row[dim]]
            assert scores == sorted(scores, reverse=True)  # best first
        assert isinstance(row["heading_path"], list) and isinstance(row["agencies"], list)
        for d in row["deadlines"]:
            assert set(d) == DEADLINE_FIELDS
        for t in row["targets"]:
            assert set(t) == TARGET_FIELDS
    with_deadline = [r for r in corpus_rows if r["deadlines"]]
    with_target = [r for r in corpus_rows if r["targets"]]
    assert len(with_deadline) > 30 and len(with_target) > 40
    assert any(r["agencies"] for r in corpus_rows)
    # a clause of the 2025 notice is compared with the 2024 notice; the 2009 notice has none before it
    assert all(r["novelty"] is None for r in corpus_rows if r["year"] == 2009)
    assert all(set(r["novelty"]) == {"is_new", "similarity", "nearest", "status"} for r in corpus_rows if r["year"] == 2025)


def test_year_selects_one_notice_and_compares_with_the_previous(run_dir, corpus_rows):
    rows = rows_of(tag(CORPUS_FILE, "--model", run_dir, "--year", 2026))
    assert {r["year"] for r in rows} == {2026}
    assert [r["clause_id"] for r in rows] == [r["clause_id"] for r in corpus_rows if r["year"] == 2026]
    coal = next(r for r in rows if "再建成60座智能化煤矿" in r["text"])
    assert {"text": "再建成60座智能化煤矿", "value": 60, "unit": "座", "what": "智能化煤矿"}.items() <= coal["targets"][0].items()
    assert coal["deadlines"][0]["due"] == "2026-12-31"
    assert all(r["novelty"]["nearest"].startswith("2025-") for r in rows)
    proc = tag(CORPUS_FILE, "--model", run_dir, "--year", 1999)
    assert_one_line_error(proc, "no notice of year 1999", "2009–2026")


def test_markdown_summary(run_dir):
    proc = tag(CORPUS_FILE, "--model", run_dir, "--year", 2026, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    taxonomy = load_taxonomy()
    assert md.startswith("# 关于做好2026年安全生产工作的通知（2026）")
    footer = md.rstrip().splitlines()[-1]
    assert footer.startswith("*policytag tag · model kw@") and f"taxonomy {taxonomy.version}" in footer
    assert "compared with the 2025 notice" in md
    assert f"## {taxonomy.sector.name}" in md and f"## {taxonomy.measure_type.name}" in md
    assert "Emphasis compared with 2025" in md and "New this year" in md
    assert "年底前（2026-12-31）：再建成60座智能化煤矿" in md
    assert taxonomy.sector.name_of("coal_mine") in md
    assert "coal_mine" not in md  # names, not ids, for people
    assert "policytag: tagged" in proc.stderr


def test_csv_same_content(run_dir):
    import csv
    import io

    proc = tag(CORPUS_FILE, "--model", run_dir, "--year", 2025, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    jsonl = rows_of(tag(CORPUS_FILE, "--model", run_dir, "--year", 2025))
    assert [r["clause_id"] for r in rows] == [r["clause_id"] for r in jsonl]
    taxonomy = load_taxonomy()
    for c, j in zip(rows, jsonl):
        assert c["sector"].split(";") == j["sector"]
        assert json.loads(c["targets"]) == j["targets"] and json.loads(c["deadlines"]) == j["deadlines"]
        assert float(c[f"score:sector:{taxonomy.sector.ids[0]}"]) == j["scores"]["sector"][taxonomy.sector.ids[0]]


def test_threshold_override(run_dir):
    low = rows_of(tag(CORPUS_FILE, "--model", run_dir, "--year", 2026, "--threshold", 0.05))
    high = rows_of(tag(CORPUS_FILE, "--model", run_dir, "--year", 2026, "--threshold", 0.95))
    assert sum(len(r["sector"]) for r in low) > sum(len(r["sector"]) for r in high)
    assert all(len(r["measure_type"]) <= 3 for r in low)  # taxonomy max_labels still holds
    proc = tag(CORPUS_FILE, "--model", run_dir, "--threshold", 1.5)
    assert proc.returncode == 2 and "between 0 and 1" in proc.stderr and "Traceback" not in proc.stderr


def test_stdin_notice(run_dir):
    lines = CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    start = lines.index("关于做好 2026 年安全生产工作的通知")
    rows = rows_of(tag("-", "--model", run_dir, stdin="\n".join(lines[start:])))
    assert rows and {r["year"] for r in rows} == {2026}


def test_clause_file_echoes_ids_and_headings(run_dir, tmp_path):
    clauses = tmp_path / "clauses.jsonl"
    clauses.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a-1", "text": "加强煤矿智能化改造，年底前再建成60座智能化煤矿。", "heading": "煤矿", "year": 2026},
        {"id": 7, "text": "开展危险化学品安全风险评估（省应急厅、省公安厅等按职责分工负责）",
         "heading_path": ["二、源头管控", "（五）风险评估"]},
        {"text": "各级政府年内至少组织开展一次综合性演练。"},
    ]) + "\n", encoding="utf-8")
    rows = rows_of(tag("--clauses", clauses, "--model", run_dir))
    assert [r["clause_id"] for r in rows] == ["a-1", "7", "clauses-3"]
    assert rows[0]["heading_path"] == ["煤矿"] and rows[1]["heading_path"] == ["二、源头管控", "（五）风险评估"]
    assert rows[0]["deadlines"][0]["due"] == "2026-12-31"
    assert rows[1]["agencies"] == ["省应急厅", "省公安厅"]
    assert "coal_mine" in rows[0]["sector"]
    assert rows[2]["targets"][0]["comparator"] == ">="


def test_writes_output_file_atomically(run_dir, tmp_path):
    out = tmp_path / "tagged.jsonl"
    proc = tag(CORPUS_FILE, "--model", run_dir, "--year", 2026, "-o", out)
    assert proc.returncode == 0 and proc.stdout == "" and f"wrote {out}" in proc.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) > 20
    assert oct(out.stat().st_mode & 0o777) != "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["tagged.jsonl"]  # no temporary file left


# --- bad input -------------------------------------------------------------------------------------
def test_unknown_model_dir(tmp_path):
    assert_one_line_error(tag(CORPUS_FILE, "--model", tmp_path / "nope"), "no such run directory")
    (tmp_path / "empty").mkdir()
    assert_one_line_error(tag(CORPUS_FILE, "--model", tmp_path / "empty"), "not a policytag run directory")


def test_run_trained_on_another_taxonomy_version(run_dir, tmp_path):
    old = tmp_path / "old-run"
    shutil.copytree(run_dir, old)
    info = json.loads((old / "run.json").read_text(encoding="utf-8"))
    info["taxonomy_version"] = "0.9.0"
    (old / "run.json").write_text(json.dumps(info), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = tag(CORPUS_FILE, "--model", old, "-o", out)
    assert_one_line_error(proc, "taxonomy version 0.9.0", load_taxonomy().version, "retrain")
    assert not out.exists()


def test_empty_notice(run_dir, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out.md"
    assert_one_line_error(tag(empty, "--model", run_dir, "-o", out), "empty")
    assert_one_line_error(tag("-", "--model", run_dir, stdin="  \n\n"), "<stdin>", "empty notice")
    blank = tmp_path / "blank.txt"
    blank.write_text("just a line of text without any notice structure\n", encoding="utf-8")
    assert_one_line_error(tag(blank, "--model", run_dir), "no recognisable notice structure")
    assert not out.exists()


def test_missing_input_and_bad_file_among_good(run_dir, tmp_path):
    assert_one_line_error(tag(tmp_path / "missing.txt", "--model", run_dir), "no such file")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert_one_line_error(tag(empty, CORPUS_FILE, "--model", run_dir, "--year", 2026), "empty", "--skip-bad")
    proc = tag(empty, CORPUS_FILE, "--model", run_dir, "--year", 2026, "--skip-bad")
    # --skip-bad still writes the readable input but exits 1: something was skipped
    assert proc.returncode == 1 and "warning: skipped" in proc.stderr and proc.stdout.strip()
    assert_one_line_error(tag("--model", run_dir), "nothing to tag")


def test_malformed_clause_lines(run_dir, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok-1", "text": "年底前再建成60座智能化煤矿。"}\n'
                   "{not json\n"
                   '{"id": "no-text"}\n'
                   '["a", "list"]\n'
                   '{"id": "ok-2", "text": "各级政府年内至少组织开展一次综合性演练。", "heading": "应急"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = tag("--clauses", bad, "--model", run_dir, "-o", out)
    assert_one_line_error(proc, f"{bad}:2:", "malformed JSON", "--skip-bad")
    assert not out.exists()  # no partial output
    proc = tag("--clauses", bad, "--model", run_dir, "-o", out, "--skip-bad")
    assert proc.returncode == 1, proc.stderr  # written, but lines were skipped
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert [w.split(f"{bad}:")[1].split(":")[0] for w in warnings] == ["2", "3", "4"]
    assert [json.loads(line)["clause_id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["ok-1", "ok-2"]
    only_bad = tmp_path / "only_bad.jsonl"
    only_bad.write_text("{oops\n", encoding="utf-8")
    assert_one_line_error(tag("--clauses", only_bad, "--model", run_dir, "--skip-bad"), "no clauses to tag")


def test_unwritable_output(run_dir, tmp_path):
    assert_one_line_error(tag(CORPUS_FILE, "--model", run_dir, "-o", tmp_path / "no" / "such" / "dir.html"),
                          "does not exist")
    assert_one_line_error(tag(CORPUS_FILE, "--model", run_dir, "-o", tmp_path), "is a directory")
    assert_one_line_error(tag(CORPUS_FILE, "--model", run_dir, "-o", "/proc/policytag-report.html"), "not writable")
    assert list(tmp_path.iterdir()) == []


def test_inputs_and_clause_file_are_exclusive(run_dir, tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "x"}\n', encoding="utf-8")
    assert_one_line_error(tag(CORPUS_FILE, "--clauses", f, "--model", run_dir), "not both")


# --- the embedded default model -------------------------------------------------------------------
@pytest.mark.slow
def test_default_model_is_shipped_and_trains_nothing_on_first_use(tmp_path):
    """The README's main command on a fresh clone: no --model, no runs/ -> the fitted default that
    ships as package data is loaded; nothing is trained or cached (issue 18)."""
    env = {"POLICYTAG_RUNS": str(tmp_path / "runs")}  # a fresh clone has no runs/
    first = tag(CORPUS_FILE, "--year", 2026, "--format", "md", env=env, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "trained the default model" not in first.stderr and "Traceback" not in first.stderr
    assert not (tmp_path / "runs" / "cache" / "default").exists()
    assert "# 关于做好2026年安全生产工作的通知（2026）" in first.stdout
    assert "model default@" in first.stdout.splitlines()[-1]
    second = tag(CORPUS_FILE, "--year", 2026, "--format", "jsonl", "--model", "default", env=env)
    assert second.returncode == 0 and "trained the default model" not in second.stderr
    rows = [json.loads(line) for line in second.stdout.splitlines()]
    assert rows and all(ROW_FIELDS <= set(r) for r in rows)
    # the README's report command, literally (relative path from the repository root)
    corpus = CORPUS_FILE.relative_to(PROJECT_ROOT)
    report = tmp_path / "report.html"
    third = tag(corpus, "--format", "html", "-o", report, env=env)
    assert third.returncode == 0, third.stderr
    html = report.read_text(encoding="utf-8")
    assert html.count('<section class="notice"') == 18 and 'id="trends"' in html and "://" not in html
