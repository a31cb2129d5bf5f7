"""Explanation sentences in the reader's language, built from a match result's numbers.

The matching API's `summary` is English; the console composes the same sentence from the same
structured fields (skills met, contributions) so German readers get it too, and nothing is said
that the numbers do not show.
"""

from __future__ import annotations

from typing import Any

from services.console.i18n import Translator

LABELS = {
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
    "attested_quality": "what trusted people say",
    "trusted_warnings": "warnings from trusted contacts",
    "referrer_track_record": "referrer's track record",
    "placement_count": "earlier placements",
    "placement_success": "earlier placement results",
    "must_have_missing": "missing must-have skills",
    "bias": "base score",
}


def label(t: Translator, feature: str) -> str:
    return t(LABELS.get(feature, feature.replace("_", " ")))


def summary(t: Translator, result: dict[str, Any]) -> str:
    explanation = result.get("explanation") or {}
    matched = explanation.get("matched_skills") or []
    missing = explanation.get("missing_skills") or []
    musts_met = sum(1 for s in matched if s.get("must_have"))
    must_total = musts_met + sum(1 for s in missing if s.get("must_have"))
    nice_met = len(matched) - musts_met
    nice_total = nice_met + sum(1 for s in missing if not s.get("must_have"))
    parts = []
    if must_total:
        parts.append(t("meets {met} of {total} must-have skills", met=musts_met, total=must_total))
    else:
        parts.append(t("No must-have skills in this request"))
    if nice_total:
        parts.append(t("{met} of {total} nice-to-have", met=nice_met, total=nice_total))
    terms = [(k, v) for k, v in (result.get("contributions") or {}).items() if k != "bias"]
    positive = sorted((x for x in terms if x[1] > 0.005), key=lambda x: (-x[1], x[0]))[:2]
    negative = sorted((x for x in terms if x[1] < -0.005), key=lambda x: (x[1], x[0]))[:1]
    if positive:
        reasons = ", ".join(f"{label(t, k)} ({t.number(v)})" for k, v in positive)
        parts.append(t("strongest: {reasons}", reasons=reasons))
    if negative:
        k, v = negative[0]
        parts.append(t("main drawback: {reason}", reason=f"{label(t, k)} ({t.number(v)})"))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def contribution_bars(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Non-zero contributions, largest magnitude first, with a width in percent of the largest."""
    items = [
        (k, float(v))
        for k, v in (result.get("contributions") or {}).items()
        if abs(float(v)) > 1e-4
    ]
    items.sort(key=lambda item: (-abs(item[1]), item[0]))
    largest = max((abs(v) for _, v in items), default=1.0) or 1.0
    return [
        {"feature": k, "value": v, "width": round(100 * abs(v) / largest, 1), "negative": v < 0}
        for k, v in items
    ]
