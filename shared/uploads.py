"""CSV uploads: the multipart field `file`, parsed once and shared with the idempotency digest."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request, UploadFile
from starlette.datastructures import UploadFile as StarletteUploadFile

from shared.errors import ValidationProblem, field_error


async def uploaded_csv(request: Request) -> UploadFile:
    """The multipart field `file`; a 422 naming `file` when it is missing or the body is bad.

    Read through `request.form()` (cached by Starlette) rather than a `File()` parameter, so
    the idempotency digest and the endpoint see the same parsed form.
    """
    try:
        form = await request.form()
    except Exception as exc:  # the multipart parser raises several types for bad bodies
        raise ValidationProblem(
            "The multipart/form-data body could not be parsed.",
            errors=[{"field": "file", "message": str(exc)[:200]}],
        ) from exc
    upload = form.get("file")
    if not isinstance(upload, StarletteUploadFile):
        raise field_error("file", "send the CSV as the multipart/form-data field 'file'")
    return upload  # type: ignore[return-value]


UploadedCsv = Annotated[UploadFile, Depends(uploaded_csv)]

# OpenAPI description of the body, since the endpoint takes no File() parameter.
MULTIPART_CSV: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}
