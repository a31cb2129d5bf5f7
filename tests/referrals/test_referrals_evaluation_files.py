"""Real trust networks read from files: SNAP signed ratings, Advogato certifications."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from services.referrals.evaluation import files
from shared.cli.main import app as vouch_cli

DAY = 86_400


def _write_trade(path: Path, rows: list[tuple[str, str, int, int]], *, header: bool) -> None:
    lines = ["SOURCE,TARGET,RATING,TIME"] if header else []
    lines += [f"{a},{b},{value},{time}" for a, b, value, time in rows]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt") as handle:
        handle.write("\n".join(lines) + "\n")


def test_trade_file_is_read_with_days_dense_ids_and_seeds_from_before_the_split(
    tmp_path: Path,
) -> None:
    start = 1_300_000_000
    rows = []
    # "7" is praised by three raters early on; "9" by four, but one warned about them early.
    rows += [(rater, "7", 5, start + i * DAY) for i, rater in enumerate(["1", "2", "3"])]
    rows += [(rater, "9", 10, start + i * DAY) for i, rater in enumerate(["1", "2", "3", "4"])]
    rows += [("5", "9", -10, start + 5 * DAY)]
    rows += [("1", "2", 1, start + (10 + i) * DAY) for i in range(40)]  # a repeat pair
    rows += [("8", "7", -10, start + 400 * DAY)]  # after the split: cannot affect the seeds
    path = tmp_path / "otc.csv.gz"
    _write_trade(path, rows, header=True)
    ratings = files.read_trade(path)
    names = ["1", "7", "2", "3", "9", "4", "5", "8"]  # first appearance order
    assert ratings.size == len(names)
    assert ratings.day[0] == 0.0 and ratings.day[-1] == pytest.approx(400.0)
    assert np.all(np.diff(ratings.day) >= 0)  # ordered in time, same-day rows as written
    assert ratings.value[:2].tolist() == [5.0, 10.0]
    seeds = {names[i] for i in ratings.seeds.tolist()}
    assert "7" in seeds and "2" in seeds  # most distinct positive raters
    assert "9" not in seeds  # warned before the split
    assert len(seeds) == files.TRADE_SEEDS


def test_trade_file_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    _write_trade(path, [("1", "2", 5, 1), ("2", "1", 12, 2)], header=False)
    with pytest.raises(files.NetworkFileError, match=r"bad.csv:2: rating 12"):
        files.read_trade(path)


def test_konect_certifications_drop_observers_and_take_the_majority_level(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.advogato"
    path.write_text(
        "% asym positive\n% 7 5 5\n"
        "1 2 1.0\n3 2 1.0\n4 2 0.6\n"  # 2: master by majority
        "1 3 0.8\n2 3 0.6\n"  # 3: a tie, the lower level (apprentice)
        "1 4 0.4\n",  # an observer certification: dropped
    )
    ratings, level = files.read_certification(path)
    ids = {"1": 0, "2": 1, "3": 2, "4": 3}
    assert ratings.source.size == 5
    assert sorted(set(ratings.value.tolist())) == [1.0, 2.0, 3.0]
    assert level[ids["2"]] == 3
    assert level[ids["3"]] == 1
    assert level[ids["1"]] == 0  # certified by nobody
    assert ids["2"] in ratings.seeds.tolist()  # most master certifications


def test_dot_and_named_levels_are_read_alike(tmp_path: Path) -> None:
    dot = tmp_path / "advogato.dot"
    dot.write_text(
        'digraph G {\n"raph" -> "alan" [level="Master"];\n"alan" -> "bob" [level="Journeyer"];\n}\n'
    )
    named = tmp_path / "named.txt"
    named.write_text("raph alan master\nalan bob journeyer\n")
    first, first_level = files.read_certification(dot)
    second, second_level = files.read_certification(named)
    assert first.value.tolist() == second.value.tolist() == [3.0, 2.0]
    assert first_level.tolist() == second_level.tolist() == [0, 3, 2]
    bad = tmp_path / "bad.txt"
    bad.write_text("a b grandmaster\n")
    with pytest.raises(files.NetworkFileError, match=r"bad\.txt:1"):
        files.read_certification(bad)


def test_evaluate_trust_runs_on_given_files_and_refuses_a_bad_flag(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    rows = []
    for i in range(1500):
        a, b = rng.integers(1, 200, 2)
        if a != b:
            rows.append((str(a), str(b), int(rng.choice([1, 2, 5, -10])), 1_300_000_000 + i * DAY))
    trade_file = tmp_path / "otc.csv"
    _write_trade(trade_file, rows, header=False)
    runner = CliRunner()
    output = tmp_path / "report"
    result = runner.invoke(
        vouch_cli,
        ["evaluate", "--trust", "--network", f"trade={trade_file}", "--output", str(output)],
    )
    assert result.exit_code == 0, result.output
    report = (output / "trust.md").read_text()
    assert f"trade ratings from {trade_file}" in report
    assert "edge AUC, directed personalised PageRank" in report
    assert "Three-level certification network\n" in report  # still the generated one

    refused = runner.invoke(vouch_cli, ["evaluate", "--trust", "--network", "trade"])
    assert refused.exit_code == 2 and "KIND=PATH" in refused.output
    unknown = runner.invoke(vouch_cli, ["evaluate", "--trust", "--network", f"social={trade_file}"])
    assert unknown.exit_code == 2 and "unknown network kind 'social'" in unknown.output
    without_trust = runner.invoke(
        vouch_cli, ["evaluate", "--text", "--network", f"trade={trade_file}"]
    )
    assert without_trust.exit_code == 2 and "add --trust" in without_trust.output
