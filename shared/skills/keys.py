"""Look-up keys for skill terms, and splitting a trailing version off a term."""

from __future__ import annotations

import re
import unicodedata

# German umlauts fold to their two-letter spelling, so "Qualitätssicherung" and
# "Qualitaetssicherung" (how umlaut-less keyboards and old CVs write it) meet.
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

# The only punctuation that tells skills apart: C vs C++ vs C#, "R&D"-style "and".
_SIGNIFICANT = {"+": "plus", "#": "sharp", "&": "and"}

_LEADING_NOISE = re.compile(r"^(?:[^\w.]|_)+")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")

# "Java 17", "Python3", "Python 3.11", "Node v18", "Java Version 21", "Oracle 19c",
# "Angular 2.x", "Java 8+", "Java 8/11/17", "SQL Server 2008 R2". The name must end in a non-separator.
# A release suffix ("2008 R2", "2016 SP1") belongs to the version.
_ONE_VERSION = r"\d+(?:\.\d+)*(?:\.x|[a-z])?(?:[\s_\-]?(?:r|sp)\d{1,2})?\+?"
_TRAILING_VERSION = re.compile(
    r"^(?P<name>.*?[^\s_\-])"
    r"(?:[\s_\-]+v(?:ersion)?)?[\s_\-]*"
    rf"(?P<version>{_ONE_VERSION}(?:\s*[/,]\s*{_ONE_VERSION})*)$",
    re.IGNORECASE,
)
# The pattern backtracks quadratically; no skill term with a version is anywhere this long.
MAX_VERSIONED_LENGTH = 100


def fold(text: str) -> str:
    """Unicode-normalise and casefold; umlauts become ae/oe/ue, other accents are dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_GERMAN)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def term_key(text: str) -> str:
    """The look-up key of a term: case-, space- and punctuation-insensitive.

    "+", "#" and "&" become words and a leading "." becomes "dot", so "C++", "C#",
    "C" and ".NET" keep distinct keys ("cplusplus", "csharp", "c", "dotnet").
    """
    folded = fold(text)
    for symbol, word in _SIGNIFICANT.items():
        folded = folded.replace(symbol, f" {word} ")
    folded = _LEADING_NOISE.sub("", folded)
    if folded.startswith("."):
        folded = "dot" + folded[1:]
    return _NOT_ALPHANUMERIC.sub("", folded)


def split_version(text: str) -> tuple[str, str] | None:
    """Split "Java 17" into ("Java", "17"); None when the term ends in no version.

    Callers try the whole term first: "Dynamics 365", "Neo4j" or "S3" are names, not versions.
    """
    text = text.strip()
    if len(text) > MAX_VERSIONED_LENGTH:
        return None
    match = _TRAILING_VERSION.match(text)
    if match is None or not _HAS_LETTER.search(match["name"]):
        return None
    return match["name"], match["version"]
