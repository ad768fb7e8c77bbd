"""The exporter of a chat ("You" in its system messages): who it is, and how that is known.

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chat") as b:
        b.add_column(sa.Column("owner", sa.Text))  # the person who exported the chat; None: not known
        b.add_column(sa.Column("owner_source", sa.Text))  # "--owner", "chatprobe owner", or how it was inferred


def downgrade() -> None:
    with op.batch_alter_table("chat") as b:
        b.drop_column("owner_source")
        b.drop_column("owner")
