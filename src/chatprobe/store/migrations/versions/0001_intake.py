"""Evidence intake and chat import: evidence, members, runs, chats, participants, messages, events.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SHA = sa.String(64)


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("sha256", SHA, primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("original_name", sa.Text, nullable=False),
        sa.Column("original_path", sa.Text, nullable=False),
        sa.Column("stored_path", sa.Text, nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("imported_by", sa.Text, nullable=False),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("tool_version", sa.String(32), nullable=False),
    )
    op.create_table(
        "evidence_member",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("evidence_sha256", SHA, sa.ForeignKey("evidence.sha256"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("sha256", SHA, nullable=False),
        sa.UniqueConstraint("evidence_sha256", "name"),
    )
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("run_by", sa.Text, nullable=False),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("tool_version", sa.String(32), nullable=False),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_table(
        "intake",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("import_run_id", sa.Integer, sa.ForeignKey("import_run.id"), nullable=False),
        sa.Column("evidence_sha256", SHA, nullable=False),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "chat",
        sa.Column("id", sa.String(96), primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("source_file", sa.Text, nullable=False),
        sa.Column("source_sha256", SHA, nullable=False),
        sa.Column("evidence_sha256", SHA, sa.ForeignKey("evidence.sha256"), nullable=False),
        sa.Column("layout", sa.String(48), nullable=False),
        sa.Column("date_order", sa.String(8)),
        sa.Column("date_order_source", sa.String(16)),
        sa.Column("layout_evidence", sa.Text, nullable=False),
        sa.Column("import_run_id", sa.Integer, sa.ForeignKey("import_run.id"), nullable=False),
        sa.Column("message_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.String(96), sa.ForeignKey("chat.id"), nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("phone", sa.String(32)),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.UniqueConstraint("chat_id", "display_name"),
    )
    op.create_table(
        "message",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("chat_id", sa.String(96), sa.ForeignKey("chat.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("timestamp_raw", sa.Text, nullable=False),
        sa.Column("timestamp", sa.String(32)),
        sa.Column("sender", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("system_type", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("edited", sa.Boolean, nullable=False),
        sa.Column("reply_to", sa.String(64)),
        sa.Column("source_file", sa.Text, nullable=False),
        sa.Column("source_sha256", SHA, nullable=False),
        sa.Column("line_start", sa.Integer, nullable=False),
        sa.Column("line_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_message_chat_position", "message", ["chat_id", "position"], unique=True)
    op.create_index("ix_message_chat_timestamp", "message", ["chat_id", "timestamp"])
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(64), sa.ForeignKey("message.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("present", sa.Boolean, nullable=False),
        sa.Column("size", sa.BigInteger),
        sa.Column("sha256", SHA),
    )
    op.create_index("ix_attachment_message", "attachment", ["message_id"])
    op.create_table(
        "membership_event",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.String(96), sa.ForeignKey("chat.id"), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("timestamp", sa.String(32)),
        sa.Column("detail", sa.Text),
    )
    op.create_index("ix_membership_chat", "membership_event", ["chat_id"])
    op.create_table(
        "import_warning",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("import_run_id", sa.Integer, sa.ForeignKey("import_run.id"), nullable=False),
        sa.Column("chat_id", sa.String(96)),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("import_warning", "membership_event", "attachment", "message", "participant", "chat",
                  "intake", "import_run", "evidence_member", "evidence"):
        op.drop_table(table)
