"""The ML backend's /predict on a batch holding a task with an empty text (tests/data/annot1/EXPECTED.md §2).

Label Studio asks for the predictions of many tasks in one request (*Retrieve Predictions*, a page
of the Data Manager). A task whose text is empty or blank used to fail the whole request (422
``task 1 (id 11): data: 'text' is empty``): every other task of the batch went without a suggestion.
Real parts: the default model behind the real Starlette app (TestClient), the clauses of a
regulation written for this test (第X条, an invented city), and ``annotate push``'s predictions."""

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from policytag.taxonomy import load_taxonomy  # noqa: E402

REGULATION = """柘原市危险化学品安全管理办法

第一条　为了加强危险化学品安全管理，预防和减少危险化学品事故，制定本办法。
第二条　本市行政区域内危险化学品的生产、储存、使用、经营和运输，适用本办法。
第三条　危险化学品单位应当建立健全全员安全生产责任制，主要负责人对本单位的危险化学品安全管理工作全面负责。
第四条　任何单位和个人不得非法生产、储存、经营危险化学品。
第五条　本办法自2029年3月1日起施行。
"""


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def tagger():
    from policytag.app import resolve_model

    return resolve_model("default")


@pytest.fixture(scope="module")
def clauses(tmp_path_factory):
    from policytag.annotation.tasks import load_clauses

    path = tmp_path_factory.mktemp("annot1-backend") / "regulation.txt"
    path.write_text(REGULATION, encoding="utf-8")
    out = load_clauses([path]).clauses
    assert len(out) == 5  # the reading written down first: one clause per 第X条
    return out


@pytest.fixture(scope="module")
def client(tagger, taxonomy):
    from policytag.backend.server import create_app
    from policytag.backend.service import Backend

    with TestClient(create_app(Backend(tagger, taxonomy))) as c:
        yield c


@pytest.mark.parametrize("blank", ["", "  \u3000\n"])
def test_an_empty_task_does_not_cost_the_batch_its_predictions(client, clauses, tagger, taxonomy, blank):
    from policytag.annotation.tasks import predict

    tasks = [{"id": 10 + i, "data": c.to_dict()} for i, c in enumerate(clauses)]
    tasks.insert(1, {"id": 99, "data": {"text": blank, "heading_path": []}})
    answer = client.post("/predict", json={"tasks": tasks})
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert len(results) == len(tasks)
    version = str(tagger.model_version)
    assert results[1] == {"model_version": version, "score": 0.0, "result": []}
    pushed = predict(clauses, tagger, taxonomy)  # what `annotate push --predictions` stores
    assert results[:1] + results[2:] == pushed
