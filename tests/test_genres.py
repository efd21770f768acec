"""Genres other governments publish, on notices written for these tests (tests/data/genres/): each
document's title, issuer, region, level, genre and year, and each clause's text and heading path.
The same notices wrapped at a fixed width, as PDF extraction leaves them, give the same clauses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.clean import display_width
from policytag.corpus.segment import segment_paths, segment_text
from conftest import TEST_DATA

DATA = TEST_DATA / "genres"


def one(name: str):
    result = segment_paths([DATA / name])
    assert not result.errors, result.errors
    assert len(result.documents) == 1, [d.title for d in result.documents]
    return result.documents[0], result.clauses


def reading(clauses, expected) -> list[tuple[tuple[str, ...], str]]:
    """(heading path, the text's start as long as the expected one) of each clause."""
    return [(c.heading_path, c.text[:len(start)]) for c, (_, start) in zip(clauses, expected)] + [
        (c.heading_path, c.text) for c in clauses[len(expected):]]


def texts(clauses) -> list[str]:
    return [c.text for c in clauses]


class paths:  # noqa: N801 - used like a dict: paths(clauses)["start of a clause"] -> its heading path
    def __init__(self, clauses):
        self.clauses = clauses

    def __getitem__(self, start: str) -> tuple[str, ...]:
        hits = [c.heading_path for c in self.clauses if c.text.startswith(start)]
        assert len(hits) == 1, (start, hits)
        return hits[0]


DOCS = {
    # file: (title, issuer, region, level, genre, year, number of clauses)
    "city_work_points.txt": ("临江市安全生产委员会2027年安全生产工作要点", "临江市安全生产委员会", "临江市", "city",
                             "work_points", 2027, 11),
    "county_special_plan.txt": ("青石县危险化学品安全风险专项整治方案", "青石县人民政府办公室", "青石县", "county",
                                "special_plan", 2027, 10),
    "province_implementation_plan.txt": ("东川省人民政府办公厅关于印发东川省城镇燃气安全专项整治实施方案的通知",
                                         "东川省人民政府办公厅", "东川省", "province", "special_plan", 2027, 10),
    "emergency_plan.txt": ("临江市生产安全事故应急预案", "临江市人民政府办公室", "临江市", "city", "emergency_plan", 2027, 15),
    "regulation.txt": ("临江市安全生产举报奖励办法", "临江市人民政府", "临江市", "city", "regulation", 2027, 11),
    "safety_committee_notice.txt": ("东川省安全生产委员会关于做好2027年汛期安全防范工作的通知", "东川省安全生产委员会",
                                    "东川省", "province", "other", 2027, 4),
    "ministry_notice.txt": ("应急管理部办公厅关于开展2027年工贸企业有限空间作业安全专项检查的通知", "应急管理部办公厅",
                            md.CENTRAL_REGION, "central", "other", 2027, 6),
    "headings_only.txt": ("云岭市安全生产委员会办公室关于2027年第一季度安全生产重点工作的通知", "云岭市安全生产委员会办公室",
                          "云岭市", "city", "other", 2027, 5),
}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_document_metadata(name):
    doc, clauses = one(name)
    title, issuer, region, level, genre, year, n = DOCS[name]
    assert (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year) == (title, issuer, region, level, genre, year)
    assert doc.level in md.LEVELS and doc.genre in md.GENRES
    assert len(clauses) == n, texts(clauses)
    for c in clauses:  # every clause row carries its document's metadata
        assert (c.title, c.issuer, c.region, c.level, c.genre, c.year) == (title, issuer, region, level, genre, year)
        assert doc.text[c.span[0]:c.span[1]] == c.text


def test_city_work_points_item_with_a_deadline_and_sub_items_is_a_clause():
    _, clauses = one("city_work_points.txt")
    item = "（一）健全责任清单，6月底前完成市级部门安全生产权力和责任清单修订："
    assert item in texts(clauses)  # its deadline is not lost as a mere heading
    p = paths(clauses)
    assert p["1.市安委办牵头"] == ("一、压实安全生产责任", "（一）健全责任清单，6月底前完成市级部门安全生产权力和责任清单修订")
    # （三）城镇燃气 is a bare title; 1. with a sentence and (1)(2) under it is a clause of its own too
    assert not any(t.startswith("（三）城镇燃气") for t in texts(clauses))
    assert "1.开展餐饮场所燃气使用专项检查，推广安装可燃气体报警装置。" in texts(clauses)
    assert p["（1）3月底前完成"] == ("二、深化重点行业领域专项整治", "（三）城镇燃气",
                                "1.开展餐饮场所燃气使用专项检查，推广安装可燃气体报警装置")
    assert p["2.加快老旧燃气"] == ("二、深化重点行业领域专项整治", "（三）城镇燃气")
    assert clauses[0].kind == "preamble" and clauses[0].text.startswith("2027年全市安全生产工作的总体要求")


def test_county_special_plan_phases_and_signature():
    _, clauses = one("county_special_plan.txt")
    p = paths(clauses)
    assert p["（二）排查整治阶"] == ("三、时间安排",)
    assert p["通过专项整治，全"] == ("一、整治目标",)
    assert "青石县人民政府办公室" not in texts(clauses)  # the signature is metadata, not a clause


def test_province_implementation_plan_keeps_its_enclosure():
    doc, clauses = one("province_implementation_plan.txt")
    assert doc.doc_number == "东政办发〔2027〕15号" and doc.date == "2027-04-06"
    assert clauses[0].text.startswith("《东川省城镇燃气安全专项整治实施方案》已经")
    assert clauses[1].text.startswith("为深入排查整治城镇燃气安全隐患") and clauses[1].kind == "preamble"
    assert "东川省城镇燃气安全专项整治实施方案" not in texts(clauses)  # the enclosure's title is no clause
    assert "（二）整治燃气管网设施，年底前完成城市老旧燃气管道更新改造：" in texts(clauses)
    assert paths(clauses)["2.对占压、穿越"] == ("二、重点任务", "（二）整治燃气管网设施，年底前完成城市老旧燃气管道更新改造")


def test_emergency_plan_decimal_sections():
    doc, clauses = one("emergency_plan.txt")
    p = paths(clauses)
    assert p["规范全市生产安全"] == ("1 总则", "1.1 编制目的")
    assert p["预警级别由低到高"] == ("3 预警", "3.2 预警发布", "3.2.1 预警级别")
    assert p["（2）组织应急救援"] == ("3 预警", "3.2 预警发布", "3.2.2 预警措施")
    assert p["市应急管理局会同"] == ("5 保障措施", "5.2 物资保障")
    assert [c.heading_path[0] for c in clauses if c.heading_path][-1] == "5 保障措施"
    assert not any(c.text in ("1总则", "1.1编制目的") for c in clauses)
    assert len({c.clause_id for c in clauses}) == len(clauses)


def test_regulation_chapters_articles_and_items():
    _, clauses = one("regulation.txt")
    t = texts(clauses)
    assert [x[:3] for x in t if x.startswith("第")] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]
    p = paths(clauses)
    assert p["第一条为鼓励社会"] == ("第一章 总则",)
    assert p["第三条下列行为属"] == ("第二章 举报范围",)  # an article with items is a clause itself
    assert p["（二）关闭、破坏"] == ("第二章 举报范围", "第三条 下列行为属于本办法规定的举报范围")
    assert p["（二）举报重大事"] == ("第三章 奖励标准", "第五条 举报经核查属实的，按照下列标准给予奖励")
    assert p["第六条本办法自2"] == ("第四章 附则",)
    ids = {c.text[:3]: c.clause_id for c in clauses}
    assert ids["第六条"].endswith("-4-6")  # chapter 4, article 6


