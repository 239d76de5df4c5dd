"""`termbase lsp`: the term base inside editors, as a Language Server Protocol server over stdio
(pygls with lsprotocol; the optional extra `lsp`: pip install -e '.[lsp]' in a clone).

- Diagnostics as the document is opened and changed, from the lint engine: a Markdown or text
  file gets its deprecated and forbidden renderings; a bilingual file (PO, XLIFF, TMX, JSON pairs)
  its missing renderings too. The settings and the term base are those `termbase lint` uses for
  the file. Linting runs in a worker thread, at once after a change; the changes that arrive
  while it runs are linted together when it is done (a burst of keystrokes costs two lints, and
  typing never waits), and only the result for the latest text is published.
- Hover on a term (either language, either script) shows the concept's card.
- Code actions: replace a rendering not to use with the preferred one; suppress the finding with
  a `termbase-ignore` comment whose reason is left to fill in; look the concept up.
- Completion: pinyin or initials give the Chinese term (xygq -> 小院高墙, zhineng -> 智能向善),
  the start of an English rendering gives the rendering, ranked as `lookup` ranks.

A document the lint readers cannot read gets one diagnostic saying why; the server keeps running.

Over the house's ~500 lines: the protocol's handlers share the documents, the settings per
folder and the debounced lint worker; the framing is in `servers.frames`.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import unquote, urlparse

from termbase.errors import TermbaseError
from termbase.finding import Finding, Severity
from termbase.servers.frames import ERROR_METHOD, Frames

# How long a document stays unchanged before it is linted: a burst of typing is linted once.
QUIET_SECONDS = 0.1


class Engine:
    """What the server does, apart from the protocol: lint a document's text, find the concept
    under the cursor. Each document gets the term base and the settings `termbase lint` would
    use for it (the settings file found from its folder); both are kept until a file changes."""

    def __init__(self, given: list[Path] | None) -> None:
        self.given = given
        self._lock = threading.RLock()  # linting runs in a worker thread, hover in the loop
        self._setups: dict[Path, Any] = {}
        self._indexes: dict[tuple[Path, ...], Any] = {}
        self._linters: dict[tuple[tuple[Path, ...], Path | None], Any] = {}
        self._memos: dict[int, Any] = {}  # id(linter) -> the findings of lines already checked
        # one stable copy per document, so that the memo's findings keep their path
        self._folder = tempfile.TemporaryDirectory(prefix="termbase-lsp-")

    def setup(self, name: str) -> Any:
        """The settings and term base for a document at `name` (its folder's settings file)."""
        from termbase.lint.setup import resolve

        folder = Path(name).parent if Path(name).parent.is_dir() else Path.cwd()
        with self._lock:
            if folder not in self._setups:
                self._setups[folder] = resolve(self.given, None, [folder])
            return self._setups[folder]

    def index(self, name: str = "") -> Any:
        from termbase.search.index import Index

        key = tuple(self.setup(name).termbase.paths)
        with self._lock:
            if key not in self._indexes:
                self._indexes[key] = Index.open(list(key), use_cache=True)
            return self._indexes[key]

    def linter(self, name: str) -> Any:
        from termbase.lint import Linter

        setup = self.setup(name)
        found = setup.settings_file.path if setup.settings_file else None
        key = (tuple(setup.termbase.paths), found)
        with self._lock:
            if key not in self._linters:
                # the matchers kept beside the look-up index between runs, as `termbase lint`
                self._linters[key] = Linter.from_index(self.index(name), setup.settings)
            return self._linters[key]

    def reload(self) -> None:
        with self._lock:
            self._setups.clear()
            self._indexes.clear()
            self._linters.clear()
            self._memos.clear()

    def findings(self, name: str, text: str) -> list[Finding]:
        """Lint findings of a document's text; `name` (its path) gives the format and the
        settings. A file the settings exclude gets none, as `termbase lint` would skip it."""
        import hashlib

        from termbase.lint import SegmentMemo, check_inputs, read_inputs
        from termbase.lint.segment import ReadOptions, UsageError

        folder = Path(self._folder.name) / hashlib.sha256(name.encode()).hexdigest()[:16]
        folder.mkdir(exist_ok=True)
        path = folder / (Path(name).name or "document.md")
        path.write_text(text, "utf-8")
        try:
            if self.setup(name).settings.excluded(Path(name)):
                return []
            linter = self.linter(name)
            memo = self._memos.setdefault(id(linter), SegmentMemo())
            return check_inputs(linter, read_inputs([path], ReadOptions()), memo=memo).findings
        except (UsageError, TermbaseError) as e:
            return [Finding(None, 1, "LT001", Severity.ERROR, str(e).replace(str(path), name))]

    def card(self, concept: str) -> dict[str, Any] | None:
        with self._lock:
            found: dict[str, Any] | None = self.index().card(concept)
            return found

    def concept_at(self, line: str, column: int, name: str = "") -> dict[str, Any] | None:
        """The card of the term at `column` of `line`: the longest exact match around it."""
        with self._lock:  # the index is shared with the lint worker thread
            return self._concept_at(line, column, self.index(name))

    def _concept_at(self, line: str, column: int, index: Any) -> dict[str, Any] | None:
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
            found = index.exact(text)
            if found:
                card: dict[str, Any] | None = index.card(found[0])
                return card
        return None

    def completions(
        self, prefix: str, limit: int = 20, name: str = ""
    ) -> list[tuple[str, str, str]]:
        """(text to insert, concept, what matched) for a typed prefix: pinyin or initials give
        the preferred Chinese term (xygq -> 小院高墙), English gives the preferred English."""
        if len(prefix) < 2:
            return []
        with self._lock:
            return self._completions(prefix, limit, self.index(name))

    def _completions(self, prefix: str, limit: int, index: Any) -> list[tuple[str, str, str]]:
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
    """A concept's card for a hover: its terms with status and pinyin, definition, notes and
    sources."""
    lines = [f"**{card['id']}**" + (f" ({card['subject']})" if card.get("subject") else ""), ""]
    for t in card["terms"]:
        pinyin = f" {t['pinyin']}" if t.get("pinyin") else ""
        note = f": {t['usage_note']}" if t.get("usage_note") else ""
        lines.append(f"- {t['lang']} **{t['text']}**{pinyin} — {t['status']}{note}")
    for lang, text in (card.get("definition") or {}).items():
        lines += ["", f"*{lang}*: {text}"]
    if card.get("note"):
        lines += ["", card["note"]]
    for source in card.get("sources") or ():
        where = ", ".join(str(source[k]) for k in ("publisher", "date", "url") if source.get(k))
        lines += [
            "",
            f"Source: {source.get('title') or source['id']}" + (f" ({where})" if where else ""),
        ]
    return "\n".join(lines)


def _name(uri: str) -> str:
    name = unquote(urlparse(uri).path) or "document.md"
    if any(c in name for c in "\0\n\r"):
        raise TermbaseError(f"{uri!r}: a document URI with a NUL or a line break")
    return name


# Where a suppression comment goes: a Markdown or text line takes an HTML comment at its end;
# a PO entry a translator comment above it. XLIFF and TMX notes are elements: no quick insert.
_LINE_COMMENT = (".md", ".markdown", ".txt", ".text")


def diagnostics_of(engine: Engine, name: str, source: str) -> list[dict[str, Any]]:
    """The document's findings as LSP diagnostics (plain JSON-ready dicts: building lsprotocol
    objects for a few hundred findings would cost more than linting), each with the range of
    the rendering it names in the document (line and UTF-16 column, as the protocol counts;
    entities, escapes and inline tags accounted for) or of its line, and the concept and
    preferred rendering for the code actions. A quick fix is offered only where the rendering's
    range is known: replacing a guessed range could break the file."""
    from termbase.lint.linter import Linter
    from termbase.lint.positions import MAPPED, FileText, locate, utf16_column
    from termbase.lint.segment import detect

    lines = source.split("\n")
    kind = detect(Path(name), source[:512].encode("utf-8", "replace"))
    mapped = kind is not None and kind.value in MAPPED
    files = FileText(source) if mapped else None
    out = []
    for f in engine.findings(name, source):
        parts = Linter.banned_parts(f.message) if f.code in ("LT102", "LT103") else None
        width = len(parts[0]) if parts else 0
        span: tuple[tuple[int, int], tuple[int, int]] | None = None
        if width and f.column:
            start = f.column - 1
            if files is not None and kind is not None:
                where = locate(files, kind.value, f.line, f.target or "", [start, start + width])
                span = (where[0], where[1]) if where else None
            else:
                span = ((f.line, f.column), (f.line, f.column + width))
        if span is None:
            line = max(0, f.line - 1)
            text = lines[line] if line < len(lines) else ""
            first, last = (line, 0), (line, utf16_column(text, len(text) + 1))
        else:
            (l1, c1), (l2, c2) = span
            first = (l1 - 1, utf16_column(lines[l1 - 1] if l1 <= len(lines) else "", c1))
            last = (l2 - 1, utf16_column(lines[l2 - 1] if l2 <= len(lines) else "", c2))
        out.append(
            {
                "range": {
                    "start": {"line": first[0], "character": first[1]},
                    "end": {"line": last[0], "character": last[1]},
                },
                "message": f.message + (f"; {f.hint}" if f.hint else ""),
                "severity": 1 if f.severity is Severity.ERROR else 2,  # Error, Warning
                "code": f.code,
                "source": "termbase",
                "data": {
                    "concept": f.concept,
                    "use": _as_written(kind.value if kind else "", parts[1])
                    if span and parts
                    else None,
                },
            }
        )
    return out


def code_actions(name: str, uri: str, source: str, diagnostics: list[Any]) -> list[Any]:
    """For each termbase diagnostic: replace with the preferred rendering; insert a suppression
    comment with a reason to fill in (where the format has comments); look the concept up."""
    from lsprotocol import types

    actions = []
    lines = source.split("\n")
    looked_up: set[str] = set()
    for d in diagnostics:
        data = d.data if isinstance(d.data, dict) else {}
        if d.source != "termbase":
            continue
        use, concept = data.get("use"), data.get("concept")
        if use and d.code in ("LT102", "LT103"):
            edit = types.TextEdit(range=d.range, new_text=use)
            actions.append(
                types.CodeAction(
                    title=f'Replace with "{use}"',
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        if not concept:
            continue
        insert = _suppression(name, lines, d.range.start.line, concept)
        if insert is not None:
            actions.append(
                types.CodeAction(
                    title=f"Suppress {concept} here (termbase-ignore, with a reason)",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d],
                    edit=types.WorkspaceEdit(changes={uri: [insert]}),
                )
            )
        if concept not in looked_up:
            looked_up.add(concept)
            title = f"Look up {concept} in the term base"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.Empty,
                    command=types.Command(
                        title=title, command="termbase.lookup", arguments=[concept]
                    ),
                )
            )
    return actions


