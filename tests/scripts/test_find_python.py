"""scripts/find_python.sh: any Python 3.10 with sqlite3 and venv will do."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The interpreter this venv was made from: a real 3.10 with sqlite3 and venv.
PYTHON310 = os.path.realpath(getattr(sys, "_base_executable", sys.executable))


def find_python(path_dirs: list[Path], pyenv_root: Path, **extra: str):
    env = {
        "PATH": ":".join(map(str, path_dirs)),
        "PYENV_ROOT": str(pyenv_root),
        "HOME": str(pyenv_root),
    } | extra
    return subprocess.run(
        ["/bin/bash", str(ROOT / "scripts" / "find_python.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)
    return path


@pytest.fixture
def bare_bin(tmp_path) -> Path:
    """A PATH with the shell tools the script needs and no Python at all."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("cat", "ls", "sort", "env", "dirname"):
        (bin_dir / tool).symlink_to(subprocess.check_output(["which", tool], text=True).strip())
    return bin_dir


def test_another_310_patch_release_under_pyenv_is_used(tmp_path, bare_bin):
    other = tmp_path / "pyenv" / "versions" / "3.10.99" / "bin" / "python3.10"
    other.parent.mkdir(parents=True)
    other.symlink_to(PYTHON310)
    result = find_python([bare_bin], tmp_path / "pyenv")
    assert (result.returncode, result.stdout.strip()) == (0, str(other))


def test_a_system_python310_on_path_is_used(tmp_path, bare_bin):
    (bare_bin / "python3.10").symlink_to(PYTHON310)
    result = find_python([bare_bin], tmp_path / "no-pyenv")
    assert (result.returncode, result.stdout.strip()) == (0, str(bare_bin / "python3.10"))


def test_a_310_without_sqlite3_is_refused_with_the_reason(tmp_path, bare_bin):
    executable(
        bare_bin / "python3.10",
        f"""#!/bin/sh
exec {PYTHON310} -c "import sys; sys.modules['sqlite3'] = None; exec(sys.argv[1])" "$2"
""",
    )
    result = find_python([bare_bin], tmp_path / "no-pyenv")
    assert result.returncode == 1
    assert "no usable Python 3.10" in result.stderr
    assert "lacks the module(s) sqlite3" in result.stderr


def test_only_another_version_gives_a_clear_error(tmp_path, bare_bin):
    executable(bare_bin / "python3", "#!/bin/sh\necho 'is Python 3.11, not 3.10' >&2; exit 1\n")
    result = find_python([bare_bin], tmp_path / "no-pyenv")
    assert result.returncode == 1
    assert "no usable Python 3.10 was found" in result.stderr
    assert "AIDN_PYTHON" in result.stderr


def test_aidn_python_comes_first(tmp_path, bare_bin):
    (bare_bin / "python3.10").symlink_to(PYTHON310)
    chosen = tmp_path / "elsewhere" / "python"
    chosen.parent.mkdir()
    chosen.symlink_to(PYTHON310)
    result = find_python([bare_bin], tmp_path / "no-pyenv", AIDN_PYTHON=str(chosen))
    assert result.stdout.strip() == str(chosen)
