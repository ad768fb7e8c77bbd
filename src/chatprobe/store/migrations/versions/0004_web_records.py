"""Conduct-case records (each case database).

The web server's tables (users, case access, sessions, login attempts) were created here too, in every
database; they now belong to the server's own chain (``store/server_migrations``). Databases migrated before
keep them (empty in a case database); fresh case databases no longer get them.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_record",
        sa.Column("id", sa.Integer, primary_key=True),  # one row per case database
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("organisation", sa.Text, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("opinion", sa.Text, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("referral", sa.Text, nullable=False),  # referral to prosecutors, if any
    )
    op.create_table(
        "subject",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),  # e.g. PC, DS, staff grade
        sa.Column("status", sa.String(16), nullable=False),  # serving | former | staff
        sa.Column("identifiers", sa.Text, nullable=False),  # JSON list: collar number, phone, …
        sa.Column("members", sa.Text, nullable=False),  # JSON list of chat members (names as analysed)
    )
    op.create_table(
        "allegation",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject_id", sa.Integer, sa.ForeignKey("subject.id"), nullable=False),
        sa.Column("standards", sa.Text, nullable=False),  # JSON list
        sa.Column("categories", sa.Text, nullable=False),  # JSON list
        sa.Column("findings", sa.Text, nullable=False),  # JSON list of message ids
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_table(
        "severity_assessment",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject_id", sa.Integer, sa.ForeignKey("subject.id"), nullable=False),
        sa.Column("level", sa.String(40), nullable=False),
        sa.Column("rationale", sa.Text, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject_id", sa.Integer, sa.ForeignKey("subject.id"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("served_on", sa.String(10), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "representation",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject_id", sa.Integer, sa.ForeignKey("subject.id"), nullable=False),
        sa.Column("received_on", sa.String(10), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("representation", "notice", "severity_assessment", "allegation", "subject", "case_record"):
        op.drop_table(name)
