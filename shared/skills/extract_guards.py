"""When a skill spelling that is also an everyday word counts as the skill.

The rule, decided by data: every catalogue spelling whose word is common in English or German
prose (Zipf frequency ≥ 3.0 in the `wordfreq` lists, about one use in a million words: 369
spellings of the 980-skill catalogue; the unguarded ones at ≥ 3.6 again after it grew to 1,227)
was reviewed by hand, and the ones whose everyday sense dominates in CVs and job adverts got a
guard below; the false friends were then checked on the labelled CVs of `tests/eval`. A guard asks for evidence that practitioners write and prose does not:

- the exact casing where it alone decides: "Go", "R", "C", "Swift", "REST", "SAFe", "KI";
  acronyms that are lower-case words ("SAN", "PAM", "LAN", "IAM") only in capitals;
- for English everyday words ("Spring", "Puppet", "Ruby", "Rust", "React", "Excel"): a capital
  letter in mid-sentence, or else a skill context: a neighbouring skill in a list
  ("java, spring, hibernate") or a word that only follows a technology ("spring boot",
  "react developer"); prose writes "spring", "rust", and "trust" is a word of its own;
- for words that prose capitalises anyway (German nouns "Chef", "Helm", "Sage"; first names
  "Julia", "Pascal", "Travis"; "Office", "Kong"): always a skill context;
- vetoes for the fixed phrases that collide: "C-level", "R&D", "Go-live", "No-Go",
  "Spring 2019", "Home-Office", "Hong Kong", "DAX-Konzern", "Englisch B1".

Skills the catalogue marks `ambiguous` that the table does not name get the English-word rule
for their one-word spellings. Spellings of one or two letters that the table does not name must
be written in capitals or exactly as the skill's canonical name ("Qt", "k6"), so an alias an
admin adds is guarded too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

Written = Callable[[str], bool]


class Context(Enum):
    """When a mention needs a skill context (a listed neighbour or a technology word)."""

    never = 0
    at_sentence_start = 1  # a capital there says nothing: "Go to ...", "Swift delivery ..."
    unless_capitalised = 2  # "Spring" mid-sentence counts; "spring" or "Spring." first needs it
    always = 3


def _any(text: str) -> bool:
    return True


def _upper(text: str) -> bool:
    return text.isupper()


def _exactly(*spellings: str) -> Written:
    return frozenset(spellings).__contains__


def _pattern(regex: str) -> Written:
    compiled = re.compile(regex)
    return lambda text: compiled.fullmatch(text) is not None


def _veto(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Guard:
    """What a mention of a guarded spelling must look like to count."""

    written: Written = _any
    context: Context = Context.never
    # Vetoes: matched right after the mention / searched in the few characters before it.
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None


_AFTER_A_DETERMINER = _veto(
    r"\b(?:der|die|das|dem|den|ein|einen|einem|mein\w*|unser\w*|ihr\w*|sein\w*|dein\w*|zum|"
    r"vom|the|my|our|his|her|their|your|dear|mr|mrs|ms|dr|herr|frau)\.?\s+$"
)


def _words(text: str) -> list[str]:
    return text.split()


# English everyday words: a capital mid-sentence counts, otherwise a skill context.
_ENGLISH_WORDS = _words("""
    spring puppet ruby rust dart react unity excel hive camel swarm bamboo eclipse cucumber
    playwright postman yarn node lean pact mule elastic unreal assembly photoshop
    illustrator jenkins electron torch shiny boost beam flux glue salt vault consul backbone
    backstage karma sketch express dynamics gin spark angular maven jest mocha cypress
    snowflake prometheus confluence bootstrap hibernate flask celery scala groovy delphi
    elixir lisp smalltalk solidity struts tomcat svelte ember gatsby flutter lambda athena
    packer vagrant nomad looker workday puppeteer locust xray juniper aruba waterfall
    protractor espresso babel mongoose leaflet gulp grunt rollup meteor remix astro expo
    tornado conda poetry pillow jackson dagger retrofit dapper razor sinatra firebird toad
    watson satellite teams access storm drill airflow kibana grafana redux helm swing
""")
# Capitalised in prose anyway (German nouns, first names, places): always a skill context.
_PROPER_WORDS = _words("""
    chef sage julia ada pascal jasmine travis hudson newman phoenix aurora office kong helm
    tokio vulkan
""")
# Acronyms whose letters are also a word: capitals only (the canonical casing also counts).
_ACRONYMS = _words("""
    san nas lan wan pam sip rag elk sac plc rpg tex cms iot ifs ado soc iam sso ims bpm ecc
    pci dba sps hermes stride dora nats
