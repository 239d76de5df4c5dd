"""`termbase lsp` over stdio, driven as an editor drives it (JSON-RPC with Content-Length
frames): open a file with "intelligent for good", receive LT103 with its range, apply the quick
fix and see the diagnostic go, hover over 小院高墙, complete xygq."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from .conftest import DATA, ROOT
from .test_lint_routes import COMMAND

pytest.importorskip("pygls")


class Client:
    def __init__(self, base: Path | None) -> None:
        self.proc = subprocess.Popen(
            [*COMMAND, "lsp", *(["-t", str(base)] if base else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.next_id = 0
        self.backlog: list[dict[str, Any]] = []
        # a test that waits for a message that never comes fails instead of hanging CI
        self.watchdog = threading.Timer(120, self.proc.kill)
        self.watchdog.start()

    def send(self, method: str, params: Any, *, request: bool = True) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = None
        if request:
            self.next_id += 1
            ident = message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return ident

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while True:
            line = self.proc.stdout.readline()
            assert line, "the server closed its output"
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message: dict[str, Any] = json.loads(self.proc.stdout.read(length))
        return message

    def until(self, want: Any) -> dict[str, Any]:
        """The first message (already received and passed over, or to come) that `want`s."""
        for message in self.backlog:
            if want(message):
                self.backlog.remove(message)
                return message
        for _ in range(50):
            message = self.receive()
            if want(message):
                return message
            self.backlog.append(message)
        raise AssertionError("no such message")

    def request(self, method: str, params: Any) -> Any:
        ident = self.send(method, params)
        return self.until(lambda m: m.get("id") == ident).get("result")

    def close(self) -> None:
        self.request("shutdown", None)
        self.send("exit", None, request=False)
        self.proc.wait(timeout=10)
        self.watchdog.cancel()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def _diagnostics(client: Client, uri: str) -> list[dict[str, Any]]:
    message = client.until(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    )
    result: list[dict[str, Any]] = message["params"]["diagnostics"]
    return result


def test_an_editor_session(tmp_path: Path) -> None:
    client = Client(ROOT / "terms")
    try:
        client.request(
            "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
        )
        client.send("initialized", {}, request=False)
        uri = (tmp_path / "notes.md").as_uri()
        text = "China upholds intelligent for good.\n\n中国反对小院高墙。\n"
        client.send(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
            request=False,
        )
        found = _diagnostics(client, uri)
        assert [(d["code"], d["range"]) for d in found] == [
            ("LT103", {"start": {"line": 0, "character": 14}, "end": {"line": 0, "character": 34}})
        ]
        assert "AI for good" in found[0]["message"]
        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": found[0]["range"],
                "context": {"diagnostics": found},
            },
        )
        assert actions[0]["title"] == 'Replace with "AI for good"'
        edit = actions[0]["edit"]["changes"][uri][0]
        fixed = text[:14] + edit["newText"] + text[34:]
        client.send(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]},
            request=False,
        )
        assert _diagnostics(client, uri) == []
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 5}},
        )
        assert hover, client.proc.stderr
        assert "**small-yard-high-fence**" in hover["contents"]["value"]
        assert "small yard, high fence" in hover["contents"]["value"]
        assert "Source: 积极参与和引领人工智能全球治理" in hover["contents"]["value"]
        client.send(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 3},
                "contentChanges": [{"text": fixed + "xygq"}],
            },
            request=False,
        )
        _diagnostics(client, uri)
        completion = client.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 4}},
        )
        first = completion["items"][0]
        assert first["label"] == "小院高墙"
        assert first["textEdit"]["range"]["start"] == {"line": 3, "character": 0}
        nothing = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}},
        )
        assert nothing is None
    finally:
        client.close()


def _open(client: Client, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.send(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
        request=False,
    )
    return uri


def _start(tmp_path: Path, *with_termbase: Path) -> Client:
    client = Client(*with_termbase) if with_termbase else Client(None)
    client.request(
        "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
    )
    client.send("initialized", {}, request=False)
    return client


def test_settings_from_the_documents_folder(tmp_path: Path) -> None:
    """A translations repository with its own .termbase.toml naming a copy of the term base,
    a severity and an exclusion: the server started without -t (as an editor starts it) uses
    them, as `termbase lint` does for the same files."""
    import shutil

    shutil.copytree(ROOT / "terms", tmp_path / "glossary")
    repo = tmp_path / "translations"
    (repo / "legacy").mkdir(parents=True)
    (repo / ".termbase.toml").write_text(
        'termbase = "../glossary"\n\n[lint]\nexclude = ["legacy"]\n\n'
        '[lint.severity]\nLT103 = "warning"\n',
        "utf-8",
    )
    text = "We build a small courtyard with high walls, intelligent for good.\n"
    client = _start(tmp_path)
    try:
        found = _diagnostics(client, _open(client, repo / "notes.md", text))
        assert [(d["code"], d["severity"]) for d in found] == [("LT103", 2)]  # 2: warning
        assert _diagnostics(client, _open(client, repo / "legacy" / "old.md", text)) == []
        # the same text outside the repository: the defaults, an error
        outside = _diagnostics(client, _open(client, tmp_path / "elsewhere.md", text))
        assert [(d["code"], d["severity"]) for d in outside] == [("LT103", 1)]
    finally:
        client.close()


def test_suppression_and_look_up_actions(tmp_path: Path) -> None:
    client = _start(tmp_path, ROOT / "terms")
    try:
        text = "China upholds intelligent for good.\n"
        uri = _open(client, tmp_path / "notes.md", text)
        found = _diagnostics(client, uri)
        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": found[0]["range"],
                "context": {"diagnostics": found},
            },
        )
        titles = [a["title"] for a in actions]
        assert titles == [
            'Replace with "AI for good"',
            "Suppress ai-for-good here (termbase-ignore, with a reason)",
            "Look up ai-for-good in the term base",
        ]
        insert = actions[1]["edit"]["changes"][uri][0]
        assert insert["newText"] == " <!-- termbase-ignore: ai-for-good -- reason -->"
        assert insert["range"]["start"] == {"line": 0, "character": len(text) - 1}
        suppressed = text.rstrip("\n") + insert["newText"] + "\n"
        client.send(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": suppressed}]},
            request=False,
        )
        assert _diagnostics(client, uri) == []
        command = actions[2]["command"]
        card = client.request(
            "workspace/executeCommand",
            {"command": command["command"], "arguments": command["arguments"]},
        )
        assert "**ai-for-good**" in card
        assert "智能向善" in card
        shown = client.until(lambda m: m.get("method") == "window/showMessage")
        assert "AI for good" in shown["params"]["message"]
    finally:
        client.close()


def test_po_suppression_goes_above_the_entry(tmp_path: Path) -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: zh-Hans\\n"\n\n'
        '#: app.py:1\nmsgid "坚持智能向善"\nmsgstr "adhere to intelligent for good"\n'
    )
    client = _start(tmp_path, ROOT / "terms")
    try:
        uri = _open(client, tmp_path / "app.po", po)
        found = [d for d in _diagnostics(client, uri) if d["code"] == "LT103"]
        assert found, "no LT103 in the PO file"
        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": found[0]["range"],
                "context": {"diagnostics": found},
            },
        )
        insert = next(a for a in actions if a["title"].startswith("Suppress"))["edit"]["changes"][
            uri
        ][0]
        assert insert["range"]["start"] == {"line": 5, "character": 0}
        assert insert["newText"] == "# termbase-ignore: ai-for-good -- reason\n"
    finally:
        client.close()


def test_a_burst_of_changes_ends_with_the_diagnostics_of_the_last_text(tmp_path: Path) -> None:
    """Typing: every keystroke a change. What is published goes forward in versions (a result
    for text already changed again is dropped) and ends with the last text's diagnostics."""
    client = _start(tmp_path, ROOT / "terms")
    try:
        uri = _open(client, tmp_path / "notes.md", "Nothing yet.\n")
        assert _diagnostics(client, uri) == []
        typed = "intelligent for good"
        for n in range(1, len(typed) + 1):
            client.send(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": n + 1},
                    "contentChanges": [{"text": typed[:n] + "\n"}],
                },
                request=False,
            )
        versions: list[int] = []
        while not versions or versions[-1] != len(typed) + 1:
            message = client.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
            versions.append(message["params"]["version"])
        assert versions == sorted(set(versions))
        assert [d["code"] for d in message["params"]["diagnostics"]] == ["LT103"]
    finally:
        client.close()


