"""The ranking call's hot path: its reply is what the response model promises and what a
read returns, it takes a handful of statements, and its cached query follows the request."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, update
from sqlalchemy.orm import Session

from services.matching.index.live import live_index_for, reset_live_indexes
from services.matching.main import app
from services.matching.matches.schemas import MatchRunRead
from services.matching.settings import get_matching_settings
from shared.db.engine import get_sessionmaker, get_side_engine
from shared.models import RequestSkill
from tests.matching.conftest import World
from tests.support.keys import TestKeys

SKILLS = {"mt-python": (True, 3, 1.0), "mt-sql": (False, 3, 1.0)}


@contextmanager
def counted(*engines: Engine) -> Iterator[Counter[str]]:
    """Statements sent through `engines` (savepoints, the tests' per-request wrapper, aside)."""
    seen: Counter[str] = Counter()

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
            seen[" ".join(statement.split())[:60]] += 1

    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)


def test_the_reply_is_the_response_model_and_what_a_read_returns(
    api: TestClient, world: World, keys: TestKeys
) -> None:
    world.freelancer(skills={"mt-python": 4, "mt-sql": 2})
    world.freelancer(skills={"mt-python": 3})
    request = world.request(skills=SKILLS, description="Python and SQL, Kubernetes a plus")
    posted = api.post(f"/v1/requests/{request.id}/matches", headers=keys.manager)
    assert posted.status_code == 201, posted.text
    assert posted.headers["content-type"] == "application/json"
    body = posted.json()
    assert len(body["results"]) == 2
    assert MatchRunRead.model_validate(body).model_dump(mode="json") == body
    read = api.get(f"/v1/match-runs/{body['run_id']}", headers=keys.manager).json()
    assert read == body


def test_a_ranking_takes_six_statements_and_one_for_the_rate_limit(
    api: TestClient,
    world: World,
    keys: TestKeys,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As served: a background poll keeps the index fresh (here: no poll during the test).
    monkeypatch.setenv("VOUCH_MATCHING_POLL_INTERVAL_SECONDS", "3600")
    get_matching_settings.cache_clear()
    reset_live_indexes()
    world.freelancer(skills={"mt-python": 4})
    request = world.request(skills=SKILLS)
    url = f"/v1/requests/{request.id}/matches"
    for _ in range(2):  # builds the index, stores the prior model, then caches it verified
        assert api.post(url, headers=keys.manager).status_code == 201
    main = session.get_bind().engine
    assert isinstance(main, Engine)
    with counted(main) as statements, counted(get_side_engine()) as side:
        assert api.post(url, headers=keys.manager).status_code == 201
    # Key, audit row, request with model key, unavailable people, trust paths, the store.
    assert sum(statements.values()) <= 6, sorted(statements)
    assert sum(side.values()) <= 1, side


def test_the_cached_query_follows_changes_to_the_request(
    api: TestClient, world: World, keys: TestKeys
) -> None:
    python = world.freelancer(skills={"mt-python": 4})
    sql = world.freelancer(skills={"mt-sql": 4})
    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    url = f"/v1/requests/{request.id}/matches"
    first = api.post(url, headers=keys.manager).json()
    assert [r["freelancer_id"] for r in first["results"]][:1] == [python.id]
    # Same transaction (same updated_at): the signature still sees the changed skill list.
    world.unrecognised(request, "zzz-unknown-term", must_have=False)
    world.session.execute(
        update(RequestSkill)
        .where(RequestSkill.request_id == request.id)
        .values(must_have=False, weight=0.1)
    )
    world.session.add(
        RequestSkill(
            request_id=request.id,
            skill_id=world.skill("mt-sql").id,
            must_have=True,
            min_level=3,
            weight=1.0,
            raw_name="mt-sql",
        )
    )
    world.session.flush()
    second = api.post(url, headers=keys.manager).json()
    assert [r["freelancer_id"] for r in second["results"]][:1] == [sql.id]
    assert second["query"]["unrecognised_terms"] == [
        {"term": "zzz-unknown-term", "must_have": False}
    ]


def test_readyz_answers_503_until_the_index_is_built(database_url: str) -> None:
    with get_sessionmaker()() as session:
        index = live_index_for(session)
    index.building = True  # as while the start-up warm-up builds it
    client = TestClient(app)
    waiting = client.get("/readyz")
    assert waiting.status_code == 503
    assert "index is still being built" in waiting.json()["detail"]
    index.building = False  # no build under way (served without its lifespan): the probe builds
    assert client.get("/readyz").status_code == 200
    assert index.state is not None


def test_a_retried_ranking_replays_the_first_reply(
    api: TestClient, world: World, keys: TestKeys
) -> None:
    world.freelancer(skills={"mt-python": 4})
    request = world.request(skills=SKILLS)
    url = f"/v1/requests/{request.id}/matches"
    headers = {**keys.manager, "Idempotency-Key": "rank-1"}
    first = api.post(url, headers=headers, json={"top_k": 5})
    again = api.post(url, headers=headers, json={"top_k": 5})
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    latest = api.get(url, headers=keys.manager).json()
    assert latest["run_id"] == first.json()["run_id"]  # no second run
