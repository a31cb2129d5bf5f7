"""CV files of freelancer profiles: upload (text extracted, skills read) and download."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile as StarletteUploadFile

from services.intake.cv import service
from services.intake.cv.schemas import CvUploadRead
from services.intake.cv.settings import get_cv_settings
from services.intake.taxonomy import current_taxonomy
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.errors import PROBLEM_RESPONSES, ValidationProblem, field_error
from shared.idempotency import IdempotencyDep
from shared.uploads import MULTIPART_CSV

router = APIRouter(prefix="/v1/freelancers", tags=["freelancers"])

# Multipart framing around the file; a body beyond limit + this is refused before it is parsed.
_MULTIPART_OVERHEAD = 64 * 1024


def _refuse_oversized(request: Request) -> None:
    """413 on the declared length, before the idempotency digest parses the whole body."""
    length = request.headers.get("content-length", "")
    limit = get_cv_settings().max_cv_bytes
    if length.isdigit() and int(length) > limit + _MULTIPART_OVERHEAD:
        raise service.too_large()


async def _uploaded_file(request: Request) -> UploadFile:
    """The multipart field `file` (parsed once; the idempotency digest shares the parse)."""
    try:
        form = await request.form()
    except Exception as exc:  # the multipart parser raises several types for bad bodies
        raise ValidationProblem(
            "The multipart/form-data body could not be parsed.",
            errors=[{"field": "file", "message": str(exc)[:200]}],
        ) from exc
    upload = form.get("file")
    if not isinstance(upload, StarletteUploadFile):
        raise field_error(
            "file", "send the CV (PDF, DOCX or text) as the multipart/form-data field 'file'"
        )
    return upload  # type: ignore[return-value]


@router.post(
    "/{freelancer_id}/cv",
    response_model=CvUploadRead,
    status_code=201,
    openapi_extra=MULTIPART_CSV,
    responses={code: PROBLEM_RESPONSES[code] for code in (404, 413, 422)},
    dependencies=[Depends(_refuse_oversized)],
)
def upload_cv(
    freelancer_id: int,
    principal: StaffPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
    upload: Annotated[UploadFile, Depends(_uploaded_file)],
) -> JSONResponse:
    """Upload a CV (multipart field `file`): PDF, DOCX or plain text, recognised by content.

    The text becomes the profile's `cv_text` (the file is kept), the profile's skills are
    extracted again, and the answer lists the skills the CV names with their evidence.
    Encrypted, damaged or mislabelled files, images and scans without a text layer are a 422
    and change nothing; files over VOUCH_MAX_CV_BYTES (10 MiB) a 413.
    """
    limit = get_cv_settings().max_cv_bytes
    content = upload.file.read(limit + 1)
    if len(content) > limit:
        raise service.too_large()
    uploaded = service.upload_cv(
        session,
        principal=principal,
        freelancer_id=freelancer_id,
        filename=upload.filename or "cv",
        content=content,
        taxonomy=current_taxonomy(session),
    )
    return idem.respond(uploaded, status_code=201)


@router.get(
    "/{freelancer_id}/cv",
    response_class=Response,
    responses={
        200: {
            "description": "The latest uploaded CV file, with its detected media type",
            "content": {"application/pdf": {}, "text/plain": {}},
        },
        404: PROBLEM_RESPONSES[404],
    },
)
def download_cv(freelancer_id: int, principal: StaffPrincipal, session: SessionDep) -> Response:
    """The latest uploaded CV file as it was uploaded (404 when there is none)."""
    row = service.latest_cv(session, principal=principal, freelancer_id=freelancer_id)
    return Response(
        content=row.content,
        media_type=row.media_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(row.filename)}",
            "X-Content-Type-Options": "nosniff",
        },
    )
