"""annot2's probes of the annotators' loop against a real Label Studio (EXPECTED.md §2-6, 8).

Run: PATH=<dir of label-studio>:$PATH .venv/bin/python tests/data/annot2/probe_loop.py WORKDIR
Prints what each probe saw; the tests in tests/test_annot2_*.py pin what was fixed."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/ (ls_server)
import ls_server  # noqa: E402
from label_studio_sdk.client import LabelStudio  # noqa: E402

from policytag.annotation.results import annotation_result  # noqa: E402
from policytag.cli import main  # noqa: E402

HERE = Path(__file__).parent
work = Path(sys.argv[1])
work.mkdir(parents=True, exist_ok=True)
server = ls_server.start_server(work / "ls", template_dir=Path(".pytest_cache/d/label-studio-template"))
admin = LabelStudio(base_url=server.url, api_key=server.api_key)


def cli(*args):
    t = time.monotonic()
    rc = main(["annotate", *args, "--url", server.url, "--api-key", server.api_key])
    return rc, time.monotonic() - t


try:
    REG = (Path("tests/test_annot1_pull.py").read_text(encoding="utf-8").split('REGULATION = """')[1].split('"""')[0])
    (work / "reg.txt").write_text(REG, encoding="utf-8")
    notice = HERE / "lanxi_task_table.txt"
    print("== 5. second notice into the same project")
    print(cli("push", str(work / "reg.txt"), "--project", "probe-a2", "--quiet"))
    project = next(p for p in admin.projects.list() if p.title == "probe-a2")
    before = {t.data["clause_id"]: t.id for t in admin.tasks.list(project=project.id, fields="all")}
    print(cli("push", str(notice), "--project", "probe-a2", "--quiet"))
    after = {t.data["clause_id"]: t.id for t in admin.tasks.list(project=project.id, fields="all")}
    print("ids stable:", all(after[k] == v for k, v in before.items()), len(before), len(after))
    print(cli("push", str(work / "reg.txt"), str(notice), "--project", "probe-a2", "--quiet"))
    print("after both again:", len(list(admin.tasks.list(project=project.id))))

    print("== 2/3. two annotators; skip")
    people = {}
    for who in ("lan", "mo"):
        c = LabelStudio(base_url=server.url, api_key=server.signup(f"{who}@a2.test", f"{who}-password-1"))
        people[who] = c
    tasks = sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)
    hz = annotation_result(["hazardous_chemicals"], ["rules_standards"])
    people["lan"].annotations.create(tasks[0].id, result=hz)
    people["mo"].annotations.create(tasks[0].id, result=hz)  # agree
    people["lan"].annotations.create(tasks[1].id, result=hz)
    people["mo"].annotations.create(tasks[1].id, result=annotation_result(["fire_safety"], ["rules_standards"]))
    people["lan"].annotations.create(tasks[2].id, result=[], was_cancelled=True)  # skipped, nobody labelled
    people["lan"].annotations.create(tasks[3].id, result=[], was_cancelled=True)  # skipped by lan …
    people["mo"].annotations.create(tasks[3].id, result=hz)  # … labelled by mo
    # "cannot decide": labelled, with a note saying so
    people["mo"].annotations.create(tasks[4].id, result=annotation_result(["hazardous_chemicals"], ["rules_standards"],
                                                                           "拿不准：是否属于化工园区"))
    for i in range(5, 8):
        people["lan"].annotations.create(tasks[i].id, result=hz)
    rc, secs = cli("pull", "--project", "probe-a2", "-o", str(work / "v.jsonl"), "--no-flag")
    print("pull", rc, round(secs, 2))
    rows = [json.loads(x) for x in (work / "v.jsonl").read_text(encoding="utf-8").splitlines()]
    print("rows", len(rows), [(r["clause_id"], r["n_annotations"], r["resolution"], r["note"]) for r in rows])
    print("conflicts", (work / "v.conflicts.jsonl").read_text(encoding="utf-8").count("\n"))
    meta = json.loads((work / "v.meta.json").read_text(encoding="utf-8"))
    print("agreement", json.dumps(meta["agreement"], ensure_ascii=False)[:600])
    print("skipped", meta["skipped_annotations"])
    print("counts", meta["counts"])

    print("== 8. next after half labelled")
    for strategy in ("uncertainty", "diversity", "mixed", "random"):
        rc, secs = cli("next", "--project", "probe-a2", "--strategy", strategy, "--n", "5", "--dry-run")
        print(strategy, rc, round(secs, 1))
    rc, secs = cli("next", "--project", "probe-a2", "--n", "3")
    ranks = {t.id: (t.data.get("al_rank"), t.total_annotations, t.cancelled_annotations)
             for t in admin.tasks.list(project=project.id, fields="all")}
    print("ranks", rc, ranks)

    print("== 4. taxonomy renamed a label")
    tax = Path("configs/taxonomy.yaml").read_text(encoding="utf-8")
    renamed = tax.replace('version: "2.3.0"', 'version: "2.4.0"').replace("fire_safety", "fire_protection")
    (work / "tax.yaml").write_text(renamed, encoding="utf-8")
    env = {**os.environ, "POLICYTAG_TAXONOMY": str(work / "tax.yaml")}
    for args in (["pull", "--project", "probe-a2", "-o", str(work / "w.jsonl"), "--no-flag"],
                 ["push", str(notice), "--project", "probe-a2", "--quiet"],
                 ["pull", "--project", "probe-a2", "-o", str(work / "w2.jsonl"), "--no-flag"]):
        done = subprocess.run([sys.executable, "-m", "policytag.cli", "annotate", *args, "--url", server.url,
                               "--api-key", server.api_key], env=env, capture_output=True, text=True)
        print(args[0], done.returncode, done.stderr.strip()[-600:])
    print("outputs:", sorted(p.name for p in work.iterdir() if p.name.startswith("w")))

    print("== 6. pull while down")
    server.stop()
    rc, secs = cli("pull", "--project", "probe-a2", "-o", str(work / "v.jsonl"), "--no-flag", "--force")
    print("down pull", rc, round(secs, 1), sorted(p.name for p in work.iterdir()))
finally:
    server.stop()
