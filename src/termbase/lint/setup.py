"""The settings in force for the files being linted, layer by layer, and the term base they
name: what `termbase lint`, `termbase impact` and the language server share, so that a file
gets the same findings whichever route reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termbase.base import config as configuration
from termbase.base.files import SETTINGS_FILE, discover
from termbase.catalog import RULES
from termbase.errors import TermbaseError
from termbase.lint.settings import Layer, LintSettings, merge


@dataclass(frozen=True)
class Setup:
    settings: LintSettings
    termbase: configuration.TermbaseChoice
    settings_file: configuration.SettingsFile | None


def resolve(
    termbase: list[Path] | None,
    config: Path | None,
    linted: list[Path],
    source: str | None = None,
    target: str | None = None,
    enable: list[str] | tuple[str, ...] = (),
) -> Setup:
    """The term base and the settings in force, each layer in its order of precedence: the
    term base's own termbase.toml, the settings file found from the linted files' folder (or
    `config`), then the command line (`source`, `target`, `enable`)."""
    if config is not None:
        found = configuration.read_settings_file(config)
        if found is None:
            raise TermbaseError(f"{config}: holds no termbase settings ([lint] or [tool.termbase])")
    else:
        found = configuration.find_settings_file(configuration.start_folder(linted))
    choice = configuration.choose_termbase(termbase, found)
    layers: list[Layer] = []
    for f in discover(choice.paths):
        if f.name == SETTINGS_FILE:
            source_language, lint = configuration.termbase_settings(f)
            layers.append(Layer({"source-language": source_language}, f"{f} [termbase]"))
            if lint:
                layers.append(Layer(lint, str(f), f.parent))
    if found is not None:
        layers.append(Layer(found.lint, str(found.path), found.folder))
    cli: dict[str, Any] = {}
    for code in enable:
        if code not in RULES or not code.startswith("LT"):
            raise TermbaseError(f"--enable: {code!r} is not a lint rule")
        default = RULES[code].severity.value
        cli.setdefault("severity", {})[code] = default
    if source:
        cli["source-language"] = source
    if target:
        cli["target-language"] = target
    layers.append(Layer(cli, "command line"))
    return Setup(merge(layers), choice, found)
