"""review feature snapshot: the feature values the ranker saw when a decision was recorded

Revision ID: 0012
Revises: 0006
Create Date: 2026-12-02 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "reviews",
        sa.Column("feature_values", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column("reviews", sa.Column("feature_source", sa.String(length=16), nullable=True))
    op.create_check_constraint(
        op.f("ck_reviews_feature_source"),
        "reviews",
        "feature_source IS NULL OR feature_source IN ('match_run', 'decision_time', 'mixed')",
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_reviews_feature_source"), "reviews", type_="check")
    op.drop_column("reviews", "feature_source")
    op.drop_column("reviews", "feature_values")
