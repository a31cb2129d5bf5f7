"""Matching benchmark: ranking latency, index memory and training time.

    python -m tests.bench.bench_matching --sizes 10000,100000,1000000

For each size a synthetic agency (about 30 skills per profile over a 600-skill catalogue with
Zipf popularity, languages, rates, locations, trust for 30 %, profile text) is fed through the
same builder the service uses after loading from Postgres (`TextEncoder.fit` + `IndexSegment`);
generating rows in numpy instead of loading a million profiles through Postgres keeps the run
short. The smallest size (`--db-size`) is additionally loaded through a scratch Postgres
database (DATABASE_URL's server, or the embedded one) with the service's loader and ranked
through `LiveIndex`, to show the database path. Each size ranks `--requests` requests of 8
skills (2-4 must-have) for the top 50, after warm-up, timing `rank` plus the explanation text.
Training fits the constrained ranker on `--train-pairs` labelled (request, freelancer) pairs
and compares it with the prior on the time-split holdout.

Memory, per size: the index's bytes; the build peak, i.e. how far resident memory rose above the
generated source while building (sampled every 2 ms; freed pages are returned to the OS before,
so the build cannot hide in them), and its ratio to the index; and process RSS after the build
with the source dropped (interpreter and libraries included), as the service holds it.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import numpy as np
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES, FEATURES
from services.matching.index.catalogue import Catalogue
from services.matching.index.columns import (
    CatalogueRows,
    FreelancerColumns,
    IndexSource,
    LanguageRows,
    PlacementRows,
    SkillRows,
    TrustRows,
    language_code_number,
)
from services.matching.index.live import LiveIndex
from services.matching.index.memory import release_free_memory
from services.matching.index.segment import IndexSegment
from services.matching.index.text import TextEncoder
from services.matching.modelops.dataset import TrainingData
from services.matching.modelops.training import fit_and_compare
from services.matching.ranking.engine import IndexSnapshot, rank
from services.matching.ranking.explain import summary
from services.matching.ranking.query import RequestQuery
from services.matching.scoring.prior import prior_model
from services.matching.settings import MatchingSettings
from shared.cli.database import command_database
from shared.db.migrate import upgrade
from shared.trust_features import TRUST_FEATURES
from tests.bench.bulk_load import (
    binary_tuples,
    bulk_session,
    copy_binary,
    copy_text,
    deferred_constraints,
)
from tests.bench.rss import PeakRss, rss_bytes
from tests.support.database import scratch_database

SKILLS = 600
TOP_K = 50
LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pl", "pt"]
COUNTRIES = ["DE", "AT", "CH", "NL", "PL"]
CITIES = [
    "berlin",
    "munich",
    "hamburg",
    "cologne",
    "frankfurt",
    "vienna",
    "zurich",
    "amsterdam",
    "warsaw",
    "stuttgart",
    "leipzig",
    "dresden",
    "graz",
    "basel",
    "krakow",
    "",
]
START = date(2027, 3, 1).toordinal()
# Raw trust values: counts up to a few, shares up to 1.
TRUST_SCALE = np.array([1, 4, 2, 1, 2, 1, 1, 1][: len(TRUST_FEATURES)], dtype=np.float64)


def _skill_probabilities() -> np.ndarray:
    weights = 1.0 / (np.arange(SKILLS) + 30.0)  # the top skill is on ~28 % of profiles
    return weights / weights.sum()


def catalogue_rows(rng: np.random.Generator) -> CatalogueRows:
    source = rng.integers(1, SKILLS + 1, 400)
    target = rng.integers(1, SKILLS + 1, 400)
    keep = source != target
    pairs = np.unique(np.column_stack([source[keep], target[keep]]), axis=0)
    return CatalogueRows(
        skill_ids=np.arange(1, SKILLS + 1, dtype=np.int64),
        names=[f"skill{i}" for i in range(1, SKILLS + 1)],
        relation_source=pairs[:, 0],
        relation_target=pairs[:, 1],
        relation_weight=rng.uniform(0.3, 0.8, len(pairs)).astype(np.float32),
    )


def synthetic_source(n: int, seed: int = 1) -> IndexSource:
    """A synthetic agency of `n` profiles, built with numpy only."""
    rng = np.random.default_rng(seed)
    ids = np.arange(1, n + 1, dtype=np.int64)
    per_person = rng.integers(20, 41, n)
    owners = np.repeat(ids, per_person)
    skills = rng.choice(SKILLS, size=len(owners), p=_skill_probabilities()) + 1
    # np.unique's hashing takes seconds per million here; a sort and a neighbour test do not.
    keys = np.sort(owners * 1024 + skills)
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    owners, skills = keys // 1024, keys % 1024
    m = len(owners)
    skill_rows = SkillRows(
        freelancer_ids=owners,
        skill_ids=skills,
        level=rng.integers(1, 6, m).astype(np.int8),
        years=np.where(rng.random(m) < 0.2, np.nan, rng.gamma(2.0, 2.5, m)).astype(np.float32),
        last_used=np.where(rng.random(m) < 0.2, 0, rng.integers(2008, 2027, m)).astype(np.int16),
    )
    del keys
    speaks = rng.random((n, len(LANGUAGES))) < np.array(
        [0.9, 0.6, 0.15, 0.1, 0.08, 0.08, 0.05, 0.05]
    )
    person, language = np.nonzero(speaks)
    languages = LanguageRows(
        freelancer_ids=ids[person],
        codes=np.array([language_code_number(c) for c in LANGUAGES], dtype=np.int32)[language],
        level=rng.integers(2, 8, len(person)).astype(np.int8),
    )
    trusted = np.flatnonzero(rng.random(n) < 0.3)
    trust = TrustRows(
        ids[trusted],
        (rng.random((len(trusted), len(TRUST_FEATURES))) * TRUST_SCALE).astype(np.float32),
    )
    placed = np.flatnonzero(rng.random(n) < 0.05)
    placements = PlacementRows(
        ids[placed],
        rng.integers(1, 5, len(placed)).astype(np.float32),
        rng.integers(0, 3, len(placed)).astype(np.float32),
    )
    vocabulary = np.array([f"w{i}" for i in range(5000)])
    word_p = 1.0 / (np.arange(5000) + 20.0)
    words = vocabulary[rng.choice(5000, size=(n, 18), p=word_p / word_p.sum())]
    starts = np.searchsorted(owners, ids)
    texts = [
        " ".join(row) + f" skill{skills[s]} skill{skills[s + 1]}"
        for row, s in zip(words.tolist(), np.minimum(starts, m - 2).tolist(), strict=True)
    ]
    freelancers = FreelancerColumns(
        ids=ids,
        day_rate=rng.integers(300, 1300, n).astype(np.float64),
        available_from=np.where(rng.random(n) < 0.5, 0, START + rng.integers(-60, 90, n)).astype(
            np.int32
        ),
        remote=rng.choice(3, size=n, p=[0.2, 0.5, 0.3]).astype(np.int8),
        engagement=rng.choice([1, 2, 3], size=n, p=[0.7, 0.1, 0.2]).astype(np.uint8),
        country=np.array(COUNTRIES)[rng.choice(5, n, p=[0.6, 0.15, 0.1, 0.1, 0.05])].tolist(),
        city=np.array(CITIES)[rng.integers(0, len(CITIES), n)].tolist(),
        texts=texts,
    )
    return IndexSource(freelancers, skill_rows, languages, trust, placements)


def synthetic_requests(count: int, seed: int = 2) -> list[RequestQuery]:
    rng = np.random.default_rng(seed)
    p = _skill_probabilities()
    queries = []
    for i in range(count):
        skills = rng.choice(SKILLS, size=8, replace=False, p=p) + 1
        must = np.zeros(8, dtype=bool)
        must[: rng.integers(2, 5)] = True
        queries.append(
            RequestQuery(
                request_id=i + 1,
                skill_ids=skills.astype(np.int64),
                skill_names=tuple(f"skill{s}" for s in skills),
                must_have=must,
                min_level=rng.integers(2, 5, 8).astype(np.int8),
                weight=rng.integers(1, 4, 8).astype(np.float64),
                start_ordinal=START,
                max_day_rate=float(rng.integers(700, 1200)),
                remote=int(rng.choice(3, p=[0.2, 0.4, 0.4])),
                country="DE",
                city="berlin" if rng.random() < 0.3 else "",
                languages=(language_code_number("en"),) if rng.random() < 0.6 else (),
                engagement=str(rng.choice(["freelance", "either"])),
                text=" ".join(f"w{w}" for w in rng.integers(0, 300, 12))
                + " "
                + " ".join(f"skill{s}" for s in skills),
                reference_year=2027,
            )
        )
    return queries


def time_rankings(
    snapshot: IndexSnapshot, queries: list[RequestQuery], settings: MatchingSettings
) -> tuple[np.ndarray, float]:
    model = prior_model(1)
    for query in queries[:5]:  # warm-up
        rank(snapshot, query, model, top_k=TOP_K, settings=settings)
    timings, cpu, considered = [], [], []
    gc.disable()
    try:
        for query in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            output = rank(snapshot, query, model, top_k=TOP_K, settings=settings)
            for candidate in output.results:
                summary(candidate)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            considered.append(output.candidates_considered)
    finally:
        gc.enable()
    # CPU time too: on a shared machine wall time also counts waiting for a core.
    CPU_TIMES.append(np.array(cpu))
    return np.array(timings), float(np.mean(considered))


CPU_TIMES: list[np.ndarray] = []


def bench_size(n: int, requests: int, settings: MatchingSettings) -> dict[str, object]:
    started = time.perf_counter()
    source = synthetic_source(n)
    generated = time.perf_counter() - started
    gc.collect()
    release_free_memory()  # so the build cannot hide in pages the generation freed
    started = time.perf_counter()
    # The source stands for what the loader hands over; the build's own peak is measured above it.
    with PeakRss() as build:
        catalogue = Catalogue(catalogue_rows(np.random.default_rng(3)))
        encoder = TextEncoder.fit(
            source.freelancers.texts,
            terms_per_profile=settings.text_terms_per_profile,
            sample=settings.text_fit_sample,
        )
        segment = IndexSegment(source, catalogue, encoder)
    built = time.perf_counter() - started
    postings = len(segment.skills)
    del source
    gc.collect()
    release_free_memory()  # as the service's build does
    rss_after_build = rss_bytes()
    snapshot = IndexSnapshot(catalogue, encoder, (segment,))
    timings, considered = time_rankings(snapshot, synthetic_requests(requests), settings)
    index_bytes = segment.nbytes() + catalogue.nbytes() + encoder.nbytes()
    return {
        "size": n,
        "path": "synthetic rows",
        "postings": postings,
        "generate_s": generated,
        "build_s": built,
        "p50": float(np.percentile(timings, 50)),
        "p95": float(np.percentile(timings, 95)),
        "max": float(timings.max()),
        "considered": considered,
        "index_mb": index_bytes / 2**20,
        "cpu_p50": float(np.percentile(CPU_TIMES[-1], 50)),
        "cpu_p95": float(np.percentile(CPU_TIMES[-1], 95)),
        "rss_before_build_mb": build.before / 2**20,
        "build_peak_mb": (build.peak - build.before) / 2**20,
        "rss_after_build_mb": rss_after_build / 2**20,
    }


def _skill_chunks(skills: SkillRows, chunk_rows: int = 1 << 20) -> Iterator[bytes]:
    """freelancer_skills as binary COPY tuples, a million rows per chunk (numpy only)."""
    for start in range(0, len(skills.freelancer_ids), chunk_rows):
        part = slice(start, start + chunk_rows)
        years = skills.years[part].astype(np.float64)
        last_used = skills.last_used[part].astype(np.int32)
        yield binary_tuples(
            [
                (">i8", skills.freelancer_ids[part], None),
                (">i8", skills.skill_ids[part], None),
                (">i4", skills.level[part], None),
                (">f8", np.round(years, 1), np.isnan(years)),
                (">i4", last_used, last_used == 0),
                ("S1", np.full(len(years), b"x"), None),
            ]
        )


def _load_people(engine: Engine, source: IndexSource) -> None:
    people = source.freelancers
    remote = np.array(["onsite", "hybrid", "remote"])
    levels = ["", "A1", "A2", "B1", "B2", "C1", "C2", "native"]
    now = datetime.now(UTC).isoformat()
    with engine.begin() as connection:
        bulk_session(connection)
        copy_text(
            connection,
            "freelancers",
            "id, name, email, headline, summary, available_from, day_rate, location_city,"
            " location_country, remote, engagement, source_type, consent_given_at,"
            " consent_method",
            (
                f"{i}\tP{i}\tp{i}@example.com\t\t{t}\t"
                f"{date.fromordinal(a).isoformat() if a else chr(92) + 'N'}\t{r:.2f}\t"
                f"{c or chr(92) + 'N'}\t{k}\t{remote[m]}\t"
                f"{{{','.join(['freelance'] * (e & 1) + ['permanent'] * (e >> 1))}}}"
                f"\tother\t{now}\tbench\n"
                for i, t, a, r, c, k, m, e in zip(
                    people.ids.tolist(),
                    people.texts,
                    people.available_from.tolist(),
                    people.day_rate.tolist(),
                    people.city,
                    people.country,
                    people.remote.tolist(),
                    people.engagement.tolist(),
                    strict=True,
                )
            ),
        )
        copy_text(
            connection,
            "freelancer_languages",
            "freelancer_id, code, level",
            (
                f"{f}\t{chr(c >> 8)}{chr(c & 255)}\t{levels[lv]}\n"
                for f, c, lv in zip(
                    source.languages.freelancer_ids.tolist(),
                    source.languages.codes.tolist(),
                    source.languages.level.tolist(),
                    strict=True,
                )
            ),
        )


def _load_skills(engine: Engine, skills: SkillRows) -> None:
    with engine.begin() as connection:
        bulk_session(connection)
        copy_binary(
            connection,
            "freelancer_skills",
            "freelancer_id, skill_id, level, years, last_used, raw_name",
            _skill_chunks(skills),
        )


def load_synthetic(url: str, n: int, *, seed: int = 11) -> None:
    """COPY a synthetic agency of `n` profiles (catalogue, profiles, skills, languages) into
    the database at `url` (migrated, empty). Profiles and their skills go in on two connections
    at once, with the loaded tables' foreign keys and secondary indexes added afterwards."""
    source = synthetic_source(n, seed=seed)
    catalogue = catalogue_rows(np.random.default_rng(3))
    engine = create_engine(url, pool_size=2)
    try:
        with engine.begin() as connection:
            bulk_session(connection)
            copy_text(
                connection,
                "skills",
                "id, slug, name, category",
                (f"{i}\tskill{i}\tskill{i}\tbench\n" for i in catalogue.skill_ids.tolist()),
            )
            copy_text(
                connection,
                "skill_relations",
                "skill_id, related_skill_id, weight",
                (
                    f"{s}\t{t}\t{w:.3f}\n"
                    for s, t, w in zip(
                        catalogue.relation_source.tolist(),
                        catalogue.relation_target.tolist(),
                        catalogue.relation_weight.tolist(),
                        strict=True,
                    )
                ),
            )
        loaded = ["freelancers", "freelancer_skills", "freelancer_languages"]
        with deferred_constraints(engine, loaded), ThreadPoolExecutor(2) as pool:
            # numpy and libpq release the GIL: the binary skills overlap the text profiles.
            jobs = [
                pool.submit(_load_skills, engine, source.skills),
                pool.submit(_load_people, engine, source),
            ]
            for job in jobs:
                job.result()
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()


