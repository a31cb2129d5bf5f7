"""longer summaries: whole CVs of up to 100,000 characters

Revision ID: 0006
Revises: 0009
Create Date: 2026-12-02 08:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Autogenerate does not compare check constraints: replace it by hand.
    op.drop_constraint(op.f("ck_freelancers_summary_length"), "freelancers", type_="check")
    op.create_check_constraint(
        op.f("ck_freelancers_summary_length"), "freelancers", "char_length(summary) <= 100000"
    )


def downgrade() -> None:
    # Longer summaries would violate the old limit: cut them rather than fail the downgrade.
    op.execute(
        "UPDATE freelancers SET summary = left(summary, 20000) WHERE char_length(summary) > 20000"
    )
    op.drop_constraint(op.f("ck_freelancers_summary_length"), "freelancers", type_="check")
    op.create_check_constraint(
        op.f("ck_freelancers_summary_length"), "freelancers", "char_length(summary) <= 20000"
    )