def test_headings_only_notice_is_one_clause_per_item():
    _, clauses = one("headings_only.txt")
    assert texts(clauses) == ["一、开展节后复工复产安全检查", "二、推进燃气安全专项整治", "三、组织春季森林防火宣传",
                              "四、开展危险化学品企业安全诊断", "五、落实安全生产巡查反馈问题整改"]


def test_notices_with_sentences_per_item():
    _, clauses = one("safety_committee_notice.txt")
    assert [c.text[:2] for c in clauses] == ["当前", "一、", "二、", "三、"]
    _, clauses = one("ministry_notice.txt")
    assert paths(clauses)["（三）监护人员配"] == ("二、检查内容",)
    assert paths(clauses)["冶金、有色、建材"] == ("一、检查范围",)


def wrap(text: str, width: int) -> str:
    """Wrap every line at ``width`` display cells, first lines indented, as text from a PDF."""
    out = []
    for line in text.split("\n"):
        cur, limit = "", width - 4
        if not line:
            out.append("")
        for ch in line:
            if display_width(cur + ch) > limit:
                out.append(cur)
                cur, limit = "", width
            cur += ch
        if cur:
            out.append(("  " if limit == width - 4 and out and len(cur) > 20 else "") + cur)
    return "\n".join(out)


@pytest.mark.parametrize("name", sorted(DOCS))
@pytest.mark.parametrize("width", [70, 90])
def test_same_clauses_when_wrapped_like_a_pdf(name, width):
    text = (DATA / name).read_text(encoding="utf-8")
    plain = [(c.heading_path, c.text) for _, cs in segment_text(text, name) for c in cs]
    wrapped = [(c.heading_path, c.text) for _, cs in segment_text(wrap(text, width), name) for c in cs]
    assert wrapped == plain


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md"])
def test_segment_cli_shows_metadata(fmt):
    out = subprocess.run([sys.executable, "-m", "policytag.cli", "segment", str(DATA / "regulation.txt"), "--format", fmt],
                         capture_output=True, text=True, check=True).stdout
    if fmt == "jsonl":
        row = json.loads(out.splitlines()[0])
        assert (row["issuer"], row["region"], row["level"], row["genre"], row["title"]) == (
            "临江市人民政府", "临江市", "city", "regulation", "临江市安全生产举报奖励办法")
    else:
        for value in ("临江市人民政府", "city", "regulation", "临江市安全生产举报奖励办法"):
            assert value in out


