"""Web users, case access and sessions (used in the server database), and conduct-case records (used in
each case database).

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
        "web_user",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),  # admin | investigator | reviewer | read-only
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
    )
    op.create_table(
        "web_case",
        sa.Column("name", sa.String(96), primary_key=True),
        sa.Column("db_url", sa.Text),  # None: <home>/<name>/case.db
    )
    op.create_table(
        "web_case_access",
        sa.Column("username", sa.String(64), sa.ForeignKey("web_user.username"), primary_key=True),
        sa.Column("case_name", sa.String(96), primary_key=True),
    )
    op.create_table(
        "web_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), sa.ForeignKey("web_user.username"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "web_login_attempt",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(160), nullable=False),  # username and client address
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
    )
    op.create_index("ix_login_attempt_key", "web_login_attempt", ["key", "at"])
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
    op.drop_index("ix_login_attempt_key", "web_login_attempt")
    for name in ("web_login_attempt", "web_session", "web_case_access", "web_case", "web_user"):
        op.drop_table(name)