def test_a_document_that_does_not_parse_gets_one_diagnostic_and_the_server_goes_on(
    tmp_path: Path,
) -> None:
    client = _start(tmp_path, ROOT / "terms")
    try:
        bad = _diagnostics(client, _open(client, tmp_path / "broken.xlf", "<xliff><file>"))
        assert [d["code"] for d in bad] == ["LT001"]
        assert bad[0]["message"].startswith("malformed XML")
        good = _diagnostics(client, _open(client, tmp_path / "ok.md", "AI for good.\n"))
        assert good == []
    finally:
        client.close()


def test_a_session_with_pygls_language_client(tmp_path: Path) -> None:
    """The same session through pygls's own LanguageClient (lsprotocol types on both ends):
    diagnostics with their range, the quick fix, hover and completion."""
    import asyncio

    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    uri = (tmp_path / "notes.md").as_uri()
    text = "China upholds intelligent for good.\n\n中国反对小院高墙。\nxygq"

    async def session() -> None:
        client = LanguageClient("termbase-test", "1")
        received: list[types.PublishDiagnosticsParams] = []
        arrived = asyncio.Event()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
        def diagnostics(*args: Any) -> None:
            received.append(args[-1])
            arrived.set()

        await client.start_io(COMMAND[0], *COMMAND[1:], "lsp", "-t", str(ROOT / "terms"))
        try:
            await client.initialize_async(
                types.InitializeParams(capabilities=types.ClientCapabilities())
            )
            client.initialized(types.InitializedParams())
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(uri, "markdown", 1, text)
                )
            )
            await asyncio.wait_for(arrived.wait(), 60)
            (found,) = received[-1].diagnostics
            assert (found.code, found.range.start.character, found.range.end.character) == (
                "LT103",
                14,
                34,
            )
            actions = await client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri),
                    range=found.range,
                    context=types.CodeActionContext(diagnostics=[found]),
                )
            )
            assert actions is not None
            first = actions[0]
            assert isinstance(first, types.CodeAction)
            assert first.title == 'Replace with "AI for good"'
            hover = await client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(2, 5))
            )
            assert hover is not None
            assert isinstance(hover.contents, types.MarkupContent)
            assert "**small-yard-high-fence**" in hover.contents.value
            completion = await client.text_document_completion_async(
                types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(3, 4))
            )
            assert isinstance(completion, types.CompletionList)
            assert completion.items[0].label == "小院高墙"
            await client.shutdown_async(None)
            client.exit(None)
        finally:
            await client.stop()  # type: ignore[no-untyped-call]

    asyncio.run(session())