def _suppression(name: str, lines: list[str], line: int, concept: str) -> Any:
    from lsprotocol import types

    comment = f"termbase-ignore: {concept} -- reason"
    suffix = Path(name).suffix.lower()
    if suffix in _LINE_COMMENT and line < len(lines):
        at = types.Position(line=line, character=len(lines[line]))
        return types.TextEdit(range=types.Range(start=at, end=at), new_text=f" <!-- {comment} -->")
    if suffix in (".po", ".pot"):
        top = line
        while top > 0 and lines[top - 1].strip():
            top -= 1
        at = types.Position(line=top, character=0)
        return types.TextEdit(range=types.Range(start=at, end=at), new_text=f"# {comment}\n")
    return None


def serve(given: list[Path] | None) -> None:
    """Run the server on stdin and stdout. `given`: the term base named with -t; without it
    each document uses the one its settings file names, as `termbase lint` would."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    engine = Engine(given)
    server = LanguageServer("termbase", "1")
    tasks: set[asyncio.Task[None]] = set()  # kept until done (the loop holds weak references)
    running: set[str] = set()  # documents being linted now
    dirty: set[str] = set()  # ... and changed again meanwhile

    async def lint(uri: str) -> None:
        """Lint once the changes have paused; changes that arrive meanwhile are linted together
        when this one is done, and only the result for the latest text is published (2,000
        incremental changes to a 1 MB file are one lint, not 2,000)."""
        running.add(uri)
        try:
            while True:
                dirty.discard(uri)
                await asyncio.sleep(QUIET_SECONDS)
                if uri in dirty:
                    continue  # still typing
                if not is_open(uri):
                    return  # closed meanwhile
                doc = server.workspace.get_text_document(uri)
                version, source = doc.version, doc.source
                try:
                    found = await asyncio.to_thread(diagnostics_of, engine, _name(uri), source)
                except Exception as e:  # noqa: BLE001 - said in the editor, the server goes on
                    found = [_failure(f"termbase could not lint this document: {e}")]
                if uri not in dirty:
                    publish(uri, version, found)
                    return
        finally:
            running.discard(uri)

    def publish(uri: str, version: int | None, found: list[dict[str, Any]]) -> None:
        params = {"uri": uri, "version": version, "diagnostics": found}
        message = {"jsonrpc": "2.0", "method": types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}
        send = getattr(server.protocol, "_send_data", None)
        if send is not None:
            # the diagnostics as they are, already JSON: pygls's own route would convert them
            # to lsprotocol objects and back, which costs more than linting a long file
            send({**message, "params": params})
        else:  # pragma: no cover - a pygls without the private method
            structured = server.protocol._converter.structure(
                params, types.PublishDiagnosticsParams
            )
            server.text_document_publish_diagnostics(structured)

    def is_open(uri: str) -> bool:
        # pygls 2.1 keeps documents by their URI percent-decoded (a path with a space or a
        # Chinese name is `%20` or `%E6%96%87` in the URI the editor sends), 2.0 as sent
        documents = server.workspace.text_documents
        return uri in documents or unquote(uri) in documents

    def opened(uri: str) -> str:
        """The text of a document the editor opened; "" for any other (pygls would read the
        file from disk)."""
        if not is_open(uri):
            return ""
        return server.workspace.get_text_document(uri).source

    def schedule(uri: str) -> None:
        if uri in running:
            dirty.add(uri)
        else:
            task = asyncio.ensure_future(lint(uri))
            tasks.add(task)
            task.add_done_callback(tasks.discard)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
        schedule(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def files_changed(ls: Any, params: types.DidChangeWatchedFilesParams) -> None:
        engine.reload()  # the term base or a settings file changed: lint again with it
        for doc in list(server.workspace.text_documents.values()):
            schedule(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: Any, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        lines = opened(uri).split("\n")
        if params.position.line >= len(lines):
            return None
        line = lines[params.position.line]
        card = engine.concept_at(line, params.position.character, _name(uri))
        if card is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=card_markdown(card))
        )

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[]))
    def completion(ls: Any, params: types.CompletionParams) -> types.CompletionList:
        uri = params.text_document.uri
        lines = opened(uri).split("\n")
        line = lines[params.position.line] if params.position.line < len(lines) else ""
        at = min(params.position.character, len(line))
        m = re.search(r"[A-Za-z]+$", line[:at])
        items = []
        if m:
            start = types.Position(line=params.position.line, character=m.start())
            end = types.Position(line=params.position.line, character=at)
            replace = types.Range(start=start, end=end)
            found = engine.completions(m.group(), name=_name(uri))
            for rank, (text, concept, detail) in enumerate(found):
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
        uri = params.text_document.uri
        source = opened(uri)
        return code_actions(_name(uri), uri, source, list(params.context.diagnostics))

    @server.command("termbase.lookup")
    def lookup(ls: Any, *args: Any) -> str | None:
        """The concept's card, shown as a message (and returned, for clients that show it)."""
        concept = _first_string(args)
        card = engine.card(concept) if concept else None
        if card is None:
            return None
        text = card_markdown(card)
        server.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Info, message=text)
        )
        return text

    @server.feature(ERROR_METHOD)
    def frame_error(ls: Any, params: Any) -> None:
        """A message `Frames` could not hand on: answered, and said in the client's log."""

        def get(key: str) -> Any:
            return params.get(key) if isinstance(params, dict) else getattr(params, key, None)

        send = server.protocol._send_data
        text = f"termbase: {get('message')}"
        send(
            {
                "jsonrpc": "2.0",
                "method": "window/logMessage",
                "params": {"type": 1, "message": text},
            }
        )
        if get("method") is None or get("id") is not None:  # not a notification
            error = {"code": get("code"), "message": text}
            send({"jsonrpc": "2.0", "id": get("id"), "error": error})

    def check(message: dict[str, Any]) -> None:
        try:
            server.protocol.structure_message(message)
        except Exception as e:  # noqa: BLE001 - pygls raises its own, cattrs's within
            raise ValueError(_why(e)) from None

    server.start_io(stdin=cast(BinaryIO, Frames(sys.stdin.buffer, check)))


