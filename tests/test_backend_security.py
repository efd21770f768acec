"""The ML backend as a hostile client meets it (issue 21 rows 3 and 16, items 3 and 4).

* HTTP basic auth (``--basic-auth`` / ``BASIC_AUTH_USER``+``BASIC_AUTH_PASS``) on every route,
  required when listening on anything but loopback;
* ``/setup`` cannot point retraining at another Label Studio than the one the backend serves;
* nested JSON (10,000 levels) and oversized bodies are 4xx, not 500;
* ``/openapi.json`` names exactly the app's routes, and schemathesis, generating requests from it
  (bounded number of examples), finds no 5xx.

The app is the real Starlette app over a real keyword tagger, driven in-process through Starlette's
TestClient (httpx); the start-up refusal runs the real CLI. Label Studio itself connecting with
credentials is in ``tests/test_backend_labelstudio.py``-style test at the end (marked labelstudio).
"""

from __future__ import annotations

import base64
import json

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402
from policytag.cli import main  # noqa: E402

USER, PASSWORD = "ls-backend", "s3cret:with-colon"
AUTH = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
LS_URL = "http://label-studio.example:8080"


@pytest.fixture(scope="module")
def tagger():
    """A real keyword tagger fitted on corpus clauses (which labels does not matter here)."""
    from policytag.corpus.segment import segment_paths
    from policytag.models.keyword import KeywordTagger
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    clauses = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses[:120]
    labels = [Labels((taxonomy.sector.ids[i % 3],), (taxonomy.measure_type.ids[i % 2],)) for i in range(len(clauses))]
    t = KeywordTagger().fit(clauses, labels)
    t.model_version = "kw-security@test"
    return t


def make_app(tagger, auth=(USER, PASSWORD), **settings):
    from policytag.backend.wiring import rule_check
    from policytag.backend.server import create_app
    from policytag.backend.service import Backend, BackendSettings
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    backend = Backend(tagger, taxonomy, BackendSettings(**settings), rule_check=rule_check(taxonomy))
    return create_app(backend, max_body_bytes=256 * 1024, basic_auth=auth)


@pytest.fixture(scope="module")
def client(tagger):
    with TestClient(make_app(tagger, label_studio_url=LS_URL)) as c:
        yield c


def label_config() -> str:
    from policytag.annotation.labeling_config import build_config
    from policytag.taxonomy import load_taxonomy

    return build_config(load_taxonomy())


# --- row 3: authentication --------------------------------------------------------------------------
@pytest.mark.parametrize("method, path", [("get", "/health"), ("get", "/"), ("get", "/versions"),
                                          ("post", "/setup"), ("post", "/predict"), ("post", "/webhook"),
                                          ("get", "/openapi.json")])
def test_every_route_needs_the_credentials(client, method, path):
    body = {"json": {"tasks": []}} if method == "post" else {}
    r = getattr(client, method)(path, **body)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
    assert "authentication required" in r.json()["error"]
    wrong = {"Authorization": "Basic " + base64.b64encode(f"{USER}:nope".encode()).decode()}
    assert getattr(client, method)(path, headers=wrong, **body).status_code == 401
    assert getattr(client, method)(path, headers={"Authorization": "Basic !!not-base64"}, **body).status_code == 401
    assert getattr(client, method)(path, headers={"Authorization": "Bearer x"}, **body).status_code == 401
    assert getattr(client, method)(path, headers=AUTH, **body).status_code != 401


def test_setup_cannot_redirect_retraining_to_another_host(client):
    """Started with --label-studio-url: a /setup's hostname is never kept (retraining talks to the
    configured URL only), whatever it says."""
    config = label_config()
    backend = client.app.state.backend
    r = client.post("/setup", headers=AUTH, json={"project": "3.1", "schema": config,
                                                  "hostname": "http://127.0.0.1:9", "access_token": "x"})
    assert r.status_code == 200 and backend.project(3).hostname is None
    assert client.post("/setup", headers=AUTH, json={"schema": config, "hostname": 42}).status_code == 422


