"""`termbase lsp`: the term base inside editors, as a Language Server Protocol server over stdio
(pygls with lsprotocol; the optional extra `termbase[lsp]`).

- Diagnostics as the document is opened and changed, from the lint engine: a Markdown or text
  file gets its deprecated and forbidden renderings; a bilingual file (PO, XLIFF, TMX, JSON pairs)
  its missing renderings too. The lint settings are those `termbase lint` uses for the file.
- Hover on a term (either language, either script) shows the concept's card.
- A code action replaces a rendering not to use with the preferred one.
- Completion: pinyin or initials give the Chinese term (xygq -> 小院高墙, zhineng -> 智能向善),
  the start of an English rendering gives the rendering, ranked as `lookup` ranks.

A document the lint readers cannot read gets one diagnostic saying why; the server keeps running.
"""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from termbase.errors import TermbaseError
from termbase.model import Finding, Severity

_QUOTED = re.compile(r"'([^']+)'")
_USE = re.compile(r'use "([^"]+)"')


class Engine:
    """What the server does, apart from the protocol: lint a document's text, find the concept
    under the cursor."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths

    @cache  # noqa: B019 - one engine per server process
    def index(self) -> Any:
        from termbase.index import Index

        return Index.open(self.paths, use_cache=True)

    @cache  # noqa: B019
    def linter(self) -> Any:
        from termbase.lint import Linter
        from termbase.lint.settings import LintSettings

        index = self.index()
        return Linter(index.cards(), index.fold_table(), LintSettings())

    def reload(self) -> None:
        self.index.cache_clear()
        self.linter.cache_clear()

    def findings(self, name: str, text: str) -> list[Finding]:
        """Lint findings of a document's text; `name` gives the format (its suffix)."""
        from termbase.lint import check_inputs, read_inputs
        from termbase.lint.segment import ReadOptions, UsageError

        with tempfile.TemporaryDirectory(prefix="termbase-lsp-") as tmp:
            path = Path(tmp) / (Path(name).name or "document.md")
            path.write_text(text, "utf-8")
            try:
                found = check_inputs(self.linter(), read_inputs([path], ReadOptions())).findings
            except (UsageError, TermbaseError) as e:
                return [Finding(None, 1, "LT001", Severity.ERROR, str(e).replace(str(path), name))]
        return found

    def concept_at(self, line: str, column: int) -> dict[str, Any] | None:
        """The card of the term at `column` of `line`: the longest exact match around it."""
        index = self.index()
        candidates: list[str] = []
        if column < len(line) and "\u3400" <= line[column] <= "\u9fff":
            for size in range(8, 1, -1):
                for start in range(max(0, column - size + 1), column + 1):
                    piece = line[start : start + size]
                    if len(piece) == size and all("\u3400" <= ch <= "\u9fff" for ch in piece):
                        candidates.append(piece)
        else:
            words = list(re.finditer(r"[A-Za-z][\w'-]*", line))
            at = next((n for n, m in enumerate(words) if m.start() <= column <= m.end()), None)
            if at is not None:
                for size in range(5, 0, -1):
                    for start in range(max(0, at - size + 1), at + 1):
                        chosen = words[start : start + size]
                        if len(chosen) == size:
                            candidates.append(line[chosen[0].start() : chosen[-1].end()])
        for text in candidates:
            hits = [h for h in index.search(text, limit=3, fuzzy=False) if h.level.name == "EXACT"]
            if hits:
                card: dict[str, Any] = index.card(hits[0].concept)
                return card
        return None

    def completions(self, prefix: str, limit: int = 20) -> list[tuple[str, str, str]]:
        """(text to insert, concept, what matched) for a typed prefix: pinyin or initials give
        the preferred Chinese term (xygq -> 小院高墙), English gives the preferred English."""
        if len(prefix) < 2:
            return []
        index = self.index()
        out: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for hit in index.search(prefix, limit=limit, fuzzy=False):
            card = index.card(hit.concept)
            terms = [t for t in card["terms"] if t["status"] == "preferred"]
            chinese = next((t for t in terms if t["lang"].startswith("zh")), None)
            english = next((t for t in terms if t["lang"] == "en"), None)
            latin = english is not None and english["text"].casefold().startswith(prefix.casefold())
            chosen = english if latin else (chinese or english)
            if chosen is None or chosen["text"] in seen:
                continue
            seen.add(chosen["text"])
            detail = " · ".join(t["text"] for t in (chinese, english) if t is not None)
            out.append((chosen["text"], card["id"], detail))
        return out


