"""Spelling rules: practitioners' forms of a skill name rewritten into forms the catalogue lists.

A rule only removes or translates parts of a term whose meaning is fixed; a rewritten term
counts only if it is a known spelling (and passes the rule's check), so no rule invents a
skill. The rules, tried in this order once the whole term and a trailing version failed:

1. parenthetical qualifier: "Java (Computerprogrammierung)" → "Java"; a qualifier that names a
   kind of skill must fit the skill's category ("ML (Computerprogrammierung)" is not machine
   learning).
2. framing words before the skill: "Grundsätze der künstlichen Intelligenz", "Methoden der
   Qualitätssicherung", "Kenntnisse in SAP", "experience with Kafka", "Programmiersprache Java".
3. trailing German verb of a skill phrase: "Softwaretests durchführen" → "Softwaretests",
   "Datenbanken verwalten" → "Datenbankverwaltung".
4. "IKT"/"ICT" prefix (ESCO's word for IT): "IKT-Sicherheit" → "IT-Sicherheit", then "Sicherheit".
5. vendor prefix, only when the rest is a skill of that vendor (its name starts with the
   vendor, or it builds on the vendor's platform): "amazon-s3", "ms-sql-server",
   "apache-kafka"; "apache-helicopter" and "azure-sql" (plain SQL) stay unrecognised.
6. language prefix of a library tag, when the library builds on the language:
   "python-pandas" → pandas.
7. facet word after a skill in a tag: "jenkins-pipeline", "tableau-api", "redis-cluster",
   "java-developer", "SAP Berater"; a role after a practice names it ("Data Scientist").
8. "js" suffix of a JavaScript-world skill: "babeljs", "sequelize.js" → Babel, Sequelize.
9. German adjective endings: "agiles Projektmanagement" → "agile Projektmanagement".
10. German compounds, modifier + suffix: first both translated to English ("Datenbank" +
   "verwaltung" → "database administration"), then, for suffixes that only say "knowledge
   of" or "work with" (-kenntnisse, -entwicklung, -programmierung, -administration …), the
   modifier's own skill: "Java-Entwicklung" → Java. The modifier must be a known skill.
11. plurals and singulars (English -s/-ies, German -e/-en/-n) of a known spelling.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from shared.skills.keys import fold, term_key
from shared.skills.variant_words import (
    FACETS,
    GERMAN_MODIFIERS,
    GERMAN_SUFFIXES,
    GERMAN_VERBS,
    LANGUAGE_PREFIXES,
    QUALIFIER_CATEGORIES,
    ROLE_PRACTICES,
    VENDOR_IMPLIES,
    VENDOR_PLATFORMS,
    VENDOR_PREFIXES,
)


@dataclass(frozen=True, slots=True)
class Match:
    """A known spelling a term was rewritten to: the skill, the key that matched, a version."""

    slug: str
    key: str
    version: str | None = None


@dataclass(frozen=True, slots=True)
class SkillFacts:
    """What the rules may ask the taxonomy about a skill."""

    direct: Callable[[str], Match | None]  # whole term, then trailing version
    vendors_of: Callable[[str], frozenset[str]]  # vendor groups of a skill
    builds_on: Callable[[str, str], bool]  # does skill A relate to skill B (either way)
    category_of: Callable[[str], str]


# How many rules may apply one after another ("IKT-Systemintegration (Software)").
MAX_DEPTH = 3

_PARENTHETICAL = re.compile(r"^(?P<rest>.*?\S)\s*[(\[](?P<qualifier>[^()\[\]]*)[)\]]\s*$")
# Words that frame a skill without changing it: "Grundsätze der X", "Kenntnisse in X".
_FRAMING = re.compile(
    r"^(?:grundsaetze|grundlagen|prinzipien|methoden|verfahren|stufen|arten|techniken|tools|"
    r"werkzeuge|kenntnisse|erfahrung|erfahrungen|programmierung|programmieren|entwicklung|"
    r"softwareentwicklung|principles|basics|methods|knowledge|experience|fundamentals|expertise|"
    r"development|programming)\s+(?:der|des|von|in|im|mit|zur|zum|fuer|of|in|with)\s+"
    r"(?P<rest>.+)$"
    # "Programmiersprache Java", "Abfragesprache SQL": the kind of language, then its name.
    r"|^(?:programmiersprache|skriptsprache|scriptsprache|abfragesprache|datenbanksprache|"
    r"auszeichnungssprache|programming\s+language|scripting\s+language|query\s+language|"
    r"markup\s+language)\s+(?P<named>.+)$"
)
_TOKEN_SPLIT = re.compile(r"[\s\-_/,:]+")

_VENDOR_WORDS: dict[str, tuple[str, ...]] = {
    group: tuple(word for word, owner in VENDOR_PREFIXES.items() if owner == group)
    for group in set(VENDOR_PREFIXES.values())
}
_SUFFIXES_LONGEST_FIRST = sorted(GERMAN_SUFFIXES, key=len, reverse=True)

# Words that start an ESCO-style label and only say "information and communication technology".
_ICT_PREFIXES = frozenset({"ikt", "ict"})
_GERMAN_ADJECTIVE_ENDINGS = ("es", "er", "en", "em")
# Plural/singular rules need stems this long ("Sass" is not "SAS"s).
_MIN_STEM = 5


def vendor_groups(
    spellings: Iterable[tuple[str, tuple[str, ...]]], related: Mapping[str, Mapping[str, float]]
) -> dict[str, frozenset[str]]:
    """Vendor groups per skill: a spelling starts with the vendor, or it builds on its platform."""
    groups: dict[str, set[str]] = defaultdict(set)
    for slug, texts in spellings:
        for text in texts:
            words = fold(text).replace("-", " ").split()
            for width in (2, 1):
                group = VENDOR_PREFIXES.get(term_key("".join(words[:width])))
                if len(words) > width and group is not None:
                    groups[slug].add(group)
        for related_slug in related.get(slug, {}):
            groups[slug].update(VENDOR_PLATFORMS.get(related_slug, ()))
        groups[slug].update(VENDOR_PLATFORMS.get(slug, ()))
    for found in groups.values():
        for group in list(found):
            found.update(VENDOR_IMPLIES.get(group, ()))
    return {slug: frozenset(found) for slug, found in groups.items()}


def resolve(text: str, facts: SkillFacts) -> Match | None:
    """The first known spelling the rules rewrite `text` to, or None."""
    return _resolve(text.strip(), facts, MAX_DEPTH)


def _resolve(text: str, facts: SkillFacts, depth: int) -> Match | None:
    if not text:
        return None
    found = facts.direct(text)
    if found is not None or depth == 0:
        return found
    for candidate in _rewrites(text, facts, depth - 1):
        if candidate is not None:
            return candidate
    return None


def _rewrites(text: str, facts: SkillFacts, depth: int) -> Iterator[Match | None]:
    """Each rule's result in turn (lazily, so the first success stops the search)."""
    yield _parenthetical(text, facts, depth)
    yield _framing(text, facts, depth)
    tokens = [token for token in _TOKEN_SPLIT.split(fold(text)) if token]
    if not tokens:
        return
    yield _trailing_verb(tokens, facts, depth)
    yield _ict_prefix(tokens, facts, depth)
    yield _vendor_prefix(tokens, facts, depth)
    yield _language_prefix(tokens, facts, depth)
    yield _facet_suffix(tokens, facts, depth)
    yield _js_suffix(text, facts, depth)
    yield _adjective_ending(tokens, facts, depth)
    yield _german_compound(term_key(text), facts, depth)
    yield _plural(term_key(text), facts)