def test_without_a_configured_url_the_first_setup_host_is_pinned(tagger):
    config = label_config()
    with TestClient(make_app(tagger)) as c:
        ok = c.post("/setup", headers=AUTH, json={"project": 4, "schema": config, "hostname": "http://ls:8080",
                                                  "access_token": "t"})
        assert ok.status_code == 200
        same = c.post("/setup", headers=AUTH, json={"project": 5, "schema": config, "hostname": "HTTP://LS:8080/"})
        assert same.status_code == 200
        evil = c.post("/setup", headers=AUTH, json={"project": 4, "schema": config,
                                                    "hostname": "http://attacker:8080", "access_token": "evil"})
        assert evil.status_code == 403 and "not the Label Studio this backend serves" in evil.json()["error"]
        state = c.app.state.backend.project(4)
        assert (state.hostname, state.access_token) == ("http://ls:8080", "t")  # nothing of it stored
    with TestClient(make_app(tagger, allow_any_host=True)) as c:  # explicitly allowed
        for host in ("http://ls:8080", "http://other:1"):
            assert c.post("/setup", headers=AUTH, json={"schema": config, "hostname": host}).status_code == 200


# --- row 16: nesting and size limits ----------------------------------------------------------------
@pytest.mark.parametrize("path", ["/predict", "/setup", "/webhook"])
def test_deeply_nested_json_is_400_not_500(client, path):
    for depth in (10_000, 100):
        body = '{"tasks": ' + "[" * depth + "]" * depth + "}"
        r = client.post(path, headers={**AUTH, "Content-Type": "application/json"}, content=body)
        assert r.status_code == 400 and "nested too deeply" in r.json()["error"], (depth, r.text)
    assert client.get("/health", headers=AUTH).status_code == 200


def test_an_oversized_body_is_413(client):
    big = json.dumps({"tasks": [{"data": {"text": "年底前完成。" * 50}}] * 2000})
    r = client.post("/predict", headers={**AUTH, "Content-Type": "application/json"}, content=big)
    assert r.status_code == 413


# --- start-up refusals (the real CLI) ---------------------------------------------------------------
def test_listening_beyond_loopback_without_auth_is_refused(monkeypatch, capsys):
    import policytag.backend.server as server

    monkeypatch.delenv("BASIC_AUTH_USER", raising=False)
    monkeypatch.delenv("BASIC_AUTH_PASS", raising=False)
    monkeypatch.setattr(server, "serve", lambda *a, **k: pytest.fail("started without authentication"))
    assert main(["backend", "serve", "--host", "0.0.0.0", "--no-retrain", "--model", "/nonexistent"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "needs authentication" in err and "--basic-auth" in err
    assert main(["backend", "serve", "--basic-auth", "nocolon", "--model", "/nonexistent"]) == 2
    assert "USER:PASS" in capsys.readouterr().err
    monkeypatch.setenv("BASIC_AUTH_USER", "u")
    assert main(["backend", "serve", "--host", "0.0.0.0", "--model", "/nonexistent"]) == 2
    assert "set both" in capsys.readouterr().err


def test_env_credentials_allow_binding_beyond_loopback(monkeypatch, capsys, tagger, tmp_path):
    """With BASIC_AUTH_USER/PASS the same command gets past the check and serves an authenticated app."""
    import policytag.backend.server as server
    from policytag.models.runs import save_run

    run = save_run(tagger, tmp_path / "kw", {"model": {"type": "keyword"}}, {}, "test")
    served = {}

    def fake_serve(app, host, port, log_level="info"):  # do not block: check the app that would be served
        with TestClient(app) as c:
            served["anon"] = c.get("/health").status_code
            served["auth"] = c.get("/health", headers=AUTH).status_code
        served["host"] = host

    monkeypatch.setenv("BASIC_AUTH_USER", USER)
    monkeypatch.setenv("BASIC_AUTH_PASS", PASSWORD)
    monkeypatch.setattr(server, "serve", fake_serve)
    assert main(["backend", "serve", "--host", "0.0.0.0", "--no-retrain", "--model", str(run)]) == 0
    assert served == {"anon": 401, "auth": 200, "host": "0.0.0.0"}


# --- item 4: OpenAPI description and schemathesis ---------------------------------------------------
def test_openapi_names_exactly_the_routes(client):
    from starlette.routing import Route

    spec = client.get("/openapi.json", headers=AUTH).json()
    assert spec["openapi"].startswith("3.") and spec["security"] == [{"basicAuth": []}]
    documented = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    served = {(r.path, m) for r in client.app.routes if isinstance(r, Route) for m in r.methods if m != "HEAD"}
    assert documented == served


#: examples per operation and generation mode (valid and invalid data): bounded so the whole run
#: stays under a minute on the shared 2-core machine (about 15 s idle, 50 s at load 10)
MAX_EXAMPLES = 25


def test_schemathesis_finds_no_server_error(tagger):
    """schemathesis generates requests from /openapi.json, every operation, valid and invalid bodies
    (MAX_EXAMPLES each): no answer is a 5xx. (Driven from one test with hypothesis' ``@given``:
    ``schemathesis.pytest.from_fixture`` does not work with pytest 9.)"""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings
    from schemathesis import GenerationMode

    app = make_app(tagger, label_studio_url=LS_URL)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers=AUTH)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {"POST /setup", "POST /predict", "POST /webhook", "GET /health"}
    failures: list[str] = []
    calls = {"n": 0}
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                      database=None, derandomize=True)
            def run(case):
                response = case.call(headers=AUTH)
                calls["n"] += 1
                calls[(case.path, response.status_code)] = calls.get((case.path, response.status_code), 0) + 1
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.path} ({mode.name}): {response.status_code} "
                                    f"{response.text[:200]} <- {str(case.body)[:200]}")

            run()
    assert calls["n"] >= len(operations) * 5, calls
    assert calls.get(("/predict", 200)) and calls.get(("/webhook", 200)), calls  # real work was reached too
    assert not failures, "\n".join(failures[:10])


