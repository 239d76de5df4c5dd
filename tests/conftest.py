from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# `termbase add` of a concept the bundled base does not have, as several tests run it
ADD_NEW_CONCEPT = (
    "add",
    "data-sovereignty",
    "--term",
    "zh-Hans=数据主权",
    "--term",
    "en=data sovereignty",
)
DATA = Path(__file__).resolve().parent / "data"

# Look-up and lint index caches go to a folder of this test run, never the user's cache.
os.environ.setdefault("TERMBASE_CACHE_DIR", tempfile.mkdtemp(prefix="termbase-test-cache-"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite expected-output files from what the code produces now (review the diff!).",
    )


class Golden:
    """Compares text with an expected-output file, byte for byte."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, actual: str, path: Path) -> None:
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))
            return
        assert path.is_file(), f"{path} is missing; run pytest --update-goldens and review it"
        expected = path.read_bytes().decode("utf-8")
        assert actual == expected


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(bool(request.config.getoption("--update-goldens")))


@pytest.fixture
def terms_dir() -> Path:
    return ROOT / "terms"


def bundled_concepts() -> int:
    """How many concepts the bundled base has (tests must not hard-code it: the base grows)."""
    from termbase.base.store import load_termbase

    return len(load_termbase([ROOT / "terms"]).concepts)


def bundled_checked() -> int:
    """How many concepts of the bundled base are constraints (not look-up-only): what an MT
    glossary holds."""
    from termbase.base.store import load_termbase

    return sum(not c.lookup_only for c in load_termbase([ROOT / "terms"]).concepts)


MT_GLOSSARIES = ("deepl", "google", "amazon")


def bundled_files() -> int:
    return len(list((ROOT / "terms").glob("*.toml")))


SHARED = Path(os.environ.get("TERMBASE_SHARED", ROOT.parent / "shared"))


def shared_file(relative: str) -> Path:
    """A file from the shared reference data next to the project. Missing: skip, but in CI
    (CI is set) fail, so that a test CI needs never silently skips."""
    path = SHARED / relative
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI needs the shared data next to the project")
        pytest.skip(f"{path} is not here")
    return path


def npm_tool(binary: str, *packages: str) -> Path:
    """A tool from npm (`packages`, with their versions), installed once per machine beside the
    test cache; the path of its `binary`. Skips without npm, and fails in CI, which has it."""
    import shutil
    import subprocess

    if shutil.which("npm") is None:
        if os.environ.get("CI"):
            pytest.fail("npm is missing; .ci/run installs it")
        pytest.skip("npm is not installed")
    folder = Path(os.environ["TERMBASE_CACHE_DIR"]).parent / "termbase-test-node"
    path = folder / "node_modules" / ".bin" / binary
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", *packages],
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=600,
        )
    return path


def export_bundled(factory: pytest.TempPathFactory, fmt: str, name: str) -> Path:
    """The bundled term base exported with `termbase export -f FMT` to a file of this run."""
    from typer.testing import CliRunner

    from termbase.cli import app

    out = factory.mktemp(fmt) / name
    args = ["export", "-f", fmt, "-t", str(ROOT / "terms"), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return out


def run_process(
    command: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    stdin: str | None = None,
    timeout: int | None = None,
) -> Any:
    """A command in its own process, its output captured as text (never raises on exit codes)."""
    import subprocess

    return subprocess.run(  # noqa: PLW1510 - check is False: the caller reads the exit code
        command, cwd=cwd, env=env, input=stdin, timeout=timeout, capture_output=True, text=True
    )


def run_module(module: str, *args: str, cwd: Path, env: dict[str, str], timeout: int) -> Any:
    """`python -m MODULE ARGS` as a separate process."""
    import sys

    return run_process([sys.executable, "-m", module, *args], cwd=cwd, env=env, timeout=timeout)
