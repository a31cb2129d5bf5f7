"""The one list of ranking features: name, meaning, monotonic direction, bounds and sources.

Every feature is bounded (`lower`..`upper`), so a linear model's score spread is bounded too and a
missing must-have can carry a penalty larger than any spread (see `scoring.model`). `direction` is
the monotonic constraint a trained model must respect: +1 more is never worse, -1 more is never
better, 0 unconstrained. `sources` names the columns a feature reads, so a test can prove no
protected attribute (name, email, gender, age, nationality, photo, ...) feeds the ranker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from shared.trust_features import TRUST_FEATURE_DIRECTION, TRUST_FEATURES, TRUST_TRANSFORMS


@dataclass(frozen=True)
class FeatureSpec:
    name: str
    description: str
    direction: int
    group: str
    sources: tuple[str, ...]
    lower: float = 0.0
    upper: float = 1.0


_SKILL_SOURCES = (
    "request_skills.must_have",
    "request_skills.min_level",
    "request_skills.weight",
    "freelancer_skills.level",
)

_CORE: Final[tuple[FeatureSpec, ...]] = (
    FeatureSpec(
        "must_have_coverage",
        "Weighted share of must-have skills met, level-aware: each counts min(1, level / "
        "required level); a skill shown only in the profile's text (extracted, or an "
        "unrecognised must-have term found in it) counts as level 2; one held only through a "
        "skill implying it (relation >= 0.7, e.g. Scrum Master -> Scrum) counts at that "
        "relation's credit; 0 when the request has no must-have.",
        1,
        "skills",
        (*_SKILL_SOURCES, "freelancer_extracted_skills.skill_id", "freelancers.cv_text"),
    ),
    FeatureSpec(
        "nice_to_have_coverage",
        "Weighted share of nice-to-have skills met, level-aware as above (text-only evidence "
        "counts as level 2); 0 when there are none.",
        1,
        "skills",
        (*_SKILL_SOURCES, "freelancer_extracted_skills.skill_id"),
    ),
    FeatureSpec(
        "level_surplus",
        "Weighted mean of (level - required level) / 4 over the required skills held above the "
        "minimum; unconstrained (over-qualification may help or not).",
        0,
        "skills",
        _SKILL_SOURCES,
    ),
    FeatureSpec(
        "level_deficit",
        "Weighted mean of (required level - level) / 4 over the required skills held below the "
        "minimum.",
        -1,
        "skills",
        _SKILL_SOURCES,
    ),
    FeatureSpec(
        "years_experience",
        "Weighted mean over required skills of min(years, 10) / 10 (0 when missing or unknown).",
        1,
        "skills",
        (*_SKILL_SOURCES, "freelancer_skills.years"),
    ),
    FeatureSpec(
        "skill_recency",
        "Weighted mean over the required skills held of 0.5 ** (years since last used / 3), "
        "measured from the request's creation year; 0.5 when the year is unknown.",
        1,
        "skills",
        (*_SKILL_SOURCES, "freelancer_skills.last_used", "staffing_requests.created_at"),
    ),
    FeatureSpec(
        "related_skill_credit",
        "Weighted share of required skills the freelancer lacks but has a related skill for "
        "(taxonomy relation weight x min(1, level / required level)); implied skills count in "
        "the coverage terms instead.",
        1,
        "skills",
        (*_SKILL_SOURCES, "skill_relations.weight"),
    ),
    FeatureSpec(
        "text_similarity",
        "Cosine similarity of TF-IDF vectors (sublinear tf): request title, description and "
        "skill terms against the profile headline, summary, CV text and skill names (confirmed "
        "and extracted; the strongest terms per profile).",
        1,
        "text",
        (
            "staffing_requests.title",
            "staffing_requests.description",
            "request_unrecognised_skills.raw_name",
            "freelancers.headline",
            "freelancers.summary",
            "freelancers.cv_text",
            "freelancer_skills.skill_id",
            "freelancer_extracted_skills.skill_id",
        ),
    ),
    FeatureSpec(
        "rate_fit",
        "1 at or below the budget, falling linearly to 0 at the budget plus tolerance; 0.5 when "
        "the freelancer's day rate is unknown.",
        1,
        "fit",
        ("staffing_requests.max_day_rate", "freelancers.day_rate"),
    ),
    FeatureSpec(
        "availability_gap",
        "Days the freelancer becomes available after the start date, divided by the tolerance "
        "(0 when available in time).",
        -1,
        "fit",
        ("staffing_requests.start_date", "freelancers.available_from"),
    ),
    FeatureSpec(
        "location_fit",
        "1 same city (or same country when no city is asked, or a remote request), 0.75 city "
        "unknown, 0.5 other city; x0.6 for a remote-only freelancer on a hybrid request.",
        1,
        "fit",
        (
            "staffing_requests.remote",
            "staffing_requests.location_country",
            "staffing_requests.location_city",
            "freelancers.remote",
            "freelancers.location_country",
            "freelancers.location_city",
        ),
    ),
    FeatureSpec(
        "language_fit",
        "Mean over required languages of (level - B1) / 4 on the CEFR scale (native = 1); 1 "
        "when the request names no language.",
        1,
        "fit",
        ("staffing_requests.languages", "freelancer_languages.level"),
    ),
)

_TRUST: Final[tuple[FeatureSpec, ...]] = tuple(
    FeatureSpec(
        name,
        f"{description} Transform: {TRUST_TRANSFORMS[name]}.",
        TRUST_FEATURE_DIRECTION[name],
        "trust",
        ("freelancer_trust.features",),
        lower=-1.0 if name == "attested_quality" else 0.0,
    )
    for name, description in TRUST_FEATURES.items()
)

_HISTORY: Final[tuple[FeatureSpec, ...]] = (
    FeatureSpec(
        "placement_count",
        "The freelancer's earlier placements through the agency: log1p(n) / log1p(10), capped.",
        1,
        "history",
        ("placements.freelancer_id",),
    ),
    FeatureSpec(
        "placement_success",
        "Smoothed share of earlier placements that went well (ongoing or completed, client "
        "rating >= 3 when rated): (good + 1) / (n + 2); 0.5 without history.",
        1,
        "history",
        ("placements.outcome", "placements.client_rating"),
    ),
)

# The model inputs, in the column order of every feature matrix.
FEATURES: Final[tuple[FeatureSpec, ...]] = _CORE + _TRUST + _HISTORY
FEATURE_NAMES: Final[tuple[str, ...]] = tuple(spec.name for spec in FEATURES)
FEATURE_INDEX: Final[dict[str, int]] = {name: i for i, name in enumerate(FEATURE_NAMES)}

# Not learned: a fixed penalty per missing must-have, larger than any possible score spread,
# so candidates missing one rank below everyone who has them all (and the penalty is visible).
MUST_HAVE_MISSING: Final[FeatureSpec] = FeatureSpec(
    "must_have_missing",
    "Number of must-haves the profile shows nowhere: neither a confirmed skill, nor a skill "
    "extracted from its text, nor (for a term the catalogue does not know) the term in its "
    "text. Each costs a penalty larger than the model's whole score range, so such candidates "
    "rank below all complete ones.",
    -1,
    "penalty",
    (
        "request_skills.must_have",
        "request_unrecognised_skills.must_have",
        "freelancer_skills.skill_id",
        "freelancer_extracted_skills.skill_id",
        "freelancers.cv_text",
    ),
    upper=float("inf"),
)
BIAS: Final[str] = "bias"

# Trained models must keep an in-person signal at least as strong as the online-only one:
# (stronger, weaker) pairs whose coefficients satisfy stronger >= weaker >= 0.
DOMINANCE: Final[tuple[tuple[str, str], ...]] = (("in_person_vouchers", "online_only_vouches"),)


def spec(name: str) -> FeatureSpec:
    if name == MUST_HAVE_MISSING.name:
        return MUST_HAVE_MISSING
    return FEATURES[FEATURE_INDEX[name]]
