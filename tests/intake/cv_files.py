"""Small real CV files made by the test suite: PDF (fpdf2), DOCX (python-docx), encrypted PDF."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx import Document
from fpdf import FPDF
from lxml import etree
from pypdf import PdfReader, PdfWriter


def pdf(*pages: str) -> bytes:
    """A PDF with a text layer: one page per argument, lines split on newlines."""
    document = FPDF()
    document.set_font("helvetica", size=11)
    for page in pages:
        document.add_page()
        for line in page.split("\n"):
            document.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def scanned_pdf() -> bytes:
    """A PDF whose page carries only drawn shapes, like a scan: no text layer."""
    document = FPDF()
    document.add_page()
    document.rect(20, 20, 120, 60, style="F")
    document.line(20, 100, 180, 100)
    return bytes(document.output())


def encrypted_pdf(text: str, *, user_password: str, owner_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(text))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A DOCX with paragraphs and, after them, a table (many CVs lay out skills as tables)."""
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_V = "{urn:schemas-microsoft-com:vml}"


def _box(parent: Any, text: str) -> None:
    content = etree.SubElement(parent, f"{_W}txbxContent")
    run = etree.SubElement(etree.SubElement(content, f"{_W}p"), f"{_W}r")
    etree.SubElement(run, f"{_W}t").text = text


def docx_with_text_box(paragraph: str, box_text: str) -> bytes:
    """A DOCX whose skills sit in a text box, written as Word does: a modern shape plus a
    VML fallback copy of the same text."""
    document = Document()
    run = document.add_paragraph(paragraph).add_run()._r
    alternate = etree.SubElement(run, f"{_MC}AlternateContent")
    choice = etree.SubElement(alternate, f"{_MC}Choice", Requires="wps")
    _box(etree.SubElement(choice, f"{_WPS}txbx"), box_text)
    fallback = etree.SubElement(alternate, f"{_MC}Fallback")
    _box(etree.SubElement(etree.SubElement(fallback, f"{_W}pict"), f"{_V}textbox"), box_text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_without_document() -> bytes:
    """A ZIP archive (like an XLSX) that is not a DOCX."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
