"""Refuse request bodies over the configured size before the app reads them."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodySizeLimitMiddleware:
    """413 problem for bodies over the limit, by Content-Length or by counting the stream.

    Multipart uploads (CSV imports) get `max_upload_bytes`; every other body `max_bytes`.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_upload_bytes = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        content_type = headers.get(b"content-type", b"")
        limit = (
            self.max_upload_bytes
            if content_type.startswith(b"multipart/form-data")
            else self.max_bytes
        )
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            await self._reject(send, limit)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised inside the app, so the problem handlers render it as a 413.
                    raise HTTPException(413, detail=self._detail(limit))
            return message

        await self.app(scope, limited_receive, send)

    @staticmethod
    def _detail(limit: int) -> str:
        return f"The request body is larger than {limit} bytes; send less."

    async def _reject(self, send: Send, limit: int) -> None:
        body = json.dumps(
            {
                "type": "https://vouch.example/problems/payload-too-large",
                "title": "Payload too large",
                "status": 413,
                "detail": self._detail(limit),
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
