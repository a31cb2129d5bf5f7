"""Reading CV files never fails with anything but a 422 naming `file`, whatever the bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.intake.cv.files import CvText, read_cv
from shared.errors import ValidationProblem
from tests.intake import cv_files

PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"{\\rtf1"]


def _read(content: bytes) -> CvText | ValidationProblem:
    try:
        return read_cv(content, max_characters=100_000, max_pages=50)
    except ValidationProblem as problem:
        return problem


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2_000))
def test_any_bytes_are_text_or_a_422_naming_file(prefix: bytes, body: bytes) -> None:
    result = _read(prefix + body)
    if isinstance(result, ValidationProblem):
        assert result.status == 422
        assert [error["field"] for error in result.errors or []] == ["file"]
    else:
        assert result.text.strip() and "\x00" not in result.text
        result.text.encode("utf-8")  # storable


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=1, max_value=4_000))
def test_truncated_real_files_are_read_or_refused_cleanly(cut: int) -> None:
    for content in (cv_files.pdf("Kafka and Terraform"), cv_files.docx(["Kafka", "Terraform"])):
        result = _read(content[: min(cut, len(content) - 1)])
        assert isinstance(result, CvText | ValidationProblem)


@pytest.mark.parametrize(
    ("content", "charset"),
    [
        ("Müller: Kafka".encode(), "utf-8"),
        ("\ufeffMüller: Kafka".encode(), "utf-8"),
        ("Müller: Kafka €".encode("cp1252"), "windows-1252"),
        # 0x81 is unassigned in cp1252; one stray byte in a real text is not "binary".
        (b"M\x81ller: Kafka " + b"and Terraform " * 10, "iso-8859-1"),
        ("Müller: Kafka".encode("utf-16"), "utf-16"),
    ],
)
def test_text_encodings(content: bytes, charset: str) -> None:
    result = _read(content)
    assert isinstance(result, CvText), result
    assert result.media_type == f"text/plain; charset={charset}"
    assert "Kafka" in result.text and not result.text.startswith("\ufeff")
