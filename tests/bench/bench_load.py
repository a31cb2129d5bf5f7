"""Time `bench_matching.load_synthetic` alone: COPY a synthetic agency into a scratch database.

    python -m tests.bench.bench_load --sizes 100000,1000000

The loader is shared by bench_matching and bench_http; at 1M it decides whether the HTTP run
fits the `make bench` budget. Prints seconds per size with the row counts and the load average.
"""

from __future__ import annotations

import argparse
import os
import time

from sqlalchemy import create_engine, text

from shared.cli.database import command_database
from shared.db.migrate import upgrade
from tests.bench.bench_matching import load_synthetic
from tests.support.database import scratch_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000")
    args = parser.parse_args()
    with command_database() as base:
        for size in (int(s) for s in args.sizes.split(",") if s):
            with scratch_database(base, prefix="vouch_bench_load") as url:
                upgrade(url)
                started = time.perf_counter()
                load_synthetic(url, size)
                seconds = time.perf_counter() - started
                engine = create_engine(url)
                with engine.connect() as connection:
                    skills = connection.execute(text("SELECT count(*) FROM freelancer_skills"))
                    skill_rows = skills.scalar_one()
                engine.dispose()
                load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
                print(
                    f"load_synthetic {size:>9,} profiles, {skill_rows:,} skill rows: "
                    f"{seconds:.1f} s (load average {load})",
                    flush=True,
                )


if __name__ == "__main__":
    main()
