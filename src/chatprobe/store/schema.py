"""Table definitions used by queries. The DDL itself lives in the Alembic migrations beside this file,
which are the single source of truth for what exists in a database (SQLite and PostgreSQL alike)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Integer, MetaData, String, Table, Text

metadata = MetaData()

SHA = String(64)

evidence = Table(
    "evidence", metadata,
    Column("sha256", SHA, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("original_name", Text, nullable=False),
    Column("original_path", Text, nullable=False),
    Column("stored_path", Text, nullable=False),
    Column("format", String(32), nullable=False),
    Column("imported_at", String(32), nullable=False),
    Column("imported_by", Text, nullable=False),
    Column("host", Text, nullable=False),
    Column("tool_version", String(32), nullable=False),
)

evidence_member = Table(
    "evidence_member", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("evidence_sha256", SHA, nullable=False),
    Column("name", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", SHA, nullable=False),
)

import_run = Table(
    "import_run", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("run_by", Text, nullable=False),
    Column("host", Text, nullable=False),
    Column("tool_version", String(32), nullable=False),
    Column("command", Text, nullable=False),
    Column("status", String(16), nullable=False),
)

intake = Table(
    "intake", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("import_run_id", Integer, nullable=False),
    Column("evidence_sha256", SHA, nullable=False),
    Column("source_path", Text, nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("at", String(32), nullable=False),
)

chat = Table(
    "chat", metadata,
    Column("id", String(96), primary_key=True),
    Column("platform", String(16), nullable=False),
    Column("title", Text),
    Column("source_file", Text, nullable=False),
    Column("source_sha256", SHA, nullable=False),
    Column("evidence_sha256", SHA, nullable=False),
    Column("layout", String(48), nullable=False),
    Column("date_order", String(8)),
    Column("date_order_source", String(16)),
    Column("layout_evidence", Text, nullable=False),
    Column("import_run_id", Integer, nullable=False),
    Column("message_count", Integer, nullable=False),
    Column("owner", Text),
    Column("owner_source", Text),
)

participant = Table(
    "participant", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(96), nullable=False),
    Column("display_name", Text, nullable=False),
    Column("phone", String(32)),
    Column("aliases", Text, nullable=False),
)

message = Table(
    "message", metadata,
    Column("id", String(64), primary_key=True),
    Column("chat_id", String(96), nullable=False),
    Column("position", Integer, nullable=False),
    Column("timestamp_raw", Text, nullable=False),
    Column("timestamp", String(32)),
    Column("sender", Text),
    Column("kind", String(16), nullable=False),
    Column("system_type", String(32)),
    Column("text", Text, nullable=False),
    Column("edited", Boolean, nullable=False),
    Column("reply_to", String(64)),
    Column("source_file", Text, nullable=False),
    Column("source_sha256", SHA, nullable=False),
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
)

attachment = Table(
    "attachment", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("present", Boolean, nullable=False),
    Column("size", BigInteger),
    Column("sha256", SHA),
)

membership_event = Table(
    "membership_event", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(96), nullable=False),
    Column("message_id", String(64), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("subject", Text, nullable=False),
    Column("actor", Text),
    Column("timestamp", String(32)),
    Column("detail", Text),
)

import_warning = Table(
    "import_warning", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("import_run_id", Integer, nullable=False),
    Column("chat_id", String(96)),
    Column("file", Text, nullable=False),
    Column("line", Integer),
    Column("code", String(32), nullable=False),
    Column("message", Text, nullable=False),
)

analysis_run = Table(
    "analysis_run", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("run_by", Text, nullable=False),
    Column("host", Text, nullable=False),
    Column("tool_version", String(32), nullable=False),
    Column("pipeline", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("messages", Integer, nullable=False),
)

classification = Table(
    "classification", metadata,
    Column("run_id", Integer, primary_key=True),
    Column("message_id", String(64), primary_key=True),
    Column("labels", Text, nullable=False),
    Column("result", Text, nullable=False),
)

def audit_table(meta: MetaData) -> Table:
    """The hash-chained audit log, the same in a case database and in the web server's (store/audit.py)."""
    return Table(
        "audit_log", meta,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("at", String(32), nullable=False),
        Column("actor", Text, nullable=False),
        Column("action", String(48), nullable=False),
        Column("target", Text, nullable=False),
        Column("detail", Text, nullable=False),
        Column("prev_hash", String(64), nullable=False),
        Column("hash", String(64), nullable=False),
    )


audit_log = audit_table(metadata)

review_decision = Table(
    "review_decision", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=False),
    Column("stage", Integer, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("decision", String(16), nullable=False),
    Column("note", Text, nullable=False),
    Column("at", String(32), nullable=False),
    Column("run_id", Integer),
)

case_record = Table(
    "case_record", metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("organisation", Text, nullable=False),
    Column("status", String(32), nullable=False),
    Column("opinion", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("referral", Text, nullable=False),
)

subject = Table(
    "subject", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("identifiers", Text, nullable=False),
    Column("members", Text, nullable=False),
)

allegation = Table(
    "allegation", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject_id", Integer, nullable=False),
    Column("standards", Text, nullable=False),
    Column("categories", Text, nullable=False),
    Column("findings", Text, nullable=False),
    Column("summary", Text, nullable=False),
)

severity_assessment = Table(
    "severity_assessment", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject_id", Integer, nullable=False),
    Column("level", String(40), nullable=False),
    Column("rationale", Text, nullable=False),
    Column("by", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

notice = Table(
    "notice", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject_id", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("served_on", String(10), nullable=False),
    Column("note", Text, nullable=False),
)

representation = Table(
    "representation", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject_id", Integer, nullable=False),
    Column("received_on", String(10), nullable=False),
    Column("summary", Text, nullable=False),
)


tag = Table(
    "tag", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("created_by", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

message_tag = Table(
    "message_tag", metadata,
    Column("message_id", String(64), primary_key=True),
    Column("tag_id", Integer, primary_key=True),
    Column("tagged_by", Text, nullable=False),
    Column("tagged_at", String(32), nullable=False),
)

saved_search = Table(
    "saved_search", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(96), nullable=False, unique=True),
    Column("params", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)
