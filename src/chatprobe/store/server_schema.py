"""The web server's own tables (``<home>/server.db`` or ``serve --db``), with their own metadata and migration
chain (``store/server_migrations``): users, case access, sessions, login attempts, known browsers, the cases
registered on other databases, and the server's audit log (same shape as a case's)."""

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, Text

from chatprobe.store.schema import audit_table

metadata = MetaData()

audit_log = audit_table(metadata)

web_user = Table(
    "web_user", metadata,
    Column("username", String(64), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("disabled", Boolean, nullable=False),
)

web_case = Table("web_case", metadata, Column("name", String(96), primary_key=True), Column("db_url", Text))

web_case_access = Table(
    "web_case_access", metadata,
    Column("username", String(64), primary_key=True),
    Column("case_name", String(96), primary_key=True),
)

web_session = Table(
    "web_session", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(64), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("created_at", String(32)),
    Column("address", String(90)),
)

web_login_attempt = Table(
    "web_login_attempt", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(160), nullable=False),
    Column("at", String(32), nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("username", String(64)),
    Column("address", String(90)),
    Column("known_device", Boolean),
)

web_device = Table(
    "web_device", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("last_used_at", String(32), nullable=False),
)
