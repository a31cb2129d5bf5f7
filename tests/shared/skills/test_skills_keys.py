from __future__ import annotations

import pytest

from shared.skills.keys import split_version, term_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kubernetes", "kubernetes"),
        ("  spring   BOOT ", "springboot"),
        ("Spring-Boot", "springboot"),
        ("C", "c"),
        ("C++", "cplusplus"),
        ("c plus plus", "cplusplus"),
        ("C#", "csharp"),
        ("F#", "fsharp"),
        (".NET", "dotnet"),
        (" -.net", "dotnet"),
        ("_.net", "dotnet"),
        ("ASP.NET", "aspnet"),
        ("Node.js", "nodejs"),
        ("S/4HANA", "s4hana"),
        ("CI/CD", "cicd"),
        ("Routing & Switching", "routingandswitching"),
        ("Qualitätssicherung", "qualitaetssicherung"),
        ("QUALITÄTSSICHERUNG", "qualitaetssicherung"),
        ("Qualitaetssicherung", "qualitaetssicherung"),
        ("Straße", "strasse"),
        ("Résumé", "resume"),
        ("ﬁle", "file"),  # NFKC folds the ligature
        ("Ｋ８ｓ", "k8s"),  # and full-width forms
        ("!!!", ""),
    ],
)
def test_term_key(text: str, key: str) -> None:
    assert term_key(text) == key


def test_distinguishing_punctuation_keeps_skills_apart() -> None:
    keys = {term_key(text) for text in ("C", "C++", "C#", ".NET", "NET")}
    assert len(keys) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Java 17", ("Java", "17")),
        ("Python3", ("Python", "3")),
        ("Python 3.11", ("Python", "3.11")),
        ("Angular 16", ("Angular", "16")),
        ("Vue 3", ("Vue", "3")),
        ("PHP8", ("PHP", "8")),
        ("Java SE 21", ("Java SE", "21")),
        ("Node v18", ("Node", "18")),
        ("Java Version 21", ("Java", "21")),
        ("Oracle 19c", ("Oracle", "19c")),
        ("Angular 2.x", ("Angular", "2.x")),
        ("Java 8+", ("Java", "8+")),
        ("Java 8/11/17", ("Java", "8/11/17")),
        ("SQL Server 2008 R2", ("SQL Server", "2008 R2")),
        ("sql-server-2012-r2", ("sql-server", "2012-r2")),
        ("SQL Server 2016 SP1", ("SQL Server", "2016 SP1")),
        ("C++17", ("C++", "17")),
        (".NET 8", (".NET", "8")),
        ("Kubernetes", None),
        ("365", None),
        ("", None),
    ],
)
def test_split_version(text: str, expected: tuple[str, str] | None) -> None:
    assert split_version(text) == expected


def test_split_version_gives_up_on_very_long_text() -> None:
    # The pattern backtracks quadratically; a long hostile input must stay cheap.
    assert split_version("a" + "1." * 5000 + "!") is None
