"""Tokenising free text once, and the compiled n-gram matcher over a taxonomy's look-up keys.

A skill spelling matches a run of tokens when the tokens' keys, concatenated, equal the
spelling's `term_key`. Token keys are computed with `term_key` itself, so "Node.js", "node js"
and "NodeJS" meet exactly where `Taxonomy.normalise` would say they do, and nothing can match
inside a word: "Java" never fires in "JavaScript", nor "Go" in "Google", because a token is a
whole word. Measured on 3,000-character CVs this tokenise-then-look-up loop is fast enough that
an Aho-Corasick automaton (which needs word-boundary checks afterwards) buys nothing.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass

from shared.skills.extract_guards import Guard, guard_for
from shared.skills.keys import term_key
from shared.skills.taxonomy import Taxonomy

# A word ("C++", "C#", "F#" keep their symbols), ".NET" after a non-word character, or "&".
_TOKEN = re.compile(r"(?<![^\W_])\.(?=[^\W\d_])[^\W_]+|[^\W_]+(?:\+\+|#|\+)?|&")
# What may stand between two tokens of one spelling: "Node.js", "CI/CD", "Spring Boot",
# "Objective-C", "C#/.NET". Anything else (commas, line breaks, "+", brackets) separates.
_SOFT_GAP = re.compile(r"[ \t\u00a0]{0,2}[-/._'’\u2010\u2011]?[ \t\u00a0]{0,2}")
# E-mail addresses and links are not prose: "github.com/rust-lang" names no skill.
_NOT_PROSE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
# A trailing version glued to a name: "Python3", "Java8", "Angular2".
_GLUED_VERSION = re.compile(r"(?P<name>.*[^\W\d_])(?P<version>[0-9]+)$")

# German compound heads after which the first part still names the skill ("Java" in
# "Javaentwicklung"); they are never skill names themselves, so "Java" in "JavaScript" or
# "Go" in "Google" cannot arise this way.
_COMPOUND_HEAD_WORDS = """
    entwicklung entwickler entwicklerin programmierung programmierer kenntnisse kenntnis
    erfahrung erfahrungen administration administrator administratoren berater beraterin
    beratung betrieb betreuung projekt projekte projekten umgebung umgebungen konzept konzepte
    konzeption architektur architekt spezialist spezialistin experte expertin expertise
    schnittstelle schnittstellen anwendung anwendungen migration einfuehrung implementierung
    landschaft datenbank datenbanken skripte skript skripting plattform infrastruktur module
    komponenten anbindung umstellung entwicklungen kenntnissen
"""
_COMPOUND_HEADS = frozenset(_COMPOUND_HEAD_WORDS.split())
_HEAD_LENGTHS = sorted({len(head) for head in _COMPOUND_HEADS}, reverse=True)
MIN_COMPOUND = 3 + min(_HEAD_LENGTHS)

_KEY_MEMO_LIMIT = 200_000
_key_memo: dict[str, tuple[str, str]] = {}


def token_keys(token: str) -> tuple[str, str]:
    """The key of a token at the start of a spelling, and inside one (".NET": dotnet / net)."""
    keys = _key_memo.get(token)
    if keys is None:
        if token.startswith("."):
            keys = (term_key(token), term_key(token[1:]))
        else:
            key = term_key(token)
            keys = (key, key)
        if len(_key_memo) < _KEY_MEMO_LIMIT:
            _key_memo[token] = keys
    return keys


@dataclass(slots=True)
class Tokens:
    """The tokens of one text: character spans and the keys at/after a spelling's start."""

    text: str
    starts: list[int]
    ends: list[int]
    first_keys: list[str]
    inner_keys: list[str]

    def __len__(self) -> int:
        return len(self.starts)

    def joined(self, index: int) -> bool:
        """Whether token `index` may continue a spelling begun before it."""
        return _SOFT_GAP.fullmatch(self.text, self.ends[index - 1], self.starts[index]) is not None


def tokenise(text: str) -> Tokens:
    """Split `text` into word tokens with character offsets (links and e-mails left out)."""
    starts: list[int] = []
    ends: list[int] = []
    first_keys: list[str] = []
    inner_keys: list[str] = []
    memo = _key_memo
    for match in _TOKEN.finditer(text):
        word = match.group()
        keys = memo.get(word) or token_keys(word)
        if keys[0]:
            starts.append(match.start())
            ends.append(match.end())
            first_keys.append(keys[0])
            inner_keys.append(keys[1])
    tokens = Tokens(text, starts, ends, first_keys, inner_keys)
    if "@" in text or "://" in text or "www." in text:
        tokens = _without_links(tokens)
    return tokens


