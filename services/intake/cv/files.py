"""Reading the text of an uploaded CV: PDF, DOCX or plain text, recognised by content.

The file's name and declared content type are ignored: what counts is what the bytes are. A
file that cannot be read (encrypted, corrupt, an image, another format, no text) is a 422 naming
`file` and saying what to send instead. Parsing untrusted files goes through well-kept libraries
(pypdf, python-docx) with size limits checked before anything is decompressed.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from shared.errors import ValidationProblem, field_error

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"

# Uncompressed size of word/document.xml beyond which a DOCX is refused (a zip bomb, not a CV).
MAX_DOCX_XML_BYTES = 50 * 1024 * 1024
# Share of control characters above which bytes without NULs are still not text.
MAX_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")

_SEND_INSTEAD = "send the CV as a PDF with selectable text, a DOCX file or plain text"

# Magic numbers of formats people upload by mistake, for a 422 that says what the file is.
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class CvText:
    media_type: str
    text: str
    warnings: list[str] = field(default_factory=list)


def unreadable(message: str) -> ValidationProblem:
    return field_error("file", message)


def read_cv(content: bytes, *, max_characters: int, max_pages: int) -> CvText:
    """The text of a CV file, by what the bytes are; a 422 problem naming `file` otherwise."""
    if not content.strip():
        raise unreadable(f"is empty; {_SEND_INSTEAD}")
    if b"%PDF-" in content[:1024]:
        cv = _pdf(content, max_pages=max_pages)
    elif content.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        cv = _docx(content)
    else:
        _refuse_known_binaries(content)
        cv = _plain_text(content)
    cv.text = _normalise(cv.text)
    if not cv.text.strip():
        raise unreadable(
            "contains no text. A scanned document has no text layer and OCR is not supported; "
            + _SEND_INSTEAD
        )
    if len(cv.text) > max_characters:
        raise unreadable(
            f"has {len(cv.text):,} characters of text; a CV has at most {max_characters:,}"
        )
    return cv


def _normalise(text: str) -> str:
    """One newline convention, no NULs (PostgreSQL text cannot hold them) and no lone
    surrogates (a PDF's broken character map can produce them; UTF-8 cannot encode them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")


def _refuse_known_binaries(content: bytes) -> None:
    for magic, what in _IMAGES:
        if content.startswith(magic):
            raise unreadable(f"is {what}; OCR is not supported: {_SEND_INSTEAD}")
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        raise unreadable(f"is a WebP image; OCR is not supported: {_SEND_INSTEAD}")
    if content.startswith(_OLE):
        raise unreadable(
            "is a legacy Word (.doc) file or a password-protected Office document; "
            "save it as an unprotected DOCX or PDF"
        )
    if content.lstrip().startswith(b"{\\rtf"):
        raise unreadable("is an RTF document; save it as DOCX or PDF")


# --- PDF ---------------------------------------------------------------------------------------


def _pdf(content: bytes, *, max_pages: int) -> CvText:
    from pypdf import PdfReader  # imported on first upload: the service starts faster

    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            _open_encrypted(reader)
            warnings.append(
                "the PDF carries an owner password (editing restrictions); its text was read"
            )
        pages = len(reader.pages)
        if pages > max_pages:
            raise unreadable(f"has {pages} pages; a CV has at most {max_pages}")
        texts = [page.extract_text() or "" for page in reader.pages]
    except ValidationProblem:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise unreadable(
            f"claims to be a PDF but could not be read ({type(exc).__name__}: {str(exc)[:200]}); "
            "it may be damaged or truncated: export it again"
        ) from None
    empty = [str(number) for number, text in enumerate(texts, start=1) if not text.strip()]
    if empty and len(empty) < len(texts):
        warnings.append(
            f"page(s) {', '.join(empty)} have no text layer (scanned?) and were skipped"
        )
    return CvText(PDF, "\n\n".join(text for text in texts if text.strip()), warnings)


def _open_encrypted(reader: Any) -> None:
    """Open a PDF that only restricts editing (empty user password); refuse any other."""
    try:
        opened = reader.decrypt("")
    except Exception:  # an unsupported algorithm, a damaged encryption dictionary
        opened = 0
    if not opened:
        raise unreadable(
            "is a password-protected (encrypted) PDF; remove the password and upload it again"
        )


# --- DOCX --------------------------------------------------------------------------------------

_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (XLSX)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX)"),
    ("content.xml", "an OpenDocument file (ODT/ODS); save it as DOCX or PDF"),
)


