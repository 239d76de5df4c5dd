"""gettext PO files: msgid is the source, msgstr the translation."""

from __future__ import annotations

import re
from pathlib import Path

from termbase.lint.segment import InputError, ReadOptions, Segment, read_text

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(.*)$")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(path: Path, line: int, raw: str) -> str:
    raw = raw.strip()
    if (
        len(raw) < 2
        or not raw.startswith('"')
        or not raw.endswith('"')
        or (raw.endswith('\\"') and not raw.endswith('\\\\"'))
    ):
        raise InputError(path, line, f"unclosed or unquoted string: {raw[:40]}")
    body = raw[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def read(path: Path, fmt: object, options: ReadOptions) -> list[Segment]:
    text = read_text(path)
    entries: list[dict[str, object]] = []
    current: dict[str, object] = {"comments": [], "line": 0}
    field = ""
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            if "msgid" in current:
                entries.append(current)
            current = {"comments": [], "line": 0}
            field = ""
            continue
        if stripped.startswith("#"):
            if "msgid" in current and field.startswith("msgstr"):
                entries.append(current)
                current = {"comments": [], "line": 0}
                field = ""
            if stripped.startswith(("#.", "# ")) or stripped == "#":
                comments = current["comments"]
                assert isinstance(comments, list)
                comments.append(stripped[2:].strip())
            continue
        m = _KEYWORD.match(stripped)
        if m:
            key, rest = m.groups()
            if key in ("msgctxt", "msgid") and "msgid" in current and field.startswith("msgstr"):
                entries.append(current)
                current = {"comments": [], "line": 0}
            field = key
            current[key] = _unquote(path, n, rest)
            if key.startswith("msgstr"):
                current[f"line {key}"] = n  # each plural form on its own line
                if not current["line"]:
                    current["line"] = n
            continue
        if stripped.startswith('"'):
            if not field:
                raise InputError(path, n, "a string outside any msgid or msgstr")
            current[field] = str(current[field]) + _unquote(path, n, stripped)
            continue
        raise InputError(path, n, f"not PO syntax: {stripped[:40]}")
    if "msgid" in current:
        entries.append(current)
    header = next((e for e in entries if e.get("msgid") == "" and "msgctxt" not in e), None)
    target_lang = options.target_lang
    if target_lang is None and header is not None:
        m = re.search(r"^Language:\s*([\w-]+)", str(header.get("msgstr", "")), re.M)
        if m:
            target_lang = m.group(1).replace("_", "-")
    out: list[Segment] = []
    for e in entries:
        if e is header:
            continue
        msgid = str(e.get("msgid", ""))
        comments = e["comments"]
        assert isinstance(comments, list)
        plurals = sorted(k for k in e if k.startswith("msgstr"))
        for k in plurals:
            target = str(e[k])
            if not target:
                continue
            source = (
                str(e.get("msgid_plural", msgid)) if k not in ("msgstr", "msgstr[0]") else msgid
            )
            seg_id = (str(e["msgctxt"]) + "::" if "msgctxt" in e else "") + msgid
            if k.startswith("msgstr["):
                seg_id += k[6:]
            out.append(
                Segment(
                    path,
                    int(str(e.get(f"line {k}", e["line"])) or 0),
                    seg_id,
                    target,
                    source,
                    options.source_lang,
                    target_lang,
                    tuple(str(c) for c in comments),
                )
            )
    return out
