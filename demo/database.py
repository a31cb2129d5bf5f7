"""Database chores of the seed: refuse a used database, reset, keys, organisations, the queue."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from shared.auth.keys import get_or_create_organization, issue_key
from shared.db.base import Base
from shared.models import Freelancer, Job, Placement
from shared.models.enums import JobStatus, Role
from shared.queue.worker import JobHandler, load_handlers, run_one

CATALOGUE_TABLES = {"skills", "skill_aliases", "skill_relations"}


class DatabaseNotEmpty(RuntimeError):
    pass


def freelancer_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Freelancer)) or 0)


def reset(session: Session) -> None:
    """Empty every table but the skill catalogue."""
    tables = [t.name for t in Base.metadata.sorted_tables if t.name not in CATALOGUE_TABLES]
    session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))


def ensure_empty(engine: Engine) -> None:
    """Refuse early (before generating anything) to write into a populated database."""
    with Session(engine) as session:
        count = freelancer_count(session)
    if count:
        raise DatabaseNotEmpty(
            f"the database already holds {count} freelancers; "
            "run `vouch demo seed --reset` to replace them with the demo agency"
        )


def prepare(
    engine: Engine, *, reset_first: bool, client_names: Sequence[str]
) -> tuple[int, str, list[int]]:
    """(admin key id, raw admin key, organisation ids by client key), committed."""
    with Session(engine) as session, session.begin():
        if reset_first:
            reset(session)
        elif freelancer_count(session):
            raise DatabaseNotEmpty(
                f"the database already holds {freelancer_count(session)} freelancers; "
                "run `vouch demo seed --reset` to replace them with the demo agency"
            )
        key = issue_key(session, role=Role.admin, name="demo seed")
        organizations = [get_or_create_organization(session, name=name).id for name in client_names]
        return key.id, key.raw_key, organizations


def drain_queue(
    engine: Engine, *, attribute_history: bool, rank: bool = True, timeout: float = 3600.0
) -> int:
    """Run the queued jobs until none is due; how many ran.

    Trust first, so that the historical placements are credited to the vouches in force when
    they happened (the referrers' track records), then trust again, then the rankings.
    """
    handlers = load_handlers()
    trust = {kind: handler for kind, handler in handlers.items() if kind == "recompute_trust"}
    ran = _drain(engine, trust, timeout)
    if attribute_history:
        _attribute_placements(engine)
        ran += _drain(engine, trust, timeout)
    if not rank:
        # The rankings stay queued for the services' worker (`vouch up` runs it).
        return ran
    return ran + _drain(engine, handlers, timeout)


def _attribute_placements(engine: Engine) -> None:
    """What the `attribute_placement` job does for each placement, in one transaction."""
    from services.referrals.attribution.service import attribute_placement

    with Session(engine) as session, session.begin():
        for placement_id in session.scalars(select(Placement.id).order_by(Placement.id)).all():
            attribute_placement(session, placement_id=placement_id)


def _drain(engine: Engine, handlers: dict[str, JobHandler], timeout: float) -> int:
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    deadline = time.monotonic() + timeout
    ran = 0
    while time.monotonic() < deadline:
        if run_one(sessions, handlers, worker_id="demo-seed") is not None:
            ran += 1
            continue
        with sessions() as session:
            # Debounced jobs are due within seconds; scheduled ones (nightly decay) are not ours.
            waiting = session.scalar(
                select(func.count())
                .select_from(Job)
                .where(
                    Job.status == JobStatus.queued.value,
                    Job.kind.in_(list(handlers)),
                    Job.attempts == 0,
                    Job.run_after < func.now() + timedelta(seconds=30),
                )
            )
        if not waiting:
            return ran
        time.sleep(0.2)
    return ran


def failed_jobs(engine: Engine) -> list[str]:
    """Jobs that failed while the seed drained the queue (kind and the error's last line)."""
    with Session(engine) as session:
        rows = session.execute(
            select(Job.kind, Job.last_error).where(
                (Job.status == JobStatus.dead.value)
                | ((Job.status == JobStatus.queued.value) & (Job.attempts > 0))
            )
        ).all()
    return [f"{kind}: {_last_line(error)}" for kind, error in rows]


def _last_line(error: str | None) -> str:
    lines = (error or "").strip().splitlines()
    return lines[-1] if lines else "no error recorded"
