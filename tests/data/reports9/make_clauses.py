"""Write a synthetic clause file for measuring a report run's memory and comparing its outputs before and
after a change: every clause recombines phrases written for these tests (an invented 澜屿州 and its 县, no
sentence of a real document).

    .venv/bin/python tests/data/reports9/make_clauses.py OUT.jsonl [N=10000]

Rows: ``id`` (c0000001 …), ``doc_id`` (one notice per 40 clauses), ``year``, ``heading``, ``text`` and the
notice's metadata as ``policytag segment`` writes it (``title``, ``issuer``, ``region``, ``level``, ``genre``).
Each invented county issues notices for 2025, 2026 and 2027, so a 2027 notice has its own past; one row in
seven carries a comma, a double quote or a line break inside its text (what a CSV must quote). Deterministic
(a seeded ``random.Random``): the same N gives the same file."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: the shared writer
from clause_synth import Notices, Phrases, clause_rows as _rows, main as _main  # noqa: E402

HEADS = ("澜", "屿", "澄", "岚", "汀", "漪", "沣", "溆", "涪", "渼", "淇", "湄", "漳", "滢", "洵", "溱")
TAILS = ("川", "坪", "溪", "岗", "湾", "源", "峪", "屏", "塘", "垣", "洲", "坞", "陂")

OPENERS = ("各乡镇人民政府、县直有关单位要", "县应急管理局联合住建部门", "州安委会办公室统筹，", "各街道办事处应当",
           "县交通运输局牵头，")
ACTIONS = ("对{s}单位逐户开展安全体检，形成问题清单并限期整改", "组织{s}从业人员参加全员安全培训，考核不合格的不得上岗",
           "把{s}列入“双随机”抽查重点，发现违法行为一律依法处罚", "完善{s}应急处置方案，汛期前组织一次实战演练",
           "督促{s}企业落实全员安全生产责任制，主要负责人签订承诺书", "为{s}重点部位加装智能烟感和远程监测终端")
SUBJECTS = ("非煤矿山", "烟花爆竹批发", "城镇燃气", "山区道路客运", "森林防火", "商场超市等人员密集场所", "水上渡口",
            "建筑施工工地", "危险化学品运输", "农村自建房")
CLOSERS = ("，{m}月底前全部完成。", "，确保不留死角。", "。", "，整改率达到100%。", "，每半年通报一次进展。",
           "，涉及“三合一”场所的，一并清理。", "，清单格式见附件1,附件2。", "，\n具体要求另行通知。")
HEADINGS = ("一、压紧压实责任", "二、深化隐患排查", "三、从严监管执法", "四、提升应急能力", "五、筑牢安全基础")


def place(k: int) -> str:
    """The k-th invented place: the 州 first, then its counties."""
    return "澜屿州" if k == 0 else HEADS[k % len(HEADS)] + TAILS[(k // len(HEADS)) % len(TAILS)] + "县"


PHRASES = Phrases(OPENERS, ACTIONS, SUBJECTS, CLOSERS, HEADINGS, months=(3, 11))
#: forty clauses a notice; each place a 2025, a 2026 and a 2027 notice; the 州's three city-level, the rest county
NOTICES = Notices(per_notice=40, place_year=lambda k: (place(k // 3), 2025 + k % 3),
                  level=lambda k: "city" if k < 3 else "county")


def clause_rows(n: int, seed: int = 9):
    """``n`` clause rows, forty to a notice, three years a government."""
    return _rows(n, PHRASES, NOTICES, seed)


if __name__ == "__main__":
    _main(__doc__.splitlines()[0], PHRASES, NOTICES, seed=9, default_n=10_000)
