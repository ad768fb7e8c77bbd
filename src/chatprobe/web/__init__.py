"""Web: the team review UI over the core API (FastAPI, server-rendered pages with JSON twins)."""