# The quick fix "Replace with ..." in each format, with an entity or escape, a character beyond
# the BMP (two UTF-16 units) and, in PO, a string continued on the next line before the
# rendering: applied as an editor applies it, the file parses and only the rendering changed.
_FIX_DOCUMENTS = {
    "a.xlf": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language='
        '"zh-Hans" target-language="en"><body>\n<trans-unit id="1"><source>中国坚持智能向善。'
        "</source>\n      <target>R&amp;D 𠀀 <g id='1'>China</g> upholds intelligent for good."
        "</target></trans-unit></body></file></xliff>\n"
    ),
    "b.xlf": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:'
        'tc:xliff:document:2.0" srcLang="zh-Hans" trgLang="en"><file id="f"><unit id="u">\n'
        "<segment><source>中国坚持智能向善。</source><target><![CDATA[R&D]]> 𠀀 &#x4e2d; "
        "upholds intelligent for good.</target></segment></unit></file></xliff>\n"
    ),
    "c.po": (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: zh-Hans\\n"\n\n'
        'msgid "中国坚持智能向善"\nmsgstr ""\n"R&D \\"𠀀\\" China upholds "\n'
        '"intelligent for good."\n'
    ),
    "d.tmx": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-Hans" '
        'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
        'creationtoolversion="1" o-tmf="t"/><body>\n<tu tuid="1"><tuv xml:lang="zh-Hans"><seg>'
        '中国坚持智能向善。</seg></tuv><tuv xml:lang="en"><seg>R&amp;D 𠀀 China upholds '
        "intelligent for good.</seg></tuv></tu></body></tmx>\n"
    ),
    "e.csv": 'zh-Hans,en\n智能向善,"R&D ""𠀀"", China upholds intelligent for good."\n',
    "f.md": "R&D 𠀀 China upholds intelligent for good.\n",
}


