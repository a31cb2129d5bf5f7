"""Queue leases and a dead-letter status, API key expiry, shared rate-limit counters.

Revision ID: 0009
Revises: 0011
Create Date: 2026-12-02 08:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_counters",
        sa.Column("bucket", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "window_start", name=op.f("pk_rate_limit_counters")),
        # Counters need no WAL, replication or crash safety.
        prefixes=["UNLOGGED"],
    )
    op.create_index("ix_rate_limit_counters_window_end", "rate_limit_counters", ["window_end"])
    op.add_column("api_keys", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("jobs", sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    # Jobs claimed before leases existed keep the old 15-minute grace.
    op.execute(
        "UPDATE jobs SET locked_until = locked_at + interval '15 minutes' WHERE status = 'running'"
    )
    op.drop_constraint(op.f("ck_jobs_status"), "jobs", type_="check")
    op.execute("UPDATE jobs SET status = 'dead' WHERE status = 'failed'")
    op.create_check_constraint(
        op.f("ck_jobs_status"), "jobs", "status IN ('queued', 'running', 'done', 'dead')"
    )
    op.create_index(
        "ix_jobs_finished", "jobs", ["finished_at"], postgresql_where="finished_at IS NOT NULL"
    )
    op.create_index(
        "ix_jobs_lease", "jobs", ["locked_until"], postgresql_where="status = 'running'"
    )


def downgrade() -> None:
    op.drop_index("ix_jobs_lease", table_name="jobs", postgresql_where="status = 'running'")
    op.drop_index("ix_jobs_finished", table_name="jobs", postgresql_where="finished_at IS NOT NULL")
    op.drop_constraint(op.f("ck_jobs_status"), "jobs", type_="check")
    op.execute("UPDATE jobs SET status = 'failed' WHERE status = 'dead'")
    op.create_check_constraint(
        op.f("ck_jobs_status"), "jobs", "status IN ('queued', 'running', 'done', 'failed')"
    )
    op.drop_column("jobs", "locked_until")
    op.drop_column("api_keys", "expires_at")
    op.drop_index("ix_rate_limit_counters_window_end", table_name="rate_limit_counters")
    op.drop_table("rate_limit_counters")
