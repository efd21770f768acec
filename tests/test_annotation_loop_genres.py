"""The annotators' whole loop on four more genres of other governments, against the session's real
Label Studio (tests/ls_fixture.py) and a real ``policytag backend serve`` process: a county's 通告 of
严禁 items, a city bureau's 检查情况通报 listing enterprises with 责令整改 deadlines, a county's 应急预案
numbered ``1`` / ``1.1`` / ``1.1.1`` with ``（1）`` items, and a district's 工作要点 given as a task table
in a .docx. All written for this test (invented places, organs and firms).

The reading of each notice was written down before the code first ran on it (``EXPECTED``; the one
difference then: a heading path keeps an item's words without its closing colon,
``二、严禁在下列地点燃放烟花爆竹``, the segmenter's convention for every heading).

Checked as a demanding annotator and lead would: each task shows its own document, its own model
suggestion (the prediction of that very clause, by the model pushed) and the codebook rules its
clause falls under; two annotators label, one skips a task, one edits the model's pre-filled
suggestion, both label one clause differently; the pull gives every field back (text with its
deadline remark, heading path, agencies, document fields) and the conflict goes to the adjudicator,
flagged; the backend predicts what push stored; retraining from these annotations is judged
against a fair reference; ``annotate next`` spreads a fresh batch over the four documents.

Two of these failed on the code before this module: the pull named no skipped task (a count only),
and the backend judged retraining against the default model's training figure on the held-out
years (0.9441 -> 0.6237 here, refused). The reading, the tasks' suggestions and rule lines, the
field-for-field round trip and the spread of ``annotate next`` were right already on these genres;
their tests keep them so.
"""

import copy
import json

import httpx
import pytest

from policytag.annotation.results import annotation_result
from policytag.annotation.tasks import load_clauses, suggestion_fields, text_sha1
from policytag.cli import main
from policytag.records import Clause

from ls_fixture import sign_up_annotators
from test_readers_tables import _docx as write_docx

from backend_server import wait_for, write_fast_recipe

pytestmark = pytest.mark.labelstudio

BAN_NOTICE = """白沙县人民政府
关于加强春节期间烟花爆竹燃放安全管理的通告

为保障人民群众生命财产安全，维护公共安全，根据有关法律法规，现就春节期间烟花爆竹燃放安全管理有关事项通告如下：
一、本县城区东至环城东路、西至白沙河、南至南山大道、北至北环路合围区域内，全年禁止燃放烟花爆竹。
二、严禁在下列地点燃放烟花爆竹：
（一）文物保护单位、车站、集贸市场等人员密集场所；
（二）加油站、液化气站等易燃易爆物品生产、储存单位及其周边；
（三）山林、草场等森林草原防火区。
三、严禁任何单位和个人非法生产、经营、储存、运输烟花爆竹。
四、违反本通告规定的，由公安机关依法予以处罚；构成犯罪的，依法追究刑事责任。
五、本通告自2028年1月20日起施行。

特此通告。

白沙县人民政府
2028年1月10日
"""

INSPECTION_REPORT = """红岭市应急管理局
关于2028年第一季度危险化学品企业安全检查情况的通报
红应急〔2028〕15号

各县（区）应急管理局，市直有关单位：
2028年3月，市应急管理局组织专家对全市12家危险化学品企业开展了安全检查，共查出各类隐患47项。现将有关情况通报如下：
一、检查发现的主要问题
（一）红岭鑫源化工有限公司：重大危险源监控系统报警未处置，部分可燃气体检测报警器未定期检定。已责令企业于2028年4月30日前完成整改。
（二）红岭长丰储运有限公司：储罐区防火堤存在裂缝，特殊作业票证填写不规范。已责令企业于2028年4月15日前完成整改。
（三）红岭金桥涂料有限公司：主要负责人未按规定参加安全培训，应急预案未组织演练。已责令企业限期15日内整改到位。
二、下一步工作要求
（一）各县（区）应急管理局要督促企业逐项对账销号，整改情况于2028年5月10日前报市应急管理局。
（二）对逾期未完成整改的企业，依法予以立案查处，并纳入安全生产失信惩戒名单。

红岭市应急管理局
2028年4月2日
"""

