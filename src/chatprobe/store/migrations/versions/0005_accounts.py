"""Accounts that can be taken away, and a login limit that cannot be used to lock people out: login
attempts keep the user name and client address apart, sessions record when and from where they began,
and known devices (a long-lived cookie given at a successful login) are remembered per user.

Now a no-op on databases without the web tables (they belong to the server's own chain, which creates them
at their current shape); kept for databases migrated when 0004 still created them.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _has_web_tables() -> bool:
    return "web_login_attempt" in sa.inspect(op.get_bind()).get_table_names()


def upgrade() -> None:
    if not _has_web_tables():
        return
    with op.batch_alter_table("web_login_attempt") as b:
        b.add_column(sa.Column("username", sa.String(64)))
        b.add_column(sa.Column("address", sa.String(90)))
        b.add_column(sa.Column("known_device", sa.Boolean))
    op.create_index("ix_login_attempt_user", "web_login_attempt", ["username", "at"])
    op.create_index("ix_login_attempt_address", "web_login_attempt", ["address", "at"])
    with op.batch_alter_table("web_session") as b:
        b.add_column(sa.Column("created_at", sa.String(32)))
        b.add_column(sa.Column("address", sa.String(90)))
    op.create_table(
        "web_device",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("last_used_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_device_user", "web_device", ["username"])


def downgrade() -> None:
    if not _has_web_tables():
        return
    op.drop_index("ix_device_user", "web_device")
    op.drop_table("web_device")
    with op.batch_alter_table("web_session") as b:
        b.drop_column("address")
        b.drop_column("created_at")
    op.drop_index("ix_login_attempt_address", "web_login_attempt")
    op.drop_index("ix_login_attempt_user", "web_login_attempt")
    with op.batch_alter_table("web_login_attempt") as b:
        b.drop_column("known_device")
        b.drop_column("address")
        b.drop_column("username")
