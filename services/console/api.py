"""Calls to the three services as the signed-in person (their session token as bearer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from services.console.settings import get_console_settings


class ServiceDown(Exception):
    """A service did not answer (connection refused, timeout, 502-504)."""

    def __init__(self, service: str) -> None:
        super().__init__(service)
        self.service = service


@dataclass
class ApiProblem(Exception):
    """A service answered with a problem document (4xx)."""

    status: int
    title: str
    detail: str
    errors: list[dict[str, Any]]
    retry_after: str | None = None

    def __str__(self) -> str:
        return self.detail or self.title


_clients: dict[str, httpx.AsyncClient] = {}


def _client(service: str) -> httpx.AsyncClient:
    client = _clients.get(service)
    if client is None:
        settings = get_console_settings()
        client = httpx.AsyncClient(
            base_url=settings.service_url(service), timeout=settings.timeout_seconds
        )
        _clients[service] = client
    return client


async def close_clients() -> None:
    for client in _clients.values():
        await client.aclose()
    _clients.clear()


def _problem(response: httpx.Response) -> ApiProblem:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    return ApiProblem(
        status=response.status_code,
        title=str(body.get("title") or response.reason_phrase),
        detail=str(body.get("detail") or ""),
        errors=list(body.get("errors") or []),
        retry_after=response.headers.get("retry-after"),
    )


async def call(
    service: str,
    method: str,
    path: str,
    *,
    token: str | None,
    json: Any = None,
    params: dict[str, Any] | None = None,
    files: Any = None,
    headers: dict[str, str] | None = None,
) -> Any:
    """JSON of a 2xx answer (None for 204); ApiProblem for 4xx; ServiceDown otherwise."""
    response = await _send(
        service, method, path, token=token, json=json, params=params, files=files, headers=headers
    )
    if response.status_code == 204 or not response.content:
        return None
    content_type = response.headers.get("content-type", "")
    if "json" in content_type:
        return response.json()
    return response.text


async def raw(
    service: str, path: str, *, token: str, params: dict[str, Any] | None = None
) -> httpx.Response:
    """The whole response (CSV downloads, CV files)."""
    return await _send(service, "GET", path, token=token, params=params)


async def _send(
    service: str,
    method: str,
    path: str,
    *,
    token: str | None,
    json: Any = None,
    params: dict[str, Any] | None = None,
    files: Any = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """A 2xx response; ApiProblem for 4xx; ServiceDown when the service does not answer."""
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    clean = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    try:
        response = await _client(service).request(
            method, path, json=json, params=clean, files=files, headers=all_headers
        )
    except httpx.HTTPError as exc:
        raise ServiceDown(service) from exc
    if response.status_code >= 500:
        raise ServiceDown(service)
    if response.status_code >= 400:
        raise _problem(response)
    return response