CHEMICAL_PLAN = """金川县人民政府办公室
关于印发金川县危险化学品事故应急预案的通知
金政办发〔2028〕8号

各乡镇人民政府，县直各有关单位：
《金川县危险化学品事故应急预案》已经县人民政府同意，现印发给你们，请认真贯彻执行。

金川县危险化学品事故应急预案

1 总则
1.1 编制目的
为规范危险化学品事故应急处置工作，最大限度减少事故造成的人员伤亡和财产损失，制定本预案。
1.2 适用范围
本预案适用于本县行政区域内危险化学品生产、储存、使用、运输过程中发生的事故应对工作。
2 组织体系
2.1 县应急指挥部
2.1.1 指挥部组成
县政府分管副县长任总指挥，县应急管理局局长任副总指挥，成员由县公安局、县消防救援大队、县卫生健康局等单位负责人组成。
2.1.2 指挥部职责
（1）统一领导、指挥和协调全县危险化学品事故应急处置工作；
（2）研究决定事故应急处置中的重大事项；
（3）向县委、县政府和上级有关部门报告事故情况。
3 应急响应
3.1 分级响应
事故发生后，事发企业应立即启动本单位应急预案，并在1小时内向县应急管理局报告。

金川县人民政府办公室
2028年2月20日
"""

TASK_TABLE = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
              ["1", "开展城镇燃气安全专项整治，全面排查餐饮场所燃气隐患", "区住建局", "区市场监管局、各街道办事处", "2028年6月底前"],
              ["2", "组织危险化学品企业开展重大危险源安全评估", "区应急管理局", "区生态环境分局", "2028年9月底前"],
              ["3", "推进电动自行车集中充电设施建设", "区消防救援大队", "各街道办事处", "2028年11月底前"]]
WORK_POINTS_DOCX = ["南溪区安全生产委员会办公室", "南溪区2028年安全生产工作要点",
                    "2028年，全区安全生产工作坚持人民至上、生命至上，着力防范化解重大安全风险。",
                    "一、重点任务", TASK_TABLE, "二、保障措施",
                    "（一）各街道要将安全生产经费纳入年度预算，保障隐患整改资金投入。"]

PLAN_DUTIES = ("2 组织体系", "2.1 县应急指挥部", "2.1.2 指挥部职责")
#: per notice: (start of the text, heading path, kind) of every clause, in order
EXPECTED = {
    "ban": [("为保障人民群众", (), "preamble"), ("一、本县城区", (), "clause"), ("二、严禁在下列地点", (), "clause"),
            ("（一）文物保护单位", ("二、严禁在下列地点燃放烟花爆竹",), "clause"),
            ("（二）加油站", ("二、严禁在下列地点燃放烟花爆竹",), "clause"),
            ("（三）山林", ("二、严禁在下列地点燃放烟花爆竹",), "clause"),
            ("三、严禁任何单位", (), "clause"), ("四、违反本通告", (), "clause"), ("五、本通告自", (), "clause")],
    "inspection": [("2028年3月", (), "preamble"),
                   ("（一）红岭鑫源化工有限公司：", ("一、检查发现的主要问题",), "clause"),
                   ("（二）红岭长丰储运有限公司：", ("一、检查发现的主要问题",), "clause"),
                   ("（三）红岭金桥涂料有限公司：", ("一、检查发现的主要问题",), "clause"),
                   ("（一）各县（区）", ("二、下一步工作要求",), "clause"), ("（二）对逾期", ("二、下一步工作要求",), "clause")],
    "plan": [("《金川县", (), "preamble"), ("为规范", ("1 总则", "1.1 编制目的"), "clause"),
             ("本预案适用于", ("1 总则", "1.2 适用范围"), "clause"),
             ("县政府分管", ("2 组织体系", "2.1 县应急指挥部", "2.1.1 指挥部组成"), "clause"),
             ("（1）统一领导", PLAN_DUTIES, "clause"), ("（2）研究决定", PLAN_DUTIES, "clause"),
             ("（3）向县委", PLAN_DUTIES, "clause"), ("事故发生后", ("3 应急响应", "3.1 分级响应"), "clause")],
    "points": [("2028年，全区", (), "preamble"),
               ("1.开展城镇燃气安全专项整治，全面排查餐饮场所燃气隐患（完成时限：2028年6月底前）", ("一、重点任务",), "clause"),
               ("2.组织危险化学品企业开展重大危险源安全评估（完成时限：2028年9月底前）", ("一、重点任务",), "clause"),
               ("3.推进电动自行车集中充电设施建设（完成时限：2028年11月底前）", ("一、重点任务",), "clause"),
               ("（一）各街道要", ("二、保障措施",), "clause")],
}
#: per notice: issuer, level, genre
# (the 通告 and the 通报 have genres of their own since session 9, meta7: they read ``other`` before)
DOCUMENTS = {"ban": ("白沙县人民政府", "county", "announcement"), "inspection": ("红岭市应急管理局", "city", "bulletin"),
             "plan": ("金川县人民政府办公室", "county", "emergency_plan"),
             "points": ("南溪区安全生产委员会办公室", "county", "work_points")}