def bench_database(n: int, requests: int, settings: MatchingSettings) -> dict[str, object]:
    """Load `n` synthetic profiles into a scratch database and build/rank through LiveIndex."""
    with command_database() as base, scratch_database(base, prefix="vouch_bench") as url:
        upgrade(url)
        load_synthetic(url, n)
        engine = create_engine(url)
        # No overlap window here: just after a bulk load every row is "recent", which would
        # make the steady-state poll look like a full re-read.
        index = LiveIndex(settings.model_copy(update={"change_overlap_seconds": 0.0}))
        with Session(engine) as session:
            started = time.perf_counter()
            index.ensure_fresh(session)
            built = time.perf_counter() - started
            started = time.perf_counter()
            for _ in range(20):
                index.ensure_fresh(session, force_poll=True)
            poll_ms = (time.perf_counter() - started) / 20 * 1000
        state = index.state
        assert state is not None
        timings, considered = time_rankings(
            state.snapshot(), synthetic_requests(requests), settings
        )
        engine.dispose()
    return {
        "size": n,
        "path": "Postgres -> loader",
        "postings": len(state.main.skills),
        "generate_s": 0.0,
        "build_s": built,
        "p50": float(np.percentile(timings, 50)),
        "p95": float(np.percentile(timings, 95)),
        "max": float(timings.max()),
        "considered": considered,
        "index_mb": state.nbytes() / 2**20,
        "cpu_p50": float(np.percentile(CPU_TIMES[-1], 50)),
        "cpu_p95": float(np.percentile(CPU_TIMES[-1], 95)),
        "poll_ms": poll_ms,
    }


