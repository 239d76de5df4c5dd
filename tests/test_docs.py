"""The documentation: the README is a front door of at most 15 KB, the reference in docs/ is
generated where it can be (commands, rules), covers every command and option, and builds as a
MkDocs site with --strict (a broken link or anchor fails)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml

from termbase.cli import COMMANDS, app
from termbase.cli.reference import reference

from .conftest import ROOT, Golden, run_module

DOCS = ROOT / "docs"


def test_the_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_bytes()
    assert len(readme) <= 15 * 1024, f"README.md is {len(readme)} bytes"
    text = readme.decode("utf-8")
    for link in re.findall(r"\]\((docs/[^)#]+)", text):
        assert (ROOT / link).is_file(), link


def test_docs_cli_md_is_up_to_date(golden: Golden) -> None:
    golden.check(reference(), DOCS / "cli.md")


def test_every_command_and_option_is_in_the_reference_and_every_command_in_a_guide() -> None:
    group: Any = typer.main.get_command(app)
    assert set(group.commands) == set(COMMANDS)
    cli_md = (DOCS / "cli.md").read_text("utf-8")
    guides = "\n".join(
        p.read_text("utf-8") for p in DOCS.glob("*.md") if p.name not in {"cli.md", "rules.md"}
    )
    for name, command in group.commands.items():
        section = cli_md.split(f"## `termbase {name}`\n", 1)[1].split("\n## `termbase ", 1)[0]
        for param in command.params:
            for opt in [*param.opts, *param.secondary_opts]:
                shown = f"`{opt}`" if opt.startswith("-") else f"`{opt.upper()}"
                assert shown in section, f"{name} {opt}"
        assert f"termbase {name}" in guides or f"`{name}`" in guides, name


def _nav_files(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(_nav_files(n) for n in nav))
    if isinstance(nav, dict):
        return set().union(*(_nav_files(v) for v in nav.values()))
    return set()


def test_every_page_is_in_the_site_navigation() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    pages = {p.name for p in DOCS.glob("*.md")}
    assert _nav_files(config["nav"]) == pages


def test_the_site_builds_with_strict_links(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="mkdocs is a test extra: pip install -e '.[test]'")
    pytest.importorskip("material", reason="mkdocs-material is a test extra")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    run = run_module("mkdocs", "build", "--strict", "-d", str(site), cwd=ROOT, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    home = (site / "index.html").read_text("utf-8")
    assert "Quick start" in home  # the README, its links made relative
    assert 'href="lint/' in home
    assert (site / "cli" / "index.html").is_file()
