"""Model lifecycle: the prior, training with the holdout gate, activation, rollback, tampering."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from services.matching.features.registry import FEATURES
from services.matching.jobs import train_model
from services.matching.modelops.training import create_version, run_training
from shared.models import Job, ModelVersion
from tests.support.keys import TestKeys


def active(session: Session) -> ModelVersion:
    found = session.scalar(select(ModelVersion).where(ModelVersion.status == "active"))
    assert found is not None
    return found


def test_the_prior_is_version_one_and_listed(
    api: TestClient, keys: TestKeys, session: Session
) -> None:
    body = api.get("/v1/models", headers=keys.manager).json()
    assert [(m["kind"], m["status"]) for m in body["items"]] == [("prior", "active")]
    prior = body["items"][0]
    assert prior["artefact_verified"] is True
    assert prior["weights"]["trusted_warnings"] < 0 < prior["weights"]["best_in_person_vouch"]
    assert api.get(f"/v1/models/{prior['id']}", headers=keys.admin).json() == prior
    assert api.get("/v1/models/999999999", headers=keys.admin).status_code == 404


def test_train_endpoint_queues_a_version_and_a_job(
    api: TestClient, keys: TestKeys, session: Session
) -> None:
    assert api.post("/v1/models/train", headers=keys.client_a).status_code == 403

    # Account managers may start training (admins activate unless auto-activation is on).
    response = api.post("/v1/models/train", headers=keys.manager)

    assert response.status_code == 202
    version = response.json()
    assert (version["status"], version["progress"]) == ("queued", 0.0)
    jobs = session.scalars(select(Job).where(Job.kind == "train_model")).all()
    assert [j.payload for j in jobs] == [{"model_version_id": version["id"]}]


def test_a_model_trained_where_trust_predicts_outcomes_beats_the_prior(
    api: TestClient, keys: TestKeys, session: Session, world: Any, history: Any
) -> None:
    history(world, signal=True, seed=7)
    prior = api.get("/v1/models", headers=keys.admin).json()["items"][0]
    version = create_version(session)

    train_model(session, {"model_version_id": version.id})

    body = api.get(f"/v1/models/{version.id}", headers=keys.admin).json()
    assert body["status"] == "active", body
    comparison = body["holdout_comparison"]
    assert comparison["better"] is True
    assert comparison["new_ndcg"] > comparison["active_ndcg"]
    assert comparison["active_model_id"] == prior["id"]
    assert body["progress"] == 1.0 and body["previous_active_id"] == prior["id"]
    assert body["metrics"]["holdout_requests"] == 8
    weights = body["weights"]
    for spec in FEATURES:
        assert spec.direction * weights[spec.name] >= 0, spec.name
    assert weights["referrer_track_record"] + weights["best_voucher_network_trust"] > 0
    assert weights["in_person_vouchers"] >= weights["online_only_vouches"]

    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    world.freelancer(skills={"mt-python": 4})
    run = api.post(f"/v1/requests/{request.id}/matches", headers=keys.manager).json()
    assert run["model_version"] == f"linear-{version.id}"

    rolled = api.post("/v1/models/rollback", headers=keys.admin)
    assert rolled.status_code == 200 and rolled.json()["id"] == prior["id"]
    assert active(session).kind == "prior"
    assert api.post("/v1/models/rollback", headers=keys.admin).status_code == 409
    assert (
        api.post(f"/v1/models/{version.id}/activate", headers=keys.admin).json()["status"]
        == "active"
    )


def test_training_on_noise_does_not_replace_the_prior(
    session: Session, world: Any, history: Any
) -> None:
    history(world, signal=False, seed=11)
    version = create_version(session)

    trained = run_training(session, version_id=version.id)

    assert trained.status == "rejected"
    assert trained.holdout_comparison["better"] is False
    assert trained.artefact_sha256 is not None
    assert active(session).kind == "prior"


def test_training_without_enough_reviews_fails_cleanly(session: Session, world: Any) -> None:
    version = create_version(session)
    train_model(session, {"model_version_id": version.id})
    session.refresh(version)
    assert version.status == "failed"
    assert "more requests" in (version.error or "")
    assert active(session).kind == "prior"


def test_a_tampered_artefact_is_refused(
    api: TestClient, keys: TestKeys, session: Session, world: Any, history: Any
) -> None:
    history(world, signal=False, seed=3, requests=12)
    version = create_version(session)
    run_training(session, version_id=version.id)
    assert version.artefact is not None
    tampered = version.artefact.replace(b'"trusted_warnings":', b'"trusted_warnings":9', 1)
    session.execute(
        update(ModelVersion).where(ModelVersion.id == version.id).values(artefact=tampered)
    )
    session.expire_all()

    shown = api.get(f"/v1/models/{version.id}", headers=keys.admin).json()
    assert shown["artefact_verified"] is False and shown["weights"] is None
    refused = api.post(f"/v1/models/{version.id}/activate", headers=keys.admin)
    assert refused.status_code == 409
    assert "SHA-256" in refused.json()["detail"]

    prior = active(session)
    assert prior.artefact is not None
    session.execute(
        update(ModelVersion)
        .where(ModelVersion.id == prior.id)
        .values(artefact=prior.artefact.replace(b'"bias"', b'"bias"', 1) + b" ")
    )
    session.expire_all()
    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    response = api.post(f"/v1/requests/{request.id}/matches", headers=keys.manager)
    assert response.status_code == 503
    assert "refused" in response.json()["detail"]


@pytest.mark.parametrize("status", ["queued", "training", "failed"])
def test_unfinished_versions_cannot_be_activated(
    api: TestClient, keys: TestKeys, session: Session, status: str
) -> None:
    version = create_version(session)
    version.status = status
    session.flush()
    response = api.post(f"/v1/models/{version.id}/activate", headers=keys.admin)
    assert response.status_code == 409
    assert api.post(f"/v1/models/{version.id}/activate", headers=keys.manager).status_code == 403


def test_trained_coefficients_keep_their_signs_on_adversarial_data(session: Session) -> None:
    """Even when the data says warnings help and vouches hurt, the model cannot learn it."""
    from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES
    from services.matching.scoring.trainer import ConstrainedLinearRanker, constraint_basis

    rng = np.random.default_rng(0)
    values = rng.random((2000, len(FEATURE_NAMES)))
    grades = (
        3 * values[:, FEATURE_INDEX["trusted_warnings"]]
        - 3 * values[:, FEATURE_INDEX["best_in_person_vouch"]]
    )
    grades += 2 * values[:, FEATURE_INDEX["online_only_vouches"]]
    directions = tuple(spec.direction for spec in FEATURES)
    dominance = ((FEATURE_INDEX["in_person_vouchers"], FEATURE_INDEX["online_only_vouches"]),)
    ranker = ConstrainedLinearRanker(directions=directions, dominance=dominance)
    ranker.fit(values, grades, np.repeat(np.arange(200), 10))
    assert ranker.coef_[FEATURE_INDEX["trusted_warnings"]] <= 0
    assert ranker.coef_[FEATURE_INDEX["best_in_person_vouch"]] >= 0
    assert (
        ranker.coef_[FEATURE_INDEX["in_person_vouchers"]]
        >= ranker.coef_[FEATURE_INDEX["online_only_vouches"]]
    )
    assert constraint_basis(directions, dominance).shape[0] == len(FEATURE_NAMES)