def _without_links(tokens: Tokens) -> Tokens:
    excluded = [match.span() for match in _NOT_PROSE.finditer(tokens.text)]
    keep = [
        index
        for index, start in enumerate(tokens.starts)
        if not any(low <= start < high for low, high in excluded)
    ]
    return Tokens(
        tokens.text,
        [tokens.starts[index] for index in keep],
        [tokens.ends[index] for index in keep],
        [tokens.first_keys[index] for index in keep],
        [tokens.inner_keys[index] for index in keep],
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A spelling found at token `first`..`last`; `end` may stop short of the last token."""

    slug: str
    key: str
    first: int
    last: int
    start: int
    end: int


class Matcher:
    """Every spelling of a taxonomy by key, and the prefixes a token run may grow through."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.slug_by_key: dict[str, str] = {}
        several_words: set[str] = set()
        for entry in taxonomy:
            for spelling in (entry.name, *entry.aliases):
                key = term_key(spelling)
                if key:
                    self.slug_by_key.setdefault(key, entry.slug)
                    if len(_TOKEN.findall(spelling)) > 1:
                        several_words.add(key)
        self.prefixes = {key[:cut] for key in self.slug_by_key for cut in range(1, len(key))}
        # A token whose key is in neither set starts no spelling (unless it is a plural or
        # carries a glued version; `candidates_at` checks those).
        self.openers = self.prefixes | set(self.slug_by_key)
        self.canonical = {entry.slug: entry.name for entry in taxonomy}
        ambiguous = {entry.slug for entry in taxonomy if getattr(entry, "ambiguous", False)}
        self.guards: dict[str, Guard] = {}
        for key, slug in self.slug_by_key.items():
            name = self.canonical[slug]
            guard = guard_for(
                key,
                canonical=name,
                canonical_key=term_key(name),
                ambiguous=slug in ambiguous and key not in several_words,
            )
            if guard is not None:
                self.guards[key] = guard
        self.size = taxonomy_size(taxonomy)

    def candidates_at(self, tokens: Tokens, index: int) -> list[Candidate]:
        """Spellings that start at token `index`, longest first."""
        found: list[Candidate] = []
        slug_by_key = self.slug_by_key
        prefixes = self.prefixes
        count = len(tokens)
        key = tokens.first_keys[index]
        last = index
        while True:
            slug = slug_by_key.get(key)
            if slug is not None:
                found.append(
                    Candidate(slug, key, index, last, tokens.starts[index], tokens.ends[last])
                )
            elif key[-1] == "s" or "0" <= key[-1] <= "9":
                variant = self._variant(tokens, index, last, key)
                if variant is not None:
                    found.append(variant)
            if last == index and slug is None and len(key) >= MIN_COMPOUND:
                compound = self._compound(tokens, index, key)
                if compound is not None:
                    found.append(compound)
            last += 1
            if last >= count or key not in prefixes or not tokens.joined(last):
                break
            key += tokens.inner_keys[last]
        found.reverse()
        return found

    def _variant(self, tokens: Tokens, first: int, last: int, key: str) -> Candidate | None:
        """A plural ("APIs", "Microservices") or a glued version ("Python3") of a spelling."""
        text = tokens.text
        start, end = tokens.starts[first], tokens.ends[last]
        plural = text[end - 1] == "s" and end - tokens.starts[last] > 1  # not "Python's"
        if len(key) > 3 and plural and key.endswith("s"):
            slug = self.slug_by_key.get(key[:-1])
            if slug is not None:
                return Candidate(slug, key[:-1], first, last, start, end - 1)
        if "0" <= text[end - 1] <= "9":
            glued = _GLUED_VERSION.match(text, tokens.starts[last], end)
            if glued is not None and len(glued["name"]) >= 3:
                version = len(glued["version"])
                name_key = key[:-version]
                slug = self.slug_by_key.get(name_key)
                if slug is not None:
                    return Candidate(slug, name_key, first, last, start, end - version)
        return None

    def _compound(self, tokens: Tokens, index: int, key: str) -> Candidate | None:
        """A German compound of a spelling and a known head: "Javaentwicklung",
        "Linuxkenntnisse", "Oracledatenbanken"; the evidence is the spelling part."""
        for length in _HEAD_LENGTHS:
            if len(key) - length < 3 or key[-length:] not in _COMPOUND_HEADS:
                continue
            name_key = key[:-length]
            slug = self.slug_by_key.get(name_key)
            if slug is None and name_key.endswith("s"):  # the linking s: "Datenschutzs..."
                name_key = name_key[:-1]
                slug = self.slug_by_key.get(name_key)
            if slug is None or name_key in self.guards or len(name_key) < 3:
                continue
            start, end = tokens.starts[index], tokens.ends[index]
            word = tokens.text[start:end]
            for cut in range(len(name_key) // 2, len(word)):
                if term_key(word[:cut]) == name_key:
                    return Candidate(slug, name_key, index, index, start, start + cut)
        return None


def taxonomy_size(taxonomy: Taxonomy) -> int:
    """How many spellings a taxonomy has: changes when an admin adds a skill or an alias.

    Read from the key index itself (O(1)); counting the entries' aliases costs 0.4 ms a call,
    so that is only the fallback should the index be renamed.
    """
    index = getattr(taxonomy, "_slug_by_key", None)
    if isinstance(index, dict):
        return len(index)
    return sum(1 + len(entry.aliases) for entry in taxonomy)


_lock = threading.Lock()
_matchers: weakref.WeakKeyDictionary[Taxonomy, Matcher] = weakref.WeakKeyDictionary()


def matcher_for(taxonomy: Taxonomy) -> Matcher:
    """The compiled matcher of a taxonomy, rebuilt when the taxonomy gained spellings."""
    matcher = _matchers.get(taxonomy)
    size = taxonomy_size(taxonomy)
    if matcher is not None and matcher.size == size:
        return matcher
    with _lock:
        matcher = _matchers.get(taxonomy)
        if matcher is None or matcher.size != size:
            matcher = Matcher(taxonomy)
            _matchers[taxonomy] = matcher
        return matcher
