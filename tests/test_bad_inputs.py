"""Every sub-command against a table of bad inputs: one line, non-zero exit, nothing half-written.

Each case runs the real CLI in-process (``policytag.cli.main``) and fails on a traceback, on an
"unexpected" error (the catch-all for bugs), on exit code 0, on anything but exactly one
``policytag: error:`` line, on output on stdout, and on any output file or temporary left
behind. Usage and config errors must exit 2, data errors 1.

Cases are built from a small real notice, a real keyword run (trained here on corpus clauses) and
corrupted copies of it, one per way a run directory can break. Label Studio commands get an
unreachable URL (nothing listens on port 9), which is a bad input of its own; no server is needed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from policytag import PROJECT_ROOT
from policytag.cli import main

NOTICE = """山西省人民政府
关于做好2030年安全生产工作的通知
晋政发〔2030〕1号
各市、县人民政府，省人民政府各委、办、厅、局：
为做好2030年全省安全生产工作，现就有关事项通知如下。
一、强化安全生产责任落实
（一）压实企业主体责任。各类生产经营单位要严格落实全员安全生产责任制，年底前完成隐患排查。（省应急厅负责）
（二）加强煤矿安全监管。再建成60座智能化煤矿，覆盖率达到100%。
二、提升应急处置能力
各级政府每年至少组织开展一次综合性应急演练。
山西省人民政府
2030年1月20日
"""
DEAD_URL = "http://127.0.0.1:9"  # discard port: connection refused at once


# --- fixtures: inputs, a real run, corrupted runs ---------------------------------------------------
@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    (root / "notice.txt").write_text(NOTICE, encoding="utf-8")
    _bad_notices(root / "in")
    _bad_clause_files(root / "clauses")
    _bad_configs(root / "configs")
    _runs(root / "runs")
    (root / "existing_dir").mkdir()
    (root / "a_file").write_text("x", encoding="utf-8")
    (root / "empty_dir").mkdir()
    (root / "existing.jsonl").write_text("keep\n", encoding="utf-8")
    return root


def _docx_bytes(lines: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _pdf_bytes(lines: list[str] | None) -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    if lines:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        c.setFont("STSong-Light", 10)
        for i, line in enumerate(lines):
            c.drawString(40, 800 - 16 * i, line)
    else:
        c.rect(100, 100, 200, 200, fill=1)  # a page with no text layer
    c.save()
    return buf.getvalue()


def _bad_notices(d: Path) -> None:
    d.mkdir()
    lines = NOTICE.splitlines()
    utf8, gbk = NOTICE.encode("utf-8"), NOTICE.encode("gbk")
    files = {
        "empty.txt": b"",
        "blank.txt": b" \n\n\t \n",
        "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "wrong_encoding.txt": "Ce n'est pas un avis: école, café, naïve".encode("cp1252") + bytes(range(0x80, 0x100)),
        "mixed_encodings.txt": b"\n".join([utf8.split(b"\n")[0], utf8.split(b"\n")[1], gbk.split(b"\n")[4], gbk]),
        "no_structure.txt": "这是一段普通的文字，没有标题，没有文号，也没有编号条目。".encode("utf-8"),
        "truncated.docx": _docx_bytes(lines)[:900],
        "text_as.docx": utf8,
        "truncated.pdf": _pdf_bytes(lines)[:400],
        "scanned.pdf": _pdf_bytes(None),
        "garbage.html": b"\x00\x01\x02" * 100,
        "notice.json": b"{}",
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    (d / "no_notices").mkdir()
    (d / "no_notices" / "readme.md").write_text("nothing here", encoding="utf-8")


def _bad_clause_files(d: Path) -> None:
    d.mkdir()
    rows = {
        "truncated.jsonl": '{"id": "a", "text": "年底前完成整改。"}\n{"id": "b", "text": "年底前',
        "text_number.jsonl": '{"id": "a", "text": 42}\n',
        "text_list.jsonl": '{"id": "a", "text": ["年底前完成整改。"]}\n',
        "text_null.jsonl": '{"id": "a", "text": null}\n',
        "text_empty.jsonl": '{"id": "a", "text": "  "}\n',
        "agencies_string.jsonl": '{"id": "a", "text": "年底前完成整改。", "agencies": "省应急厅"}\n',
        "agencies_numbers.jsonl": '{"id": "a", "text": "年底前完成整改。", "agencies": [1, 2]}\n',
        "heading_path_string.jsonl": '{"id": "a", "text": "年底前完成整改。", "heading_path": "一、"}\n',
        "year_string.jsonl": '{"id": "a", "text": "年底前完成整改。", "year": "2030"}\n',
        "duplicate_ids.jsonl": '{"id": "a", "text": "年底前完成整改。"}\n{"id": "a", "text": "年内完成。"}\n',
        "array.jsonl": '[{"id": "a", "text": "年底前完成整改。"}]\n',
        "empty.jsonl": "",
        # issue 21 row 18: an id is a string or an integer (an object became Python's repr)
        "id_object.jsonl": '{"id": {"x": 1}, "text": "年底前完成整改。"}\n',
        "id_list.jsonl": '{"id": [1], "text": "年底前完成整改。"}\n',
        "id_float.jsonl": '{"id": 1.5, "text": "年底前完成整改。"}\n',
        "id_bool.jsonl": '{"id": true, "text": "年底前完成整改。"}\n',
    }
    for name, text in rows.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "not_utf8.jsonl").write_bytes('{"id": "a", "text": "年底前完成整改。"}\n'.encode("gbk"))


def _bad_configs(d: Path) -> None:
    d.mkdir()
    base = (PROJECT_ROOT / "configs" / "baseline.yaml").read_text(encoding="utf-8")
    configs = {
        "broken.yaml": "name: [unclosed\n  model: {",
        "list.yaml": "- a\n- b\n",
        "unknown_key.yaml": base + "\nbogus_key: 1\n",
        "wrong_type.yaml": base + "\nseed: not-a-number\n",
        "unknown_model.yaml": base.replace("type: tfidf", "type: no-such-model"),
        "missing_data.yaml": base + "\ndata:\n  gold: /nonexistent/gold.jsonl\n",
        # issue 21 row 13: no keys at all is a config error, not "all defaults"
        "empty.yaml": "",
        "comments.yaml": "# a recipe still to be written\n\n# name: x\n",
    }
    for name, text in configs.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "not_utf8.yaml").write_bytes("name: 基线\n".encode("gbk"))


def _runs(d: Path) -> None:
    """A real keyword run and one corrupted copy per way a run directory breaks."""
    from policytag.corpus.segment import segment_paths
    from policytag.models.keyword import KeywordTagger
    from policytag.models.runs import save_run
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    d.mkdir()
    taxonomy = load_taxonomy()
    clauses = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses[:120]
    first = {dim: taxonomy[dim].ids[0] for dim in ("sector", "measure_type")}
    labels = [Labels((first["sector"],), (first["measure_type"],)) for _ in clauses]
    good = save_run(KeywordTagger().fit(clauses, labels), d / "good",
                    {"name": "good", "model": {"type": "keyword"},
                     "data": {"gold": "policytag:gold", "corpus": "policytag:corpus"}}, {}, "test")

    def copy(name: str) -> Path:
        return Path(shutil.copytree(good, d / name))

    (copy("no_run_json") / "run.json").unlink()
    (copy("run_json_garbage") / "run.json").write_text("{not json", encoding="utf-8")
    (copy("run_json_empty") / "run.json").write_text("{}", encoding="utf-8")
    (copy("run_json_list") / "run.json").write_text("[]", encoding="utf-8")
    info = json.loads((good / "run.json").read_text(encoding="utf-8"))
    for name, change in [("unknown_tagger", {"tagger": "no-such-tagger"}),
                         ("other_tagger", {"tagger": "tfidf"}),
                         ("old_taxonomy", {"taxonomy_version": "0.0.1"})]:
        (copy(name) / "run.json").write_text(json.dumps({**info, **change}), encoding="utf-8")
    shutil.rmtree(copy("no_model") / "model")
    for f in (copy("model_garbage") / "model").rglob("*"):
        if f.is_file():
            f.write_bytes(b"\x00garbage")
    (copy("config_garbage") / "config.yaml").write_text("data: [unclosed", encoding="utf-8")
    (copy("metrics_garbage") / "metrics.json").write_text("{oops", encoding="utf-8")
    (d / "empty_run").mkdir()
    (d / "file_run").write_text("not a directory", encoding="utf-8")
    # issue 21 row 14: model/ is a link to a (perfectly loadable) model outside the run
    elsewhere = Path(shutil.copytree(good / "model", d.parent / "outside_model"))
    linked = copy("model_link_outside")
    shutil.rmtree(linked / "model")
    (linked / "model").symlink_to(elsewhere, target_is_directory=True)
    # issue 21 row 15: a TF-IDF run (it stores .npy arrays) and copies with a missing / pickled array
    from policytag.models.tfidf import TfidfTagger

    tfidf = save_run(TfidfTagger(min_df=1).fit(clauses, labels), d / "tfidf",
                     {"name": "tfidf", "model": {"type": "tfidf"}}, {}, "test")
    npys = sorted((tfidf / "model").glob("*.npy"))
    assert npys, "the TF-IDF run stores no .npy arrays"
    (Path(shutil.copytree(tfidf, d / "npy_missing")) / "model" / npys[0].name).unlink()
    import numpy as np

    np.save(Path(shutil.copytree(tfidf, d / "npy_pickled")) / "model" / npys[0].name,
            np.array([{"x": 1}], dtype=object), allow_pickle=True)


# --- the table --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]  # "{w}" is the work directory
    exit_code: int = 1  # 2 for usage/config errors
    output: str | None = None  # a path that must not be (partly) written
    subprocess: bool = False  # run in a child process with a timeout (commands that could block)
    fragments: tuple[str, ...] = field(default=())  # must appear in the error line


BAD_NOTICES = ["empty.txt", "blank.txt", "binary.txt", "wrong_encoding.txt", "mixed_encodings.txt",
               "no_structure.txt", "truncated.docx", "text_as.docx", "truncated.pdf", "scanned.pdf", "garbage.html",
               "notice.json", "missing.txt", "no_notices"]
BAD_CLAUSES = ["truncated.jsonl", "text_number.jsonl", "text_list.jsonl", "text_null.jsonl", "text_empty.jsonl",
               "agencies_string.jsonl", "agencies_numbers.jsonl", "heading_path_string.jsonl", "year_string.jsonl",
               "duplicate_ids.jsonl", "array.jsonl", "empty.jsonl", "not_utf8.jsonl", "missing.jsonl",
               "id_object.jsonl", "id_list.jsonl", "id_float.jsonl", "id_bool.jsonl"]
CORRUPT_RUNS = ["no_run_json", "run_json_garbage", "run_json_empty", "run_json_list", "unknown_tagger",
                "other_tagger", "old_taxonomy", "no_model", "model_garbage", "empty_run", "file_run", "missing_run"]
# runs that load fine unless the loader refuses what they are (issue 21 row 14)
LINKED_RUNS = ["model_link_outside"]
# compare reads run.json, config.yaml and metrics.json only (never the model), so it is checked on those
COMPARE_CORRUPT = ["no_run_json", "run_json_garbage", "run_json_empty", "run_json_list", "unknown_tagger",
                   "no_model", "empty_run", "file_run", "missing_run", "metrics_garbage", "model_link_outside"]
# compared with the intact TF-IDF run they were copied from (issue 21 row 15)
COMPARE_BROKEN_NPY = ["npy_missing", "npy_pickled"]
# (bad -o value, why) for every command that writes a file
BAD_FILE_OUTPUTS = [("{w}/existing_dir", "directory"), ("{w}/no_such_dir/out.x", "missing parent"),
                    ("{w}/a_file/out.x", "parent is a file"), ("/proc/policytag-out.x", "unwritable")]
MESSAGES = {  # clause-file rows whose message must say what is wrong
    "text_number.jsonl": ("'text' must be a string",), "text_list.jsonl": ("'text' must be a string",),
    "text_null.jsonl": ("missing 'text'",), "agencies_string.jsonl": ("'agencies' must be a list of strings",),
    "agencies_numbers.jsonl": ("'agencies' must be a list of strings",),
    **{name: ("'id' must be a string or an integer",)
       for name in ("id_object.jsonl", "id_list.jsonl", "id_float.jsonl", "id_bool.jsonl")},
}


def _cases() -> list[Case]:
    cases: list[Case] = []
    add = cases.append
    # segment / tag / annotate export: bad notice files
    for name in BAD_NOTICES:
        add(Case(f"segment-{name}", ("segment", f"{{w}}/in/{name}", "-o", "{w}/out/seg.jsonl"),
                 output="{w}/out/seg.jsonl"))
        add(Case(f"tag-{name}", ("tag", f"{{w}}/in/{name}", "--model", "{w}/runs/good", "-o", "{w}/out/tag.jsonl"),
                 output="{w}/out/tag.jsonl"))
        add(Case(f"annotate-export-{name}", ("annotate", "export", f"{{w}}/in/{name}", "-o", "{w}/out/tasks.json"),
                 output="{w}/out/tasks.json"))
    # tag --clauses: bad clause files
    for name in BAD_CLAUSES:
        add(Case(f"tag-clauses-{name}", ("tag", "--clauses", f"{{w}}/clauses/{name}", "--model", "{w}/runs/good",
                                         "-o", "{w}/out/tag.jsonl"),
                 output="{w}/out/tag.jsonl", fragments=MESSAGES.get(name, ())))
    # corrupt run directories, for every command that loads one
    for run in CORRUPT_RUNS + LINKED_RUNS:
        add(Case(f"tag-model-{run}", ("tag", "{w}/notice.txt", "--model", f"{{w}}/runs/{run}", "-o", "{w}/out/t.jsonl"),
                 output="{w}/out/t.jsonl"))
        add(Case(f"evaluate-{run}", ("evaluate", f"{{w}}/runs/{run}")))
        add(Case(f"annotate-export-predictions-{run}", ("annotate", "export", "{w}/notice.txt", "--predictions",
                                                        f"{{w}}/runs/{run}", "-o", "{w}/out/tasks.json"),
                 output="{w}/out/tasks.json"))
        add(Case(f"backend-serve-{run}", ("backend", "serve", "--model", f"{{w}}/runs/{run}", "--no-retrain",
                                          "--port", "9")))
    for run in CORRUPT_RUNS + ["good"]:  # `push` takes transformer runs only: the keyword run is bad input too
        # a readable run of the wrong kind is a usage error (2), a corrupt one a data error (1)
        add(Case(f"push-{run}", ("push", f"{{w}}/runs/{run}", "--repo-id", "org/name", "--dry-run"),
                 exit_code=2 if run in ("good", "other_tagger", "old_taxonomy", "model_garbage") else 1))
    add(Case("push-bad-repo-id", ("push", "{w}/runs/good", "--repo-id", "not a repo id", "--dry-run"), exit_code=2))
    add(Case("evaluate-config_garbage", ("evaluate", "{w}/runs/config_garbage")))
    for run in COMPARE_CORRUPT:
        add(Case(f"compare-{run}", ("compare", "{w}/runs/good", f"{{w}}/runs/{run}", "-o", "{w}/out/cmp"),
                 output="{w}/out/cmp.md"))
    for run in COMPARE_BROKEN_NPY:
        add(Case(f"compare-{run}", ("compare", "{w}/runs/tfidf", f"{{w}}/runs/{run}", "-o", "{w}/out/cmp"),
                 output="{w}/out/cmp.md", fragments=(f"runs/{run}/model",)))
    # bad outputs, for every command that writes
    for out, why in BAD_FILE_OUTPUTS:
        tag = why.replace(" ", "_")
        add(Case(f"segment-o-{tag}", ("segment", "{w}/notice.txt", "-o", out), output=out))
        add(Case(f"tag-o-{tag}", ("tag", "{w}/notice.txt", "--model", "{w}/runs/good", "-o", out), output=out))
        add(Case(f"annotate-config-o-{tag}", ("annotate", "config", "-o", out), output=out))
        add(Case(f"annotate-export-o-{tag}", ("annotate", "export", "{w}/notice.txt", "-o", out), output=out))
        if why in ("parent is a file", "unwritable"):  # -o is a prefix whose folders compare creates
            add(Case(f"compare-o-{tag}", ("compare", "{w}/runs/good", "-o", out), output=out))
        add(Case(f"annotate-pull-o-{tag}", ("annotate", "pull", "--url", DEAD_URL, "--api-key", "k", "-o", out),
                 output=out))
    for why, out in [("existing file", "{w}/a_file"), ("unwritable", "/proc/policytag-run"),
                     ("parent is a file", "{w}/a_file/run")]:
        tag = why.replace(" ", "_")
        add(Case(f"train-o-{tag}", ("train", str(PROJECT_ROOT / "configs" / "baseline.yaml"), "-o", out)))
        add(Case(f"pretrained-build-o-{tag}", ("pretrained", "build", "-o", out)))
    add(Case("train-o-existing-run", ("train", str(PROJECT_ROOT / "configs" / "baseline.yaml"), "-o", "{w}/runs/good")))
    add(Case("pretrained-build-o-existing-dir", ("pretrained", "build", "-o", "{w}/existing_dir")))
    add(Case("pretrained-build-prune-missing", ("pretrained", "build", "-o", "{w}/out/pre",
                                                "--prune-corpus", "{w}/no_such_corpus"), output="{w}/out/pre"))
    add(Case("pretrained-build-prune-empty-dir", ("pretrained", "build", "-o", "{w}/out/pre",
                                                  "--prune-corpus", "{w}/empty_dir"), output="{w}/out/pre"))
    add(Case("annotate-pull-existing-no-force", ("annotate", "pull", "--url", DEAD_URL, "--api-key", "k",
                                                 "-o", "{w}/existing.jsonl")))
    add(Case("tag-html-vs-md", ("tag", "{w}/notice.txt", "--model", "{w}/runs/good", "-o", "{w}/out/r.html",
                                "--format", "md"), exit_code=2, output="{w}/out/r.html", fragments=("--format md",)))
    # malformed configs
    for name in ["broken.yaml", "list.yaml", "unknown_key.yaml", "wrong_type.yaml", "unknown_model.yaml",
                 "not_utf8.yaml", "missing.yaml", "empty.yaml", "comments.yaml"]:
        add(Case(f"train-config-{name}", ("train", f"{{w}}/configs/{name}", "-o", "{w}/out/run"), exit_code=2,
                 output="{w}/out/run", fragments=("empty config",) if name in ("empty.yaml", "comments.yaml") else ()))
    add(Case("train-config-missing_data.yaml", ("train", "{w}/configs/missing_data.yaml", "-o", "{w}/out/run"),
             exit_code=None, output="{w}/out/run"))  # type: ignore[arg-type]
    # Label Studio commands with an unreachable server or no server given
    add(Case("annotate-push-dead-url", ("annotate", "push", "{w}/notice.txt", "--url", DEAD_URL, "--api-key", "k")))
    # a missing or malformed --url is a usage error (exit 2), as argparse's own (issue 21 row 19)
    add(Case("annotate-push-no-url", ("annotate", "push", "{w}/notice.txt", "--url", "", "--api-key", ""),
             exit_code=2, fragments=("--url",)))
    add(Case("annotate-push-bad-scheme", ("annotate", "push", "{w}/notice.txt", "--url", "ftp://x", "--api-key", "k"),
             exit_code=2))
    add(Case("annotate-pull-no-url", ("annotate", "pull", "--url", "", "--api-key", "k", "-o", "{w}/out/p.jsonl"),
             exit_code=2, output="{w}/out/p.jsonl", fragments=("--url",)))
    add(Case("annotate-pull-no-key", ("annotate", "pull", "--url", DEAD_URL, "--api-key", "", "-o",
                                      "{w}/out/p.jsonl"), exit_code=2, output="{w}/out/p.jsonl"))
    add(Case("annotate-push-bad-notice", ("annotate", "push", "{w}/in/binary.txt", "--url", DEAD_URL,
                                          "--api-key", "k")))
    add(Case("annotate-pull-dead-url", ("annotate", "pull", "--url", DEAD_URL, "--api-key", "k",
                                        "-o", "{w}/out/pulled.jsonl"), output="{w}/out/pulled.jsonl"))
    add(Case("annotate-next-dead-url", ("annotate", "next", "--url", DEAD_URL, "--api-key", "k", "--dry-run")))
    add(Case("annotate-next-no-url", ("annotate", "next", "--url", "", "--api-key", ""), exit_code=2))
    add(Case("annotate-next-bad-model", ("annotate", "next", "--url", DEAD_URL, "--api-key", "k",
                                         "--model", "{w}/runs/run_json_garbage")))
    add(Case("backend-connect-dead-url", ("backend", "connect", "--url", DEAD_URL, "--project", "x",
                                          "--label-studio-url", DEAD_URL, "--api-key", "k")))
    # option errors: one line, exit 2
    for argv in [("tag", "--no-such-option"), ("tag", "{w}/notice.txt", "--threshold", "5"),
                 ("tag", "{w}/notice.txt", "--batch-size", "0"), ("tag", "{w}/notice.txt", "--year", "abc"),
                 ("tag", "{w}/notice.txt", "--format", "pdf"), ("tag",), ("tag", "{w}/notice.txt", "--clauses", "x"),
                 ("segment",), ("segment", "{w}/notice.txt", "--format", "xml"), ("evaluate", "x", "--split", "y"),
                 ("compare",), ("train",), ("annotate", "export"), ("annotate", "pull"), ("no-such-command",),
                 ("pretrained", "build", "--bogus"), ("backend", "serve", "--port", "70000"),
                 ("push", "{w}/runs/good")]:
        add(Case("usage-" + "-".join(a.strip("-{}/w") or "x" for a in argv), argv, exit_code=2))
    return cases


CASES = _cases()


def _expand(value: str, w: Path) -> str:
    return value.replace("{w}", str(w))


def _leftovers(path: Path) -> list[str]:
    """Temporary siblings atomic writes would leave behind (``.NAME.*.tmp``)."""
    parent = path.parent
    if not parent.is_dir():
        return []
    return [p.name for p in parent.iterdir() if p.name.startswith(f".{path.name}") or p.name.endswith(".tmp")]


def _run(case: Case, w: Path, capsys) -> tuple[int, str, str]:
    argv = [_expand(a, w) for a in case.argv]
    if case.subprocess:
        proc = subprocess.run([sys.executable, "-m", "policytag.cli", *argv], capture_output=True, text=True,
                              timeout=120, cwd=w)
        return proc.returncode, proc.stdout, proc.stderr
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_gives_one_line_and_no_output(case: Case, work: Path, capsys, monkeypatch):
    if any("/proc/" in a for a in case.argv) and not Path("/proc/self").exists():
        pytest.skip("no /proc on this system")
    monkeypatch.chdir(work)
    monkeypatch.setenv("POLICYTAG_RUNS", str(work / "runs"))
    monkeypatch.delenv("POLICYTAG_DEBUG", raising=False)
    if case.argv[:2] == ("backend", "serve"):
        import policytag.backend.server as server

        def no_serving(*args, **kwargs):  # in-process: a bad model that loaded must fail, not block
            raise AssertionError("the backend started serving a bad model")

        monkeypatch.setattr(server, "serve", no_serving)
    out_dir = work / "out"
    shutil.rmtree(out_dir, ignore_errors=True)  # a failed case must not make the next one fail
    out_dir.mkdir()
    before = sorted(p.name for p in out_dir.iterdir())
    code, stdout, stderr = _run(case, work, capsys)
    assert "Traceback" not in stderr, stderr
    assert "unexpected" not in stderr, stderr  # the catch-all for bugs
    assert code != 0, f"exit 0 for bad input; stderr: {stderr}"
    errors = [line for line in stderr.splitlines() if line.startswith("policytag: error:")]
    assert len(errors) == 1, stderr
    if case.exit_code is not None:
        assert code == case.exit_code, f"exit {code}, expected {case.exit_code}: {errors[0]}"
    for fragment in case.fragments:
        assert fragment in errors[0], errors[0]
    assert stdout == "", stdout
    if case.output:
        target = Path(_expand(case.output, work))
        assert not (target.exists() and target.is_file() and target.stat().st_size and target.parent == out_dir), \
            f"partial output {target}"
        assert not _leftovers(target), _leftovers(target)
    after = sorted(p.name for p in out_dir.iterdir())
    assert after == before, f"files written to {out_dir}: {set(after) - set(before)}"
    assert (work / "existing.jsonl").read_text(encoding="utf-8") == "keep\n"
    assert (work / "a_file").read_text(encoding="utf-8") == "x"


def test_every_sub_command_is_covered():
    """The table names every sub-command ``policytag --help`` lists (and every action of nested ones)."""
    from policytag.cli import build_parser

    parser = build_parser()
    covered = {c.argv[0] for c in CASES} | {" ".join(c.argv[:2]) for c in CASES}
    missing = []
    for action in parser._subparsers._group_actions[0].choices.items():  # noqa: SLF001 - argparse has no API
        name, sub = action
        nested = [a for a in sub._actions if isinstance(a, type(parser._subparsers._group_actions[0]))]
        if nested:
            missing += [f"{name} {n}" for n in nested[0].choices if f"{name} {n}" not in covered]
        elif name not in covered:
            missing.append(name)
    assert not missing, f"sub-commands without bad-input cases: {missing}"


def test_debug_shows_the_traceback_of_unexpected_errors(monkeypatch, capsys):
    """Unexpected exceptions: one line plus the --debug hint; with --debug the exception propagates."""
    import policytag.corpus.cli as corpus_cli

    def boom(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(corpus_cli, "run", boom)
    monkeypatch.delenv("POLICYTAG_DEBUG", raising=False)
    assert main(["segment", "x.txt"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected RuntimeError: boom" in err and "--debug" in err
    with pytest.raises(RuntimeError):
        main(["--debug", "segment", "x.txt"])
