"""Lint settings: what each layer says, merged in order of precedence, each value with where it
came from.

Precedence, highest first: the command line; the settings file of the repository being linted
(`.termbase.toml`, `termbase.toml` or `pyproject.toml`, found from the linted files' folder
upwards, or `--config`); the term base's own `[lint]` table; the defaults. Severities merge
rule by rule; every other key is taken whole from the highest layer that sets it.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from termbase.catalog import RULES
from termbase.errors import TermbaseError
from termbase.finding import Severity

OFF_BY_DEFAULT = frozenset({"LT104", "LT106"})
KEYS = ("severity", "include", "exclude", "source-language", "target-language", "as-of")
DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class LintSettings:
    """The settings in force. `root`: the folder that include/exclude patterns are relative to
    (the settings file's); `origins`: for each setting, where its value came from."""

    severities: dict[str, Severity | None] = field(default_factory=dict)  # None: off
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source_lang: str | None = None
    target_lang: str | None = None
    root: Path | None = None
    origins: dict[str, str] = field(default_factory=dict)
    as_of: str | None = None  # "auto" or an ISO date: judge texts on a date (lint --as-of)

    def severity(self, code: str) -> Severity | None:
        if code in self.severities:
            return self.severities[code]
        return None if code in OFF_BY_DEFAULT else RULES[code].severity

    def included(self, path: Path, walked_from: Path | None = None) -> bool:
        """Whether a file found below a folder passes `include` (when set) and `exclude`. A
        pattern matches the path relative to the settings' folder or to the folder walked,
        the path as given, its name, or any folder above it ("legacy" excludes legacy/...)."""
        names = _candidates(path, self.root, walked_from)
        if self.include and not any(_matches(names, g) for g in self.include):
            return False
        return not any(_matches(names, g) for g in self.exclude)

    def excluded(self, path: Path) -> bool:
        """Whether a file named on the command line (or opened in an editor) is left out: the
        same `include` and `exclude` as a folder walk (as ruff's --force-exclude), so that a
        hook that names every changed file lints what the settings say and nothing else."""
        return not self.included(path)


def _candidates(path: Path, *roots: Path | None) -> list[str]:
    out = [path.as_posix(), path.name]
    resolved = path.resolve()
    for root in roots:
        if root is None:
            continue
        try:
            out.append(resolved.relative_to(root.resolve()).as_posix())
        except ValueError:
            continue
    return out


def _matches(names: list[str], pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    for name in names:
        if fnmatch.fnmatch(name, pattern):
            return True
        parts = PurePosixPath(name).parts
        # a folder pattern: any leading part of the path
        if any(fnmatch.fnmatch("/".join(parts[:k]), pattern) for k in range(1, len(parts))):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Layer:
    """One source of settings: its table, where it is, the folder its patterns are relative to."""

    table: dict[str, Any]
    origin: str
    root: Path | None = None


def parse_settings(table: dict[str, Any], where: str) -> LintSettings:
    """One [lint] table on its own; a wrong value raises a TermbaseError that says where."""
    return merge([Layer(table, where)])


def _check(layer: Layer) -> None:
    where, table = layer.origin, layer.table
    for key in table:
        if key not in KEYS:
            raise TermbaseError(f"{where}: unknown key {key!r} in [lint]")
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise TermbaseError(f"{where}: [lint] severity must be a table [lint.severity]")
    for code, value in severity.items():
        if code not in RULES or not code.startswith("LT"):
            raise TermbaseError(f"{where}: [lint.severity] names {code!r}, not a lint rule")
        if value not in ("error", "warning", "off"):
            raise TermbaseError(f"{where}: [lint.severity] {code} must be error, warning or off")
    for key in ("include", "exclude"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TermbaseError(f"{where}: [lint] {key} must be a list of glob patterns")
    for key in ("source-language", "target-language"):
        if key in table and not isinstance(table[key], str):
            raise TermbaseError(f"{where}: [lint] {key} must be a language tag")
    if "as-of" in table:
        import datetime as dt

        value = table["as-of"]
        if isinstance(value, dt.date):
            table["as-of"] = value.isoformat()
        elif value != "auto":
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                raise TermbaseError(
                    f'{where}: [lint] as-of must be "auto" or a date such as 2016-01-01'
                ) from None


def merge(layers: list[Layer]) -> LintSettings:
    """The settings of `layers`, lowest precedence first."""
    severities: dict[str, Severity | None] = {}
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    root: Path | None = None
    for layer in layers:
        _check(layer)
        for code, value in layer.table.get("severity", {}).items():
            severities[code] = None if value == "off" else Severity(value)
            origins[f"severity.{code}"] = layer.origin
        for key in KEYS[1:]:
            if key in layer.table:
                values[key] = layer.table[key]
                origins[key] = layer.origin
                if key in ("include", "exclude"):
                    root = layer.root
    return LintSettings(
        severities,
        tuple(values.get("include", ())),
        tuple(values.get("exclude", ())),
        values.get("source-language"),
        values.get("target-language"),
        root,
        origins,
        values.get("as-of"),
    )


def describe(settings: LintSettings) -> list[tuple[str, str, str]]:
    """Every setting in force as (name, value, where it came from), for --show-settings."""
    rows: list[tuple[str, str, str]] = []
    for key, value in (
        ("source-language", settings.source_lang),
        ("target-language", settings.target_lang),
        ("include", list(settings.include)),
        ("exclude", list(settings.exclude)),
        ("as-of", settings.as_of),
    ):
        shown = repr(value) if value not in (None, []) else "(not set)"
        rows.append((key, shown, settings.origins.get(key, DEFAULT)))
    for code in sorted(c for c in RULES if c.startswith("LT")):
        sev = settings.severity(code)
        rows.append(
            (
                f"severity.{code}",
                sev.value if sev else "off",
                settings.origins.get(f"severity.{code}", DEFAULT),
            )
        )
    return rows
