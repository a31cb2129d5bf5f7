"""Properties of extraction on generated text: evidence is always a real spelling, in place."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.skills.extract import extract_skills
from shared.skills.keys import term_key
from shared.skills.taxonomy import get_catalogue_taxonomy

TAXONOMY = get_catalogue_taxonomy()
SPELLINGS = sorted({spelling for entry in TAXONOMY for spelling in (entry.name, *entry.aliases)})
FILLER = [
    "Google", "trust", "R&D", "C-level", "go", "Go-live", "spring", "Chef", "Rest", "I am",
    "the", "und", "mit", "seit 2019", "5 years of", "3 Jahre", "2018–2023:", "must have",
    "nice to have", "von Vorteil", "JavaScript", "Java8", "APIs", ".NET", "C#", "C++", "ß",
    "Straße", "naïve", "ﬁle", "Ⅻ", "١٢", "e\u0301", "\u00a0", "https://x.io/rust-lang", "a@b.de",
]  # fmt: skip
SEPARATORS = [" ", ", ", "/", "-", "\n", ". ", " (", ") ", " & ", "+", "#", "", "\t", ": "]

words = st.one_of(st.sampled_from(SPELLINGS), st.sampled_from(FILLER), st.text(max_size=6))
texts = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(word + separator for word, separator in parts)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_evidence_span_is_one_of_the_skills_spellings(text: str) -> None:
    skills = extract_skills(text, today=date(2026, 6, 1))
    spans = []
    for skill in skills:
        assert skill.evidence, skill
        assert skill.canonical == TAXONOMY.get(skill.slug).name  # type: ignore[union-attr]
        for evidence in skill.evidence:
            assert 0 <= evidence.start < evidence.end <= len(text)
            assert text[evidence.start : evidence.end] == evidence.text
            assert TAXONOMY.slug_for_key(term_key(evidence.text)) == skill.slug, evidence
            spans.append((evidence.start, evidence.end))
        starts = [evidence.start for evidence in skill.evidence]
        assert starts == sorted(starts)
        assert skill.years is None or 0 < skill.years <= 50
        assert skill.requirement in (None, "must", "nice")
    spans.sort()
    assert all(end <= next_start for (_, end), (next_start, _) in pairwise(spans))
    firsts = [skill.evidence[0].start for skill in skills]
    assert firsts == sorted(firsts)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_extraction_is_deterministic(text: str) -> None:
    first = extract_skills(text, today=date(2026, 6, 1))
    assert extract_skills(text, today=date(2026, 6, 1)) == first
    assert extract_skills(str(text), TAXONOMY, today=date(2026, 6, 1)) == first
