"""`vouch evaluate --trust` (entry point `trust` of `vouch.evaluations`; `make eval-trust`).

Prints AUCs with 95 % bootstrap intervals for network trust, attested quality and the combined
trust score on generated networks with planted truth, the same for baselines computed in the
same run (directed personalised PageRank, mean rating / level), and the share of trust a
1,000-contact fake clique captures in the worst case. Writes the tables to <output>/trust.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from services.referrals.evaluation import files, networks
from services.referrals.evaluation.baselines import (
    directed_pagerank,
    mean_rating,
    pagerank_before,
)
from services.referrals.evaluation.data import Network
from services.referrals.evaluation.metrics import Estimate, auc_interval
from services.referrals.evaluation.trade import trade
from services.referrals.evaluation.vouch_trust import compute

CLIQUE_SIZE, ATTACK_EDGES = 1000, 5


def _table(title: str, rows: list[tuple[str, str]]) -> list[str]:
    lines = [f"### {title}", "", "| measure | value |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return [*lines, ""]


def _planted(
    rng: np.random.Generator, *, signal: bool
) -> tuple[list[tuple[str, str]], dict[str, Estimate]]:
    world = networks.agency(rng, signal=signal)
    result = compute(world.network)
    ids, labels = world.freelancers, world.success
    parts = {
        "network trust": auc_interval(result.network_trust[ids], labels, rng=rng),
        "attested quality": auc_interval(result.attested_quality[ids], labels, rng=rng),
        "combined trust score": auc_interval(result.score[ids], labels, rng=rng),
    }
    rows = [(f"AUC {name} (later success)", str(value)) for name, value in parts.items()]
    best_part = max(parts["network trust"].value, parts["attested quality"].value)
    if signal:
        verdict = "yes" if parts["combined trust score"].value >= best_part else "NO"
        rows.append(("combined >= each part", verdict))
    else:
        covers = all(e.low <= 0.5 <= e.high for e in parts.values())
        rows.append(("every interval covers 0.5 (trust adds nothing)", "yes" if covers else "NO"))
    rows.append(("freelancers / with a vouch", f"{ids.size} / {int(result.vouched[ids].sum())}"))
    return rows, parts


def _trade(
    rng: np.random.Generator, ratings: networks.Ratings | None = None
) -> list[tuple[str, str]]:
    ratings = ratings if ratings is not None else trade(rng)
    split = float(np.quantile(ratings.day, files.SPLIT_QUANTILE))
    network = networks.to_network(ratings, as_of=split, mapping=networks.TRADE_MAPPING)
    result = compute(network)
    train, test = ratings.day < split, ratings.day >= split
    ppr = pagerank_before(ratings, split)
    ratee, good = ratings.target[test], ratings.value[test] > 0
    rows = [
        (
            "edge AUC, Vouch network trust (next rating positive)",
            str(auc_interval(result.network_trust[ratee], good, rng=rng)),
        ),
        ("edge AUC, directed personalised PageRank", str(auc_interval(ppr[ratee], good, rng=rng))),
    ]
    # The same question for the other two numbers (what trusted raters said; the one score).
    rows += [
        (f"edge AUC, Vouch {name}", str(auc_interval(values[ratee], good, rng=rng)))
        for name, values in [
            ("attested quality", result.attested_quality),
            ("combined trust score", result.score),
        ]
    ]
    later = np.bincount(ratee, weights=ratings.value[test], minlength=ratings.size)
    rated = np.bincount(ratee, minlength=ratings.size) > 0
    nodes = np.flatnonzero(rated & ~network.internal)
    not_bad = later[nodes] >= 0  # AUC of "not later-bad": higher score, fewer bad
    mean = mean_rating(ratings.size, ratings.target[train], ratings.value[train])
    found = {}
    for name, values in [
        ("network trust", result.network_trust),
        ("attested quality", result.attested_quality),
        ("combined trust score", result.score),
        ("mean rating (baseline)", mean),
    ]:
        found[name] = auc_interval(values[nodes], not_bad, rng=rng)
        rows.append((f"node AUC, {name} (separates later-bad)", str(found[name])))
    rows.append(_versus_parts(found))
    return rows


def _versus_parts(found: dict[str, Estimate]) -> tuple[str, str]:
    """Combined score minus its best part (network trust, attested quality), 4 decimals."""
    best = max(found["network trust"].value, found["attested quality"].value)
    gap = found["combined trust score"].value - best
    return ("combined minus its best part (>= 0: combined at least as good)", f"{gap:+.4f}")


def _certification(
    rng: np.random.Generator, given: tuple[networks.Ratings, np.ndarray] | None = None
) -> tuple[list[tuple[str, str]], Network]:
    ratings, level = given if given is not None else networks.certification(rng)
    network = networks.to_network(
        ratings, as_of=float(ratings.day.max()) + 1, mapping=networks.CERTIFICATION_MAPPING
    )
    result = compute(network)
    ppr = directed_pagerank(
        ratings.size, ratings.source, ratings.target, ratings.value, ratings.seeds
    )
    mean = mean_rating(ratings.size, ratings.target, ratings.value)
    nodes = np.flatnonzero(~network.internal & (level != 2))
    master = level[nodes] == 3
    found = {
        name: auc_interval(values[nodes], master, rng=rng)
        for name, values in [
            ("network trust", result.network_trust),
            ("directed personalised PageRank", ppr),
            ("attested quality", result.attested_quality),
            ("combined trust score", result.score),
            ("mean level (baseline)", mean),
        ]
    }
    rows = [
        (f"master vs apprentice AUC, {'Vouch ' * (name == 'network trust')}{name}", str(value))
        for name, value in found.items()
    ]
    rows.append(_versus_parts(found))
    top = result.network_trust[~network.internal]
    tied = float(np.mean(top >= np.quantile(top, 0.8) - 1e-12)) if top.size else 0.0
    rows.append(("share of contacts at or above the top-fifth cut (no ties: ~0.20)", f"{tied:.3f}"))
    return rows, network


def sybil(network: Network) -> dict[str, float]:
    """Attach the worst-case clique; share of trust it captures and its best member's rank."""
    before = compute(network)
    attackers = networks.top_passers(before.state, ATTACK_EDGES)
    real = network.size
    fakes = networks.attach_clique(network, attackers, CLIQUE_SIZE)
    after = compute(network)
    clique = np.array(list(fakes))
    # Shares of the trust there is: the negative standing of the warned-against is not trust.
    raw, bounded = np.maximum(after.raw, 0.0), np.maximum(after.network_trust, 0.0)
    outside = ~after.state.internal[:real]
    best = float(bounded[clique].max())
    above = int((bounded[:real][outside] > best).sum())
    return {
        "share_raw": float(raw[clique].sum() / raw.sum()),
        "share_bounded": float(bounded[clique].sum() / bounded.sum()),
        "real_contacts_above_best_fake": float(above),
        "real_contacts_with_trust": float((bounded[:real][outside] > 0).sum()),
    }