def _why(e: BaseException) -> str:
    """What cattrs found wrong, from the innermost exception pygls wraps."""
    while e.__cause__ is not None or getattr(e, "exceptions", None):
        inner = getattr(e, "exceptions", None)
        e = inner[0] if inner else e.__cause__  # type: ignore[assignment]
    return str(e) or type(e).__name__


def _failure(message: str) -> dict[str, Any]:
    """One diagnostic at the top of the document saying why it has no others."""
    where = {"line": 0, "character": 0}
    return {
        "range": {"start": where, "end": where},
        "severity": 1,
        "source": "termbase",
        "message": message,
    }


def _first_string(args: Any) -> str | None:
    """The first string among a command's arguments, however the client nests them."""
    for a in args:
        if isinstance(a, str):
            return a
        if isinstance(a, list | tuple):
            found = _first_string(a)
            if found:
                return found
    return None


def _as_written(kind: str, text: str | None) -> str | None:
    """A rendering as it must be written into a file of `kind` to read back as itself: XML
    escaped in XLIFF and TMX (R&D is R&amp;D), backslash and quote escaped in a PO string.
    None where it cannot be written in place: a CSV or TSV field would need quoting."""
    if text is None:
        return None
    if kind in ("xliff", "tmx"):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if kind == "po":
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if kind in ("csv", "tsv") and any(c in text for c in ',"\t\n\r'):
        return None
    return text
