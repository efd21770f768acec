"""Size and first paint of the HTML report over many issuers and years (issue 19 item 5).

    python scripts/bench_report_html.py --docs 500 [--model PATH] [--out reports/report_html_scale]

Writes ``--docs`` synthetic notices (invented issuers at three levels, several years, clause texts
from templates written for this benchmark, not real notices) into a temporary folder, runs
``policytag tag DIR --format html`` on it, and opens the file in headless Chromium (playwright,
Debian's /usr/bin/chromium) to read the first paint and first contentful paint from the Paint
Timing API and the time to the load event. Records the load average beside the figures. Aim: 500
documents under 20 MB and under 2 s to first paint.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")

# (numbered item text); {p} place, {y} year, {n} a number
ITEMS = [
    "严格落实党政领导干部安全生产责任制，{p}各级党委政府主要负责人每季度至少研究一次安全生产工作。",
    "压实部门监管责任，{p}各行业主管部门{y}年3月底前制定本行业安全生产工作计划。",
    "危险化学品。开展重大危险源企业安全专项检查，{y}年底前完成{n}家企业安全诊断。",
    "煤矿。强化瓦斯和水害防治，推进煤矿智能化建设，{y}年再建成{n}处智能化采掘工作面。",
    "道路交通。严查超速、超载、疲劳驾驶等违法行为，完善农村公路安全生命防护工程。",
    "建筑施工。开展深基坑、高支模等危大工程专项检查，严厉打击违法分包转包。",
    "城镇燃气。推进老旧管网更新改造，{y}年6月底前完成餐饮场所燃气报警器安装。",
    "消防。开展高层建筑和人员密集场所火灾隐患排查整治，畅通消防生命通道。",
    "森林草原防灭火。落实林长制，严格野外用火管控，加强重点时段巡护。",
    "防汛抗旱。落实水库和山洪沟道责任人，汛前完成病险水库除险加固。",
    "完善应急预案体系，{p}每年至少组织一次综合应急演练。",
    "加强安全生产宣传教育，深入开展安全生产月和安全宣传五进活动。",
    "严格考核巡查，将安全生产考核结果纳入领导班子综合考核。",
    "推进安全生产标准化建设，规模以上企业{y}年底前全部达标。",
    "加强基层应急能力建设，每个乡镇（街道）配备专职安全监管人员。",
    "推进智慧应急建设，建成覆盖{p}重点企业的安全风险监测预警系统。",
]
PROVINCES = ["东川省", "西岭省", "南湖省", "北原省", "中河省", "云梦省", "青川省", "白山省"]


def issuers(n: int) -> list[tuple[str, str]]:
    """(region, issuer) of ``n`` invented governments: provinces, then cities and counties."""
    first, second = "临江云岭青石白水金沙红原玉泉松山柳河石门龙潭凤鸣", "东西南北中上下前后新"
    out = [(p, p + "人民政府") for p in PROVINCES[:n]]
    j = 0
    while len(out) < n:
        name = first[(j // 10) % len(first)] + second[j % 10]
        if j % 2 == 0:
            out.append((name + "市", name + "市安全生产委员会" if j % 4 == 0 else name + "市人民政府"))
        else:
            out.append((name + "县", name + "县人民政府"))
        j += 1
    return out


def notice(region: str, issuer: str, year: int, rng: random.Random) -> str:
    work_points = issuer.endswith("安全生产委员会")
    title = f"{year}年安全生产工作要点" if work_points else f"{issuer}关于做好{year}年安全生产工作的通知"
    items = rng.sample(ITEMS, k=rng.randint(10, 14))
    body = [issuer, title, "", f"{year}年，全{region[-1]}安全生产工作要坚持人民至上、生命至上，推动治理模式向事前预防转型。"]
    heads = ["一、压实安全责任", "二、深化专项整治", "三、夯实基层基础"]
    per = -(-len(items) // 3)
    k = 0
    for h, head in enumerate(heads):
        body.append(head)
        for text in items[h * per:(h + 1) * per]:
            k += 1
            body.append(f"（{'一二三四五六七八九十'[k - 1] if k <= 10 else '十' + '一二三四五六七八九'[k - 11]}）"
                        + text.format(p=region, y=year, n=rng.randint(5, 60)))
    body += ["", issuer, f"{year}年1月31日"]
    return "\n".join(body) + "\n"


def write_corpus(folder: Path, n_docs: int, years: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    span = list(range(2027 - years + 1, 2028))
    who = issuers(-(-n_docs // years))
    k = 0
    for region, issuer in who:
        for year in span:
            if k >= n_docs:
                return
            (folder / f"n{k:04d}_{year}.txt").write_text(notice(region, issuer, year, rng), encoding="utf-8")
            k += 1


def first_paint(html: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        t0 = time.perf_counter()
        page.goto(html.resolve().as_uri(), wait_until="load", timeout=120_000)
        wall_load = time.perf_counter() - t0
        page.wait_for_selector('html[data-ready="1"]', timeout=120_000)
        timing = page.evaluate("""() => {
            const p = {}; performance.getEntriesByType('paint').forEach(e => { p[e.name] = e.startTime; });
            const nav = performance.getEntriesByType('navigation')[0];
            return {first_paint_ms: p['first-paint'], first_contentful_paint_ms: p['first-contentful-paint'],
                    dom_content_loaded_ms: nav.domContentLoadedEventEnd, load_event_ms: nav.loadEventEnd};
        }""")
        rows = page.eval_on_selector_all('table.heat[data-dim="sector"] tbody tr', "r => r.length")
        browser.close()
    return {**{k: round(v, 1) if v is not None else None for k, v in timing.items()},
            "wall_to_load_s": round(wall_load, 2), "across_rows": rows}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--model", default=None, help="a run dir (default: the shipped default model)")
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "report_html_scale")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notices"
        folder.mkdir()
        write_corpus(folder, args.docs, args.years)
        html = Path(tmp) / "report.html"
        cmd = [str(Path(sys.executable).parent / "policytag"), "tag", str(folder), "--format", "html", "-o", str(html)]
        if args.model:
            cmd += ["--model", args.model]
        load_before = os.getloadavg()
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        tag_s = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.exit(f"bench_report_html: error: policytag tag failed: {proc.stderr[-2000:]}")
        size = html.stat().st_size
        paint = first_paint(html) if CHROMIUM.exists() else {"skipped": "/usr/bin/chromium is not installed"}
        load_after = os.getloadavg()
    result = {"docs": args.docs, "years": args.years, "html_bytes": size, "html_mb": round(size / 1e6, 2),
              "tag_and_render_s": round(tag_s, 1), "browser": paint,
              "loadavg_before": [round(x, 2) for x in load_before], "loadavg_after": [round(x, 2) for x in load_after],
              "cpus": os.cpu_count(), "aim": {"html_mb_below": 20, "first_paint_s_below": 2},
              "cli_stderr_tail": proc.stderr.strip().splitlines()[-1:]}
    from policytag.io import atomic_write

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(args.out.with_suffix(".json")) as fh:
        fh.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