def card_markdown(card: dict[str, Any]) -> str:
    """A concept's card for a hover: its terms with status and pinyin, definition, notes."""
    lines = [f"**{card['id']}**" + (f" ({card['subject']})" if card.get("subject") else ""), ""]
    for t in card["terms"]:
        pinyin = f" {t['pinyin']}" if t.get("pinyin") else ""
        note = f": {t['usage_note']}" if t.get("usage_note") else ""
        lines.append(f"- {t['lang']} **{t['text']}**{pinyin} — {t['status']}{note}")
    for lang, text in (card.get("definition") or {}).items():
        lines += ["", f"*{lang}*: {text}"]
    if card.get("note"):
        lines += ["", card["note"]]
    return "\n".join(lines)


def _name(uri: str) -> str:
    return unquote(urlparse(uri).path) or "document.md"


def serve(paths: list[Path]) -> None:
    """Run the server on stdin and stdout."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    engine = Engine(paths)
    server = LanguageServer("termbase", "1")

    def diagnostics(uri: str) -> list[types.Diagnostic]:
        doc = server.workspace.get_text_document(uri)
        lines = doc.source.split("\n")
        out = []
        for f in engine.findings(_name(uri), doc.source):
            line = max(0, f.line - 1)
            start = max(0, f.column - 1)
            quoted = _QUOTED.search(f.message)
            width = len(quoted.group(1)) if quoted and f.code in ("LT102", "LT103") else 0
            if not width:
                start, width = 0, len(lines[line]) if line < len(lines) else 0
            severity = (
                types.DiagnosticSeverity.Error
                if f.severity is Severity.ERROR
                else types.DiagnosticSeverity.Warning
            )
            message = f.message + (f"; {f.hint}" if f.hint else "")
            out.append(
                types.Diagnostic(
                    range=types.Range(
                        start=types.Position(line=line, character=start),
                        end=types.Position(line=line, character=start + width),
                    ),
                    message=message,
                    severity=severity,
                    code=f.code,
                    source="termbase",
                    data={"concept": f.concept, "use": _use(f)},
                )
            )
        return out

    def publish(uri: str) -> None:
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics(uri))
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: Any, params: types.DidChangeWatchedFilesParams) -> None:
        engine.reload()  # the term base changed: lint again with it
        for uri in list(server.workspace.text_documents):
            publish(uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: Any, params: types.HoverParams) -> types.Hover | None:
        doc = server.workspace.get_text_document(params.text_document.uri)
        lines = doc.source.split("\n")
        if params.position.line >= len(lines):
            return None
        card = engine.concept_at(lines[params.position.line], params.position.character)
        if card is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=card_markdown(card))
        )

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[]))
    def completion(ls: Any, params: types.CompletionParams) -> types.CompletionList:
        doc = server.workspace.get_text_document(params.text_document.uri)
        lines = doc.source.split("\n")
        line = lines[params.position.line] if params.position.line < len(lines) else ""
        before = line[: params.position.character]
        m = re.search(r"[A-Za-z]+$", before)
        items = []
        if m:
            start = types.Position(line=params.position.line, character=m.start())
            replace = types.Range(start=start, end=params.position)
            for rank, (text, concept, detail) in enumerate(engine.completions(m.group())):
                items.append(
                    types.CompletionItem(
                        label=text,
                        detail=f"{detail} ({concept})",
                        filter_text=m.group(),
                        sort_text=f"{rank:04d}",
                        text_edit=types.TextEdit(range=replace, new_text=text),
                    )
                )
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
    def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction]:
        actions = []
        for d in params.context.diagnostics:
            use = (d.data or {}).get("use") if isinstance(d.data, dict) else None
            if d.source != "termbase" or not use or d.code not in ("LT102", "LT103"):
                continue
            edit = types.TextEdit(range=d.range, new_text=use)
            actions.append(
                types.CodeAction(
                    title=f'Replace with "{use}"',
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d],
                    edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
                )
            )
        return actions

    server.start_io()


def _use(f: Finding) -> str | None:
    m = _USE.search(f.message)
    return m.group(1) if m else None