def test_documents_listing_has_metadata():
    out = subprocess.run([sys.executable, "-m", "policytag.cli", "segment", *(str(DATA / n) for n in sorted(DOCS)),
                          "--documents"], capture_output=True, text=True, check=True).stdout
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == len(DOCS)
    assert {d["genre"] for d in docs} == {"work_points", "special_plan", "emergency_plan", "regulation", "other"}
    assert {d["level"] for d in docs} == {"central", "province", "city", "county"}


@pytest.mark.parametrize("raw, hint, issuer, region, level", [
    ("东川省人民政府", None, "东川省人民政府", "东川省", "province"),
    ("临江市安委会", None, "临江市安全生产委员会", "临江市", "city"),
    ("市安委办", "临江市", "临江市安全生产委员会办公室", "临江市", "city"),
    ("青石县政府办", None, "青石县人民政府办公室", "青石县", "county"),
    ("东川省临江市青石县应急局", None, "东川省临江市青石县应急管理局", "东川省临江市青石县", "county"),
    ("临江市白沙区住房和城乡建设局", None, "临江市白沙区住房和城乡建设局", "临江市白沙区", "county"),
    ("白沙区南湖街道办事处", None, "白沙区南湖街道办事处", "白沙区南湖街道", "department"),
    ("国务院安委会办公室", None, "国务院安全生产委员会办公室", md.CENTRAL_REGION, "central"),
    ("应急管理部办公厅", None, "应急管理部办公厅", md.CENTRAL_REGION, "central"),
    ("国家消防救援局", None, "国家消防救援局", md.CENTRAL_REGION, "central"),
    ("重庆市某区应急管理局", None, "重庆市某区应急管理局", "重庆市某区", "county"),
    ("云州市住房和城乡建设局", None, "云州市住房和城乡建设局", "云州市", "city"),
    ("云州市市场监督管理局", None, "云州市市场监督管理局", "云州市", "city"),
    ("某某自治州应急管理局", None, "某某自治州应急管理局", "某某自治州", "city"),
    ("东川省应急管理厅、东川省公安厅", None, "东川省应急管理厅、东川省公安厅", "东川省", "province"),
])
def test_issuer_normalised_with_region_and_level(raw, hint, issuer, region, level):
    name = md.normalize_issuer(raw, region_hint=hint)
    assert name == issuer
    assert md.issuer_region_level(name) == (region, level)


