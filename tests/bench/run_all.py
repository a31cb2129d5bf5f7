"""`make bench`: every benchmark in tests/bench, one summary table, figures in JSON.

    python -m tests.bench.run_all [--only matching,training] [--full] [--output bench-results.json]

Runs each `tests/bench/bench_*.py` module (found by name, so a new benchmark joins by being
added) in its own process, one after another, with the arguments below (some more than once:
ranking over HTTP at 100k, and at 1M as the last run), streaming its output.
Every line a benchmark prints is kept; lines with figures are also parsed into numbers, and a
benchmark may print `BENCH-JSON {...}` lines with structured figures. The whole run has a
budget (25 minutes by default); a benchmark still running when its share is spent is stopped
and reported as such. Benchmarks print figures; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
# Arguments that keep the whole run inside the budget on a 2-core machine. A benchmark may run
# more than once (a list of argument lists): ranking over HTTP runs at 100k, then at 1M as the
# very last step, so it gets whatever time the others left and a stop there loses no other
# figure (loading a million profiles into Postgres is most of its time). `--full` adds the 1M
# bulk demo agency and longer HTTP series.
ARGUMENTS: dict[str, list[list[str]]] = {
    "bench_intake": [["--duration", "15"]],
    # 10,000 through the APIs; the 1,000,000 bulk world (about 15 minutes) only with --full.
    "bench_demo": [["--api", "10000", "--bulk", "0"]],
    # Training time is bench_training's (up to 1M pairs); no second 1M-pair fit here.
    "bench_matching": [["--sizes", "100000,1000000", "--requests", "100", "--train-pairs", "0"]],
    "bench_http": [
        ["--sizes", "100000", "--requests", "200", "--distinct", "50"],
        ["--sizes", "1000000", "--requests", "100", "--distinct", "30"],
    ],
    "bench_training": [["--requests", "10,100,1000,10000,50000"]],
}
FULL_ARGUMENTS: dict[str, list[list[str]]] = {
    "bench_demo": [["--api", "10000", "--bulk", "1000000"]],
    "bench_http": [["--sizes", "100000,1000000", "--requests", "200", "--distinct", "50"]],
}
# Runs that go after all others, in this order: (name, index into its argument lists).
LAST: tuple[tuple[str, int], ...] = (("bench_http", 1),)
HEADLINE = re.compile(
    r"p50|p95|/s\b|per second|/minute|CVs|throughput|Training|seconds|[0-9] s\b|ms\b|MB\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"[-+]?\d[\d,]*\.?\d*")
DECIMAL = re.compile(r"\d\.\d")
TABLE_HEADER = re.compile(r"\bp50\b.*\bp95\b|\bseconds\b.*\bpassed\b", re.IGNORECASE)


@dataclass
class BenchResult:
    name: str
    command: list[str]
    seconds: float = 0.0
    returncode: int | None = None
    timed_out: bool = False
    lines: list[str] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    structured: list[dict[str, Any]] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.timed_out:
            return "stopped (budget)"
        return "ok" if self.returncode == 0 else f"failed ({self.returncode})"


def discover() -> list[str]:
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def plan(names: list[str], arguments: dict[str, list[list[str]]]) -> list[tuple[str, list[str]]]:
    """(benchmark, its arguments) in run order: by name, the LAST runs at the end."""
    ordered, last = [], []
    for name in names:
        for index, run_arguments in enumerate(arguments.get(name, [[]])):
            (last if (name, index) in LAST else ordered).append(((name, index), run_arguments))
    last.sort(key=lambda item: LAST.index(item[0]))
    return [(name, run_arguments) for (name, _), run_arguments in ordered + last]


def _parse(result: BenchResult, line: str) -> None:
    if line.startswith("BENCH-JSON "):
        with contextlib.suppress(json.JSONDecodeError):
            result.structured.append(json.loads(line[len("BENCH-JSON ") :]))
        return
    result.lines.append(line)
    numbers = [float(n.replace(",", "")) for n in NUMBER.findall(line) if n.strip(",.")]
    if numbers:
        result.figures.append({"line": line.strip(), "numbers": numbers})


def command_for(name: str, arguments: list[str]) -> list[str]:
    return [sys.executable, "-m", f"tests.bench.{name}", *arguments]


def run_bench(name: str, arguments: list[str], *, budget: float, console: Console) -> BenchResult:
    command = command_for(name, arguments)
    result = BenchResult(name, command)
    console.rule(f"{name} {' '.join(arguments)}")
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Its own process group: a stop reaches the servers it started too (an orphaned
        # uvicorn would hold the output pipe open and hang the run).
        start_new_session=True,
    )
    assert process.stdout is not None

    def signal_group(signal_number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal_number)

    def stop() -> None:
        result.timed_out = True
        # SIGINT first: the benchmark's finally blocks drop its scratch database.
        signal_group(signal.SIGINT)
        threading.Timer(20, signal_group, (signal.SIGKILL,)).start()

    # A silent benchmark is stopped too: the timer does not wait for output.
    timer = threading.Timer(budget, stop)
    timer.start()
    try:
        for line in process.stdout:
            line = line.rstrip("\n")
            if not line.startswith("BENCH-JSON "):
                console.print(line, markup=False, highlight=False, soft_wrap=True)
            _parse(result, line)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        signal_group(signal.SIGKILL)
        process.wait()
    finally:
        timer.cancel()
    result.returncode = process.returncode
    result.seconds = time.monotonic() - started
    return result


def _value(value: object) -> str:
    return f"{value:,.2f}" if isinstance(value, float) else str(value)


def _headline(result: BenchResult) -> list[str]:
    """Structured rows when the benchmark gives them, else its lines that carry figures."""
    if result.structured:
        return [
            "; ".join(
                f"{group}: " + ", ".join(f"{k} {_value(v)}" for k, v in row.items())
                for group, row in entry.items()
                if isinstance(row, dict)
            )
            for entry in result.structured
        ][-10:]
    lines: list[str] = []
    in_table = False  # rows under a column header ("... p50 ms  p95 ms ...") carry no keyword
    for line in result.lines:
        stripped = line.strip()
        if TABLE_HEADER.search(stripped) and not DECIMAL.search(stripped):
            in_table = True
            lines.append(stripped)
        elif not stripped:
            in_table = False
        elif (in_table and NUMBER.search(stripped)) or (
            HEADLINE.search(stripped) and NUMBER.search(stripped)
        ):
            lines.append(stripped)
    return (lines or [f["line"] for f in result.figures])[-10:]


def summary(results: list[BenchResult], console: Console) -> None:
    table = Table(title="make bench: summary", show_lines=True)
    table.add_column("benchmark")
    table.add_column("arguments")
    table.add_column("status")
    table.add_column("wall s", justify="right")
    table.add_column("figures (headline lines)")
    for result in results:
        headline = _headline(result)
        table.add_row(
            result.name,
            " ".join(result.command[3:]),
            result.status,
            f"{result.seconds:.0f}",
            "\n".join(line[:140] for line in headline),
        )
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated names (bench_ optional)")
    parser.add_argument("--full", action="store_true", help="also the 1M-profile HTTP run")
    parser.add_argument("--budget-minutes", type=float, default=25.0)
    parser.add_argument("--output", default="bench-results.json")
    args = parser.parse_args()
    console = Console(width=max(Console().width, 140))
    names = discover()
    if args.only:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in args.only.split(",")}
        names = [n for n in names if n in wanted]
    arguments = {**ARGUMENTS, **(FULL_ARGUMENTS if args.full else {})}
    runs = plan(names, arguments)
    deadline = time.monotonic() + args.budget_minutes * 60
    results = []
    for position, (name, run_arguments) in enumerate(runs):
        remaining = deadline - time.monotonic()
        # Each run may use the time left, less a minute for every one still to come.
        share = remaining - 60 * (len(runs) - position - 1)
        if share <= 0:
            results.append(BenchResult(name, command_for(name, run_arguments), timed_out=True))
            continue
        results.append(run_bench(name, run_arguments, budget=share, console=console))
    summary(results, console)
    document = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
        },
        "budget_minutes": args.budget_minutes,
        "total_seconds": sum(r.seconds for r in results),
        "benchmarks": [asdict(r) for r in results],
    }
    Path(args.output).write_text(json.dumps(document, indent=2), encoding="utf-8")
    console.print(f"Figures: {args.output}")
    if any(r.status != "ok" for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
