"""Analysis runs and the classification of every text message they made.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analysis_run",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("run_by", sa.Text, nullable=False),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("tool_version", sa.String(32), nullable=False),
        sa.Column("pipeline", sa.Text, nullable=False),  # JSON: detectors, versions, hashes, thresholds
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("messages", sa.Integer, nullable=False),
    )
    op.create_table(
        "classification",
        sa.Column("run_id", sa.Integer, sa.ForeignKey("analysis_run.id"), primary_key=True),
        sa.Column("message_id", sa.String(64), sa.ForeignKey("message.id"), primary_key=True),
        sa.Column("labels", sa.Text, nullable=False),  # JSON list
        sa.Column("result", sa.Text, nullable=False),  # JSON: scores, severity, targets, explanations
    )


def downgrade() -> None:
    op.drop_table("classification")
    op.drop_table("analysis_run")