@pytest.mark.parametrize("number, expected", [
    ("晋政发〔2019〕1号", ("山西省人民政府", "山西省", "province")),
    ("临江市安委办〔2027〕1号", ("临江市安全生产委员会办公室", "临江市", "city")),
    ("国办发〔2027〕3号", ("国务院办公厅", md.CENTRAL_REGION, "central")),
    ("苏安办〔2027〕4号", ("江苏省安全生产委员会办公室", "江苏省", "province")),
])
def test_issuer_from_document_number(number, expected):
    assert md.issuer_from_number(number) == expected


@pytest.mark.parametrize("title, genre", [
    ("东川省人民政府关于做好2027年安全生产工作的通知", "annual_notice"),
    ("东川省人民政府关于2027年安全生产工作的意见", "annual_notice"),
    ("临江市人民政府关于印发临江市2027年安全生产工作要点的通知", "work_points"),
    ("青石县燃气安全专项整治三年行动实施方案（2027—2029年）", "special_plan"),
    ("临江市危险化学品事故应急预案", "emergency_plan"),
    ("东川省安全生产条例", "regulation"),
    ("临江市安全生产约谈办法（试行）", "regulation"),
    ("东川省安全生产委员会关于做好2027年春节期间安全防范工作的通知", "other"),
    ("青石县人民政府关于禁止燃放烟花爆竹的通告", "announcement"),  # a 通告 has its genre (session 9, meta7)
])
def test_genre_from_title(title, genre):
    assert md.genre_of(title, []) == genre


