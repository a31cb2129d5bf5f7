"""Trust use cases: the queued recompute, the synchronous per-freelancer refresh, the read.

Consistency: vouch changes refresh the freelancer's row in their own transaction (under a shared
advisory lock); the queued recompute takes the same lock exclusively before it reads vouches, so
it can never overwrite a fresher row with one computed from vouches it read earlier.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.referrals.settings import get_referrals_settings
from services.referrals.trust import store
from services.referrals.trust.engine import NetworkRefresh, refresh_network, trust_day
from services.referrals.trust.freelancers import (
    FreelancerTrustValue,
    assess_freelancers,
    freelancers_near,
    freelancers_with_evidence,
    store_freelancer_trust,
)
from services.referrals.trust.schemas import FreelancerTrustRead
from shared.errors import NotFound
from shared.models import Freelancer, FreelancerTrust, Job
from shared.models.enums import JobStatus
from shared.queue.jobs import enqueue
from shared.trust_features import trust_contributions

logger = logging.getLogger("vouch.referrals.trust")

RECOMPUTE_KIND = "recompute_trust"
RECOMPUTE_DEDUPE_KEY = "all"


@dataclass
class RecomputeSummary:
    network: NetworkRefresh
    freelancers_assessed: int = 0
    freelancers_written: int = 0


def schedule_recompute(session: Session) -> None:
    """Queue a debounced full-network recompute in the caller's transaction."""
    enqueue(
        session,
        kind=RECOMPUTE_KIND,
        payload={},
        dedupe_key=RECOMPUTE_DEDUPE_KEY,
        delay_seconds=2,
    )


def recompute(
    session: Session, *, as_of: date | None = None, allow_incremental: bool = True
) -> RecomputeSummary:
    """Network trust (full or incremental), then the freelancer rows it can have changed."""
    settings = get_referrals_settings()
    params = settings.trust_params()
    as_of = as_of or trust_day()
    network = refresh_network(
        session,
        params=params,
        as_of=as_of,
        max_incremental=settings.incremental_max_interactions,
        allow_incremental=allow_incremental,
    )
    clock = time.perf_counter()
    store.advisory_lock(session, store.FREELANCER_TRUST_LOCK)
    if network.mode == "full" or network.freelancer_inputs_changed:
        targets = freelancers_with_evidence(session)
    else:
        targets = freelancers_near(session, network.changed_contact_ids.tolist())
    values = assess_freelancers(
        session, targets, params=params, as_of=as_of, max_paths=settings.max_paths
    )
    written = store_freelancer_trust(session, values)
    network.seconds["freelancers"] = time.perf_counter() - clock
    logger.info(
        "trust recomputed: %s network, %d contacts written, %d/%d freelancers written",
        network.mode,
        network.written,
        written,
        len(values),
    )
    return RecomputeSummary(network, len(values), written)


def refresh_freelancers(session: Session, freelancer_ids: Iterable[int]) -> int:
    """Synchronous refresh after a vouch change (the caller holds the shared lock)."""
    settings = get_referrals_settings()
    values = assess_freelancers(
        session,
        freelancer_ids,
        params=settings.trust_params(),
        as_of=trust_day(),
        max_paths=settings.max_paths,
    )
    return store_freelancer_trust(session, values)


def lock_for_network_change(session: Session) -> None:
    """Call before writing contacts or interactions (see store.network_writes_settled)."""
    store.lock_network_writes(session)


def lock_for_vouch_change(session: Session) -> None:
    store.advisory_lock(session, store.FREELANCER_TRUST_LOCK, shared=True)


def freelancer_trust(session: Session, freelancer_id: int) -> FreelancerTrustValue:
    """The stored row, or (before the first computation) one computed now and not stored."""
    row = session.scalar(
        select(FreelancerTrust).where(FreelancerTrust.freelancer_id == freelancer_id)
    )
    if row is not None:
        return FreelancerTrustValue(
            freelancer_id, row.score, dict(row.features), list(row.paths), row.computed_at
        )
    settings = get_referrals_settings()
    value = assess_freelancers(
        session,
        [freelancer_id],
        params=settings.trust_params(),
        as_of=trust_day(),
        max_paths=settings.max_paths,
    )[freelancer_id]
    value.computed_at = session.scalar(select(func.now()))
    return value


def recompute_pending(session: Session) -> bool:
    """A network change is queued or being propagated (the debounced job, not the daily one)."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(Job)
            .where(
                Job.kind == RECOMPUTE_KIND,
                Job.dedupe_key == RECOMPUTE_DEDUPE_KEY,
                Job.status.in_([JobStatus.queued.value, JobStatus.running.value]),
            )
        )
    )


def freelancer_trust_read(session: Session, freelancer_id: int) -> FreelancerTrustRead:
    if session.get(Freelancer, freelancer_id) is None:
        raise NotFound("No freelancer with this id.")
    value = freelancer_trust(session, freelancer_id)
    # Points from the stored features with the shared weights: the score is their sum, so the
    # answer can never disagree with itself or with a match's trust contributions.
    contributions = trust_contributions(value.features)
    return FreelancerTrustRead(
        score=sum(contributions.values()),
        contributions=contributions,
        features=value.features,
        paths=value.paths,
        status="recomputing" if recompute_pending(session) else "current",
        computed_at=value.computed_at or datetime.now(UTC),
    )
