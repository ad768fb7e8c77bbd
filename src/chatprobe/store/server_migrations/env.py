"""Alembic environment of the server chain: the connection is handed in by chatprobe.store.db; the version
table is its own, so a server database made when the case chain still created the web tables can carry both."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True,
                  version_table="server_alembic_version")
with context.begin_transaction():
    context.run_migrations()
