"""`vouch db backup FILE` / `vouch db restore FILE`: pg_dump custom format and pg_restore.

The client tools must be at least as new as the server: we look in the embedded server's
installation (pgserver ships pg_dump and pg_restore) and on PATH, and take the first new enough.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from shared.cli.database import command_database

app = typer.Typer(help="Back up and restore the database (pg_dump custom format).")
console = Console(stderr=True)


def _server_major(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            number = int(connection.execute(text("SHOW server_version_num")).scalar_one())
    finally:
        engine.dispose()
    return number // 10000


def _tool_major(path: str) -> int:
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)
    found = re.search(r"(\d+)(?:\.\d+)?", output.stdout)
    return int(found.group(1)) if found else 0


def find_tool(name: str, *, server_major: int) -> str:
    """The first `name` binary whose major version is >= the server's."""
    candidates: list[str] = []
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        candidates.append(str(Path(POSTGRES_BIN_PATH) / name))
    except ImportError:
        pass
    on_path = shutil.which(name)
    if on_path:
        candidates.append(on_path)
    seen: list[str] = []
    for candidate in candidates:
        if not os.access(candidate, os.X_OK):
            continue
        major = _tool_major(candidate)
        seen.append(f"{candidate} ({major})")
        if major >= server_major:
            return candidate
    raise RuntimeError(
        f"no {name} of PostgreSQL {server_major} or newer found (tried: {', '.join(seen) or 'none'})"
    )


def libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password, and the environment that carries it."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    uri = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, env


def backup_database(url: str, file: Path) -> None:
    tool = find_tool("pg_dump", server_major=_server_major(url))
    uri, env = libpq_target(url)
    subprocess.run(
        [tool, "--format=custom", "--no-owner", "--no-acl", f"--file={file}", f"--dbname={uri}"],
        env=env,
        check=True,
    )


def restore_database(url: str, file: Path) -> None:
    """Replace what the dump holds, all or nothing (one transaction)."""
    tool = find_tool("pg_restore", server_major=_server_major(url))
    uri, env = libpq_target(url)
    subprocess.run(
        [
            tool,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={uri}",
            str(file),
        ],
        env=env,
        check=True,
    )


@app.command("backup")
def backup(file: Annotated[Path, typer.Argument(help="Where to write the dump")]) -> None:
    """Dump the whole database (schema and data) in pg_dump's custom format."""
    with command_database() as url:
        try:
            backup_database(url, file)
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            console.print(f"[red]Backup failed: {exc}[/red]")
            raise typer.Exit(1) from exc
    console.print(f"Backup written to {file} ({file.stat().st_size:,} bytes).")


@app.command("restore")
def restore(
    file: Annotated[Path, typer.Argument(help="A dump made by `vouch db backup`")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before replacing data")] = False,
) -> None:
    """Restore a dump; the objects it holds are replaced, in one transaction."""
    if not file.is_file():
        raise typer.BadParameter(f"{file} is not a file")
    if not yes and not typer.confirm("Replace the database's contents with this backup?"):
        raise typer.Exit(1)
    with command_database() as url:
        try:
            restore_database(url, file)
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            console.print(f"[red]Restore failed (nothing changed): {exc}[/red]")
            raise typer.Exit(1) from exc
    console.print(f"Restored {file}.")