#: the task table's agencies (lead, then partners), read from the columns into ``agencies``
TABLE_AGENCIES = [("区住建局", "区市场监管局", "各街道办事处"), ("区应急管理局", "区生态环境分局"), ("区消防救援大队", "各街道办事处")]


@pytest.fixture(scope="module")
def notices(tmp_path_factory):
    """name -> path of the four notices (three .txt, the 工作要点 as .docx)."""
    work = tmp_path_factory.mktemp("loop-genres")
    paths = {}
    for name, text in (("ban", BAN_NOTICE), ("inspection", INSPECTION_REPORT), ("plan", CHEMICAL_PLAN)):
        paths[name] = work / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    paths["points"] = write_docx(work / "points.docx", WORK_POINTS_DOCX)
    return paths


@pytest.fixture(scope="module")
def clauses(notices):
    """name -> the clauses of that notice, as push segments them."""
    return {name: load_clauses([path]).clauses for name, path in notices.items()}


@pytest.fixture(scope="module")
def model():
    from policytag.app import resolve_model

    return resolve_model("default")


def cli(capsys, ls, *args):
    rc = main(["annotate", *args, "--url", ls.url, "--api-key", ls.api_key])
    return rc, capsys.readouterr().err


def project_tasks(admin, title):
    project = next(p for p in admin.projects.list() if p.title == title)
    return project, sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)


def as_dict(x):
    return x if isinstance(x, dict) else x.dict()


def test_the_notices_read_as_written_down(clauses):
    for name, expected in EXPECTED.items():
        got = clauses[name]
        assert [(c.heading_path, c.kind) for c in got] == [(e[1], e[2]) for e in expected], name
        assert all(c.text.startswith(e[0]) for c, e in zip(got, expected)), name
        assert {(c.issuer, c.level, c.genre, c.year) for c in got} == {(*DOCUMENTS[name], 2028)}, name
    assert [c.agencies for c in clauses["points"][1:4]] == TABLE_AGENCIES


@pytest.fixture(scope="module")
def pushed(ls, admin, notices, clauses):
    """The four notices pushed into 'loop-genres' with the default model's suggestions."""
    rc = main(["annotate", "push", *map(str, notices.values()), "--project", "loop-genres", "--predictions", "default",
               "--quiet", "--url", ls.url, "--api-key", ls.api_key])
    assert rc == 0
    return project_tasks(admin, "loop-genres")


