"""Hash-chained audit log and review decisions.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.String(48), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),  # canonical JSON
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_table(
        "review_decision",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(64), sa.ForeignKey("message.id"), nullable=False),
        sa.Column("stage", sa.Integer, nullable=False),  # 1 first review, 2 second review
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),  # confirm | dismiss | escalate
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("analysis_run.id")),
    )
    op.create_index("ix_review_message", "review_decision", ["message_id", "stage", "id"])


def downgrade() -> None:
    op.drop_index("ix_review_message", "review_decision")
    op.drop_table("review_decision")
    op.drop_table("audit_log")
