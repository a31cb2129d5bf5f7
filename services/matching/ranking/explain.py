"""Explanations an account manager can check in ten seconds."""

from __future__ import annotations

import heapq
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
    musts = [s for s in candidate.matched_skills if s["must_have"]]
    must_total = len(musts) + sum(1 for s in candidate.missing_skills if s["must_have"])
    nices = len(candidate.matched_skills) - len(musts)
    nice_total = nices + sum(1 for s in candidate.missing_skills if not s["must_have"])
    from_text = sum(1 for s in musts if s.get("source") in ("extracted", "text"))
    implied = sum(1 for s in musts if s.get("source") == "related")
    notes = [f"{from_text} only in the profile text"] if from_text else []
    notes += [f"{implied} through a skill implying it"] if implied else []
    parts = []
    if must_total:
        met = f"meets {len(musts)} of {must_total} must-have skills"
        parts.append(met + (f" ({', '.join(notes)})" if notes else ""))
    if nice_total:
        parts.append(f"{nices} of {nice_total} nice-to-have")
    items = candidate.contributions.items()
    # The two largest positive terms and the most negative one (ties by name), in one pass each.
    positive = [
        (k, -v)
        for v, k in heapq.nsmallest(2, ((-v, k) for k, v in items if k != BIAS and v > 0.005))
    ]
    negative = sorted((v, k) for k, v in items if k != BIAS and v < -0.005)[:1]
    text = "; ".join(parts).capitalize() if parts else "No required skills listed"
    if positive:
        text += "; strongest: " + ", ".join(f"{_LABELS[k]} ({v:+.2f})" for k, v in positive)
    if negative:
        v, k = negative[0]
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