def test_each_task_shows_its_own_document_suggestion_and_rules(pushed, clauses, model, taxonomy):
    from policytag.annotation.tasks import predict
    from policytag.corpus.metadata import GENRE_NAMES, LEVEL_NAMES

    _, tasks = pushed
    by_id = {c.clause_id: c for cs in clauses.values() for c in cs}
    assert sorted(t.data["clause_id"] for t in tasks) == sorted(by_id)
    for task in tasks:
        data, clause = task.data, by_id[task.data["clause_id"]]
        assert Clause.from_row(data) == clause
        assert data["heading"] == " > ".join(clause.heading_path)
        assert all(x in data["doc_line"] for x in (clause.title, clause.issuer, LEVEL_NAMES[clause.level],
                                                    GENRE_NAMES[clause.genre]))
        # the suggestion is this clause's prediction (the model reads its title and heading too),
        # and the lines above the choices are that prediction's
        (stored,) = [as_dict(p) for p in task.predictions]
        (fresh,) = predict([clause], model, taxonomy)
        assert [(r["from_name"], r["value"]["choices"]) for r in stored["result"]] == \
            [(r["from_name"], r["value"]["choices"]) for r in fresh["result"]]
        assert {k: data[k] for k in ("suggestion_sector", "suggestion_measure")} == \
            {k: v for k, v in suggestion_fields(stored, taxonomy).items() if k in ("suggestion_sector", "suggestion_measure")}
    def rules(start: str) -> str:
        (line,) = [t.data["codebook_rules"] for t in tasks if t.data["text"].startswith(start)]
        return line

    assert rules("为规范危险化学品").startswith("适用规则：规则14（")  # the plan's 1.1 编制目的
    assert rules("本预案适用于本县").startswith("适用规则：规则16（“本预案适用于”")
    for start in ("县政府分管副县长", "（2）研究决定", "（3）向县委", "（二）红岭长丰储运", "（二）对逾期未完成"):
        assert "规则21（标题点名：危险化学品）" in rules(start), start  # no sector named: the title's
    assert "规则21（标题点名：烟花爆竹·民爆）" in rules("四、违反本通告规定")
    assert rules("3.推进电动自行车").startswith("适用规则：规则10（“电动自行车”）")
    assert "规则11（“安全检查”）" in rules("2028年3月，市应")
    assert rules("（一）各街道要将安全") == ""  # the 工作要点's title names no sector: nothing applies


#: who labels what: the ban notice and the plan are lin's, the report and the 工作要点 mei's
LIN_DOCS = ("ban", "plan")
SECTOR = {"ban": ["fireworks_explosives"], "inspection": ["hazardous_chemicals"], "plan": ["hazardous_chemicals"],
          "points": ["cross_sector"]}


@pytest.fixture(scope="module")
def annotators(ls):
    return sign_up_annotators(ls, ("lin", "mei"), "loop-genres.test")


@pytest.fixture(scope="module")
def annotated(pushed, clauses, annotators):
    """lin and mei label their documents; mei skips the table's third task; lin edits the model's
    pre-filled suggestion of the plan's 2.1.1 (dominant 应急准备, other 责任体系: the model said
    责任体系 first, then 基层基础 and 应急准备); both label the ban's third item, differently.
    Returns what each clause must read back as."""
    _, tasks = pushed
    doc_of = {c.clause_id: name for name, cs in clauses.items() for c in cs}
    (lin, lin_name), (mei, mei_name) = annotators["lin"], annotators["mei"]
    skipped = next(t for t in tasks if t.data["text"].startswith("3.推进电动自行车"))
    edited = next(t for t in tasks if t.data["text"].startswith("县政府分管副县长"))
    disputed = next(t for t in tasks if t.data["text"].startswith("三、严禁任何单位和个人"))
    expected = {}
    for i, task in enumerate(tasks):
        doc = doc_of[task.data["clause_id"]]
        client, name = (lin, lin_name) if doc in LIN_DOCS else (mei, mei_name)
        if task.id == skipped.id:
            mei.annotations.create(task.id, result=[], was_cancelled=True)
            continue
        if task.id == edited.id:
            # what the labelling screen submits after the annotator changed pre-filled choices: the
            # prediction's results (ids, scores) with the choices changed
            prediction = as_dict(task.predictions[0])
            result = copy.deepcopy(prediction["result"])
            assert [sorted(r["value"]["choices"]) for r in result if r["from_name"].startswith("measure")] == \
                [["responsibility"], ["emergency", "support_capacity"]]
            for r in result:
                r["origin"] = "prediction-changed"
                if r["from_name"] == "measure_dominant":
                    r["value"]["choices"] = ["emergency"]
                elif r["from_name"] == "measure_other":
                    r["value"]["choices"] = ["responsibility"]
            lin.annotations.create(task.id, result=result, parent_prediction=prediction["id"], lead_time=7.5)
            expected[task.data["clause_id"]] = (["hazardous_chemicals"], ["emergency", "responsibility"], "", lin_name)
            continue
        measure = ["rules_standards", "enforcement"] if i % 2 else ["hazard_remediation"]
        note = f"第{i}条" if i % 3 == 0 else ""
        client.annotations.create(task.id, result=annotation_result(SECTOR[doc], measure, note), lead_time=2.0 + i)
        expected[task.data["clause_id"]] = (SECTOR[doc], measure, note, name)
    mei.annotations.create(disputed.id, result=annotation_result(["cross_sector"], ["rules_standards"]))
    del expected[disputed.data["clause_id"]]
    return expected, skipped, edited, disputed


