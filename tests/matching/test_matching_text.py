"""Text as evidence: prose-only profiles, skills read from CVs and from the request's own text."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from services.matching.index.live import LiveIndex
from services.matching.ranking.requests import load_queries
from services.matching.scoring.prior import prior_model
from services.matching.settings import MatchingSettings
from shared.models import FreelancerExtractedSkill
from tests.matching.test_matching_ranking import ids, rank
from tests.support.keys import TestKeys

DATA_ENGINEER_CV = (
    "Data engineer, eight years. Built batch pipelines in PySpark on Databricks, orchestrated "
    "with Apache Airflow; modelled the warehouse in dbt on Snowflake. Python every day."
)


def by_id(run: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {r["freelancer_id"]: r for r in run["results"]}


def test_a_prose_only_profile_whose_text_fits_reaches_the_top(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    """No skill list at all: the extracted skills and the text carry the profile."""
    listed = world.freelancer(skills={"python": 3}, summary="Web shop maintenance in PHP.")
    prose = world.freelancer(
        headline="",
        summary="",
        cv_text=DATA_ENGINEER_CV,
        extracted={"python": 8.0, "pyspark": None, "airflow": None, "snowflake": None},
    )
    request = world.request(
        title="Data engineer",
        skills={"python": (True, 3, 1.0), "pyspark": (True, 3, 1.0)},
        description="Batch pipelines in PySpark, orchestrated with Airflow.",
    )

    run = rank(api, keys, request.id)

    assert ids(run)[0] == prose.id
    top = run["results"][0]
    assert top["contributions"]["must_have_missing"] == 0
    assert top["contributions"]["text_similarity"] > 0
    sources = {s["name"]: s["source"] for s in top["explanation"]["matched_skills"]}
    assert sources["Python"] == sources["PySpark"] == "extracted"
    assert listed.id not in ids(run) or ids(run).index(listed.id) > 0


def test_a_must_have_named_only_in_cv_text_is_not_penalised_as_missing(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    confirmed = world.freelancer(skills={"python": 4, "kafka": 4})
    in_text = world.freelancer(
        skills={"python": 4}, cv_text="Kafka streams for payments.", extracted={"kafka": 3.0}
    )
    lacking = world.freelancer(skills={"python": 5})
    request = world.request(skills={"python": (True, 3, 1.0), "kafka": (True, 3, 1.0)})

    run = rank(api, keys, request.id)
    results = by_id(run)

    assert results[in_text.id]["contributions"]["must_have_missing"] == 0
    assert results[confirmed.id]["contributions"]["must_have_missing"] == 0
    assert results[lacking.id]["contributions"]["must_have_missing"] < -1
    # Text evidence is weaker than a confirmed level, but both are complete candidates.
    assert ids(run) == [confirmed.id, in_text.id, lacking.id]
    kafka = next(
        s
        for s in results[in_text.id]["explanation"]["matched_skills"]
        if s["name"] == "Apache Kafka"
    )
    assert kafka["source"] == "extracted" and kafka["level"] is None and kafka["years"] == 3.0
    assert "1 only in the profile text" in results[in_text.id]["explanation"]["summary"]


def test_skills_named_in_the_request_paragraph_count(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    """The issue's case: the list says Python, the paragraph names the data stack."""
    django = world.freelancer(
        skills={"python": 5, "django": 5},
        summary="Django web developer: REST APIs, templates, PostgreSQL.",
        trust={"best_in_person_vouch": 0.5},
    )
    engineer = world.freelancer(
        skills={"python": 4},
        cv_text=DATA_ENGINEER_CV,
        extracted={"pyspark": None, "airflow": None, "dbt": None, "snowflake": None},
    )
    request = world.request(
        title="Data Engineer (m/w/d)",
        skills={"python": (True, 3, 1.0)},
        description=(
            "You build our data platform: batch jobs in PySpark, orchestration with Airflow, "
            "transformations in dbt, the warehouse on Snowflake."
        ),
    )

    run = rank(api, keys, request.id)

    assert ids(run)[0] == engineer.id
    assert django.id in ids(run)  # still a Python developer, ranked below
    from_text = {s["name"] for s in run["query"]["skills_from_text"]}
    assert {"PySpark", "Apache Airflow", "dbt", "Snowflake"} <= from_text
    matched = by_id(run)[engineer.id]["explanation"]["matched_skills"]
    assert {s["name"] for s in matched if s["from_request_text"]} >= {"PySpark", "Snowflake"}
    latest = api.get(f"/v1/requests/{request.id}/matches", headers=keys.manager).json()
    assert latest == run


