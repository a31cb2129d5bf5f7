"""When a skill spelling that is also an everyday word counts as the skill.

The rule, decided by data: every catalogue spelling whose word is common in English or German
prose (Zipf frequency ≥ 3.5 in the `wordfreq` lists, about one use in 300,000 words) was
reviewed by hand, and the ones whose everyday sense dominates in CVs and job adverts got a guard
below. A guard asks for what practitioners write and prose does not:

- the casing practitioners use: "Go", "R", "C", "Swift", "REST", "SAFe" exactly; "Spring",
  "Puppet", "Ruby", "Rust" with a capital (prose writes "spring", "rust", "trust" is a word);
  acronyms that are lower-case words ("SAN", "PAM", "LAN") in capitals;
- a skill context for words that are capitalised in prose anyway (German nouns such as "Chef",
  "Helm", "Sage"; first names such as "Julia", "Pascal", "Travis"), and for capitalised words at
  the start of a sentence: a neighbouring skill in a list ("Ansible, Puppet, Chef") or a word
  that only follows a technology ("Chef cookbooks", "Helm charts", "Go developer");
- vetoes for the fixed phrases that collide: "C-level", "R&D", "Go-live", "No-Go",
  "Spring 2019", "Home-Office", "Hong Kong", "DAX-Konzern".

Spellings of one or two letters that the table does not name must be written in capitals or
exactly as the skill's canonical name ("Qt", "k6"), so an alias an admin adds is guarded too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Written = Callable[[str], bool]


def _capital(text: str) -> bool:
    return text[:1].isupper()


def _upper(text: str) -> bool:
    return text.isupper()


def _exactly(*spellings: str) -> Written:
    allowed = frozenset(spellings)
    return allowed.__contains__


def _pattern(regex: str) -> Written:
    compiled = re.compile(regex)
    return lambda text: compiled.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class Guard:
    """What a mention of a guarded spelling must look like to count."""

    written: Written
    # Needs a neighbouring skill or a technology word next to it (always / at a sentence start).
    context: bool = False
    initial_context: bool = False
    # Vetoes: matched right after the mention / searched in the few characters before it.
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None


def _veto(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


_NOT_A_PERSONS_WORD = _veto(
    r"\b(?:der|die|das|dem|den|ein|einen|einem|mein\w*|unser\w*|ihr\w*|sein\w*|dein\w*|zum|"
    r"vom|als|the|my|our|his|her|their|your|dear|mr|mrs|ms|dr|herr|frau)\.?\s+$"
)

# Capitalised as a name; at a sentence start only with context.
_CAPITAL = [
    "spring",
    "puppet",
    "ruby",
    "rust",
    "dart",
    "react",
    "unity",
    "excel",
    "hive",
    "camel",
    "swarm",
    "bamboo",
    "eclipse",
    "cucumber",
    "playwright",
    "postman",
    "yarn",
    "node",
    "lean",
    "pact",
    "mule",
    "elastic",
    "unreal",
    "assembly",
    "photoshop",
    "illustrator",
    "jenkins",
    "electron",
    "torch",
]
# Capitalised and always with context: German nouns, first names, places, everyday nouns.
_CAPITAL_IN_CONTEXT = [
    "chef",
    "helm",
    "sage",
    "julia",
    "ada",
    "pascal",
    "jasmine",
    "travis",
    "hudson",
    "newman",
    "phoenix",
    "aurora",
    "gin",
    "express",
    "sketch",
    "shiny",
    "boost",
    "salt",
    "glue",
    "beam",
    "flux",
    "vault",
    "consul",
    "backbone",
    "backstage",
    "karma",
    "dynamics",
    "office",
    "kong",
]
# Acronyms whose letters are also a word: capitals only (the canonical casing also counts).
_UPPER = [
    "san",
    "nas",
    "lan",
    "wan",
    "pam",
    "sip",
    "rag",
    "elk",
    "sac",
    "plc",
    "rpg",
    "tex",
    "cms",
    "iot",
    "ifs",
    "ado",
    "soc",
    "iam",
    "sso",
    "ims",
    "bpm",
    "ecc",
    "pci",
    "dba",
    "sps",
    "hermes",
    "stride",
]

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
            r"block|haus|halle|terminal)\s*)$"
        ),
    ),
    "r": Guard(
        _exactly("R"),
        not_before=_veto(r"\s*[&'’]|\.\s*[A-Z]|\s*[-‐]\s*(?:klasse|class)"),
        not_after=_veto(r"(?:&|\b[A-Z]\.)\s*$"),
    ),
    "go": Guard(
        _exactly("Go"),
        not_before=_veto(
            r"\s*(?:[-‐–]\s*)?(?:live|life|to\b|ahead|back\b|out\b|on\b|home\b)|\s*/\s*no"
        ),
        not_after=_veto(r"(?:\bno|\bnon|\bnot|\ba)[\s-]*$"),
        initial_context=True,
    ),
    "spring": Guard(
        _capital,
        initial_context=True,
        not_before=_veto(r"\s*['’]?\s*(?:(?:19|20)\d\d\b|\d\d\b|semester|term\b|break\b)"),
        not_after=_veto(r"\b(?:this|last|next|early|late|im|in diesem|letzten)\s+$"),
    ),
    "swift": Guard(_exactly("Swift"), initial_context=True),
    "rest": Guard(_exactly("REST", "ReST")),
    "solid": Guard(_exactly("SOLID")),
    "safe": Guard(_exactly("SAFe")),
    "make": Guard(_exactly("Make"), context=True),
    "lit": Guard(_exactly("Lit"), context=True),
    "canoe": Guard(_exactly("CANoe", "CANOE")),
    "ki": Guard(_exactly("KI")),
    "ai": Guard(_exactly("AI")),
    "ad": Guard(_exactly("AD")),
    "b1": Guard(lambda text: False),  # "Englisch B1" is a language level, never SAP Business One
    "shell": Guard(lambda text: True, context=True),
    "dax": Guard(
        _upper,
        context=True,
        not_before=_veto(r"\s*[-‐]?\s*(?:konzern|unternehmen|notiert|gelistet|listed|\d)"),
    ),
    "isu": Guard(_pattern(r"IS[-‐ ]?U")),
    "isretail": Guard(_pattern(r"IS[-‐ ]?[Rr]etail|IS[-‐ ]?RETAIL")),
    "nocode": Guard(_pattern(r"[Nn]o-?[Cc]ode|NO-?CODE")),
}
for _key in _CAPITAL:
    _GUARDS.setdefault(_key, Guard(_capital, initial_context=True))
for _key in _CAPITAL_IN_CONTEXT:
    _GUARDS.setdefault(_key, Guard(_capital, context=True, not_after=_NOT_A_PERSONS_WORD))
_GUARDS["office"] = Guard(
    _capital,
    context=True,
    not_after=_veto(r"(?:home|back|front|head|post|box|ticket|field|remote|main)[\s-]*$"),
)
_GUARDS["kong"] = Guard(_capital, context=True, not_after=_veto(r"hong[\s-]*$"))


def guard_for(key: str, canonical: str, canonical_key: str) -> Guard | None:
    """The guard of a spelling's key, or None when any casing anywhere counts."""
    guard = _GUARDS.get(key)
    if guard is not None:
        return guard
    if key in _UPPER_SET or (len(key) <= 2 and key.isalnum()):
        if key == canonical_key:
            return Guard(lambda text: text.isupper() or text == canonical)
        return Guard(_upper)
    return None


