"""`termbase lsp` over stdio, driven as an editor drives it (JSON-RPC with Content-Length
frames): open a file with "intelligent for good", receive LT103 with its range, apply the quick
fix and see the diagnostic go, hover over 小院高墙, complete xygq."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT
from .test_lint_routes import COMMAND

pytest.importorskip("pygls")


class Client:
    def __init__(self, base: Path) -> None:
        self.proc = subprocess.Popen(
            [*COMMAND, "lsp", "-t", str(base)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.next_id = 0

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
        for _ in range(50):
            message = self.receive()
            if want(message):
                return message
        raise AssertionError("no such message")

    def request(self, method: str, params: Any) -> Any:
        ident = self.send(method, params)
        return self.until(lambda m: m.get("id") == ident).get("result")

    def close(self) -> None:
        self.request("shutdown", None)
        self.send("exit", None, request=False)
        self.proc.wait(timeout=10)
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
        assert "**small-yard-high-fence**" in hover["contents"]["value"]
        assert "small yard, high fence" in hover["contents"]["value"]
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
