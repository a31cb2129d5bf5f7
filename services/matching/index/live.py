"""The in-process index of one matching replica, kept fresh by polling the database.

In a served process a background thread polls every `poll_interval_seconds` (started with the
app), so a ranking call never waits for the poll; elsewhere (tools, tests, a zero interval) each
ranking call polls first, at most every `poll_interval_seconds`. A poll reads counts and signatures of
the tables the index reads, plus the freelancers and trust rows changed since the last poll
(minus an overlap, so a row committed late by a long transaction is still seen). Because every
replica polls the same database, every replica converges the same way.

Small indexes (< `full_rebuild_below` profiles) simply rebuild on a profile change. Large ones
put changed profiles in a delta segment (the main copy is marked dead) and rebuild in the
background once the delta outgrows `delta_rebuild_fraction`. Trust and placement changes are
patched in place. A skill-catalogue change always rebuilds.

Contract with intake: a change to a freelancer's skills or languages must touch
`freelancers.updated_at` (that is the signal polled).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from services.matching.index import loader
from services.matching.index.catalogue import Catalogue
from services.matching.index.memory import release_free_memory
from services.matching.index.segment import IndexSegment
from services.matching.index.text import TextEncoder
from services.matching.ranking import engine
from services.matching.ranking.engine import IndexSnapshot
from services.matching.ranking.query import RequestQuery
from services.matching.ranking.why_not import WhyNot, why_not
from services.matching.scoring.model import RankingModel
from services.matching.settings import MatchingSettings, get_matching_settings
from shared.skills.taxonomy import Taxonomy

logger = logging.getLogger("vouch.matching.index")


@dataclass
class IndexState:
    catalogue: Catalogue
    encoder: TextEncoder
    main: IndexSegment
    since: datetime
    freelancer_count: int
    trust_count: int
    placements_signature: str
    catalogue_signature: str
    applied_freelancers: dict[int, datetime]
    applied_trust: dict[int, datetime]
    # The skill tables as a taxonomy (admin aliases included) for reading request text.
    taxonomy: Taxonomy | None = None
    delta: IndexSegment | None = None
    delta_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    built_at: float = field(default_factory=time.monotonic)

    def snapshot(self) -> IndexSnapshot:
        segments = (self.main,) if self.delta is None else (self.main, self.delta)
        return IndexSnapshot(self.catalogue, self.encoder, segments)

    def alive_count(self) -> int:
        delta_alive = int(self.delta.alive.sum()) if self.delta is not None else 0
        return int(self.main.alive.sum()) + delta_alive

    def nbytes(self) -> int:
        total = self.main.nbytes() + self.catalogue.nbytes() + self.encoder.nbytes()
        return total + (self.delta.nbytes() if self.delta is not None else 0)


def build_state(session: Session, settings: MatchingSettings) -> IndexState:
    """Load everything; rows changed just before the load are remembered as already applied."""
    clock = session.execute(text("SELECT clock_timestamp()")).scalar_one()
    overlap = timedelta(seconds=settings.change_overlap_seconds)
    seed = loader.poll(session, since=clock - overlap)
    catalogue = Catalogue(loader.load_catalogue(session))
    source = loader.load_source(session)
    encoder = TextEncoder.fit(
        source.freelancers.texts,
        terms_per_profile=settings.text_terms_per_profile,
        sample=settings.text_fit_sample,
    )
    main = IndexSegment(source, catalogue, encoder, text_champions=settings.text_champions)
    del source
    release_free_memory()
    return IndexState(
        taxonomy=Taxonomy.from_session(session),
        catalogue=catalogue,
        encoder=encoder,
        main=main,
        since=seed.clock - overlap,
        freelancer_count=seed.freelancer_count,
        trust_count=seed.trust_count,
        placements_signature=seed.placements_signature,
        catalogue_signature=seed.catalogue_signature,
        applied_freelancers=dict(seed.changed_freelancers),
        applied_trust=dict(seed.changed_trust),
    )


class LiveIndex:
    """Thread-safe holder: one ranking at a time uses the shared scratch buffers."""

    def __init__(self, settings: MatchingSettings | None = None) -> None:
        self.settings = settings or get_matching_settings()
        self.lock = threading.RLock()
        self.state: IndexState | None = None
        self._last_poll = 0.0
        self._rebuilder: threading.Thread | None = None
        self._poller: threading.Thread | None = None
        self._stop = threading.Event()
        self.building = False
        self.rebuilds = 0

    def ensure_fresh(self, session: Session, *, force_poll: bool = False) -> IndexState:
        """Build on first use; otherwise poll for changes when the poll interval has passed
        (unless the background poller keeps the index fresh)."""
        with self.lock:
            if self.state is None:
                self.building = True
                try:
                    self._rebuild(session)
                finally:
                    self.building = False
            elif force_poll or time.monotonic() - self._last_poll >= self._inline_after():
                self._apply(session, loader.poll(session, since=self.state.since))
                self._last_poll = time.monotonic()
            assert self.state is not None
            return self.state

    def _inline_after(self) -> float:
        """Seconds since the last poll after which a ranking call polls itself: the interval,
        or with a background poller twice that (only when the poller falls behind or fails)."""
        interval = self.settings.poll_interval_seconds
        return 2 * interval if self.polling_in_background else interval

    @property
    def polling_in_background(self) -> bool:
        return self._poller is not None and self._poller.is_alive()

    def poll_in_background(self, sessions: Callable[[], Session]) -> None:
        """Poll for changes every `poll_interval_seconds` in a daemon thread (idempotent; a zero
        interval keeps polling on the request path instead)."""
        interval = self.settings.poll_interval_seconds
        if interval <= 0 or self.polling_in_background:
            return

        def work() -> None:
            while not self._stop.wait(interval):
                try:
                    with sessions() as session:
                        self._poll_once(session)
                except Exception:
                    logger.exception("index poll failed; keeping the current index")

        self._stop.clear()
        self._poller = threading.Thread(target=work, name="vouch-index-poll", daemon=True)
        self._poller.start()

    def _poll_once(self, session: Session) -> None:
        """One poll; the query runs outside the lock, so rankings never wait for it."""
        state = self.state
        if state is None:
            self.ensure_fresh(session)
            return
        result = loader.poll(session, since=state.since)
        with self.lock:
            if self.state is state:
                self._apply(session, result)
                self._last_poll = time.monotonic()

    def stop_polling(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=5)
        self._poller = None

    def rank(self, query: RequestQuery, model: RankingModel, *, top_k: int) -> engine.RankOutput:
        with self.lock:
            assert self.state is not None, "call ensure_fresh first"
            return engine.rank(
                self.state.snapshot(), query, model, top_k=top_k, settings=self.settings
            )

    def why_not(
        self, query: RequestQuery, model: RankingModel, freelancer_id: int, *, top_k: int
    ) -> WhyNot | None:
        with self.lock:
            assert self.state is not None, "call ensure_fresh first"
            return why_not(
                self.state.snapshot(),
                query,
                model,
                freelancer_id,
                top_k=top_k,
                settings=self.settings,
            )

    def features_for(
        self, query: RequestQuery, freelancer_ids: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        with self.lock:
            assert self.state is not None, "call ensure_fresh first"
            return engine.features_for(
                self.state.snapshot(), query, freelancer_ids, settings=self.settings
            )

    def _rebuild(self, session: Session) -> None:
        self.state = build_state(session, self.settings)
        self.rebuilds += 1

    def _apply(self, session: Session, result: loader.PollResult) -> None:
        state = self.state
        assert state is not None
        if result.catalogue_signature != state.catalogue_signature:
            self._rebuild(session)
            return
        fresh = {
            i: ts
            for i, ts in result.changed_freelancers.items()
            if state.applied_freelancers.get(i) != ts
        }
        small = len(state.main) < self.settings.full_rebuild_below
        if fresh and small:
            self._rebuild(session)
            return
        if fresh:
            self._apply_profiles(session, state, np.array(sorted(fresh), dtype=np.int64))
        trust_fresh = {
            i: ts for i, ts in result.changed_trust.items() if state.applied_trust.get(i) != ts
        }
        if result.trust_count < state.trust_count:
            trust = loader.load_trust(session)
            for segment in state.snapshot().segments:
                segment.clear_trust()
                segment.set_trust(trust.freelancer_ids, trust.values)
        elif trust_fresh:
            trust = loader.load_trust(session, np.array(sorted(trust_fresh), dtype=np.int64))
            for segment in state.snapshot().segments:
                segment.set_trust(trust.freelancer_ids, trust.values)
        if result.placements_signature != state.placements_signature:
            placements = loader.load_placements(session)
            for segment in state.snapshot().segments:
                segment.set_placements(
                    placements.freelancer_ids, placements.count, placements.successes
                )
        if state.alive_count() != result.freelancer_count:
            if small:
                self._rebuild(session)
                return
            self._drop_deleted(session, state)
        overlap = timedelta(seconds=self.settings.change_overlap_seconds)
        state.since = result.clock - overlap
        state.applied_freelancers = {
            i: ts for i, ts in {**state.applied_freelancers, **fresh}.items() if ts >= state.since
        }
        state.applied_trust = {
            i: ts for i, ts in {**state.applied_trust, **trust_fresh}.items() if ts >= state.since
        }
        state.freelancer_count = result.freelancer_count
        state.trust_count = result.trust_count
        state.placements_signature = result.placements_signature

    def _apply_profiles(self, session: Session, state: IndexState, ids: np.ndarray) -> None:
        """Move changed profiles into the delta segment and retire their main copies."""
        wanted = np.union1d(state.delta_ids, ids)
        source = loader.load_source(session, wanted)
        rows = state.main.rows_of(ids)
        state.main.alive[rows[rows >= 0]] = False
        state.delta = IndexSegment(
            source,
            state.catalogue,
            state.encoder,
            text_champions=self.settings.text_champions,
        )
        state.delta_ids = state.delta.ids.copy()
        if len(state.delta) > self.settings.delta_rebuild_fraction * len(state.main):
            self._rebuild_in_background(session)

    def _drop_deleted(self, session: Session, state: IndexState) -> None:
        existing = loader.all_freelancer_ids(session)
        main_dead = ~np.isin(state.main.ids, existing)
        state.main.alive[main_dead] = False
        if state.delta is not None:
            state.delta.alive[~np.isin(state.delta.ids, existing)] = False

    def _rebuild_in_background(self, session: Session) -> None:
        bind = session.get_bind()
        if not isinstance(bind, Engine):
            self._rebuild(session)
            return
        if self._rebuilder is not None and self._rebuilder.is_alive():
            return

        def work() -> None:
            try:
                with Session(bind) as fresh_session, fresh_session.begin():
                    state = build_state(fresh_session, self.settings)
                with self.lock:
                    self.state = state
                    self.rebuilds += 1
            except Exception:
                logger.exception("background index rebuild failed; keeping the current index")

        self._rebuilder = threading.Thread(target=work, name="vouch-index-rebuild", daemon=True)
        self._rebuilder.start()


_indexes: dict[str, LiveIndex] = {}
_registry_lock = threading.Lock()


def live_index_for(session: Session) -> LiveIndex:
    """The process-wide index for the session's database."""
    key = session.get_bind().engine.url.render_as_string(hide_password=True)
    with _registry_lock:
        index = _indexes.get(key)
        if index is None:
            index = _indexes[key] = LiveIndex()
        return index


def reset_live_indexes() -> None:
    """Forget every index (tests, and settings changes)."""
    with _registry_lock:
        _indexes.clear()