def bench_training(pairs: int, settings: MatchingSettings) -> dict[str, float]:
    rng = np.random.default_rng(4)
    per_request = 20
    requests = pairs // per_request
    values = rng.random((requests * per_request, len(FEATURE_NAMES)))
    for spec_index, spec in enumerate(FEATURES):
        if spec.lower < 0:
            values[:, spec_index] = values[:, spec_index] * 2 - 1
    truth = np.zeros(len(FEATURE_NAMES))
    truth[FEATURE_INDEX["must_have_coverage"]] = 2.0
    truth[FEATURE_INDEX["attested_quality"]] = 1.5
    truth[FEATURE_INDEX["trusted_warnings"]] = -1.5
    latent = values @ truth + rng.normal(0, 0.7, len(values))
    grades = np.digitize(latent, np.quantile(latent, [0.4, 0.55, 0.8, 0.95])).astype(np.float64)
    groups = np.repeat(np.arange(requests, dtype=np.int64), per_request)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    data = TrainingData(
        values,
        np.zeros(len(values)),
        grades,
        groups,
        np.arange(len(values), dtype=np.int64),
        {int(r): base + timedelta(minutes=int(r)) for r in range(requests)},
    )
    started = time.perf_counter()
    _, metrics, comparison = fit_and_compare(data, prior_model(1), settings)
    seconds = time.perf_counter() - started
    return {
        "pairs": len(values),
        "seconds": seconds,
        "prior_ndcg": comparison["active_ndcg"],
        "new_ndcg": comparison["new_ndcg"],
        "better": comparison["better"],
        "train_examples": metrics["train_examples"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--db-size", type=int, default=10000, help="0 skips the Postgres path")
    parser.add_argument("--train-pairs", type=int, default=1_000_000)
    args = parser.parse_args()
    settings = MatchingSettings()
    rows = []
    if args.db_size:
        rows.append(bench_database(args.db_size, args.requests, settings))
    for size in (int(s) for s in args.sizes.split(",") if s):
        rows.append(bench_size(size, args.requests, settings))
        gc.collect()
    print(
        f"\nRanking: top {TOP_K}, requests of 8 skills (2-4 must-have), {args.requests} requests each"
    )
    print(
        f"{'profiles':>10} {'built from':<20} {'postings':>10} {'build s':>8} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'max ms':>8} {'cpu p50':>8} {'cpu p95':>8} {'scored':>9} {'index MB':>9}"
    )
    for row in rows:
        print(
            f"{row['size']:>10,} {row['path']:<20} {row['postings']:>10,} {row['build_s']:>8.1f} "
            f"{row['p50']:>8.2f} {row['p95']:>8.2f} {row['max']:>8.2f} {row['cpu_p50']:>8.2f} "
            f"{row['cpu_p95']:>8.2f} {row['considered']:>9.0f} {row['index_mb']:>9.1f}"
        )
    print(
        "\nMemory (MiB = 2^20 bytes): build peak = the most RSS grew while building, above the"
        " generated source rows it reads (the loader's output); process RSS after the build with"
        " the source dropped (the interpreter and libraries included)"
    )
    print(
        f"{'profiles':>10} {'index MiB':>10} {'build peak MiB':>15} {'peak / index':>13} "
        f"{'RSS after build MiB':>20}"
    )
    for row in rows:
        if "build_peak_mb" in row:
            index_mb = float(row["index_mb"])  # type: ignore[arg-type]
            peak_mb = float(row["build_peak_mb"])  # type: ignore[arg-type]
            print(
                f"{row['size']:>10,} {index_mb:>10.1f} {peak_mb:>15.1f} "
                f"{peak_mb / index_mb:>12.2f}x {row['rss_after_build_mb']:>20,.0f}"
            )
    for row in rows:
        if "poll_ms" in row:
            print(
                f"change poll (freshness check) on {row['size']:,} profiles: {row['poll_ms']:.2f} ms"
            )
    if args.train_pairs:
        result = bench_training(args.train_pairs, settings)
        print(
            f"\nTraining on {result['pairs']:,} labelled pairs (20 per request, 80/20 time split): "
            f"{result['seconds']:.1f} s; holdout NDCG@10 prior {result['prior_ndcg']:.3f} -> "
            f"trained {result['new_ndcg']:.3f} (activated: {result['better']})"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak process RSS (generation + build + training): {peak:,.0f} MB")


if __name__ == "__main__":
    main()
