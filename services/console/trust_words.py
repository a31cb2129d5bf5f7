"""Trust paths in German: the referrals service words them in English from fixed templates
(`services/referrals/trust/wording.py`); each clause is rewritten here by the same templates.

A clause no template matches stays English rather than being guessed.
"""

from __future__ import annotations

import re

MONTHS = {
    "January": "Januar",
    "February": "Februar",
    "March": "März",
    "April": "April",
    "May": "Mai",
    "June": "Juni",
    "July": "Juli",
    "August": "August",
    "September": "September",
    "October": "Oktober",
    "November": "November",
    "December": "Dezember",
}
_MONTH = r"(?:" + "|".join(MONTHS) + r") \d{4}"
_RECOMMENDATIONS = {
    "vouches for them (strong)": "empfiehlt diese Person ausdrücklich",
    "vouches for them": "empfiehlt diese Person",
    "has reservations about them": "hat Vorbehalte",
    "advises against them": "rät von dieser Person ab",
}
_LABELS = {
    " (agency)": " (Agentur)",
    " (no known tie to the agency's people)": " (ohne bekannte Verbindung zur Agentur)",
}


def _month(text: str) -> str:
    for english, german in MONTHS.items():
        text = text.replace(english, german)
    return text


def _period(text: str) -> str:
    """' in 2024' / ' from 2021 to 2024' / ' until 2023' → German."""
    text = re.sub(r" from (\d{4}) to (\d{4})$", r" von \1 bis \2", text)
    text = re.sub(r" until (\d{4})$", r" bis \1", text)
    return text


# (pattern, German template) for how one person knows another; groups: a (who knows), b (whom).
_HOPS: list[tuple[str, str]] = [
    (r"(?P<a>.+?) vouches for (?P<b>.+)", "{a} empfiehlt {b}"),
    (
        rf"(?P<a>.+?) met (?P<b>.+?) in person (?P<n>\d+) times, last in (?P<m>{_MONTH})",
        "{a} hat {b} {n}-mal persönlich getroffen, zuletzt im {m}",
    ),
    (
        rf"(?P<a>.+?) met (?P<b>.+?) in person in (?P<m>{_MONTH})",
        "{a} hat {b} im {m} persönlich getroffen",
    ),
    (
        rf"(?P<a>.+?) met (?P<b>.+?) in person \(last in (?P<m>{_MONTH})\)",
        "{a} hat {b} persönlich getroffen (zuletzt im {m})",
    ),
    (
        rf"(?P<a>.+?) had (?P<n>\d+) video calls with (?P<b>.+?), last in (?P<m>{_MONTH})",
        "{a} hatte {n} Videocalls mit {b}, zuletzt im {m}",
    ),
    (
        rf"(?P<a>.+?) had a video call with (?P<b>.+?) in (?P<m>{_MONTH})",
        "{a} hatte im {m} einen Videocall mit {b}",
    ),
    (
        rf"(?P<a>.+?) spoke with (?P<b>.+?) by phone (?P<n>\d+) times, last in (?P<m>{_MONTH})",
        "{a} hat {n}-mal mit {b} telefoniert, zuletzt im {m}",
    ),
    (
        rf"(?P<a>.+?) spoke with (?P<b>.+?) by phone in (?P<m>{_MONTH})",
        "{a} hat im {m} mit {b} telefoniert",
    ),
    (
        rf"(?P<a>.+?) was in touch with (?P<b>.+?) online (?P<n>\d+) times, last in (?P<m>{_MONTH})",
        "{a} hatte {n}-mal online Kontakt mit {b}, zuletzt im {m}",
    ),
    (
        rf"(?P<a>.+?) was in touch with (?P<b>.+?) online in (?P<m>{_MONTH})",
        "{a} hatte im {m} online Kontakt mit {b}",
    ),
    (
        rf"(?P<a>.+?) knows (?P<b>.+?) from video calls \(last in (?P<m>{_MONTH})\)",
        "{a} kennt {b} aus Videocalls (zuletzt im {m})",
    ),
    (
        rf"(?P<a>.+?) knows (?P<b>.+?) from phone calls \(last in (?P<m>{_MONTH})\)",
        "{a} kennt {b} aus Telefonaten (zuletzt im {m})",
    ),
    (
        rf"(?P<a>.+?) knows (?P<b>.+?) only online \(last in (?P<m>{_MONTH})\)",
        "{a} kennt {b} nur online (zuletzt im {m})",
    ),
    (
        r"(?P<a>.+?) worked with (?P<b>.+?) at (?P<w>.+?)(?P<p>( in \d{4}| from \d{4} to \d{4}| until \d{4})?)",
        "{a} hat mit {b} bei {w}{p} zusammengearbeitet",
    ),
    (
        r"(?P<a>.+?) worked with (?P<b>.+?)(?P<p> in \d{4}| from \d{4} to \d{4}| until \d{4})",
        "{a} hat mit {b}{p} zusammengearbeitet",
    ),
]
_COMPILED = [(re.compile(pattern + r"$"), template) for pattern, template in _HOPS]


def _clause(clause: str) -> str | None:
    recommendation = None
    for english, german in _RECOMMENDATIONS.items():
        if clause.endswith(" and " + english):
            clause, recommendation = clause[: -len(" and " + english)], german
            break
    for pattern, template in _COMPILED:
        match = pattern.match(clause)
        if match is None:
            continue
        values = {key: value or "" for key, value in match.groupdict().items()}
        if "m" in values:
            values["m"] = _month(values["m"])
        if "p" in values:
            values["p"] = _period(values["p"])
        text = template.format(**values)
        for english, german in _LABELS.items():
            text = text.replace(english, german)
        return f"{text} und {recommendation}" if recommendation else text
    return None


def german_path(sentence: str) -> str:
    """The German wording of one English trust path, or the path unchanged if unknown."""
    body = sentence[:-1] if sentence.endswith(".") else sentence
    clauses = [_clause(part) for part in body.split("; ")]
    if any(clause is None for clause in clauses):
        return sentence
    return "; ".join(clause for clause in clauses if clause) + "."
