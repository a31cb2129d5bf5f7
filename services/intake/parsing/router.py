"""`POST /v1/requests/parse`: suggested skills for a request's text (any key; stores nothing)."""

from __future__ import annotations

from fastapi import APIRouter

from services.intake.parsing import service
from services.intake.parsing.schemas import RequestParse, RequestText
from services.intake.taxonomy import current_taxonomy
from shared.auth.deps import AnyRole
from shared.db.session import SessionDep
from shared.errors import field_error

router = APIRouter(prefix="/v1/requests", tags=["requests"])


@router.post("/parse", response_model=RequestParse)
def parse_request_text(body: RequestText, principal: AnyRole, session: SessionDep) -> RequestParse:
    """Skills named in a title and description, with must-have guesses and evidence."""
    if not body.title and not body.description:
        raise field_error("description", "send a title or a description with some text")
    return service.parse(current_taxonomy(session), title=body.title, description=body.description)
