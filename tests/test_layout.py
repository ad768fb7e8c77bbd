"""The layout tells the truth (issue 12): SQL lives in store/, chatprobe modules import each other at the top
(an import inside a function would hide a cycle), and every error class is in errors.py (test_errors.py)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "chatprobe"
# the one deliberate late import: the web stack loads only for `chatprobe serve` (nothing in web/ imports the CLI)
LATE_IMPORTS = {("cli/team.py", "chatprobe.web.app")}


def _modules() -> list[tuple[str, ast.Module]]:
    return [(str(p.relative_to(SRC)), ast.parse(p.read_text("utf-8"))) for p in sorted(SRC.rglob("*.py"))
            if "migrations" not in p.parts]


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.ImportFrom) and node.module:
        return [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    return []


def test_no_module_outside_store_imports_the_schema_or_builds_sql():
    offenders = []
    for name, tree in _modules():
        if name.startswith("store/"):
            continue
        for node in ast.walk(tree):
            for mod in _imported(node):
                if mod.startswith(("chatprobe.store.schema", "chatprobe.store.server_schema", "chatprobe.store.db")):
                    offenders.append(f"{name}: imports {mod}")
                if mod.startswith("sqlalchemy.") and not mod.endswith((".Connection", ".Engine")):
                    offenders.append(f"{name}: uses {mod}")
    assert not offenders, "\n".join(offenders)


def test_chatprobe_modules_import_each_other_at_the_top():
    offenders = []
    for name, tree in _modules():
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                for mod in _imported(node)[:1]:
                    if mod.startswith("chatprobe") and (name, mod) not in LATE_IMPORTS:
                        offenders.append(f"{name}:{node.lineno} imports {mod} inside {fn.name}()")
    assert not offenders, "\n".join(offenders)