# --- the real Label Studio connecting to the authenticated backend ----------------------------------
@pytest.mark.labelstudio
def test_label_studio_drives_the_authenticated_backend(ls, admin, keyword_run, tmp_path, capsys):
    """`backend connect --basic-auth` registers the backend with auth_method BASIC_AUTH; Label Studio
    then passes /health and /setup and stores predictions it asked for; with a wrong password it
    cannot use the backend (and the registration is removed again)."""
    import httpx

    from backend_server import start_backend
    from ls_fixture import push_clauses
    from policytag.corpus.segment import segment_paths
    from policytag.models.runs import load_run

    clauses = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses[:6]
    project = push_clauses(ls, admin, clauses, "authenticated-backend", tmp_path)
    backend = start_backend(tmp_path / "backend", "--model", str(keyword_run), "--no-retrain",
                            "--label-studio-url", ls.url, auth=(USER, PASSWORD),
                            env={"BASIC_AUTH_USER": USER, "BASIC_AUTH_PASS": PASSWORD,
                                 "POLICYTAG_HOME": str(tmp_path / "backend")})
    try:
        assert httpx.get(f"{backend.url}/health", timeout=10).status_code == 401
        version = load_run(keyword_run).model_version
        base = ["backend", "connect", "--project", str(project.id), "--url", backend.url,
                "--label-studio-url", ls.url, "--api-key", ls.api_key]
        capsys.readouterr()
        assert main(base + ["--basic-auth", f"{USER}:wrong-password"]) == 1
        err = capsys.readouterr().err  # Label Studio checks the backend when it is registered: 401 -> refused
        assert "refused the backend" in err or "cannot use the backend" in err, err
        assert admin.ml.list(project=project.id) == []  # nothing left registered
        assert main(base + ["--basic-auth", f"{USER}:{PASSWORD}"]) == 0, capsys.readouterr().err
        ml = admin.ml.list(project=project.id)
        assert len(ml) == 1 and str(ml[0].auth_method) .endswith("BASIC_AUTH") and ml[0].basic_auth_user == USER
        tasks = sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)[:3]
        admin.actions.create(id="retrieve_tasks_predictions", project=project.id,
                             selected_items={"all": False, "included": [t.id for t in tasks]})
        for t in tasks:  # Label Studio called /predict with the credentials and stored the answers
            stored = admin.tasks.get(t.id).predictions or []
            versions = [(p if isinstance(p, dict) else p.dict())["model_version"] for p in stored]
            assert versions == [version], versions
    finally:
        backend.stop()
