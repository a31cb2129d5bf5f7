"""`vouch up` starts the three services and a worker per service, restarts a worker that dies,
keeps the admin key out of its captured output, and stops everything on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from sqlalchemy import Engine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.smoke
def _workers(process: subprocess.Popen[str]) -> dict[str, psutil.Process]:
    found = {}
    for child in psutil.Process(process.pid).children():
        try:
            command = child.cmdline()
        except psutil.Error:  # a killed worker not yet reaped
            continue
        if "worker" in command and "--service" in command:
            found[command[command.index("--service") + 1]] = child
    return found


def test_vouch_up_serves_all_three_and_stops_on_sigterm(
    committed_engine: Engine, database_url: str, tmp_path: Path
) -> None:
    ports = {name: _free_port() for name in ("intake", "matching", "referrals")}
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "VOUCH_DATA_DIR": str(tmp_path),
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
        # Output captured into a log: the key goes to a private file, never into the output.
        key_file = tmp_path / "admin-key"
        assert key_file.stat().st_mode & 0o777 == 0o600
        admin_key = key_file.read_text().strip()
        assert admin_key.startswith("vouch_") and admin_key not in output
        response = httpx.get(
            f"http://127.0.0.1:{ports['intake']}/v1/skills/resolve",
            params={"name": "k8s"},
            headers={"Authorization": f"Bearer {admin_key}"},
        )
        assert response.status_code == 200
        assert response.json()["canonical"] == "Kubernetes"
        # One worker per service; a worker killed outright is started again.
        workers = _workers(process)
        assert sorted(workers) == ["intake", "matching", "referrals"]
        killed = workers["matching"]
        killed.kill()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            replacement = _workers(process).get("matching")
            if replacement is not None and replacement.pid != killed.pid:
                break
            time.sleep(0.3)
        assert replacement is not None and replacement.pid != killed.pid
        assert process.poll() is None
        assert httpx.get(f"http://127.0.0.1:{ports['intake']}/readyz").status_code == 200
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
