"""Session 22's lead fixes that no engineer's file held: a title that opens with the document it explains names
no organ of its own (analyst18's leftover)."""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.segment import segment_text

EXPLAINED = ("《鹭汀市人民政府关于做好2027年全市安全生产工作的通知》政策解读\n"
             "一、出台背景。市应急管理局会同有关部门起草了《通知》。\n"
             "二、主要内容。《通知》共六个部分，重点对电动自行车安全管理作出部署。\n"
             "鹭汀市应急管理局\n2027年2月20日\n")


def test_an_explained_documents_title_leaves_the_issuer_to_the_signature():
    # failed on main: issuer '《鹭汀市人民政府' (the organ inside 《》, read from the title, with its bracket)
    (doc, _), = segment_text(EXPLAINED, "jiedu.txt")
    assert (doc.issuer, doc.region, doc.level, doc.genre, doc.year) == (
        "鹭汀市应急管理局", "鹭汀市", "city", "interpretation", 2027)


@pytest.mark.parametrize("title, organ", [
    ("《鹭汀市人民政府关于做好2027年全市安全生产工作的通知》政策解读", None),  # failed on main: 《鹭汀市人民政府
    ("关于《澄河县城镇燃气安全专项整治方案》的解读", None),
    ("鹭汀市应急管理局关于印发《2027年安全生产工作要点》的通知", "鹭汀市应急管理局"),  # its own organ: kept
    ("转发省应急管理厅关于做好汛期安全工作的通知", None),  # as before
])
def test_a_title_opening_with_another_document_names_no_organ_of_its_own(title, organ):
    assert md.issuer_from_title(title) == organ
