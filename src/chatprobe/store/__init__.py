"""Store: the case database (SQLite by default, PostgreSQL by URL) behind one small interface."""

from chatprobe.store.db import Store, url_for

__all__ = ["Store", "url_for"]