def _parenthetical(text: str, facts: SkillFacts, depth: int) -> Match | None:
    match = _PARENTHETICAL.match(text)
    if match is None:
        return None
    found = _resolve(match["rest"], facts, depth)
    if found is None:
        return None
    qualifier = term_key(match["qualifier"])
    for word, categories in QUALIFIER_CATEGORIES.items():
        if word in qualifier and facts.category_of(found.slug) not in categories:
            return None
    return found


def _framing(text: str, facts: SkillFacts, depth: int) -> Match | None:
    match = _FRAMING.match(fold(text).strip())
    return _resolve(match["rest"] or match["named"], facts, depth) if match else None


def _trailing_verb(tokens: list[str], facts: SkillFacts, depth: int) -> Match | None:
    if len(tokens) < 2:
        return None
    noun = GERMAN_VERBS.get(term_key(tokens[-1]))
    if noun is None:
        return None
    rest = " ".join(tokens[:-1])
    if noun:
        # "Datenbanken verwalten" → "Datenbankverwaltung": the object, singular, + the noun.
        for stem in _singulars(term_key(rest)):
            found = _german_compound(stem + noun, facts, depth)
            if found is not None:
                return found
        return None
    return _resolve(rest, facts, depth)


def _ict_prefix(tokens: list[str], facts: SkillFacts, depth: int) -> Match | None:
    if len(tokens) < 2 or tokens[0] not in _ICT_PREFIXES:
        return None
    rest = " ".join(tokens[1:])
    return _resolve(f"it {rest}", facts, depth) or _resolve(rest, facts, depth)