def test_pull_gives_back_every_field_and_flags_the_disagreement(ls, admin, pushed, clauses, annotated, annotators,
                                                                tmp_path, capsys):
    expected, skipped, edited, disputed = annotated
    by_id = {c.clause_id: c for cs in clauses.values() for c in cs}
    out = tmp_path / "loop.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "loop-genres", "-o", str(out))
    assert rc == 0, err
    mei_name = annotators["mei"][1]
    assert f"1 cancelled/skipped dropped (task {skipped.id} by {mei_name}, nobody labelled it;" in err, err
    assert "1 clause(s) without a majority" in err, err
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {r["clause_id"] for r in rows} == set(expected)  # neither the skipped nor the disputed clause
    for row in rows:
        clause = by_id[row["clause_id"]]
        assert Clause.from_row(row) == clause  # text, heading path, kind, agencies, span, document fields
        assert row["text_sha1"] == text_sha1(clause.text)
        sector, measure, note, who = expected[row["clause_id"]]
        assert (row["sector"], row["measure_type"], row["note"], row["annotator"]) == (sector, measure, note, who)
    table = {r["text"]: r for r in rows if r["text"].startswith(("1.开展", "2.组织"))}
    assert [r["agencies"] for r in table.values()] == [list(a) for a in TABLE_AGENCIES[:2]]
    assert all("（完成时限：2028年" in t for t in table)  # the deadline remark stays in the text
    (conflict,) = [json.loads(x) for x in out.with_name("loop.conflicts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (conflict["task_id"], conflict["clause_id"]) == (disputed.id, disputed.data["clause_id"])
    assert Clause.from_row(conflict) == by_id[disputed.data["clause_id"]]
    assert conflict["ties"]["sector"] == ["fireworks_explosives", "cross_sector"]
    meta = json.loads(out.with_name("loop.meta.json").read_text(encoding="utf-8"))
    assert (meta["counts"]["cancelled"], meta["counts"]["conflicts"], meta["counts"]["rows"]) == (1, 1, len(expected))
    assert [(x["task_id"], x["clause_id"], x["annotator"], x["unlabelled"]) for x in meta["skipped_annotations"]] == \
        [(skipped.id, skipped.data["clause_id"], mei_name, True)]
    review = admin.tasks.get(disputed.id).data["review"]
    names = "、".join(sorted(name for _, name in annotators.values()))
    assert review.startswith(f"⚠ 需复核：{names}：意见不一，待裁决：行业领域 各半：烟花爆竹·民爆、综合(不分行业)"), review
    assert not admin.tasks.get(edited.id).data["needs_review"]
    # the next batch: the skipped task is still unlabelled, the disputed one waits for adjudication
    rc, err = cli(capsys, ls, "next", "--project", "loop-genres", "--n", "5", "--strategy", "mixed", "--model", "default")
    assert rc == 0 and "1 of 1 task(s) wanting an annotation ranked" in err, err
    assert admin.tasks.get(skipped.id).data["al_rank"] == 1 and "al_rank" not in admin.tasks.get(disputed.id).data
    # the pulled file trains as it is (data.train_extra reads these rows): the clauses are the pushed ones
    from policytag.training.challenge import load_clause_set

    extra = load_clause_set(out, "annotations")
    assert {e.clause.clause_id: (e.clause, list(e.labels.measure_type)) for e in extra.examples} == \
        {r["clause_id"]: (by_id[r["clause_id"]], r["measure_type"]) for r in rows}


@pytest.fixture(scope="module")
def fast_recipe(tmp_path_factory):
    """The default recipe's data and split with a fast TF-IDF model: retraining takes seconds."""
    return write_fast_recipe(tmp_path_factory.mktemp("recipe"))


def test_backend_predicts_what_push_stored_and_retrains_against_a_fair_reference(ls, admin, pushed, annotated,
                                                                                  fast_recipe, tmp_path, capsys):
    """The backend serves the default model, which was fitted on every gold clause: scored on the
    held-out years it shows 0.94, a training figure, and every retraining was refused against it."""
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    from backend_server import start_backend

    project, tasks = pushed
    work = tmp_path / "backend"
    backend = start_backend(work, "--model", "default", "--recipe", str(fast_recipe), "--train-every", "0",
                            "--label-studio-url", ls.url, "--api-key", ls.api_key, "--runs-dir", str(work / "runs"),
                            env={"POLICYTAG_HOME": str(work)})
    try:
        got = httpx.post(f"{backend.url}/predict", timeout=120,
                         json={"tasks": [{"id": t.id, "data": t.data} for t in tasks]}).json()["results"]
        for task, answer in zip(tasks, got):
            stored = as_dict(task.predictions[0])
            assert answer["model_version"] == stored["model_version"]
            assert [(r["from_name"], r["value"]["choices"], r["value"].get("scores")) for r in answer["result"]] == \
                [(r["from_name"], r["value"]["choices"], r["value"].get("scores")) for r in stored["result"]]
        assert main(["backend", "connect", "--project", str(project.id), "--url", backend.url,
                     "--label-studio-url", ls.url, "--api-key", ls.api_key]) == 0, capsys.readouterr().err
        (ml,) = admin.ml.list(project=project.id)
        admin.ml.train(ml.id)
        health = wait_for(lambda: (lambda h: h if h["training"]["done"] >= 1 else None)(backend.health()), 400,
                          "the retraining to finish")
        last = health["training"]["last"]
        expected, *_ = annotated
        assert last["error"] is None and last["n_annotations"] == len(expected) and last["n_annotations_heldout"] == 0
        assert last["old_macro_f1"] < 0.8, last  # not the default's training figure (0.94)
        assert last["reference"] == "recipe without annotations", last
        assert "trained on the held-out years" in backend.log()
    finally:
        backend.stop()


def test_next_spreads_a_fresh_batch_over_the_four_documents(ls, admin, notices, capsys):
    rc, err = cli(capsys, ls, "push", *map(str, notices.values()), "--project", "loop-genres-next", "--quiet")
    assert rc == 0, err
    rc, err = cli(capsys, ls, "next", "--project", "loop-genres-next", "--n", "4", "--strategy", "mixed",
                  "--model", "default")
    assert rc == 0, err
    _, tasks = project_tasks(admin, "loop-genres-next")
    ranked = sorted((t for t in tasks if t.data.get("al_rank")), key=lambda t: t.data["al_rank"])
    assert [t.data["al_rank"] for t in ranked] == [1, 2, 3, 4]
    # every genre gets a place and no document more than twice its share (ceil(2·4/4) = 2); four genres
    # since the 通告 and the 通报 read their own (session 9, meta7), so each gets one of the four
    assert {t.data["genre"] for t in ranked} == {"announcement", "bulletin", "emergency_plan", "work_points"}
    from collections import Counter

    assert max(Counter(t.data["doc_id"] for t in ranked).values()) <= 2
