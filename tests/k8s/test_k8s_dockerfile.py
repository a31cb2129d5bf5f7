"""k8s/Dockerfile: a slim multi-stage build that runs as the non-root user the manifests expect."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

DOCKERFILE = Path(__file__).resolve().parents[2] / "k8s" / "Dockerfile"
BASE_IMAGE = "python:3.11-slim"
APP_UID = 10001  # the runAsUser of every pod in k8s/base
# No .dockerignore can sit in k8s/, so the build context is the whole checkout: copy selectively.
ALLOWED_SOURCES = {
    "pyproject.toml",
    "README.md",
    "README.md*",
    "shared/",
    "services/",
    "migrations/",
}
DEV_TOOLS = ("apt-get", "apk ", "gcc", "build-essential", "[dev]", "pytest", "ruff", "mypy")


@dataclass
class Stage:
    image: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def arguments(self, instruction: str) -> list[str]:
        return [args for name, args in self.instructions if name == instruction]


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with line continuations joined and comments dropped."""
    logical: list[str] = []
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    assert not current, "the Dockerfile ends inside a line continuation"
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in logical]


def _stages() -> list[Stage]:
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for instruction, arguments in _instructions(DOCKERFILE.read_text()):
        if instruction == "ARG" and not stages and "=" in arguments:
            key, value = arguments.split("=", 1)
            args[key.strip()] = value.strip()
        elif instruction == "FROM":
            words = [w for w in arguments.split() if not w.startswith("--platform")]
            image = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m[1], m[0]), words[0])
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else None
            stages.append(Stage(image=image, name=name))
        else:
            assert stages, f"{instruction} before the first FROM"
            stages[-1].instructions.append((instruction, arguments))
    return stages


def _env(stage: Stage) -> dict[str, str]:
    env: dict[str, str] = {}
    for arguments in stage.arguments("ENV"):
        words = shlex.split(arguments)
        if "=" not in words[0]:
            env[words[0]] = " ".join(words[1:])
            continue
        env |= dict(word.split("=", 1) for word in words)
    return env


def test_multi_stage_build_on_python_slim() -> None:
    stages = _stages()
    assert len(stages) >= 2
    names = {stage.name for stage in stages}
    for stage in stages:
        assert stage.image == BASE_IMAGE or stage.image in names, stage.image
    assert stages[-1].image == BASE_IMAGE


def test_builder_installs_the_project_into_a_venv() -> None:
    builder = _stages()[0]
    runs = " ".join(builder.arguments("RUN"))
    assert re.search(r"python -m venv (\S+)", runs)
    assert re.search(r"pip install (\S+ )*\.(\s|$)", runs), (
        "pip install . (not editable, no extras)"
    )


def test_final_stage_copies_the_venv_and_the_source() -> None:
    stages = _stages()
    final = stages[-1]
    venv = re.search(r"python -m venv (\S+)", " ".join(stages[0].arguments("RUN")))
    assert venv
    copies = final.arguments("COPY")
    assert any(c.startswith(f"--from={stages[0].name} {venv[1]}") for c in copies)
    sources = {word for c in copies if not c.startswith("--from") for word in c.split()[:-1]}
    assert {"shared/", "services/", "migrations/"} <= sources
    assert _env(final).get("PATH", "").startswith(f"{venv[1]}/bin:")


@pytest.mark.parametrize("stage_index", [0, -1], ids=["builder", "final"])
def test_copies_are_selective(stage_index: int) -> None:
    stage = _stages()[stage_index]
    assert not stage.arguments("ADD")
    for arguments in stage.arguments("COPY"):
        words = arguments.split()
        if any(word.startswith("--from=") for word in words):
            continue
        sources = [word for word in words[:-1] if not word.startswith("--")]
        assert set(sources) <= ALLOWED_SOURCES, arguments


def test_final_stage_has_no_build_or_dev_tools() -> None:
    final = _stages()[-1]
    for arguments in final.arguments("RUN"):
        assert "pip install" not in arguments
        assert not any(tool in arguments for tool in DEV_TOOLS), arguments


def test_final_stage_runs_as_the_numeric_non_root_user() -> None:
    final = _stages()[-1]
    users = final.arguments("USER")
    assert users, "the final stage must set USER"
    last_user = users[-1].split(":")
    assert last_user[0].isdigit(), "numeric, so runAsNonRoot can verify it"
    assert int(last_user[0]) == APP_UID
    assert len(last_user) == 1 or int(last_user[1]) != 0, "not the root group"


def test_final_stage_environment_and_default_command() -> None:
    final = _stages()[-1]
    env = _env(final)
    assert env.get("PYTHONDONTWRITEBYTECODE") == "1"
    [command] = final.arguments("CMD")
    assert json.loads(command) == [
        "uvicorn",
        "services.intake.main:app",
        "--host",
        "0.0.0.0",
        "--port",
        "8001",
        "--proxy-headers",
    ]
