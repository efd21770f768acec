"""Write a large synthetic clause file for tagging at scale: every clause recombines a few sentences written
for these tests (an invented 岚溪自治州 and its counties; no sentence of a real document), so the texts
repeat in form but not as whole clauses.

    .venv/bin/python tests/data/reports7/make_clauses.py OUT.jsonl [N=200000] [--parquet OUT.parquet]

Rows: ``id`` (c000001 …), ``doc_id`` (one notice per 40 clauses), ``year``, ``heading`` and ``text``.
Deterministic (a seeded ``random.Random``): the same N gives the same file."""

from __future__ import annotations

import argparse
import json
import random

PLACES = ("岚溪自治州", "木樨县", "青崖县", "石渡县", "云岭新区", "雾溪县")
OPENINGS = ("各乡镇人民政府、州直各有关部门要", "州安委会各成员单位应当", "各县（市）人民政府须", "新区管委会各部门要",
            "各级应急管理部门应")
ACTIONS = ("开展{s}安全隐患排查整治，建立问题、责任、整改三张清单", "落实{s}企业安全生产主体责任，督促主要负责人履职尽责",
           "组织{s}领域执法检查，对发现的违法行为依法从严处罚", "完善{s}应急预案，每半年至少开展一次实战化演练",
           "推进{s}安全生产标准化建设，提升本质安全水平", "加强{s}从业人员安全培训，特种作业人员持证上岗")
SUBJECTS = ("非煤矿山", "危险化学品", "城镇燃气", "道路交通", "建筑施工", "消防", "森林草原防火", "水上交通", "民族村寨旅游",
            "尾矿库", "自建房", "烟花爆竹")
TAILS = ("，{m}月底前完成。", "，确保全年不发生较大及以上事故。", "。", "，排查覆盖率达到100%。", "，并于每月5日前报送进展情况。")
HEADINGS = ("一、压实安全责任", "二、强化风险防控", "三、深化专项整治", "四、夯实基层基础", "五、提升应急能力")


def clause_rows(n: int, seed: int = 7):
    rng = random.Random(seed)
    for i in range(1, n + 1):
        doc = (i - 1) // 40
        place = PLACES[doc % len(PLACES)]
        parts = [rng.choice(ACTIONS).format(s=rng.choice(SUBJECTS)) for _ in range(rng.randint(1, 3))]
        text = rng.choice(OPENINGS) + "；".join(parts) + rng.choice(TAILS).format(m=rng.randint(3, 12))
        yield {"id": f"c{i:07d}", "doc_id": f"{place}-{doc:05d}", "year": 2026 + doc % 2,
               "heading": rng.choice(HEADINGS), "text": text}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("n", type=int, nargs="?", default=200_000)
    ap.add_argument("--parquet", help="also write the rows as Parquet")
    args = ap.parse_args()
    rows = list(clause_rows(args.n))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), args.parquet)


if __name__ == "__main__":
    main()
