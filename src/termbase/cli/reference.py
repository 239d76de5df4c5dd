"""docs/cli.md, the command reference, generated from the command line itself.

Every command with its help text, arguments and options (names, value, default, choices, help)
as `termbase COMMAND --help` has them. A test keeps docs/cli.md equal to `reference()`
(`pytest --update-goldens` rewrites it), so the reference cannot drift from the code.
"""

from __future__ import annotations

import enum
import inspect
from typing import Any

import typer.main

from . import COMMANDS, app

HEAD = """# Command reference

Generated from the command line's own definitions by `termbase.cli.reference` (a test checks
that it is up to date; `pytest --update-goldens` rewrites it). The guides show each command at
work: [validate](validate.md), [lookup](lookup.md), [lint](lint.md), [editing](editing.md),
[exchange](exchange.md), [Chinese text](chinese.md), [pull requests](pull-requests.md),
[mining](mining.md), [scoring](scoring.md), [editors and assistants](editors.md).

Every command exits 0 when all is well, 1 on findings, 2 when it could not do what was asked
(with one line on stderr saying why). `termbase --install-completion` installs shell completion.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _default(param: Any) -> str:
    default = param.default
    if default is None or default is False or default == () or param.required:
        return ""
    if getattr(param, "is_flag", False):
        return ""
    if isinstance(default, enum.Enum):
        default = default.value
    if callable(default):
        return ""
    return f"`{default}`"


def _value(param: Any) -> str:
    choices = getattr(param.type, "choices", None)
    if choices:
        return "\\|".join(f"`{c}`" for c in choices)
    if getattr(param, "is_flag", False):
        return ""
    return str(param.metavar or param.name.upper())


def _command(name: str, command: Any) -> list[str]:
    lines = [f"## `termbase {name}`", ""]
    lines.append(inspect.cleandoc(command.help or "").replace("\b\n", ""))
    lines.append("")
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    options = [p for p in command.params if p.param_type_name == "option"]
    if arguments:
        lines += ["| argument | | help |", "|---|---|---|"]
        for p in arguments:
            many = " ..." if p.nargs == -1 else ""
            need = "required" if p.required else "optional"
            help_text = _cell(getattr(p, "help", None) or "")
            lines.append(f"| `{p.name.upper()}{many}` | {need} | {help_text} |")
        lines.append("")
    if options:
        lines += ["| option | value | default | help |", "|---|---|---|---|"]
        for p in options:
            names = ", ".join(f"`{o}`" for o in [*p.opts, *p.secondary_opts])
            help_text = _cell(getattr(p, "help", None) or "")
            if p.multiple and "repeat" not in help_text:
                help_text += " (repeatable)"
            lines.append(f"| {names} | {_value(p)} | {_default(p)} | {help_text} |")
        lines.append("")
    return lines


def reference() -> str:
    """The Markdown of docs/cli.md."""
    group: Any = typer.main.get_command(app)
    lines = [HEAD]
    for name in COMMANDS:
        lines += _command(name, group.commands[name])
    return "\n".join(lines).rstrip() + "\n"