def _docx(content: bytes) -> CvText:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                what = next((kind for name, kind in _ZIP_KINDS if name in names), "a ZIP archive")
                raise unreadable(f"is {what}, not a DOCX: {_SEND_INSTEAD}")
            info = archive.getinfo("word/document.xml")
            if info.flag_bits & 0x1:
                raise unreadable("is an encrypted archive; upload an unprotected DOCX")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise unreadable("has a document part too large to be a CV")
    except ValidationProblem:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise unreadable(
            f"looks like a DOCX (a ZIP archive) but is damaged ({str(exc)[:200]}); save it again"
        ) from None
    from docx import Document  # imported on first upload: the service starts faster

    try:
        document = Document(io.BytesIO(content))
        text = "\n".join([*_block_texts(document), *_text_box_texts(document)])
    except Exception as exc:  # python-docx / lxml raise many types for damaged files
        raise unreadable(
            f"looks like a DOCX but could not be read ({type(exc).__name__}: {str(exc)[:200]}); "
            "save it again as a Word document (.docx)"
        ) from None
    return CvText(DOCX, text)


def _block_texts(container: Any) -> Iterator[str]:
    """Paragraphs and tables in document order; many CVs lay themselves out as tables."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_texts(block)
        else:
            yield block.text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_box_texts(document: Any) -> Iterator[str]:
    """Paragraphs in text boxes (CV templates put skill sidebars there), after the body.

    python-docx does not descend into drawings. Word writes each modern text box twice, the
    second copy as a VML fallback for old readers: that copy is skipped.
    """
    for box in document.element.body.iter(f"{_W}txbxContent"):
        if any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
            continue
        for paragraph in box.iter(f"{_W}p"):
            text = "".join(node.text or "" for node in paragraph.iter(f"{_W}t"))
            if text.strip():
                yield text


def _table_texts(table: Any) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(_block_texts(cell)))
        yield "\t".join(cells)


# --- plain text --------------------------------------------------------------------------------


def _plain_text(content: bytes) -> CvText:
    warnings: list[str] = []
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return CvText(f"{TEXT}; charset=utf-16", content.decode("utf-16"), warnings)
        except UnicodeDecodeError:
            raise unreadable(f"starts like UTF-16 text but is not; {_SEND_INSTEAD}") from None
    if b"\x00" in content:
        raise unreadable(f"is a binary file, neither PDF, DOCX nor text: {_SEND_INSTEAD}")
    # Legacy Windows and Unix exports: cp1252 covers German umlauts and the Euro sign;
    # latin-1 decodes any byte, so the control-character check below decides.
    text, charset = "", "utf-8"
    for charset in ("utf-8", "windows-1252", "iso-8859-1"):
        try:
            text = content.decode("utf-8-sig" if charset == "utf-8" else charset)
        except UnicodeDecodeError:
            continue
        if charset != "utf-8":
            warnings.append(f"the text is not UTF-8; it was read as {charset}")
        break
    controls = sum(
        1 for char in text if char not in _TEXT_CONTROLS and unicodedata.category(char) == "Cc"
    )
    if controls > MAX_CONTROL_SHARE * len(text):
        raise unreadable(f"is not text (it is full of control bytes): {_SEND_INSTEAD}")
    return CvText(f"{TEXT}; charset={charset}", text, warnings)
