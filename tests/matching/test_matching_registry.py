"""The feature registry, the prior's weights and the artefact format."""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from services.matching.features.registry import (
    BIAS,
    FEATURE_NAMES,
    FEATURES,
    MUST_HAVE_MISSING,
)
from services.matching.scoring.artefact import (
    ArtefactRefused,
    dump_artefact,
    load_artefact,
    sign_artefact,
)
from services.matching.scoring.model import CONTRIBUTION_NAMES
from services.matching.scoring.prior import PRIOR_WEIGHTS, prior_model
from services.matching.scoring.trainer import ConstrainedLinearRanker
from shared.trust_features import TRUST_FEATURE_DIRECTION, TRUST_FEATURES

PROTECTED_WORDS = {
    "name",
    "email",
    "gender",
    "sex",
    "age",
    "birth",
    "birthday",
    "dob",
    "nationality",
    "citizenship",
    "photo",
    "picture",
    "religion",
    "ethnicity",
    "race",
    "marital",
    "disability",
    "pregnancy",
}
PROTECTED_COLUMNS = {
    "freelancers.name",
    "freelancers.email",
    "contacts.name",
    "contacts.email",
    "users.name",
    "users.email",
    "freelancers.location_country_of_birth",
}
PERSON_TABLES = {"freelancers", "freelancer_languages", "freelancer_trust", "contacts", "users"}
ISSUE_FEATURES = {
    "must_have_coverage",
    "nice_to_have_coverage",
    "level_surplus",
    "level_deficit",
    "years_experience",
    "skill_recency",
    "related_skill_credit",
    "text_similarity",
    "rate_fit",
    "availability_gap",
    "location_fit",
    "language_fit",
    "placement_count",
    "placement_success",
}


def test_registry_lists_every_feature_the_issue_names_and_the_trust_features() -> None:
    assert set(FEATURE_NAMES) == ISSUE_FEATURES | set(TRUST_FEATURES)
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    for name, direction in TRUST_FEATURE_DIRECTION.items():
        assert FEATURES[FEATURE_NAMES.index(name)].direction == direction


@pytest.mark.parametrize("spec", [*FEATURES, MUST_HAVE_MISSING], ids=lambda s: s.name)
def test_no_protected_attribute_is_a_feature(spec: object) -> None:
    name = spec.name  # type: ignore[attr-defined]
    assert not set(name.split("_")) & PROTECTED_WORDS
    assert not set(spec.sources) & PROTECTED_COLUMNS  # type: ignore[attr-defined]
    for source in spec.sources:  # type: ignore[attr-defined]
        table, column = source.split(".", 1)
        if table in PERSON_TABLES:  # a skill's raw_name is not a person's name
            assert not set(re.split(r"[_.]", column)) & PROTECTED_WORDS, source


@pytest.mark.parametrize("spec", [*FEATURES, MUST_HAVE_MISSING], ids=lambda s: s.name)
def test_every_feature_has_a_description_direction_and_bounds(spec: object) -> None:
    assert len(spec.description) > 30  # type: ignore[attr-defined]
    assert spec.direction in (-1, 0, 1)  # type: ignore[attr-defined]
    assert spec.lower < spec.upper  # type: ignore[attr-defined]
    assert spec.group in {"skills", "text", "fit", "trust", "history", "penalty"}  # type: ignore[attr-defined]


def test_prior_weights_are_complete_and_respect_directions() -> None:
    assert set(PRIOR_WEIGHTS) == set(FEATURE_NAMES)
    for spec in FEATURES:
        assert spec.direction * PRIOR_WEIGHTS[spec.name] >= 0, spec.name
    assert PRIOR_WEIGHTS["in_person_vouchers"] > PRIOR_WEIGHTS["online_only_vouches"] > 0
    assert CONTRIBUTION_NAMES[0] == BIAS and CONTRIBUTION_NAMES[-1] == MUST_HAVE_MISSING.name


def test_the_penalty_outweighs_every_possible_score_spread() -> None:
    model = prior_model()
    lows = np.array(
        [[s.lower if model.coefficients[i] > 0 else s.upper for i, s in enumerate(FEATURES)]]
    )
    highs = np.array(
        [[s.upper if model.coefficients[i] > 0 else s.lower for i, s in enumerate(FEATURES)]]
    )
    best_missing_one = model.score(highs, np.ones(1))[0]
    worst_complete = model.score(lows, np.zeros(1))[0]
    assert best_missing_one < worst_complete


def test_artefacts_round_trip_and_tampering_is_refused() -> None:
    model = prior_model(4)
    data, digest = dump_artefact(model)
    assert digest == sign_artefact(data)
    loaded = load_artefact(data, digest, version_id=4)
    assert loaded.weights() == model.weights() and loaded.intercept == model.intercept

    with pytest.raises(ArtefactRefused, match="SHA-256"):
        load_artefact(data.replace(b"3.0", b"30.0", 1), digest, version_id=4)
    with pytest.raises(ArtefactRefused):
        load_artefact(None, None, version_id=4)
    # Rewriting the bytes together with a bare digest no longer passes: it needs the key.
    forged = data.replace(b"3.0", b"30.0", 1)
    with pytest.raises(ArtefactRefused, match="signature"):
        load_artefact(forged, hashlib.sha256(forged).hexdigest(), version_id=4)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["coefficients"].update(trusted_warnings=2.0),
        lambda d: d["coefficients"].update(online_only_vouches=9.0),
        lambda d: d["coefficients"].pop("rate_fit"),
        lambda d: d.update(format="pickle"),
        lambda d: d["coefficients"].update(rate_fit=float("nan")),
        lambda d: d.update(extra_code="__import__('os')"),
    ],
)
def test_artefacts_with_a_valid_digest_but_bad_content_are_refused(change: object) -> None:
    data, _ = dump_artefact(prior_model())
    document = json.loads(data)
    change(document)  # type: ignore[operator]
    forged = json.dumps(document).encode()
    with pytest.raises(ArtefactRefused):
        load_artefact(forged, sign_artefact(forged), version_id=1)


@parametrize_with_checks([ConstrainedLinearRanker()])
def test_ranker_is_a_well_behaved_estimator(estimator: object, check: object) -> None:
    check(estimator)  # type: ignore[operator]
