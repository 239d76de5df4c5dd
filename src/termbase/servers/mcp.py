"""`termbase mcp`: the term base as a Model Context Protocol server over stdio, for AI assistants
that translate or check translations. Built on the official MCP Python SDK (the optional extra
`mcp`); the tools call the same library as the commands:

- `lookup`: find concepts by characters, pinyin or English (the JSON of `lookup --json`);
- `check`: lint a source and target text (the findings of `termbase lint`, as JSON, each with
  a repair a model can apply: the target characters to replace and with what, or the rendering
  to use);
- `score`: how well a target keeps the source's terms (success rate, concepts missed, banned
  renderings used);
- `glossary_for`: the concepts a source text holds, with approved and forbidden renderings,
  compact enough to put into a translation prompt;
- `convert`: Simplified/Traditional conversion with the term base's forms;
- `pinyin`: GB/T pinyin of Chinese text.

Read-only unless `--allow-edits`, which adds `propose_term`: a new concept written to
`proposed.toml` in the term base's folder with `origin = "machine"` on every term, for a person to
review (`termbase validate` lists them as TB120). A tool given bad arguments answers with a tool
error; the server keeps running.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from termbase.errors import TermbaseError

# What one tool call may ask for: a larger input is refused with a tool error, never worked on
# for minutes while other calls wait. The tool descriptions say so.
MAX_TEXT = 100_000  # characters of a text to check, convert or transliterate
MAX_QUERY = 500
MAX_ID = 80
MAX_FIELD = 2_000  # a proposed term or definition
MAX_FINDINGS = 500


# the source term an LT101 message starts with, as Python writes a string (in double quotes
# when it holds an apostrophe)
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def _repair(f: Any, target: str, linter: Any, lang: str) -> dict[str, Any] | None:
    """What a model should do about a finding, in a form it can apply: replace the characters
    `start`-`end` of the target (a banned rendering) with `replacement`, or render the source
    term with `rendering` (a missing one). None where there is nothing to apply."""
    from termbase.lint.linter import Linter

    parts = Linter.banned_parts(f.message) if f.code in ("LT102", "LT103") else None
    if parts and f.column:
        start = f.column - 1
        end = start + len(parts[0])
        replacement = parts[1]
        text = target[start:end]
        how = f'with "{replacement}"' if replacement else "with an approved rendering"
        return {
            "action": "replace",
            "start": start,
            "end": end,
            "text": text,
            "replacement": replacement,
            "instruction": f'Replace "{text}" (characters {start} to {end} of the target) {how}.',
        }
    found = _QUOTED.match(f.message)
    if f.code == "LT101" and f.concept and found:
        import ast

        term = ast.literal_eval(found.group(0))
        renderings = linter._renderings(f.concept, lang)
        if renderings:
            return {
                "action": "use",
                "source_term": term,
                "rendering": renderings[0],
                "instruction": f'Render "{term}" as "{renderings[0]}".',
            }
    return None


def _limit(name: str, value: str | None, most: int) -> None:
    if value is not None and len(value) > most:
        raise TermbaseError(f"{name}: {len(value)} characters, more than {most} in one call")


class Tools:
    """The tools' work, apart from the protocol (tested directly and through the server)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths

    @cache  # noqa: B019 - one instance per server process
    def _index(self) -> Any:
        from termbase.search.index import Index

        return Index.open(self.paths, use_cache=True)

    @cache  # noqa: B019
    def _termbase(self) -> Any:
        from termbase.base import store

        return store.load_termbase(self.paths)

    @cache  # noqa: B019
    def _linter(self) -> Any:
        from termbase.lint import Linter
        from termbase.lint.settings import LintSettings

        index = self._index()
        return Linter(index.cards(), index.fold_table(), LintSettings())

    def lookup(
        self, query: str, languages: list[str] | None = None, limit: int = 10
    ) -> list[dict[str, Any]]:
        if not query.strip():
            raise TermbaseError("query is empty")
        _limit("query", query, MAX_QUERY)
        index = self._index()
        out = []
        for hit in index.search(query, limit=max(1, min(limit, 50))):
            card = index.card(hit.concept)
            terms = [t for t in card["terms"] if not languages or t["lang"] in languages]
            out.append({**card, "terms": terms, "match": hit.level.name.lower()})
        return out

    def check(
        self,
        source: str,
        target: str,
        source_lang: str = "zh-Hans",
        target_lang: str = "en",
        as_of: str | None = None,
    ) -> list[dict[str, Any]]:
        import datetime as dt

        from termbase.lint.segment import Segment
        from termbase.report.json_format import as_dict

        _limit("source", source, MAX_TEXT)
        _limit("target", target, MAX_TEXT)
        try:
            day = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise TermbaseError(f"as_of {as_of!r}: give the text's date as YYYY-MM-DD") from None
        segment = Segment(Path("<text>"), 1, "1", target, source, source_lang, target_lang)
        linter = self._linter()
        out = []
        for f in linter.check(segment, day=day)[:MAX_FINDINGS]:
            row = as_dict(f)
            row["repair"] = _repair(f, target, linter, target_lang)
            out.append(row)
        return out

    def score(
        self, source: str, target: str, source_lang: str = "zh-Hans", target_lang: str = "en"
    ) -> dict[str, Any]:
        """How well `target` keeps the term base's terms of `source`: the share of the
        concepts found in the source whose approved rendering the target has, the concepts
        missed, the banned renderings used, and the findings with their repairs."""
        from termbase.evolution.score import termbase_scores
        from termbase.lint.segment import Segment

        _limit("source", source, MAX_TEXT)
        _limit("target", target, MAX_TEXT)
        segment = Segment(Path("<text>"), 1, "1", target, source, source_lang, target_lang)
        scored = termbase_scores(self._linter(), [segment])  # as `termbase score` judges
        wanted = {t.term for r in scored for t in r.terms}
        findings = self.check(source, target, source_lang, target_lang)
        missed = sorted(wanted & {f["concept"] for f in findings if f["code"] == "LT101"})
        banned = sorted({f["concept"] for f in findings if f["code"] in ("LT102", "LT103")})
        return {
            "success_rate": round(scored[0].success_rate, 4) if wanted else None,
            "required": scored[0].required if scored else 0,
            "missed": missed,
            "banned_renderings": banned,
            "findings": findings,
        }

    def glossary_for(self, text: str, target_lang: str = "en") -> list[dict[str, Any]]:
        """The concepts `text` holds: for each, the term found, the renderings to use and not."""
        findings = self.check(text, "", "zh-Hans" if _has_han(text) else "en", target_lang)
        seen: dict[str, dict[str, Any]] = {}
        index = self._index()
        for f in findings:
            cid = f.get("concept")
            if not cid or cid in seen:
                continue
            card = index.card(cid)
            use = [
                t["text"]
                for t in card["terms"]
                if t["lang"] == target_lang and t["status"] in ("preferred", "admitted")
            ]
            avoid = [
                t["text"]
                for t in card["terms"]
                if t["lang"] == target_lang and t["status"] in ("deprecated", "forbidden")
            ]
            seen[cid] = {"concept": cid, "use": use, "do_not_use": avoid}
            if card.get("definition"):
                seen[cid]["definition"] = card["definition"].get("en")
        return list(seen.values())

    def convert(self, text: str, to: str = "zh-Hant") -> str:
        from termbase.chinese.convert import (
            CONFIG_FOR_TARGET,
            Simplifier,
            Target,
            TermAwareConverter,
        )

        _limit("text", text, MAX_TEXT)
        try:
            target = Target(to)
        except ValueError:
            raise TermbaseError(
                f"to: {to!r} is not one of zh-Hant, zh-TW, zh-HK, zh-Hans"
            ) from None
        if target is Target.ZH_HANS:
            return Simplifier(self._termbase()).convert(text)  # Taiwan or Hong Kong, as it reads
        return str(TermAwareConverter(CONFIG_FOR_TARGET[target], self._termbase()).convert(text))

    def propose_term(
        self, concept_id: str, chinese: str, english: str, definition: str | None = None
    ) -> str:
        """Write a proposed concept for review; the edit goes through the same lock, checks and
        atomic write as `termbase add`."""
        from termbase import edit
        from termbase.base.transaction import locked
        from termbase.model import Origin, Status, Term

        _limit("concept_id", concept_id, MAX_ID)
        for name, value in (("chinese", chinese), ("english", english), ("definition", definition)):
            _limit(name, value, MAX_FIELD)
        folder = self.paths[0] if self.paths[0].is_dir() else self.paths[0].parent
        terms = [
            Term("zh-Hans", chinese, Status.PREFERRED, origin=Origin.MACHINE),
            Term("en", english, Status.PREFERRED, origin=Origin.MACHINE),
        ]
        with locked(self.paths):
            change = edit.add(
                self.paths,
                concept_id,
                terms,
                definition={"en": definition} if definition else None,
                file=folder / "proposed.toml",
            )
            change.write()
        for cached in (self._index, self._termbase, self._linter):
            cached.cache_clear()
        return f"proposed {concept_id} in {folder / 'proposed.toml'}; a person reviews it"

    def pinyin(self, text: str) -> str:
        from termbase.chinese import pinyin as py
        from termbase.chinese import pinyin_text

        _limit("text", text, MAX_TEXT)
        terms = py.term_readings(self._termbase())
        return pinyin_text.transliterate(text, terms=terms)


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def serve(paths: list[Path], *, allow_edits: bool = False) -> None:
    """Run the server on stdin and stdout until the client closes them. The tools' work runs
    off the event loop, on one worker thread (the look-up index is SQLite, which keeps to the
    thread that opened it): the server keeps answering the protocol while a tool works; a
    TermbaseError becomes a tool error with its message."""
    import asyncio
    from collections.abc import Callable
    from concurrent.futures import ThreadPoolExecutor

    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError
    from mcp.types import ToolAnnotations

    tools = Tools(paths)
    server = MCPServer("termbase", instructions=__doc__)
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termbase-tool")
    read_only = ToolAnnotations(read_only_hint=True, open_world_hint=False)

    def run(work: Callable[[], Any]) -> str:
        try:
            value = work()
        except TermbaseError as e:
            raise ToolError(str(e)) from None
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    async def answer(work: Callable[[], Any]) -> str:
        return await asyncio.get_running_loop().run_in_executor(worker, run, work)

    @server.tool(annotations=read_only)
    async def lookup(query: str, languages: list[str] | None = None, limit: int = 10) -> str:
        """Find concepts by Simplified or Traditional characters, pinyin (with or without tones)
        or English. Returns the concepts as JSON: every term with its status (preferred,
        admitted, deprecated, forbidden), pinyin, definition, usage notes and sources."""
        return await answer(lambda: tools.lookup(query, languages, limit))

    @server.tool(annotations=read_only)
    async def check(
        source: str,
        target: str,
        source_lang: str = "zh-Hans",
        target_lang: str = "en",
        as_of: str | None = None,
    ) -> str:
        """Check a translation against the term base: missing approved renderings (LT101),
        deprecated (LT102) and forbidden (LT103) ones. Returns the findings as JSON (at most
        500), each with a `repair`: replace target characters start-end with `replacement`, or
        render the source term as `rendering`, and an `instruction` saying so in words. Each
        text at most 100,000 characters. `as_of` (YYYY-MM-DD): judge the text on its date, so
        that an official wording of that day is accepted (One Belt, One Road in 2014)."""
        return await answer(lambda: tools.check(source, target, source_lang, target_lang, as_of))

    @server.tool(annotations=read_only)
    async def score(
        source: str, target: str, source_lang: str = "zh-Hans", target_lang: str = "en"
    ) -> str:
        """Score how well a translation keeps the term base's terms: success_rate (the share
        of the concepts found in the source whose approved rendering the target uses; null if
        the source holds none), required, missed and banned_renderings (concept ids), and the
        findings with their repairs, as `check` gives them. Each text at most 100,000
        characters."""
        return await answer(lambda: tools.score(source, target, source_lang, target_lang))

    @server.tool(annotations=read_only)
    async def glossary_for(text: str, target_lang: str = "en") -> str:
        """The term base's concepts found in a source text, each with the renderings to use and
        the ones not to use: a compact glossary to put into a translation prompt."""
        return await answer(lambda: tools.glossary_for(text, target_lang))

    @server.tool(annotations=read_only)
    async def convert(text: str, to: str = "zh-Hant") -> str:
        """Convert Chinese text to zh-Hant, zh-TW, zh-HK or zh-Hans, the term base's forms first.
        At most 100,000 characters."""
        return await answer(lambda: tools.convert(text, to))

    @server.tool(annotations=read_only)
    async def pinyin(text: str) -> str:
        """Hanyu pinyin of Chinese text after GB/T 16159-2012, the term base's readings first.
        At most 100,000 characters."""
        return await answer(lambda: tools.pinyin(text))

    if allow_edits:

        @server.tool()
        async def propose_term(
            concept_id: str, chinese: str, english: str, definition: str | None = None
        ) -> str:
            """Propose a new concept (a lower-case id such as data-sovereignty, its Simplified
            Chinese and English terms, an English definition): written for a person to review,
            every term marked as made by a machine. An id of at most 80 characters, each
            value at most 2,000."""
            return await answer(
                lambda: tools.propose_term(concept_id, chinese, english, definition)
            )

    try:
        server.run("stdio")
    finally:
        worker.shutdown(wait=False, cancel_futures=True)
