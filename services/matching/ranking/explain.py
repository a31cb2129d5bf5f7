"""Explanations an account manager can check in ten seconds."""

from __future__ import annotations

from typing import Any

from services.matching.features.registry import BIAS, MUST_HAVE_MISSING
from services.matching.ranking.engine import RankedCandidate

_LABELS = {
    "must_have_coverage": "must-have skills",
    "nice_to_have_coverage": "nice-to-have skills",
    "level_surplus": "level above the minimum",
    "level_deficit": "level below the minimum",
    "years_experience": "years of experience",
    "skill_recency": "recent use of the skills",
    "related_skill_credit": "related skills",
    "text_similarity": "profile text",
    "rate_fit": "day rate",
    "availability_gap": "late availability",
    "location_fit": "location",
    "language_fit": "languages",
    "best_in_person_vouch": "in-person vouch",
    "in_person_vouchers": "several in-person vouchers",
    "online_only_vouches": "online-only vouches",
    "best_voucher_network_trust": "a trusted voucher",
    "network_trust": "trust reaching them through the network",
    "attested_quality": "what trusted people say",
    "trusted_warnings": "warnings from trusted contacts",
    "referrer_track_record": "referrer's track record",
    "placement_count": "earlier placements",
    "placement_success": "earlier placement results",
    MUST_HAVE_MISSING.name: "missing must-have skills",
}


def trust_sentences(paths: Any, *, limit: int = 3) -> list[str]:
    """The referrals service's paths as sentences, whatever their JSON shape."""
    if not isinstance(paths, list):
        return []
    sentences = []
    for entry in paths[:limit]:
        if isinstance(entry, str):
            sentences.append(entry)
        elif isinstance(entry, dict):
            value = entry.get("sentence") or entry.get("text") or entry.get("description")
            if isinstance(value, str):
                sentences.append(value)
    return sentences


def summary(candidate: RankedCandidate) -> str:
    """One sentence: skills met, then the strongest reasons for and against."""
    # Plain loops: this runs for every listed candidate of every ranking.
    musts = from_text = implied = 0
    for skill in candidate.matched_skills:
        if skill["must_have"]:
            musts += 1
            source = skill.get("source")
            if source == "extracted" or source == "text":
                from_text += 1
            elif source == "related":
                implied += 1
    missing_musts = 0
    for skill in candidate.missing_skills:
        if skill["must_have"]:
            missing_musts += 1
    must_total = musts + missing_musts
    nices = len(candidate.matched_skills) - musts
    nice_total = nices + len(candidate.missing_skills) - missing_musts
    notes = [f"{from_text} only in the profile text"] if from_text else []
    notes += [f"{implied} through a skill implying it"] if implied else []
    parts = []
    if must_total:
        met = f"meets {musts} of {must_total} must-have skills"
        parts.append(met + (f" ({', '.join(notes)})" if notes else ""))
    if nice_total:
        parts.append(f"{nices} of {nice_total} nice-to-have")
    # The two largest positive terms and the most negative one, ties by name, in one pass.
    first: tuple[float, str] | None = None
    second: tuple[float, str] | None = None
    worst: tuple[float, str] | None = None
    for name, value in candidate.contributions.items():
        if name == BIAS:
            continue
        if value > 0.005:
            key = (-value, name)
            if first is None or key < first:
                first, second = key, first
            elif second is None or key < second:
                second = key
        elif value < -0.005 and (worst is None or (value, name) < worst):
            worst = (value, name)
    text = "; ".join(parts).capitalize() if parts else "No required skills listed"
    if first is not None:
        best = [first] if second is None else [first, second]
        text += "; strongest: " + ", ".join(f"{_LABELS[k]} ({-v:+.2f})" for v, k in best)
    if worst is not None:
        v, k = worst
        text += f"; main drawback: {_LABELS[k]} ({v:+.2f})"
    return text + "."


def explanation(candidate: RankedCandidate, paths: Any) -> dict[str, Any]:
    return {
        "matched_skills": candidate.matched_skills,
        "missing_skills": candidate.missing_skills,
        "related_credit": candidate.related_credit,
        "trust_paths": trust_sentences(paths),
        "summary": summary(candidate),
    }
