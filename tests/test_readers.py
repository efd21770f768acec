"""Every input format through the real libraries, and every bad-input case through the CLI."""

import subprocess
import sys

import pytest

from policytag.corpus.readers import ReadError, read_file
from policytag.corpus.segment import segment_paths

NOTICE_LINES = [
    "山西省人民政府关于做好2030年安全生产工作的通知",
    "晋政发〔2030〕1号",
    "各市、县人民政府，省人民政府各委、办、厅、局：",
    "2030年，全省安全生产工作要坚持人民至上、生命至上，统筹发展和安全。现就有关工作通知如下：",
    "一、压实安全责任",
    "（一）强化党政领导责任。各级党委和政府要落实党政同责、一岗双责，年底前完成责任清单修订。（省安委办负责）",
    "（二）深化专项整治。",
    "煤矿：深化瓦斯治理，6月底前完成60座智能化煤矿建设。",
    "道路交通：严厉打击超速超载、酒后驾驶等违法行为。",
    "二、加强应急救援",
    "（三）完善应急预案。修订省级突发事件总体应急预案，组织开展实战化演练。",
    "山西省人民政府",
    "2030年1月20日",
    "（此件公开发布）",
]
EXPECTED_TEXTS = [
    "2030年，全省安全生产工作要坚持人民至上、生命至上，统筹发展和安全。现就有关工作通知如下：",
    "（一）强化党政领导责任。各级党委和政府要落实党政同责、一岗双责，年底前完成责任清单修订。",
    "煤矿：深化瓦斯治理，6月底前完成60座智能化煤矿建设。",
    "道路交通：严厉打击超速超载、酒后驾驶等违法行为。",
    "（三）完善应急预案。修订省级突发事件总体应急预案，组织开展实战化演练。",
]


def check(path):
    result = segment_paths([path])
    assert not result.errors, result.errors
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert doc.year == 2030 and doc.doc_number == "晋政发〔2030〕1号" and doc.date == "2030-01-20"
    assert [c.text for c in result.clauses] == EXPECTED_TEXTS
    assert result.clauses[0].kind == "preamble"
    assert result.clauses[1].agencies == ("省安委办",)
    assert result.clauses[2].heading_path == ("一、压实安全责任", "（二）深化专项整治")
    return result


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_txt_encodings(tmp_path, encoding):
    path = tmp_path / f"notice-{encoding}.txt"
    path.write_bytes("\n".join(NOTICE_LINES).encode(encoding))
    check(path)


def test_html_body_text_only(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in NOTICE_LINES)
    html = (f"<html><head><meta charset='gb2312'><title>山西省人民政府门户网站</title><script>var x = '一、脚本';</script>"
            f"<style>p {{color: red}}</style></head><body><nav>首页 | 政务公开 | 一、导航</nav>"
            f"<div id='zoom'>{body}</div><footer>版权所有：山西省人民政府办公厅 http://www.shanxi.gov.cn</footer></body></html>")
    path = tmp_path / "notice.html"
    path.write_bytes(html.encode("gb18030"))
    check(path)


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    for line in NOTICE_LINES:
        document.add_paragraph(line)
    path = tmp_path / "notice.docx"
    document.save(path)
    check(path)


def _pdf(path, lines):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10)
    for i, line in enumerate(lines):
        c.drawString(40, 800 - 16 * i, line)
    c.save()


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "notice.pdf"
    _pdf(path, NOTICE_LINES)
    check(path)


def test_directory_means_every_supported_file(tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(NOTICE_LINES), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(NOTICE_LINES).replace("2030", "2031"), encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    result = segment_paths([tmp_path])
    assert sorted(d.year for d in result.documents) == [2030, 2031]


# --- bad input -----------------------------------------------------------------------------------
def _bad_files(tmp_path):
    from reportlab.pdfgen import canvas

    files = {}
    files["empty file"] = tmp_path / "empty.txt"
    files["empty file"].write_bytes(b"")
    files["binary file"] = tmp_path / "binary.txt"
    files["binary file"].write_bytes(bytes(range(256)) * 20)
    files["unreadable text encoding"] = tmp_path / "latin.txt"
    files["unreadable text encoding"].write_bytes(b"\x80\xff abc \xfe\x80" * 50)
    files["no text layer"] = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(files["no text layer"]))
    c.rect(50, 50, 200, 200, fill=1)
    c.save()
    files["no recognisable notice structure"] = tmp_path / "prose.txt"
    files["no recognisable notice structure"].write_text("今天天气很好。我们去公园散步，看到很多人在锻炼身体。", encoding="utf-8")
    return files


def test_bad_inputs_raise_one_line_reasons(tmp_path):
    for reason, path in _bad_files(tmp_path).items():
        result = segment_paths([path])
        assert not result.documents
        assert len(result.errors) == 1
        message = str(result.errors[0])
        assert str(path) in message and reason in message and "\n" not in message


def test_unsupported_and_missing(tmp_path):
    (tmp_path / "x.pages").write_text("x")
    with pytest.raises(ReadError, match="unsupported file type"):
        read_file(tmp_path / "x.pages")
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "missing.txt")


def test_cli_multi_file_run_reports_bad_files_at_the_end(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("\n".join(NOTICE_LINES), encoding="utf-8")
    bad = _bad_files(tmp_path)
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "policytag.cli", "segment", *map(str, bad.values()), str(good),
                           "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("policytag: error:")]
    assert len(errors) == len(bad)
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(EXPECTED_TEXTS)


def test_cli_single_bad_file_exits_non_zero_without_output(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "policytag.cli", "segment", str(bad), "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and not out.exists()
    assert proc.stderr.strip() == f"policytag: error: {bad}: empty file"
