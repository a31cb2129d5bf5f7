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
_SOFT_GAP = re.compile(r"[ \t\u00a0]{0,2}[-/._'’‐]?[ \t\u00a0]{0,2}")
# E-mail addresses and links are not prose: "github.com/rust-lang" names no skill.
_NOT_PROSE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
# A trailing version glued to a name: "Python3", "Java8", "Angular2".
_GLUED_VERSION = re.compile(r"(?P<name>.*[^\W\d_])(?P<version>[0-9]+)$")

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
    """The tokens of one text: spans, first/inner keys, and whether each joins the previous."""

    text: str
    starts: list[int]
    ends: list[int]
    first_keys: list[str]
    inner_keys: list[str]
    joined: list[bool]  # joined[i]: token i may continue a spelling begun before it

    def __len__(self) -> int:
        return len(self.starts)


def tokenise(text: str) -> Tokens:
    """Split `text` into word tokens with character offsets (links and e-mails left out)."""
    excluded = (
        [(m.start(), m.end()) for m in _NOT_PROSE.finditer(text)]
        if "@" in text or ("://" in text or "www." in text)
        else []
    )
    starts: list[int] = []
    ends: list[int] = []
    first_keys: list[str] = []
    inner_keys: list[str] = []
    joined: list[bool] = []
    previous_end = -1
    soft_gap = _SOFT_GAP.fullmatch
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if excluded and any(lo <= start < hi for lo, hi in excluded):
            previous_end = -1
            continue
        first, inner = token_keys(match.group())
        if not first:
            continue
        starts.append(start)
        ends.append(end)
        first_keys.append(first)
        inner_keys.append(inner)
        joined.append(previous_end >= 0 and soft_gap(text, previous_end, start) is not None)
        previous_end = end
    return Tokens(text, starts, ends, first_keys, inner_keys, joined)


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
        for entry in taxonomy:
            for spelling in (entry.name, *entry.aliases):
                key = term_key(spelling)
                if key:
                    self.slug_by_key.setdefault(key, entry.slug)
        self.prefixes = {key[:cut] for key in self.slug_by_key for cut in range(1, len(key))}
        self.canonical = {entry.slug: entry.name for entry in taxonomy}
        self.guards: dict[str, Guard] = {}
        for key, slug in self.slug_by_key.items():
            name = self.canonical[slug]
            guard = guard_for(key, name, term_key(name))
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
            else:
                variant = self._variant(tokens, index, last, key)
                if variant is not None:
                    found.append(variant)
            last += 1
            if last >= count or key not in prefixes or not tokens.joined[last]:
                break
            key += tokens.inner_keys[last]
        found.reverse()
        return found

    def _variant(self, tokens: Tokens, first: int, last: int, key: str) -> Candidate | None:
        """A plural ("APIs", "Microservices") or a glued version ("Python3") of a spelling."""
        text = tokens.text
        start, end = tokens.starts[first], tokens.ends[last]
        if len(key) > 3 and text[end - 1] == "s" and key.endswith("s"):
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


def taxonomy_size(taxonomy: Taxonomy) -> int:
    """How many spellings a taxonomy has: changes when an admin adds a skill or an alias."""
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
