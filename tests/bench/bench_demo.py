"""Demo seeding benchmark: `python -m tests.bench.bench_demo [--api 10000] [--bulk 1000000]`.

Seeds the demo agency into scratch databases on the real PostgreSQL (DATABASE_URL, else the
embedded one): through the APIs (targets: 10,000 freelancers with their network in under a
minute) and by COPY (`--bulk`; 1,000,000 in under 15 minutes). Prints wall and CPU seconds per
phase and writes them as JSON (`--json`). 0 skips a size.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from demo.model import WorldConfig
from demo.seed import seed
from shared.cli.database import command_database, migrate_to_head
from tests.support.database import scratch_database


def _run(base_url: str, freelancers: int, *, bulk: bool) -> dict[str, Any]:
    with scratch_database(base_url, prefix="vouch_bench_demo") as url:
        migrate_to_head(url)
        cpu = time.process_time()
        with tempfile.TemporaryDirectory() as folder:
            report = seed(
                url,
                WorldConfig(seed=7, freelancers=freelancers),
                reset=False,
                truth_path=Path(folder) / "truth.json",
                bulk=bulk,
                quiet=True,
            )
        world = report.world
        return {
            "path": "bulk" if bulk else "api",
            "freelancers": freelancers,
            "contacts": len(world.contacts),
            "interactions": len(world.interactions),
            "vouches": len(world.vouches),
            "decisions": len(world.reviews),
            "seconds": {name: round(value, 1) for name, value in report.seconds.items()},
            "seeder_cpu_seconds": round(time.process_time() - cpu, 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--api", type=int, default=10_000)
    parser.add_argument("--bulk", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = []
    with command_database() as base_url:
        for size, bulk in ((args.api, False), (args.bulk, True)):
            if size:
                figures.append(_run(base_url, size, bulk=bulk))
                print(json.dumps(figures[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