def test_an_unrecognised_must_have_term_ranks_through_the_text(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    analyst = world.freelancer(
        skills={"sql": 3}, cv_text="Ten years of quibbleflux modelling for insurers."
    )
    generic = world.freelancer(skills={"sql": 5}, summary="Database administrator.")
    request = world.request(skills={"sql": (True, 3, 1.0)}, unrecognised=("quibbleflux",))

    run = rank(api, keys, request.id)

    assert ids(run) == [analyst.id, generic.id]
    results = by_id(run)
    term = next(
        s for s in results[analyst.id]["explanation"]["matched_skills"] if not s["in_catalogue"]
    )
    assert term == {
        "name": "quibbleflux",
        "required_level": 3,
        "level": None,
        "must_have": True,
        "source": "text",
        "years": None,
        "last_used": None,
        "from_request_text": False,
        "in_catalogue": False,
        "note": "not in the catalogue; matched in CV text",
    }
    missing = results[generic.id]["explanation"]["missing_skills"]
    assert [(s["name"], s["note"]) for s in missing] == [
        ("quibbleflux", "not in the catalogue; not found")
    ]
    assert run["query"]["unrecognised_terms"] == [{"term": "quibbleflux", "must_have": True}]


def test_candidates_showing_no_must_have_are_not_listed_when_others_do(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    fits = world.freelancer(skills={"python": 4})
    world.freelancer(skills={"java": 5}, summary="Java developer who once read about python")
    world.freelancer(skills={"cobol": 5}, summary="Mainframe batch.")
    request = world.request(
        skills={"python": (True, 3, 1.0), "kafka": (True, 3, 1.0)}, description="python kafka"
    )

    run = rank(api, keys, request.id)

    assert ids(run) == [fits.id]


def test_without_any_must_have_shown_only_profiles_with_evidence_are_listed(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    related_text = world.freelancer(skills={"java": 3}, summary="Streaming with kafka at scale")
    world.freelancer(skills={"cobol": 5}, summary="Mainframe batch.")
    request = world.request(
        skills={"kafka": (True, 3, 1.0)}, description="Kafka streaming platform"
    )

    run = rank(api, keys, request.id)

    assert ids(run) == [related_text.id]


def test_no_must_haves_means_no_credit_for_must_haves(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    person = world.freelancer(skills={"python": 4})
    request = world.request(skills={"python": (False, 3, 1.0)})

    result = rank(api, keys, request.id)["results"][0]

    assert result["freelancer_id"] == person.id
    assert result["contributions"]["must_have_coverage"] == 0
    assert "must-have" not in result["explanation"]["summary"]
    assert result["explanation"]["summary"].startswith("1 of 1 nice-to-have")


def test_a_skill_implying_a_must_have_shows_it(api: TestClient, keys: TestKeys, world: Any) -> None:
    """Scrum Master implies Scrum (relation 0.8): not missing, credited at the relation."""
    world.relate("mt-scrum-master", "mt-scrum", 0.8)
    world.relate("mt-kanban", "mt-scrum", 0.4)
    holder = world.freelancer(skills={"mt-scrum": 4})
    implied = world.freelancer(skills={"mt-scrum-master": 4})
    weak = world.freelancer(skills={"mt-kanban": 5})
    request = world.request(skills={"mt-scrum": (True, 3, 1.0)})

    run = rank(api, keys, request.id)

    assert ids(run) == [holder.id, implied.id]  # Kanban alone shows no Scrum: not listed
    result = by_id(run)[implied.id]
    assert result["contributions"]["must_have_missing"] == 0
    assert math.isclose(result["contributions"]["must_have_coverage"], 3.0 * 0.8, rel_tol=1e-6)
    (matched,) = result["explanation"]["matched_skills"]
    assert matched["source"] == "related"
    assert matched["note"] == "implied by mt-scrum-master (test)"
    assert result["explanation"]["summary"].startswith(
        "Meets 1 of 1 must-have skills (1 through a skill implying it)"
    )
    assert weak.id not in ids(run)


def test_cv_text_and_extracted_skills_reach_a_live_index_through_the_delta(
    session: Session, world: Any
) -> None:
    """Intake touches updated_at when it stores CV text or extracted skills; that is enough."""
    listed = world.freelancer(skills={"python": 4, "kafka": 3})
    later = world.freelancer(skills={"python": 4})
    request = world.request(skills={"python": (True, 3, 1.0), "kafka": (True, 3, 1.0)})
    index = LiveIndex(
        MatchingSettings(full_rebuild_below=0, delta_rebuild_fraction=1.0, poll_interval_seconds=0)
    )

    def ranked() -> list[tuple[int, float]]:
        state = index.ensure_fresh(session)
        query = load_queries(session, [request.id], taxonomy=state.taxonomy)[request.id]
        output = index.rank(query, prior_model(), top_k=10).results
        return [(r.freelancer_id, r.contributions["must_have_missing"]) for r in output]

    before = ranked()
    assert before[0] == (listed.id, 0.0)
    assert before[1][0] == later.id and before[1][1] < 0  # no Kafka shown yet: penalised
    session.add(
        FreelancerExtractedSkill(
            freelancer_id=later.id,
            skill_id=world.skill("kafka").id,
            years=2.0,
            evidence=[{"field": "cv_text", "start": 0, "end": 5, "text": "Kafka"}],
        )
    )
    later.cv_text = "Kafka streams"
    later.updated_at = datetime.now(UTC) + timedelta(seconds=1)
    session.flush()

    assert [freelancer for freelancer, missing in ranked() if missing == 0] == [
        listed.id,
        later.id,
    ]
    state = index.state
    assert state is not None and state.delta is not None and later.id in state.delta.ids