def _as_docx(lines: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


def _as_html(lines: list[str], path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in lines)
    path.write_text(f"<html><head><meta charset='utf-8'><title>门户网站</title></head><body><nav>首页 | 政务公开</nav>"
                    f"<div id='zoom'>{body}</div><footer>版权所有</footer></body></html>", encoding="utf-8")


def _as_pdf(lines: list[str], path: Path) -> None:
    """One PDF page per 45 lines, the text wrapped at 40 characters as published PDFs are."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    wrapped = wrap("\n".join(lines), 80).split("\n")
    for start in range(0, len(wrapped), 45):
        c.setFont("STSong-Light", 10)
        for i, line in enumerate(wrapped[start:start + 45]):
            c.drawString(40, 800 - 16 * i, line)
        c.showPage()
    c.save()


@pytest.mark.parametrize("name", sorted(DOCS))
@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_every_reader_gives_the_same_clauses_and_metadata(tmp_path, name, fmt):
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    path = tmp_path / f"{Path(name).stem}.{fmt}"
    {"docx": _as_docx, "html": _as_html, "pdf": _as_pdf}[fmt](lines, path)
    doc, clauses = one(name)
    result = segment_paths([path])
    assert not result.errors and len(result.documents) == 1
    other = result.documents[0]
    assert (other.title, other.issuer, other.level, other.genre, other.year) == (
        doc.title, doc.issuer, doc.level, doc.genre, doc.year)
    assert [(c.heading_path, c.text) for c in result.clauses] == [(c.heading_path, c.text) for c in clauses]


def _as_cms_page(lines: list[str], title: str, number: str | None, path: Path) -> None:
    """A government CMS page: the headline in an <h1> and the document number, issuing organ and
    date in a metadata table, both outside the content container; a breadcrumb, related links that
    name other notices, and a footer around them."""
    body = "".join(f"<p>{line}</p>" for line in lines)
    # key and value in one cell, or (as gov.cn lays it out) in two
    table = ("<table class='xxgk'><tr><td>索引号：000014349/2027-00031</td><td>发布机构：某市人民政府办公室</td></tr>"
             f"<tr><td><b>发文字号：</b></td><td>{number or ''}</td><td>成文日期：2027年03月02日</td></tr></table>")
    path.write_text(
        f"<html><head><meta charset='utf-8'><title>{title}_政策文件_某市人民政府门户网站</title></head><body>"
        "<div class='crumb'>当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>"
        f"{table}<div class='article'><h1>{title}</h1><div class='info'>来源：本网 发布时间：2027-03-03 字号：大 中 小</div>"
        f"<div class='content'>{body}</div></div>"
        "<div class='related'>相关链接：<a>关于做好2026年安全生产工作的通知</a><a>某市防汛抗旱工作方案</a></div>"
        "<div class='foot'>主办：某市人民政府办公室 网站标识码：1234567890</div></body></html>", encoding="utf-8")


@pytest.mark.parametrize("name", sorted(DOCS))
def test_a_cms_page_with_headline_and_number_outside_the_text_keeps_them(tmp_path, name):
    """Most government sites show a notice's headline in an <h1> and its number in a metadata table
    outside the content container: read from the container alone, the page lost its title (so its
    genre: `other`) and number. Every metadata field and every clause must equal the plain text's."""
    doc, clauses = one(name)
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    # the page shows the title and number outside the text: drop the lines that make them up
    head = 0
    while "".join(lines[:head]) != doc.title.replace(" ", "") and head < 3:
        head += 1
    assert "".join(lines[:head]) == doc.title.replace(" ", ""), (doc.title, lines[:3])
    rest = [line for line in lines[head:] if line != doc.doc_number]
    path = tmp_path / f"{Path(name).stem}.html"
    _as_cms_page(rest, doc.title, doc.doc_number, path)
    result = segment_paths([path])
    assert not result.errors and len(result.documents) == 1
    other = result.documents[0]
    fields = ("title", "doc_number", "issuer", "region", "level", "genre", "year")
    assert [getattr(other, f) for f in fields] == [getattr(doc, f) for f in fields]
    assert [(c.heading_path, c.text) for c in result.clauses] == [(c.heading_path, c.text) for c in clauses]


def test_a_cms_page_reads_the_organ_and_date_of_its_metadata_table(tmp_path):
    """Where the text has no signature, the table's 发布机构 names the issuer and its 成文日期
    (written 2027年03月02日) the date; navigation and related links never become clauses."""
    path = tmp_path / "page.html"
    _as_cms_page(["一、开展汛前安全检查", "各乡镇要在5月底前完成山洪灾害危险区排查。"],
                 "关于做好2027年汛期安全防范工作的通知", None, path)
    result = segment_paths([path])
    doc = result.documents[0]
    assert (doc.title, doc.issuer, doc.date, doc.genre) == (
        "关于做好2027年汛期安全防范工作的通知", "某市人民政府办公室", "2027-03-02", "other")
    assert [c.text for c in result.clauses] == ["各乡镇要在5月底前完成山洪灾害危险区排查。"]


def test_county_and_township_addressee_lines_are_not_clauses():
    """A county's notice is addressed to 各乡镇人民政府 / 各街道办事处: the addressee line is dropped
    like the provinces' 各市、县人民政府, not tagged as a preamble clause."""
    from policytag.corpus.clean import classify_lines

    for line in ("各乡镇人民政府，县直各有关单位：", "各街道办事处，区政府各部门：", "各市、县人民政府："):
        assert [l.kind for l in classify_lines(line) if l.kind != "blank"] == ["addressee"], line
    assert "addressee" not in [l.kind for l in classify_lines("各乡镇要在汛前完成排查。")]
