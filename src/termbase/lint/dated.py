"""Renderings in time: a term with `valid-from`/`valid-to` was right on the days between, and a
text is judged on its own date (`termbase lint --as-of DATE|auto`). Inside its validity a
rendering is accepted, whatever its status today ("One Belt, One Road" in a text of 2014);
outside it, it is reported as deprecated with its dates and the rendering of that day ("the
Belt and Road Initiative" in 2016, "One Belt, One Road" in a text of 2014 that says the later
name is not yet right).

The date of a file, for `auto`: what the file says (TMX `changedate`/`creationdate`, PO
`PO-Revision-Date`, XLIFF 1.2 `<file date>`, Markdown front matter `date:`), else the date of
the commit that last changed it (git), else today; `reason` says which.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termbase.finding import Finding

# A concept's dated renderings by text (and form): (valid from, valid to, replaced by)
Window = tuple[str | None, str | None, str | None]


def window(term: dict[str, Any]) -> Window | None:
    """A card's term's window, None where it has no dates."""
    if not term.get("valid_from") and not term.get("valid_to"):
        return None
    return term.get("valid_from"), term.get("valid_to"), term.get("replaced_by")


def within(window: Window, day: dt.date) -> bool:
    iso = day.isoformat()
    return (window[0] is None or window[0] <= iso) and (window[1] is None or iso < window[1])


def describe(window: Window) -> str:
    start, end, _ = window
    if start and end:
        return f"right from {start} until {end}"
    return f"right from {start}" if start else f"right until {end}"


def rendering_on(windows: Mapping[str, Window], day: dt.date) -> str | None:
    """The concept's dated rendering that was right on `day`, if one was."""
    return next((text for text, w in windows.items() if within(w, day)), None)


def judge(
    seg: Any,
    pattern: Any,
    span: tuple[int, int],
    windows: Mapping[str, Mapping[str, Window]],
    day: dt.date,
    renderings: list[str],
) -> list[Finding] | None:
    """A hit of a dated rendering judged on `day`: nothing where the rendering was right that
    day (whatever its status now), else LT102 with its dates and the rendering of that day
    (`renderings`: the concept's approved ones, preferred first); None for a rendering without
    dates, which today's status judges."""
    from termbase.lint.suppress import segment_finding

    concept = windows.get(pattern.concept)
    when = concept.get(pattern.text) if concept else None
    if concept is None or when is None:
        return None
    if within(when, day):
        return []
    use = rendering_on(concept, day) if when[0] and day.isoformat() < when[0] else None
    use = use or when[2] or next(iter(renderings), None)
    s, e = span
    message = (
        f"{seg.target[s:e]!r} is a deprecated rendering of {pattern.concept} "
        f"({describe(when)}; the text's date: {day})"
    )
    if use:
        message += f'; use "{use}"'
    return [segment_finding("LT102", seg, s + 1, message, pattern.concept)]


# ------------------------------------------------------------------ the date of a file

_TMX = re.compile(rb'<header\b[^>]*?\b(?:changedate|creationdate)="(\d{8})T', re.S)
_TMX_TU = re.compile(rb'\b(?:changedate|creationdate)="(\d{8})T')
_PO = re.compile(rb'"PO-Revision-Date: (\d{4}-\d{2}-\d{2})')
_XLIFF = re.compile(rb'<file\b[^>]*?\bdate="(\d{4}-\d{2}-\d{2})', re.S)
_FRONT = re.compile(rb"\A---\r?\n(?:.*\r?\n)*?date:\s*[\"']?(\d{4}-\d{2}-\d{2})", re.M)


def _said(path: Path, head: bytes) -> tuple[dt.date, str] | None:
    suffix = path.suffix.lower()
    found: list[tuple[re.Pattern[bytes], str]] = []
    if suffix == ".tmx":
        found = [(_TMX, "the TMX header's date"), (_TMX_TU, "a TMX unit's date")]
    elif suffix in (".po", ".pot"):
        found = [(_PO, "its PO-Revision-Date")]
    elif suffix in (".xlf", ".xliff"):
        found = [(_XLIFF, "its XLIFF <file date>")]
    elif suffix in (".md", ".markdown"):
        found = [(_FRONT, "its front matter's date")]
    for pattern, why in found:
        m = pattern.search(head)
        if m is None:
            continue
        text = m.group(1).decode("ascii")
        try:
            if len(text) == 8:
                return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])), why
            return dt.date.fromisoformat(text), why
        except ValueError:
            continue  # YEAR-MO-DA, a placeholder: not a date
    return None


def _committed(path: Path) -> dt.date | None:
    try:
        run = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(run.stdout.strip()) if run.returncode == 0 else None
    except ValueError:
        return None


@dataclass
class AsOf:
    """The date a text is judged on: one given date, or (`auto`) each file's own."""

    day: dt.date | None = None  # None: auto
    reasons: dict[Path, tuple[dt.date, str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> AsOf:
        """`auto` or an ISO date (ValueError otherwise)."""
        if text == "auto":
            return cls()
        return cls(dt.date.fromisoformat(text))

    def __call__(self, path: Path | None) -> dt.date:
        if self.day is not None:
            return self.day
        if path is None:
            return dt.date.today()
        known = self.reasons.get(path)
        if known is None:
            known = self.reasons[path] = self._find(path)
        return known[0]

    @staticmethod
    def _find(path: Path) -> tuple[dt.date, str]:
        try:
            with path.open("rb") as f:
                head = f.read(65536)
        except OSError:
            head = b""
        said = _said(path, head)
        if said is not None:
            return said
        committed = _committed(path)
        if committed is not None:
            return committed, "the date of the commit that last changed it (git)"
        return dt.date.today(), "today: the file has no date and no git history"

    def explain(self) -> list[str]:
        """Which date was used for each file, and why."""
        if self.day is not None:
            return [f"date: {self.day} (--as-of)"]
        return [f"date of {p}: {d} ({why})" for p, (d, why) in self.reasons.items()]