_UPPER_SET = frozenset(_UPPER)

# A word that, right after a mention, shows it is the technology ("Chef cookbooks").
TECH_FOLLOWERS = frozenset(
    [
        "developer",
        "developers",
        "development",
        "engineer",
        "engineers",
        "engineering",
        "entwickler",
        "entwicklerin",
        "entwicklung",
        "programmer",
        "programming",
        "programmierung",
        "programmiersprache",
        "language",
        "sprache",
        "framework",
        "frameworks",
        "code",
        "coding",
        "script",
        "scripts",
        "scripting",
        "skript",
        "skripte",
        "skripting",
        "cookbook",
        "cookbooks",
        "recipe",
        "recipes",
        "chart",
        "charts",
        "server",
        "servers",
        "cluster",
        "clusters",
        "pipeline",
        "pipelines",
        "api",
        "apis",
        "sdk",
        "library",
        "libraries",
        "bibliothek",
        "bibliotheken",
        "stack",
        "kenntnisse",
        "experience",
        "erfahrung",
        "expert",
        "expertise",
        "experte",
        "project",
        "projects",
        "projekt",
        "projekte",
        "module",
        "modules",
        "plugin",
        "plugins",
        "app",
        "apps",
        "application",
        "applications",
        "anwendung",
        "anwendungen",
        "service",
        "services",
        "test",
        "tests",
        "testing",
        "suite",
        "workflow",
        "workflows",
        "job",
        "jobs",
        "dashboard",
        "dashboards",
        "report",
        "reports",
        "queries",
        "abfragen",
        "certified",
        "zertifiziert",
        "zertifizierung",
        "certification",
        "consultant",
        "berater",
        "beratung",
        "architect",
        "architekt",
        "architektur",
        "admin",
        "administrator",
        "administration",
        "automation",
        "automatisierung",
        "infra",
        "inspec",
        "habitat",
        "automate",
        "workstation",
        "formula",
        "formulas",
        "states",
        "playbook",
        "playbooks",
        "manifest",
        "manifests",
        "template",
        "templates",
        "cli",
        "runtime",
        "umgebung",
        "environment",
        "integration",
        "migration",
        "components",
        "komponenten",
    ]
)
# A word that, right before a mention, shows it is the technology ("using Make").
TECH_LEADERS = frozenset(["using", "via", "mittels", "einsatz", "nutzung"])
