"""Workflow rules and data protection: headcount, consent withdrawal, legal basis, erasure.

Revision ID: 0010
Revises: 0005
Create Date: 2026-12-02 07:23:23.376770
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "erased_funnel_facts",
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("source_type", sa.String(length=32), nullable=False),
        sa.Column("channel_group", sa.String(length=32), nullable=False),
        sa.Column("presented_on", postgresql.ARRAY(sa.Date()), nullable=False),
        sa.Column("placed_on", postgresql.ARRAY(sa.Date()), nullable=False),
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erased_funnel_facts")),
    )
    op.create_index(
        op.f("ix_erased_funnel_facts_added_on"), "erased_funnel_facts", ["added_on"], unique=False
    )
    op.create_table(
        "subject_operations",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.BigInteger(), nullable=True),
        sa.Column("into_id", sa.BigInteger(), nullable=True),
        sa.Column("steps", postgresql.ARRAY(sa.String(length=32)), nullable=False),
        sa.Column("done_steps", postgresql.ARRAY(sa.String(length=32)), nullable=False),
        sa.Column("scrub_terms", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("trigger", sa.String(length=32), nullable=False),
        sa.Column("requested_by_key_id", sa.BigInteger(), nullable=True),
        sa.Column("summary", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("kind IN ('erase', 'merge')", name=op.f("ck_subject_operations_kind")),
        sa.CheckConstraint(
            "subject_type IN ('freelancer', 'contact')",
            name=op.f("ck_subject_operations_subject_type"),
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_key_id"],
            ["api_keys.id"],
            name=op.f("fk_subject_operations_requested_by_key_id_api_keys"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_operations")),
    )
    op.create_index(
        op.f("ix_subject_operations_subject_id"), "subject_operations", ["subject_id"], unique=False
    )
    op.add_column("audit_log", sa.Column("endpoint", sa.String(length=300), nullable=True))
    op.create_index("ix_audit_log_created", "audit_log", ["created_at", "id"], unique=False)
    op.add_column(
        "contacts",
        sa.Column(
            "legal_basis",
            sa.String(length=32),
            server_default="legitimate_interest",
            nullable=False,
        ),
    )
    op.add_column(
        "freelancers", sa.Column("consent_withdrawn_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("freelancers", sa.Column("retention_until", sa.Date(), nullable=True))
    op.add_column("freelancers", sa.Column("phone", sa.String(length=40), nullable=True))
    op.alter_column("placements", "freelancer_id", existing_type=sa.BIGINT(), nullable=True)
    op.add_column(
        "reviews",
        sa.Column("added_manually", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.add_column(
        "staffing_requests",
        sa.Column("headcount", sa.Integer(), server_default="1", nullable=False),
    )
    op.create_check_constraint(
        op.f("ck_staffing_requests_headcount_range"),
        "staffing_requests",
        "headcount BETWEEN 1 AND 100",
    )
    op.create_check_constraint(
        op.f("ck_contacts_legal_basis"),
        "contacts",
        "legal_basis IN ('consent', 'legitimate_interest', 'contract')",
    )
    op.create_index(
        "ix_freelancers_name_lower", "freelancers", [sa.text("lower(name)")], unique=False
    )
    op.create_index(
        "ix_freelancers_consent_withdrawn",
        "freelancers",
        ["id"],
        unique=False,
        postgresql_where=sa.text("consent_withdrawn_at IS NOT NULL"),
    )
    for name, part in (("head", "left"), ("tail", "right")):
        op.create_index(
            f"ix_freelancers_summary_{name}",
            "freelancers",
            [sa.text(rf"md5(lower(regexp_replace({part}(summary, 120), '\s+', ' ', 'g')))")],
            unique=False,
        )


def downgrade() -> None:
    op.drop_index("ix_freelancers_summary_tail", table_name="freelancers")
    op.drop_index("ix_freelancers_consent_withdrawn", table_name="freelancers")
    op.drop_index("ix_freelancers_summary_head", table_name="freelancers")
    op.drop_index("ix_freelancers_name_lower", table_name="freelancers")
    op.drop_constraint(op.f("ck_contacts_legal_basis"), "contacts", type_="check")
    op.drop_constraint(
        op.f("ck_staffing_requests_headcount_range"), "staffing_requests", type_="check"
    )
    op.drop_column("staffing_requests", "headcount")
    op.drop_column("reviews", "added_manually")
    op.alter_column("placements", "freelancer_id", existing_type=sa.BIGINT(), nullable=False)
    op.drop_column("freelancers", "phone")
    op.drop_column("freelancers", "retention_until")
    op.drop_column("freelancers", "consent_withdrawn_at")
    op.drop_column("contacts", "legal_basis")
    op.drop_index("ix_audit_log_created", table_name="audit_log")
    op.drop_column("audit_log", "endpoint")
    op.drop_index(op.f("ix_subject_operations_subject_id"), table_name="subject_operations")
    op.drop_table("subject_operations")
    op.drop_index(op.f("ix_erased_funnel_facts_added_on"), table_name="erased_funnel_facts")
    op.drop_table("erased_funnel_facts")