def _apply(text: str, edit: dict[str, Any]) -> str:
    """An LSP text edit applied as an editor does: lines, and UTF-16 columns in them."""
    lines = text.split("\n")

    def index(pos: dict[str, int]) -> int:
        line = lines[pos["line"]]
        units = 0
        for i, ch in enumerate(line):
            if units >= pos["character"]:
                return sum(len(x) + 1 for x in lines[: pos["line"]]) + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return sum(len(x) + 1 for x in lines[: pos["line"]]) + len(line)

    start, end = index(edit["range"]["start"]), index(edit["range"]["end"])
    new_text: str = edit["newText"]
    return text[:start] + new_text + text[end:]


def _actions_on_lt103(
    tmp_path: Path, base: Path, path: Path, text: str
) -> tuple[str, list[dict[str, Any]]]:
    """Open `text` as `path` with `base`; the code actions offered on its one LT103."""
    client = _start(tmp_path, base)
    try:
        uri = _open(client, path, text)
        found = [d for d in _diagnostics(client, uri) if d["code"] == "LT103"]
        assert len(found) == 1, found
        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": found[0]["range"],
                "context": {"diagnostics": found},
            },
        )
    finally:
        client.close()
    return uri, actions


@pytest.mark.parametrize("name", sorted(_FIX_DOCUMENTS))
def test_the_quick_fix_edits_the_rendering_and_nothing_else(tmp_path: Path, name: str) -> None:
    from termbase.lint.segment import EXTENSIONS, ReadOptions, read

    text = _FIX_DOCUMENTS[name]
    uri, actions = _actions_on_lt103(tmp_path, ROOT / "terms", tmp_path / name, text)
    fix = next(a for a in actions if a["title"] == 'Replace with "AI for good"')
    edit = fix["edit"]["changes"][uri][0]
    fixed = _apply(text, edit)
    assert fixed == text.replace("intelligent for good", "AI for good")
    path = tmp_path / f"fixed-{name}"
    path.write_text(fixed, "utf-8")
    fmt = EXTENSIONS[path.suffix]
    targets = [s.target for s in read(path, fmt, ReadOptions(columns=None))]
    assert any("upholds AI for good." in t for t in targets), targets


_ESCAPE_BASE = DATA / "lsp" / "escape.toml"  # a rendering with &, < and quotes


@pytest.mark.parametrize("name", ["a.xlf", "b.xlf", "c.po", "d.tmx", "e.csv", "f.md"])
def test_the_quick_fix_writes_the_rendering_as_the_format_escapes_it(
    tmp_path: Path, name: str
) -> None:
    """A preferred rendering with &, < and quotes: XML-escaped in XLIFF and TMX, quote-escaped
    in PO, as is in Markdown; the fixed file reads back with the rendering itself. In CSV the
    field would need quoting anew: no quick fix rather than a broken row (issue 30)."""
    from termbase.lint.segment import EXTENSIONS, ReadOptions, read

    (tmp_path / "tb").mkdir()
    shutil.copyfile(_ESCAPE_BASE, tmp_path / "tb" / "terms.toml")
    text = _FIX_DOCUMENTS[name]
    uri, actions = _actions_on_lt103(tmp_path, tmp_path / "tb", tmp_path / name, text)
    fixes = [a for a in actions if a["title"].startswith("Replace with")]
    if name.endswith(".csv"):
        assert fixes == []
        return
    fixed = _apply(text, fixes[0]["edit"]["changes"][uri][0])
    path = tmp_path / f"fixed-{name}"
    path.write_text(fixed, "utf-8")
    targets = [s.target for s in read(path, EXTENSIONS[path.suffix], ReadOptions(columns=None))]
    assert any('upholds R&D "lab" <x>.' in t for t in targets), targets


def test_a_banned_rendering_with_an_apostrophe_is_read_back_whole() -> None:
    """The quick fix's range is the found text's length: Python writes a text with an
    apostrophe in double quotes, and a rendering to use may hold quotes."""
    from termbase.lint.linter import Linter

    message = '"other countries\' affairs" is a forbidden rendering of x; use "R&D "lab""'
    assert Linter.banned_parts(message) == ("other countries' affairs", 'R&D "lab"')
    assert Linter.banned_parts("'a' is a deprecated rendering of x") == ("a", None)
    assert Linter.banned_parts("something else") is None