""")

_GUARDS: dict[str, Guard] = {
    "c": Guard(
        _exactly("C"),
        not_before=_veto(
            r"\s*[-‐–]\s*(?:level|suite|klasse|class|teile?|note|ebene|probe|mitglied|"
            r"waffe|lizenz|f[üu]hrerschein|rohr)|\s*[&'’]|\.\s*[A-Z][a-z]"
        ),
        not_after=_veto(
            r"(?:°|&\s*|\b(?:vitamin|hepatitis|grade|klasse|class|level|stufe|note|category|"
            r"kategorie|typ|type|teil|part|anlage|anhang|appendix|plan|gebäude|building|"
            r"block|haus|halle|terminal|asil)[\s-]*)$"
        ),
    ),
    "r": Guard(
        _exactly("R"),
        not_before=_veto(r"\s*[&'’]|\.\s*[A-Z]|\s*[-‐]\s*(?:klasse|class)"),
        not_after=_veto(r"(?:&|\b[A-Z]\.)\s*$"),
    ),
    "go": Guard(
        _exactly("Go", "GO"),  # "GO" for all-capital skill lists; "GO-LIVE" is vetoed
        Context.at_sentence_start,
        not_before=_veto(
            r"\s*(?:[-‐–]\s*)?(?:live|life|to\b|ahead|back\b|out\b|on\b|home\b)|\s*/\s*no"
        ),
        not_after=_veto(r"(?:\bno|\bnon|\bnot|\ba)[\s-]*$"),
    ),
    "spring": Guard(
        context=Context.unless_capitalised,
        not_before=_veto(r"\s*['’]?\s*(?:(?:19|20)\d\d\b|\d\d\b|semester|term\b|break\b)"),
        not_after=_veto(r"\b(?:this|last|next|early|late|in diesem|letzten)\s+$"),
    ),
    "swift": Guard(_exactly("Swift"), Context.at_sentence_start),
    "rest": Guard(_exactly("REST", "ReST")),
    "doors": Guard(_exactly("DOORS")),  # IBM DOORS; "opened doors" is prose
    "reports": Guard(not_before=_veto(r"\s+(?:directly\s+)?to\b")),  # "reports to the CTO"
    "solid": Guard(_exactly("SOLID")),
    "safe": Guard(_exactly("SAFe")),
    "make": Guard(_exactly("Make"), Context.always),
    "lit": Guard(_exactly("Lit"), Context.always),
    "canoe": Guard(_exactly("CANoe", "CANOE")),
    "ki": Guard(_exactly("KI")),
    "ai": Guard(_exactly("AI")),
    "ad": Guard(_exactly("AD")),
    "b1": Guard(lambda text: False),  # "Englisch B1" is a language level, not SAP Business One
    "shell": Guard(context=Context.always),
    "sh": Guard(lambda text: False),  # "sh" is a file suffix; "Bash" and "Shell" say it
    "dax": Guard(
        _upper,
        Context.always,
        not_before=_veto(r"\s*[-‐]?\s*(?:konzern|unternehmen|notiert|gelistet|listed|\d)"),
    ),
    "isu": Guard(_pattern(r"IS[-‐ ]?U")),
    "isretail": Guard(_pattern(r"IS[-‐ ]?(?:[Rr]etail|RETAIL)")),
    "nocode": Guard(_pattern(r"(?:[Nn]o|NO)-?(?:[Cc]ode|CODE)")),
    "office": Guard(
        context=Context.always,
        not_after=_veto(r"(?:home|back|front|head|post|box|ticket|field|remote|main)[\s-]*$"),
    ),
    "kong": Guard(context=Context.always, not_after=_veto(r"hong[\s-]*$")),
}
for _key in _PROPER_WORDS:
    _GUARDS.setdefault(_key, Guard(context=Context.always, not_after=_AFTER_A_DETERMINER))
for _key in _ENGLISH_WORDS:
    _GUARDS.setdefault(_key, Guard(context=Context.unless_capitalised))
_ACRONYM_SET = frozenset(_ACRONYMS)
_ENGLISH_WORD_GUARD = Guard(context=Context.unless_capitalised)


def guard_for(key: str, *, canonical: str, canonical_key: str, ambiguous: bool) -> Guard | None:
    """The guard of a spelling's key, or None when any casing anywhere counts.

    `ambiguous`: the catalogue flags the skill's name as an everyday word and this spelling
    is one word ("Flask", not "Flask-RESTful").
    """
    guard = _GUARDS.get(key)
    if guard is not None:
        return guard
    if key in _ACRONYM_SET or (len(key) <= 2 and key.isalnum()):
        if key == canonical_key:
            return Guard(lambda text: text.isupper() or text == canonical)
        return Guard(_upper)
    if ambiguous and key.isalpha():
        return _ENGLISH_WORD_GUARD
    return None


# A word that, right after a mention, shows it is the technology ("Chef cookbooks").
_TECH_FOLLOWER_WORDS = """
    developer developers development engineer engineers engineering entwickler entwicklerin
    entwicklung programmer programming programmierung programmiersprache language sprache
    framework frameworks code coding script scripts scripting skript skripte skripting
    cookbook cookbooks recipe recipes chart charts server servers cluster clusters pipeline
    pipelines api apis sdk library libraries bibliothek bibliotheken stack kenntnisse
    experience erfahrung expert expertise experte project projects projekt projekte module
    modules plugin plugins app apps application applications anwendung anwendungen service
    services test tests testing suite workflow workflows job jobs dashboard dashboards
    report reports queries abfragen certified zertifiziert zertifizierung certification
    consultant berater beratung architect architekt architektur admin administrator
    administration automation automatisierung infra inspec habitat automate workstation
    formula formulas states playbook playbooks manifest manifests template templates cli
    runtime umgebung environment integration migration components komponenten boot mvc
    security data batch cloud native hooks router functions
"""
TECH_FOLLOWERS = frozenset(_TECH_FOLLOWER_WORDS.split())
# A word that, right before a mention, shows it is the technology ("using Make").
TECH_LEADERS = frozenset(["using", "via", "mittels", "einsatz", "nutzung", "apache", "aws"])
