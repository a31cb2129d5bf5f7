"""Schemathesis drives every documented operation with generated input: never a 500.

Each service's OpenAPI schema is loaded in-process; requests run inside the test's transaction
(`client_for`), authenticated as an admin so every operation is reachable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from services.intake.main import app as intake_app
from services.matching.main import app as matching_app
from services.referrals.main import app as referrals_app
from tests.support.keys import TestKeys

FUZZ_SETTINGS = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _fuzz(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


intake_schema = _fuzz(intake_app)
referrals_schema = _fuzz(referrals_app)
matching_schema = _fuzz(matching_app)


def _call(
    case: Any, app: FastAPI, client_for: Callable[[FastAPI], TestClient], keys: TestKeys
) -> None:
    client_for(app)  # installs the transactional session for this app
    case.call_and_validate(headers=keys.admin, checks=[not_a_server_error])


@intake_schema.parametrize()
@FUZZ_SETTINGS
def test_intake_never_500(
    case: Any, client_for: Callable[[FastAPI], TestClient], keys: TestKeys
) -> None:
    _call(case, intake_app, client_for, keys)


@referrals_schema.parametrize()
@FUZZ_SETTINGS
def test_referrals_never_500(
    case: Any, client_for: Callable[[FastAPI], TestClient], keys: TestKeys
) -> None:
    _call(case, referrals_app, client_for, keys)


@matching_schema.parametrize()
@FUZZ_SETTINGS
def test_matching_never_500(
    case: Any, client_for: Callable[[FastAPI], TestClient], keys: TestKeys
) -> None:
    _call(case, matching_app, client_for, keys)


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