def _vendor_prefix(tokens: list[str], facts: SkillFacts, depth: int) -> Match | None:
    for width in (2, 1):
        if len(tokens) <= width:
            continue
        prefix = term_key("".join(tokens[:width]))
        group = VENDOR_PREFIXES.get(prefix)
        if group is None:
            continue
        rest = " ".join(tokens[width:])
        # The vendor's other word first: "amazon-iam" is "AWS IAM", not IAM in general.
        for other in _VENDOR_WORDS[group]:
            if other != prefix and (found := facts.direct(f"{other} {rest}")) is not None:
                return found
        found = _resolve(rest, facts, depth)
        if found is not None and group in facts.vendors_of(found.slug):
            return found
    return None


def _language_prefix(tokens: list[str], facts: SkillFacts, depth: int) -> Match | None:
    if len(tokens) < 2:
        return None
    base = LANGUAGE_PREFIXES.get(term_key(tokens[0]))
    if base is None:
        return None
    found = _resolve(" ".join(tokens[1:]), facts, depth)
    if found is not None and found.slug != base and facts.builds_on(found.slug, base):
        return found
    return None


def _facet_suffix(tokens: list[str], facts: SkillFacts, depth: int) -> Match | None:
    if len(tokens) < 2:
        return None
    practice = ROLE_PRACTICES.get(tokens[-1])
    if practice is not None:
        found = facts.direct(" ".join([*tokens[:-1], practice]))
        if found is not None:
            return found
    for width in (2, 1):
        if len(tokens) > width and term_key("".join(tokens[-width:])) in FACETS:
            found = _resolve(" ".join(tokens[:-width]), facts, depth)
            if found is not None:
                return found
    return None


def _js_suffix(text: str, facts: SkillFacts, depth: int) -> Match | None:
    key = term_key(text)
    if not key.endswith("js") or len(key) < 5:
        return None
    found = _resolve(key[:-2], facts, depth)
    if found is not None and (
        facts.builds_on(found.slug, "javascript")
        or facts.builds_on(found.slug, "nodejs")
        or facts.builds_on(found.slug, "typescript")
    ):
        return found
    return None


def _adjective_ending(tokens: list[str], facts: SkillFacts, depth: int) -> Match | None:
    first = tokens[0]
    if len(tokens) < 2 or len(first) < _MIN_STEM:
        return None
    for ending in _GERMAN_ADJECTIVE_ENDINGS:
        if first.endswith(ending):
            return _resolve(" ".join([first[: -len(ending)] + "e", *tokens[1:]]), facts, depth)
    return None


def _german_compound(key: str, facts: SkillFacts, depth: int) -> Match | None:
    for suffix in _SUFFIXES_LONGEST_FIRST:
        if not key.endswith(suffix) or len(key) - len(suffix) < 1:
            continue
        modifier = key[: -len(suffix)]
        english_suffixes, modifier_stands_for_whole = GERMAN_SUFFIXES[suffix]
        for english_modifier in _english_modifiers(modifier):
            for english_suffix in english_suffixes:
                found = facts.direct(f"{english_modifier} {english_suffix}")
                if found is not None:
                    return found
        if modifier_stands_for_whole:
            for stem in (modifier, modifier[:-1] if modifier.endswith("s") else ""):
                found = facts.direct(stem) if stem else None
                if found is not None:
                    return found
    return None


def _english_modifiers(modifier: str) -> list[str]:
    """English forms of a compound's modifier: by the word list, then the modifier itself."""
    english = list(GERMAN_MODIFIERS.get(modifier, ()))
    if not english and modifier.endswith("s"):
        english = list(GERMAN_MODIFIERS.get(modifier[:-1], ()))
    # German compounds often take English words as they are ("Performancetests").
    english.append(modifier)
    return english


def _singulars(key: str) -> list[str]:
    """The key and its German/English singular forms, longest first."""
    forms = [key]
    for ending in ("en", "n", "e", "s"):
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM - 1:
            forms.append(key[: -len(ending)])
    return forms


def _plural(key: str, facts: SkillFacts) -> Match | None:
    forms: list[str] = []
    if key.endswith("ies") and len(key) > _MIN_STEM:
        forms.append(key[:-3] + "y")
    if key.endswith("s") and not key.endswith("ss") and len(key) > _MIN_STEM:
        forms.append(key[:-1])
    for ending in ("en", "n", "e"):
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            forms.append(key[: -len(ending)])
    if len(key) >= _MIN_STEM - 1:
        forms += [key + "s", key + "e", key + "en"]
    for form in forms:
        found = facts.direct(form)
        if found is not None:
            return found
    return None
