"""Alembic migrations, run programmatically by chatprobe.store.db (no alembic.ini needed)."""
