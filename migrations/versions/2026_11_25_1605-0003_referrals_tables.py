"""referrals service: changes to the tables it owns (see DESIGN.md ownership table).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # contact_trust is rewritten daily (decay): with no index on the value and half-empty pages
    # those updates are HOT. Nothing reads it ordered by the index.
    op.drop_index(op.f("ix_contact_trust_network_trust"), table_name="contact_trust")
    op.execute("ALTER TABLE contact_trust SET (fillfactor = 50)")
    # Each contact's strongest chain from the agency's people, for the trust paths in words.
    op.add_column(
        "contact_trust",
        sa.Column("trust_path", postgresql.ARRAY(sa.BigInteger()), nullable=True),
    )
    # Keyset pagination of GET /v1/contacts?sort=-created_at.
    op.create_index("ix_contacts_created", "contacts", ["created_at", "id"])
    # The trust recompute asks for the latest contact change on every run.
    op.create_index("ix_contacts_updated", "contacts", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_contacts_updated", table_name="contacts")
    op.drop_index("ix_contacts_created", table_name="contacts")
    op.drop_column("contact_trust", "trust_path")
    op.execute("ALTER TABLE contact_trust RESET (fillfactor)")
    op.create_index(
        op.f("ix_contact_trust_network_trust"), "contact_trust", ["network_trust"], unique=False
    )
