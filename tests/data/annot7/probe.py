"""The annot7 probe (tests/data/annot7/EXPECTED.md): two annotators act through Label Studio's API on
the project `annot7-probe` (pushed from this folder's notices with the shipped model's predictions).
Run by hand against a running server: LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY (the lead's), then
`policytag annotate pull --project annot7-probe -o v.jsonl`. Prints the annotation ids it made."""

from __future__ import annotations

import json
import os

import httpx

from policytag.annotation.results import annotation_result

URL, KEY = os.environ["LABEL_STUDIO_URL"], os.environ["LABEL_STUDIO_API_KEY"]


def signup(email: str, password: str) -> str:
    with httpx.Client(base_url=URL, follow_redirects=True, timeout=60) as web:
        web.get("/user/signup/")
        r = web.post("/user/signup/", data={"email": email, "password": password,
                                            "csrfmiddlewaretoken": web.cookies.get("csrftoken")},
                     headers={"Referer": f"{URL}/user/signup/"})
        r.raise_for_status()
        return web.get("/api/current-user/token").json()["token"]


def call(key: str, method: str, path: str, body: dict | None = None) -> dict:
    r = httpx.request(method, f"{URL}{path}", json=body, headers={"Authorization": f"Token {key}"}, timeout=60)
    assert r.status_code < 300, (path, r.status_code, r.text[:300])
    return r.json() if r.content else {}


def main() -> None:
    lead = KEY
    project = next(p for p in call(lead, "GET", "/api/projects/?page_size=100")["results"] if p["title"] == "annot7-probe")
    tasks = call(lead, "GET", f"/api/tasks/?project={project['id']}&page_size=100&fields=all")["tasks"]
    by_words = lambda words: next(t for t in tasks if words in t["data"]["text"])  # noqa: E731
    keys = {who: signup(f"{who}@annot7.test", f"{who}-password-1") for who in ("ann1", "ann2")}
    A, B, C = by_words("严格落实党政领导干部"), by_words("危险化学品储存"), by_words("农村道路交通安全")
    D, E, F = by_words("燃气安全常识"), by_words("液化石油气钢瓶行为"), by_words("建筑起重机械")
    G = by_words("消防安全隐患排查整治")
    made = {}

    def model(task: dict) -> list:
        return task["predictions"][0]["result"]

    made["A1"] = call(keys["ann1"], "POST", f"/api/tasks/{A['id']}/annotations/", {"result": model(A)})["id"]
    made["A2"] = call(keys["ann2"], "POST", f"/api/tasks/{A['id']}/annotations/", {"result": model(A)})["id"]
    made["B1"] = call(keys["ann1"], "POST", f"/api/tasks/{B['id']}/annotations/", {"result": model(B)})["id"]
    made["B2"] = call(keys["ann2"], "POST", f"/api/tasks/{B['id']}/annotations/",
                      {"result": annotation_result(["cross_sector"], ["enforcement"], "不是专项")})["id"]
    made["C1"] = call(keys["ann1"], "POST", f"/api/tasks/{C['id']}/annotations/",
                      {"result": annotation_result(["road_transport"], ["engineering_technology", "hazard_remediation"])})["id"]
    made["C2"] = call(keys["ann2"], "POST", f"/api/tasks/{C['id']}/annotations/",
                      {"result": annotation_result(["road_transport"], ["hazard_remediation", "engineering_technology"])})["id"]
    made["D1"] = call(keys["ann1"], "POST", f"/api/tasks/{D['id']}/annotations/",
                      {"result": annotation_result(["urban_gas"], ["publicity_training"], "标题写燃气，条文未写")})["id"]
    # ann1 relabels D: the same annotation updated (Update in the screen)
    call(keys["ann1"], "PATCH", f"/api/annotations/{made['D1']}/",
         {"result": annotation_result(["urban_gas"], ["publicity_training", "responsibility"], "标题写燃气，条文未写")})
    made["E2"] = call(keys["ann2"], "POST", f"/api/tasks/{E['id']}/annotations/",
                      {"result": annotation_result([], [], "拿不准：是否属于城镇燃气"), "was_cancelled": True})["id"]
    made["F1draft"] = call(keys["ann1"], "POST", f"/api/tasks/{F['id']}/drafts",
                           {"result": annotation_result(["construction"], ["hazard_remediation"]), "lead_time": 7.0})["id"]
    made["G2a"] = call(keys["ann2"], "POST", f"/api/tasks/{G['id']}/annotations/",
                       {"result": annotation_result(["construction"], ["hazard_remediation"])})["id"]
    made["G2b"] = call(keys["ann2"], "POST", f"/api/tasks/{G['id']}/annotations/",
                       {"result": annotation_result(["fire_safety"], ["hazard_remediation"], "第二次：消防")})["id"]
    # a comment (Label Studio 1.23 Community has no comments API for annotations? try it)
    try:
        made["comment"] = call(keys["ann1"], "POST", "/api/comments/",
                               {"annotation": made["A1"], "text": "这条其实也涉及考核"})["id"]
    except AssertionError as exc:
        made["comment"] = f"refused: {exc}"
    print(json.dumps({"tasks": {k: t["id"] for k, t in zip("ABCDEFG", (A, B, C, D, E, F, G))}, "made": made},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
