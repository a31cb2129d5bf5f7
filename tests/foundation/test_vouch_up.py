"""`vouch up` starts the three services and the worker, and stops them all on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import Engine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.smoke
def test_vouch_up_serves_all_three_and_stops_on_sigterm(
    committed_engine: Engine, database_url: str
) -> None:
    ports = {name: _free_port() for name in ("intake", "matching", "referrals")}
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        **{f"VOUCH_{name.upper()}_PORT": str(port) for name, port in ports.items()},
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "up"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        ready: dict[str, int] = {}
        deadline = time.monotonic() + 90
        while len(ready) < 3 and time.monotonic() < deadline and process.poll() is None:
            for name, port in ports.items():
                try:
                    response = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1)
                    if response.status_code == 200:
                        ready[name] = port
                except httpx.HTTPError:
                    pass
            time.sleep(0.5)
        assert sorted(ready) == ["intake", "matching", "referrals"]
        # The admin key printed by `vouch up` works against the admin-only model list.
        deadline = time.monotonic() + 30
        output = ""
        assert process.stdout is not None
        while "Press Ctrl-C" not in output and time.monotonic() < deadline:
            output += process.stdout.readline()
        admin_key = next(line for line in output.splitlines() if line.startswith("vouch_"))
        response = httpx.get(
            f"http://127.0.0.1:{ports['intake']}/v1/skills/resolve",
            params={"name": "k8s"},
            headers={"Authorization": f"Bearer {admin_key}"},
        )
        assert response.status_code == 200
        assert response.json()["canonical"] == "Kubernetes"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0
    for port in ports.values():
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
