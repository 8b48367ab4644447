"""The layering rules of the design, checked on the source itself."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "nextround"
FORBIDDEN_IN_DOMAIN = {
    "sqlalchemy", "alembic", "fastapi", "starlette", "click", "typer", "jinja2", "rich",
    "httpx", "requests", "socket", "sqlite3", "smtplib", "imaplib", "subprocess", "urllib.request",
    "psycopg", "uvicorn", "nextround.storage", "nextround.web", "nextround.cli",
    "nextround.services", "nextround.mail", "tokenizers", "safetensors", "weasyprint",
    "matplotlib",
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _hits(names: set[str], forbidden: set[str]) -> set[str]:
    return {n for n in names for f in forbidden if n == f or n.startswith(f + ".")}


@pytest.mark.parametrize("path", sorted((SRC / "domain").glob("*.py")), ids=lambda p: p.name)
def test_domain_is_pure(path: Path) -> None:
    assert not _hits(imports_of(path), FORBIDDEN_IN_DOMAIN)


def test_only_storage_imports_sqlalchemy() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("storage/"):
            continue
        if _hits(imports_of(path), {"sqlalchemy", "alembic"}):
            offenders.append(rel)
    assert offenders == []


def test_every_module_opens_with_a_docstring() -> None:
    missing = [
        p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
        if "migrations" not in p.parts and p.stat().st_size
        and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []


def test_help_starts_without_the_web_stack_or_database() -> None:
    code = (
        "import sys\nfrom nextround.cli import run\n"
        "try:\n    run(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('fastapi', 'sqlalchemy', 'rich', 'numpy', 'uvicorn', 'jinja2')"
        " if m in sys.modules]\nprint('HEAVY:' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ}, check=True).stdout.strip().splitlines()[-1]
    assert out == "HEAVY:"


def test_every_registered_command_has_help_and_is_documented() -> None:
    from nextround.cli import COMMANDS

    reference = (SRC.parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, (_target, help_text) in COMMANDS.items():
        assert help_text
        assert f"nextround {name}" in reference, f"`nextround {name}` missing from docs/cli.md"
