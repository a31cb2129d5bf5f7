"""One module per page family; each is an APIRouter of HTML routes."""
