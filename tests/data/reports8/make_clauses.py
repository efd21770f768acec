"""Write a synthetic clause file for measuring a report run's memory: every clause recombines a few phrases
written for these tests (an invented 乌兰塔拉盟 and its 旗, no sentence of a real document).

    .venv/bin/python tests/data/reports8/make_clauses.py OUT.jsonl [N=10000]

Rows: ``id`` (r0000001 …), ``doc_id`` (one notice per 50 clauses), ``year``, ``heading``, ``text`` and the
notice's metadata as ``policytag segment`` writes it (``title``, ``issuer``, ``region``, ``level``, ``genre``): each
invented 旗 (and the 盟) issues an annual notice for 2026 and one for 2027, so every 2027 notice has its own 2026
baseline, as in a researcher's folder of many governments. Deterministic (a seeded ``random.Random``): the same N gives the
same file."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: the shared writer
from clause_synth import Notices, Phrases, clause_rows as _rows, main as _main  # noqa: E402

FIRST = ("查干", "哈日", "巴音", "乌兰", "宝力", "额尔", "塔林", "阿拉", "希拉", "温都", "苏布", "呼和", "阿日", "锡拉",
         "毛都", "伊和", "巴嘎", "敖伦", "达来", "图门")
SECOND = ("敖包", "努尔", "宝力格", "塔拉", "浩特", "高勒", "希勒", "陶勒盖", "淖尔", "布拉格", "乌苏", "套海", "额吉", "哈达",
          "胡硕", "锡力", "温都尔", "乌拉", "查布", "布隆", "哈沙图", "察汗", "杭盖", "呼都格", "毛道")


def place(k: int) -> str:
    """The k-th invented place: the 盟 first, then its (many) 旗."""
    return "乌兰塔拉盟" if k == 0 else FIRST[k % len(FIRST)] + SECOND[(k // len(FIRST)) % len(SECOND)] + "旗"


LEADS = ("各苏木镇、盟直各部门要", "旗应急管理局会同有关部门", "各嘎查村、社区应当", "盟安委会办公室牵头，",
         "各旗人民政府要切实")
DUTIES = ("对{s}企业开展拉网式安全检查，建立隐患台账并逐项销号", "督促{s}经营单位配齐专职安全管理人员",
          "将{s}纳入年度执法计划，对拒不整改的依法责令停产整顿", "修订{s}事故应急预案并组织桌面推演",
          "在{s}场所张贴安全警示标识，开展“送安全进牧区”宣讲", "推动{s}企业安装视频监控和可燃气体报警装置")
SUBJECTS = ("煤矿", "露天矿山", "液化石油气", "牧区道路运输", "草原防火", "那达慕大会人员密集场所", "风电场建设", "旅游景区",
            "危险化学品仓储", "冬季取暖用煤")
ENDS = ("，{m}月底前完成。", "，做到全覆盖、无死角。", "。", "，检查覆盖率不低于95%。", "，每季度末向盟安委办报送一次。")
HEADINGS = ("一、夯实责任链条", "二、排查整治风险", "三、严格执法检查", "四、强化应急准备", "五、开展宣传培训")


PHRASES = Phrases(LEADS, DUTIES, SUBJECTS, ENDS, HEADINGS, months=(2, 11))
#: fifty clauses a notice; each place a 2026 and a 2027 notice; the 盟's two notices city-level, the rest county
NOTICES = Notices(per_notice=50, place_year=lambda k: (place(k // 2), 2026 + k % 2),
                  level=lambda k: "city" if k < 2 else "county", id_prefix="r")


def clause_rows(n: int, seed: int = 8):
    """``n`` clause rows, fifty to a notice."""
    return _rows(n, PHRASES, NOTICES, seed)


if __name__ == "__main__":
    _main(__doc__.splitlines()[0], PHRASES, NOTICES, seed=8, default_n=10_000)
