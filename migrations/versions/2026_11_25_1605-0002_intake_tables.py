"""intake service: changes to the tables it owns (see DESIGN.md ownership table).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 16:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Keyset pagination (created_at DESC, id DESC) for the staff-wide lists.
    op.create_index("ix_staffing_requests_created", "staffing_requests", ["created_at", "id"])
    op.create_index("ix_freelancers_created", "freelancers", ["created_at", "id"])
    # The matching index polls freelancers changed since its last look.
    op.create_index("ix_freelancers_updated_at", "freelancers", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_freelancers_updated_at", table_name="freelancers")
    op.drop_index("ix_freelancers_created", table_name="freelancers")
    op.drop_index("ix_staffing_requests_created", table_name="staffing_requests")
