"""Public trust networks read from files, for `vouch evaluate --trust --network KIND=PATH`.

The generated networks are stand-ins; these readers let the same evaluation run on the real ones
(we do not ship them: they are large and under their owners' terms).

- `trade`: a signed, timestamped rating list as SNAP publishes Bitcoin-OTC and Bitcoin-Alpha
  (`soc-sign-bitcoinotc.csv[.gz]`): `source,target,rating,time` per line, ratings −10 … +10,
  time in seconds since 1970. The agency's people (the seeds) are the `TRADE_SEEDS` traders with
  the most distinct positive raters before the time split and no negative rating before it:
  chosen from the training period only, so nothing after the split leaks in.
- `certification`: Advogato-style certifications, either KONECT's `out.advogato` (`source
  target weight [time]`, weight 0.4 observer, 0.6 apprentice, 0.8 journeyer, 1.0 master; lines
  starting with `%` are comments), plain `source target level` with levels 1–3 or their names,
  or Trustlet's dot lines (`"a" -> "b" [level="Master"]`). Observer certifications say nothing
  about skill and are dropped. A node's level is the one most of its certifiers gave (ties go to
  the lower level); the seeds are the `CERTIFICATION_SEEDS` nodes with the most master
  certifications.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from services.referrals.evaluation.networks import Ratings
from shared.cli.evaluate import EvaluationInputError

SPLIT_QUANTILE = 0.8  # the trade network is split in time: 80 % of ratings before, 20 % after
TRADE_SEEDS = 5
CERTIFICATION_SEEDS = 4
_SECONDS_PER_DAY = 86_400.0
_LEVEL_NAMES = {"observer": 0, "apprentice": 1, "journeyer": 2, "master": 3}
_KONECT_WEIGHTS = {0.4: 0, 0.6: 1, 0.8: 2, 1.0: 3}
_DOT_EDGE = re.compile(r'"?([^"\s]+)"?\s*->\s*"?([^"\s\[]+)"?\s*\[\s*level\s*=\s*"?(\w+)"?', re.I)


class NetworkFileError(EvaluationInputError):
    """A file that cannot be read as the network it was given as; says which line and why."""


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            stripped = line.strip()
            if stripped and not stripped.startswith(("%", "#", "//", "digraph", "}", "{")):
                yield number, stripped


def _dense(source: list[str], target: list[str]) -> tuple[int, np.ndarray, np.ndarray]:
    """Node names → 0 … n − 1 in order of first appearance, row by row."""
    ids: dict[str, int] = {}
    pairs = [
        (ids.setdefault(a, len(ids)), ids.setdefault(b, len(ids)))
        for a, b in zip(source, target, strict=True)
    ]
    array = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return len(ids), array[:, 0].copy(), array[:, 1].copy()


def read_trade(path: Path) -> Ratings:
    """A SNAP signed-rating CSV as `Ratings` (days since the first rating), seeds chosen."""
    source: list[str] = []
    target: list[str] = []
    values: list[float] = []
    times: list[float] = []
    for number, line in _lines(path):
        fields = [field.strip() for field in line.split(",")]
        if len(fields) < 4:
            raise NetworkFileError(f"{path}:{number}: expected source,target,rating,time")
        try:
            value, time = float(fields[2]), float(fields[3])
        except ValueError:
            if number == 1:
                continue  # a header line
            raise NetworkFileError(f"{path}:{number}: rating and time must be numbers") from None
        if not -10 <= value <= 10 or value != int(value):
            raise NetworkFileError(f"{path}:{number}: rating {fields[2]} is not in −10 … 10")
        source.append(fields[0])
        target.append(fields[1])
        values.append(value)
        times.append(time)
    if not values:
        raise NetworkFileError(f"{path}: no ratings")
    size, src, dst = _dense(source, target)
    day = (np.array(times) - min(times)) / _SECONDS_PER_DAY
    order = np.argsort(day, kind="stable")
    value_array = np.array(values)[order]
    src, dst, day = src[order], dst[order], day[order]
    seeds = _trade_seeds(size, src, dst, value_array, day)
    return Ratings(size, src, dst, value_array, day, seeds)


def _trade_seeds(
    size: int, src: np.ndarray, dst: np.ndarray, value: np.ndarray, day: np.ndarray
) -> np.ndarray:
    before = day < float(np.quantile(day, SPLIT_QUANTILE))
    warned = np.bincount(dst[before & (value < 0)], minlength=size) > 0
    praised = before & (value > 0)
    pairs = np.unique(src[praised] * size + dst[praised])
    raters = np.bincount(pairs % size, minlength=size).astype(np.float64)
    raters[warned] = -1.0
    ranked = np.argsort(-raters, kind="stable")
    return np.sort(ranked[: min(TRADE_SEEDS, size)])


def _level(token: str, weights: bool) -> int | None:
    name = token.strip().strip('"').lower()
    if name in _LEVEL_NAMES:
        return _LEVEL_NAMES[name]
    try:
        number = float(name)
    except ValueError:
        return None
    if weights:
        return _KONECT_WEIGHTS.get(round(number, 1))
    return int(number) if number in (0, 1, 2, 3) else None


def read_certification(path: Path) -> tuple[Ratings, np.ndarray]:
    """Certifications as `Ratings` with values 1 … 3, and each node's level (0 = none given)."""
    rows: list[tuple[int, str, str, str, float]] = []
    for number, line in _lines(path):
        dot = _DOT_EDGE.search(line)
        if dot:
            rows.append((number, dot.group(1), dot.group(2), dot.group(3), 0.0))
            continue
        fields = line.replace(",", " ").split()
        if len(fields) < 3:
            raise NetworkFileError(f"{path}:{number}: expected source, target and level")
        when = float(fields[3]) if len(fields) > 3 and _is_number(fields[3]) else 0.0
        rows.append((number, fields[0], fields[1], fields[2], when))
    numeric = [float(r[3]) for r in rows if _is_number(r[3])]
    weights = any(round(v, 1) in (0.4, 0.6, 0.8) for v in numeric)
    kept: list[tuple[str, str, int, float]] = []
    for number, a, b, token, when in rows:
        given = _level(token, weights)
        if given is None:
            raise NetworkFileError(f"{path}:{number}: {token!r} is not a certification level")
        if given > 0:
            kept.append((a, b, given, when))
    if not kept:
        raise NetworkFileError(f"{path}: no certifications above observer")
    size, src, dst = _dense([k[0] for k in kept], [k[1] for k in kept])
    value = np.array([k[2] for k in kept], dtype=np.float64)
    times = np.array([k[3] for k in kept], dtype=np.float64)
    day = (times - times.min()) / _SECONDS_PER_DAY if times.any() else times
    counts = np.zeros((size, 4), dtype=np.int64)
    np.add.at(counts, (dst, value.astype(np.int64)), 1)
    # argmax takes the first maximum: ties go to the lower level.
    level = np.where(counts.sum(axis=1) > 0, counts.argmax(axis=1), 0)
    seeds = np.sort(np.argsort(-counts[:, 3], kind="stable")[: min(CERTIFICATION_SEEDS, size)])
    return Ratings(size, src, dst, value, day, seeds), level


def _is_number(token: str) -> bool:
    try:
        float(token)
    except ValueError:
        return False
    return True
