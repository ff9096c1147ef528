"""Where printed text lands, read two ways: WeasyPrint's layout tree (each text box against its
table cell and the page's content box) and poppler's word boxes in the PDF (each word against
the page's margins), so a long value that cannot wrap is caught wherever it sticks out."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from approval_gate.forms import form

# Values no line-break rule can split: only overflow-wrap keeps them inside a cell and the page.
LONG_URL = "https://example.go.th/files/" + ("ThaiHealthReport2569" * 15)[:272]  # 300 characters
THAI_RUN = ("กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ" * 5)[:200]  # no word, no space
LONG_NAME = ("annual_report_2569_" * 8)[:147] + ".md"  # a file name of 150 characters
SLACK = 0.5  # CSS px or pt: rounding in the layout and in poppler's boxes
MM = 72 / 25.4  # points in a millimetre
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', re.DOTALL)


def laid_out(html: str) -> Any:
    """The WeasyPrint document of `html`, printed as form.render_pdf prints it."""
    import weasyprint

    return weasyprint.HTML(string=form.printable_text(html), base_url=form.FONTS_DIR.as_uri() + "/").render()


def text_outside_its_box(document: Any) -> list[str]:
    """Every text box or image that sticks out of its table cell, or out of the page's content box."""
    from weasyprint.formatting_structure import boxes

    found: list[str] = []

    def walk(box: Any, page: int, left: float, right: float) -> None:
        if isinstance(box, boxes.MarginBox):  # page numbers live in the margin on purpose
            return
        if isinstance(box, boxes.TableCellBox):
            left, right = max(left, box.border_box_x()), min(right, box.border_box_x() + box.border_width())
        if isinstance(box, boxes.TextBox | boxes.ReplacedBox):  # text, and the print screens
            start, end = box.border_box_x(), box.border_box_x() + box.border_width()
            if start < left - SLACK or end > right + SLACK:
                what = box.text[:40] if isinstance(box, boxes.TextBox) else f"<{box.element_tag}>"
                found.append(f"page {page}: {what!r} spans {start:.1f}-{end:.1f} px, room {left:.1f}-{right:.1f}")
        for child in getattr(box, "children", ()):
            walk(child, page, left, right)

    for number, page in enumerate(document.pages, 1):
        root = page._page_box
        walk(root, number, root.content_box_x(), root.content_box_x() + root.width)
    return found


def words_past_the_margins(pdf: Path, *, left_mm: float, right_mm: float) -> list[str]:
    """Every word of the PDF (pdftotext -bbox) that starts before the left margin or ends after the right one."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, (width, words) in enumerate(_PAGE.findall(xhtml), 1):
        low, high = left_mm * MM - SLACK, float(width) - right_mm * MM + SLACK
        for start, end, word in _WORD.findall(words):
            if float(start) < low or float(end) > high:
                found.append(f"page {number}: {word[:40]!r} spans {start}-{end} pt, room {low:.0f}-{high:.0f}")
    return found


def squeezed(text: str) -> str:
    """Text without white space, NFKC-folded (the printer writes SARA AM as NIKHAHIT + SARA AA), for
    finding a value however it was wrapped."""
    return "".join(unicodedata.normalize("NFKC", form.printable_text(text)).split())


def pdf_text(pdf: Path) -> str:
    return squeezed(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
