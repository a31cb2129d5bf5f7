"""A request states how many people it needs (headcount, default 1, 1 to 100)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support.keys import TestKeys


def test_headcount_defaults_to_one_and_can_be_set_and_changed(
    intake: TestClient, keys: TestKeys, request_body: Callable[..., dict[str, Any]]
) -> None:
    default = intake.post("/v1/requests", json=request_body(), headers=keys.client_a)
    assert default.status_code == 201, default.text
    assert default.json()["headcount"] == 1

    three = intake.post("/v1/requests", json=request_body(headcount=3), headers=keys.client_a)
    assert three.status_code == 201
    request_id = three.json()["id"]
    assert intake.get(f"/v1/requests/{request_id}", headers=keys.client_a).json()["headcount"] == 3
    patched = intake.patch(
        f"/v1/requests/{request_id}", json={"headcount": 2}, headers=keys.client_a
    )
    assert patched.status_code == 200
    assert patched.json()["headcount"] == 2


@pytest.mark.parametrize("bad", [0, 101, -1, "2", 1.5, True])
def test_headcount_out_of_range_or_not_an_integer_is_422(
    intake: TestClient, keys: TestKeys, request_body: Callable[..., dict[str, Any]], bad: Any
) -> None:
    response = intake.post("/v1/requests", json=request_body(headcount=bad), headers=keys.client_a)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "headcount"
