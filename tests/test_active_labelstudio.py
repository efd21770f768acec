"""`policytag annotate next` on a small real Label Studio project: the chosen tasks carry their rank
and reason, the project samples sequentially, and an annotator's *Label All Tasks* from the
"label next" tab (Label Studio's /next endpoint with that view) serves them in rank order;
re-ranking clears stale ranks."""


import httpx
import pytest

from policytag.annotation.active import RANK_KEY, REASON_KEY, VIEW_TITLE, closest_calls
from policytag.cli import main

from ls_fixture import push_clauses

pytestmark = pytest.mark.labelstudio

YEARS = (2025, 2026)


@pytest.fixture(scope="module")
def run(tmp_path_factory, gold_dataset):
    """A real keyword model with thresholds tuned on the dev years, as a run directory."""
    from policytag.models.runs import save_run, tagger_class

    train = [e for e in gold_dataset.examples if e.clause.year <= 2021]
    dev = [e for e in gold_dataset.examples if e.clause.year in (2022, 2023)]
    tagger = tagger_class("keyword")().fit([e.clause for e in train], [e.labels for e in train],
                                           [e.clause for e in dev], [e.labels for e in dev])
    run_dir = tmp_path_factory.mktemp("runs") / "kw-al"
    save_run(tagger, run_dir, config={"model": {"type": "keyword"}}, metrics={}, data_hash="test")
    return run_dir


@pytest.fixture(scope="module")
def project(ls, admin, gold_dataset, tmp_path_factory):
    return push_clauses(ls, admin, [e.clause for e in gold_dataset.examples if e.clause.year in YEARS], "al-queue",
                        tmp_path_factory.mktemp("clauses"))


def next_cli(ls, capsys, *args):
    rc = main(["annotate", "next", "--url", ls.url, "--api-key", ls.api_key, *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_next_orders_the_queue_and_says_why(ls, admin, project, run, capsys):
    from policytag.annotation.active import model_inputs
    from policytag.annotation.results import annotation_result
    from policytag.models.runs import load_run
    from policytag.taxonomy import load_taxonomy

    tasks = sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)
    # one task is already labelled: it must not be ranked
    done = tasks[0]
    admin.annotations.create(done.id, result=annotation_result(["cross_sector"], ["responsibility"]))

    rc, out, err = next_cli(ls, capsys, "--project", str(project.id), "--n", "5", "--strategy", "uncertainty",
                            "--model", str(run))
    assert rc == 0, err
    assert VIEW_TITLE in err and "Label All Tasks" in err
    printed = [line.split("\t") for line in out.strip().splitlines()[1:]]
    assert [int(r[0]) for r in printed] == [1, 2, 3, 4, 5]

    # the order is the model's: the 5 smallest margins to the per-label thresholds among unlabelled tasks
    pool = [t for t in tasks if t.id != done.id]
    tagger, taxonomy = load_run(run), load_taxonomy()
    from policytag.annotation.active import clause_of_task

    clauses = [clause_of_task(dict(t.data), t.id) for t in pool]
    proba, thresholds = model_inputs(tagger, clauses)
    margins = [c.margin for c in closest_calls(proba, thresholds, taxonomy)]
    expected = [pool[i].id for i in sorted(range(len(pool)), key=lambda i: (margins[i], i))[:5]]
    assert [int(r[1]) for r in printed] == expected

    # what the lead sees in the Data Manager: rank and reason in the task data
    by_id = {t.id: t for t in admin.tasks.list(project=project.id, fields="all")}
    for rank, task_id in enumerate(expected, start=1):
        data = by_id[task_id].data
        assert data[RANK_KEY] == rank and "closest call" in data[REASON_KEY] and tagger.model_version in data[REASON_KEY]
    assert sum(RANK_KEY in t.data for t in by_id.values()) == 5
    assert admin.projects.get(project.id).sampling == "Sequential sampling"
    views = [v for v in admin.views.list(project=project.id) if (v.data or {}).get("title") == VIEW_TITLE]
    assert len(views) == 1

    # an annotator's "Label All Tasks" from that tab gets rank 1, then rank 2 after labelling rank 1
    def next_task(key=ls.api_key):
        r = httpx.get(f"{ls.url}/api/projects/{project.id}/next", params={"view": views[0].id},
                      headers={"Authorization": f"Token {key}"}, timeout=60)
        r.raise_for_status()
        return r.json()["id"]

    assert next_task() == expected[0]
    admin.annotations.create(expected[0], result=annotation_result(["cross_sector"], ["responsibility"]))
    assert next_task() == expected[1]

    # ranking again (another strategy, fewer tasks) clears the stale ranks, including the labelled one
    rc, out, err = next_cli(ls, capsys, "--project", "al-queue", "--n", "3", "--strategy", "diversity")
    assert rc == 0, err
    by_id = {t.id: t for t in admin.tasks.list(project=project.id, fields="all")}
    ranked = sorted((t.data[RANK_KEY], t.id) for t in by_id.values() if RANK_KEY in t.data)
    assert [r for r, _ in ranked] == [1, 2, 3]
    assert all("cluster" in by_id[i].data[REASON_KEY] for _, i in ranked)
    assert expected[0] not in {i for _, i in ranked} and done.id not in {i for _, i in ranked}
    assert len([v for v in admin.views.list(project=project.id) if (v.data or {}).get("title") == VIEW_TITLE]) == 1
    # (the first annotator still holds the lock on the task they opened last, as Label Studio does;
    # a second annotator starting now gets the new rank 1)
    frank = ls.signup("frank@policytag.test", "frank-password-1")
    assert next_task(frank) == ranked[0][1]


def test_next_errors_are_one_line(ls, project, capsys):
    rc, _, err = next_cli(ls, capsys, "--project", "no-such-project", "--n", "5", "--strategy", "random")
    assert rc == 1 and err.strip().startswith("policytag: error:") and len(err.strip().splitlines()) == 1
    rc, _, err = next_cli(ls, capsys, "--project", str(project.id), "--n", "0")
    assert rc == 2 and "--n 0" in err
    rc, out, err = next_cli(ls, capsys, "--project", str(project.id), "--n", "2", "--strategy", "random", "--dry-run")
    assert rc == 0 and "dry run" in err and len(out.strip().splitlines()) == 3
