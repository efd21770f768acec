"""Write a large synthetic clause file for tagging at scale: every clause recombines a few sentences written
for these tests (an invented 岚溪自治州 and its counties; no sentence of a real document), so the texts
repeat in form but not as whole clauses.

    .venv/bin/python tests/data/reports7/make_clauses.py OUT.jsonl [N=200000] [--parquet OUT.parquet]

Rows: ``id`` (c000001 …), ``doc_id`` (one notice per 40 clauses), ``year``, ``heading`` and ``text``.
Deterministic (a seeded ``random.Random``): the same N gives the same file."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: the shared writer
from clause_synth import Notices, Phrases, clause_rows as _rows, main as _main  # noqa: E402

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


PHRASES = Phrases(OPENINGS, ACTIONS, SUBJECTS, TAILS, HEADINGS, months=(3, 12))
#: notice k: the k-th of the six places in turn, 2026 and 2027 alternating; no document metadata
NOTICES = Notices(per_notice=40, place_year=lambda k: (PLACES[k % len(PLACES)], 2026 + k % 2))


def clause_rows(n: int, seed: int = 7):
    return _rows(n, PHRASES, NOTICES, seed)


if __name__ == "__main__":
    _main(__doc__.splitlines()[0], PHRASES, NOTICES, seed=7, default_n=200_000, parquet=True)