def _sybil_rows(name: str, figures: dict[str, float]) -> list[tuple[str, str]]:
    return [
        (f"{name}: share of all trust (τ) captured", f"{figures['share_raw']:.2e} (goal <= 1e-3)"),
        (f"{name}: share of all network_trust values", f"{figures['share_bounded']:.2e}"),
        (
            f"{name}: real contacts ranked above the best fake",
            f"{figures['real_contacts_above_best_fake']:.0f} of"
            f" {figures['real_contacts_with_trust']:.0f} with trust (goal >= 1000)",
        ),
    ]


NETWORK_KINDS = ("trade", "certification")


def run(*, output: str, seed: int, network_files: Mapping[str, Path] | None = None) -> None:
    """`network_files` (kind → path) replaces a generated network with a real one."""
    given = dict(network_files or {})
    unknown = sorted(set(given) - set(NETWORK_KINDS))
    if unknown:
        raise files.NetworkFileError(
            f"unknown network kind {unknown[0]!r}; use {' or '.join(NETWORK_KINDS)}"
        )
    rng = np.random.default_rng(seed)
    lines = ["# Trust evaluation", "", f"seed {seed}; 95 % bootstrap intervals in brackets.", ""]
    planted, _ = _planted(rng, signal=True)
    lines += _table("Planted truth: an agency network with honest and dishonest vouchers", planted)
    no_signal, _ = _planted(rng, signal=False)
    lines += _table("No signal: the same network, outcomes independent of it", no_signal)
    if "trade" in given:
        title = f"Signed timestamped trade ratings from {given['trade']}, split in time (80 / 20)"
        trade_rows = _trade(rng, files.read_trade(given["trade"]))
    else:
        title = "Signed timestamped trade ratings (Bitcoin-OTC shaped), split in time (80 / 20)"
        trade_rows = _trade(rng)
    lines += _table(title, trade_rows)
    if "certification" in given:
        title = f"Three-level certification network from {given['certification']}"
        certification_rows, certification_network = _certification(
            rng, files.read_certification(given["certification"])
        )
    else:
        title = "Three-level certification network"
        certification_rows, certification_network = _certification(rng)
    lines += _table(title, certification_rows)
    agency_network = networks.agency(np.random.default_rng(seed + 1)).network
    sybil_rows = _sybil_rows("agency network", sybil(agency_network))
    sybil_rows += _sybil_rows("certification network", sybil(certification_network))
    lines += _table(
        f"Sybil: {CLIQUE_SIZE:,}-contact clique, {ATTACK_EDGES} attack edges from the top passers",
        sybil_rows,
    )
    text = "\n".join(lines)
    print(text)
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "trust.md").write_text(text + "\n", encoding="utf-8")
