"""The tree keeps its layout: a pure core, storage and channels apart, nothing outside.

bot/ is the functional core: rules as pure functions, no Rasa, no I/O. Storage and
delivery live in storage/, the help page in web/, code that runs inside the Rasa server
in rasa_extensions/. Nothing the project runs reads from outside the repository.
"""

import ast
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What the core may import besides itself: the standard library's pure parts and the
# calendar data packages.
CORE_ALLOWED = {
    "__future__",
    "collections",
    "dataclasses",
    "difflib",
    "datetime",
    "enum",
    "functools",
    "importlib",
    "re",
    "typing",
    "zoneinfo",
    "holidays",
    "bot",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "bot").rglob("*.py")), ids=lambda p: p.name)
def test_the_core_imports_no_framework_and_does_no_io(path):
    assert imported_modules(path) - CORE_ALLOWED == set()


@pytest.mark.parametrize("package", ["storage", "web"])
def test_storage_and_web_do_not_depend_on_rasa(package):
    for path in (ROOT / package).rglob("*.py"):
        assert imported_modules(path) & {"rasa", "rasa_sdk", "actions"} == set(), path


def test_nothing_reads_from_outside_the_repository():
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    outside = re.compile(r"\.\./shared|/\s*[\"']shared[\"']")  # "../shared", ROOT.parent / "shared"
    offenders = [
        name
        for name in listed
        if name.endswith((".py", ".sh", ".yml", "Makefile"))
        and name != "tests/unit/test_layout.py"  # its own pattern
        and outside.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []
