"""Alembic migrations of the web server's database (its own chain, version table ``server_alembic_version``)."""
