"""The investigator's workbench: tags on messages, saved searches, and full-text search over every message
(SQLite FTS5 over the message table, filled incrementally; PostgreSQL full-text search on an expression index).

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "message_tag",
        sa.Column("message_id", sa.String(64), primary_key=True),
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tag.id"), primary_key=True),
        sa.Column("tagged_by", sa.Text, nullable=False),
        sa.Column("tagged_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_message_tag_tag", "message_tag", ["tag_id"])
    op.create_table(
        "saved_search",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(96), nullable=False, unique=True),
        sa.Column("params", sa.Text, nullable=False),  # JSON: q and filters
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_message_sender", "message", ["sender"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE message_fts USING fts5(text, content='message', content_rowid='rowid', "
                   "tokenize='unicode61 remove_diacritics 2')")
        op.create_table("search_state", sa.Column("id", sa.Integer, primary_key=True),
                        sa.Column("indexed_to", sa.BigInteger, nullable=False))
    else:
        op.execute("CREATE INDEX ix_message_fts ON message USING gin (to_tsvector('simple', coalesce(text, '')))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_table("search_state")
        op.execute("DROP TABLE message_fts")
    else:
        op.execute("DROP INDEX ix_message_fts")
    op.drop_index("ix_message_sender", "message")
    op.drop_table("saved_search")
    op.drop_index("ix_message_tag_tag", "message_tag")
    op.drop_table("message_tag")
    op.drop_table("tag")
