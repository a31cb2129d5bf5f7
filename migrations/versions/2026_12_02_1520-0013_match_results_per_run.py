"""match results per run: one row per match run holding its results as JSON

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 15:20:00

Storing a run's 50 results as 50 rows with two jsonb columns each cost ~6 ms of a ~10 ms
ranking call (jsonb parses, four index entries and two foreign-key checks per row, ~130 KB of
WAL); one `json` value per run (lz4-compressed where the server supports it) and the ranked
freelancer ids as a GIN-indexed array cost ~1 ms.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "match_runs",
        sa.Column(
            "results",
            postgresql.JSON(astext_type=sa.Text()),
            server_default=sa.text("'[]'::json"),
            nullable=False,
        ),
    )
    op.add_column(
        "match_runs",
        sa.Column(
            "freelancer_ids",
            postgresql.ARRAY(sa.BigInteger()),
            server_default=sa.text("'{}'::bigint[]"),
            nullable=False,
        ),
    )
    # lz4 compresses ~100 KB of explanations several times faster than the default pglz; a
    # server built without it keeps pglz.
    op.execute(
        "DO $$ BEGIN ALTER TABLE match_runs ALTER COLUMN results SET COMPRESSION lz4;"
        " EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$"
    )
    op.execute(
        """
        UPDATE match_runs m SET results = r.results, freelancer_ids = r.freelancer_ids
        FROM (
            SELECT run_id,
                   json_agg(json_build_object('rank', rank, 'freelancer_id', freelancer_id,
                                              'score', score, 'contributions', contributions,
                                              'explanation', explanation) ORDER BY rank)
                       AS results,
                   array_agg(freelancer_id ORDER BY rank) AS freelancer_ids
            FROM match_results GROUP BY run_id
        ) r
        WHERE r.run_id = m.id
        """
    )
    op.create_index(
        "ix_match_runs_freelancer_ids",
        "match_runs",
        ["freelancer_ids"],
        unique=False,
        postgresql_using="gin",
    )
    op.drop_index(op.f("ix_match_results_freelancer_id"), table_name="match_results")
    op.drop_table("match_results")


def downgrade() -> None:
    op.create_table(
        "match_results",
        sa.Column("run_id", sa.BigInteger(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("freelancer_id", sa.BigInteger(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("contributions", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("explanation", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.CheckConstraint("rank >= 1", name=op.f("ck_match_results_rank_positive")),
        sa.ForeignKeyConstraint(
            ["freelancer_id"],
            ["freelancers.id"],
            name=op.f("fk_match_results_freelancer_id_freelancers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["match_runs.id"],
            name=op.f("fk_match_results_run_id_match_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_results")),
        sa.UniqueConstraint(
            "run_id", "freelancer_id", name=op.f("uq_match_results_run_id_freelancer_id")
        ),
        sa.UniqueConstraint("run_id", "rank", name=op.f("uq_match_results_run_id_rank")),
    )
    op.create_index(
        op.f("ix_match_results_freelancer_id"), "match_results", ["freelancer_id"], unique=False
    )
    # Results naming a profile deleted since (no foreign key held them) are not restored.
    op.execute(
        """
        INSERT INTO match_results (run_id, rank, freelancer_id, score, contributions, explanation)
        SELECT m.id, r.rank, r.freelancer_id, r.score, coalesce(r.contributions, '{}'),
               coalesce(r.explanation, '{}')
        FROM match_runs m,
             json_to_recordset(m.results) AS r(rank int, freelancer_id bigint, score float8,
                                                contributions jsonb, explanation jsonb)
        WHERE EXISTS (SELECT FROM freelancers f WHERE f.id = r.freelancer_id)
        """
    )
    op.drop_index("ix_match_runs_freelancer_ids", table_name="match_runs", postgresql_using="gin")
    op.drop_column("match_runs", "freelancer_ids")
    op.drop_column("match_runs", "results")
