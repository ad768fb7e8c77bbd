"""The web server's tables at their current shape: users, case access, sessions, login attempts, known
browsers, registered cases and the server's audit log.

A server database made before this chain existed got these tables from the case chain (0003-0005): each table,
column and index is created only when missing, so such a database is taken over as it is, rows kept.

Revision ID: s0001
"""

import sqlalchemy as sa
from alembic import op

from chatprobe.store.server_schema import metadata

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

INDEXES = {  # name → (table, columns)
    "ix_login_attempt_key": ("web_login_attempt", ["key", "at"]),
    "ix_login_attempt_user": ("web_login_attempt", ["username", "at"]),
    "ix_login_attempt_address": ("web_login_attempt", ["address", "at"]),
    "ix_device_user": ("web_device", ["username"]),
}


def upgrade() -> None:
    bind = op.get_bind()
    insp = sa.inspect(bind)
    existing = set(insp.get_table_names())
    for table in metadata.sorted_tables:
        if table.name not in existing:
            table.create(bind)
            continue
        have = {c["name"] for c in insp.get_columns(table.name)}
        missing = [c for c in table.columns if c.name not in have]
        if missing:
            with op.batch_alter_table(table.name) as b:
                for c in missing:
                    b.add_column(sa.Column(c.name, c.type, nullable=True))
    insp = sa.inspect(bind)
    for name, (table_name, cols) in INDEXES.items():
        if name not in {i["name"] for i in insp.get_indexes(table_name)}:
            op.create_index(name, table_name, cols)


def downgrade() -> None:
    insp = sa.inspect(op.get_bind())
    for name, (table_name, _) in INDEXES.items():
        if name in {i["name"] for i in insp.get_indexes(table_name)}:
            op.drop_index(name, table_name)
    for table in reversed(metadata.sorted_tables):
        op.drop_table(table.name)
