"""The language server on input real clients and proxies write, and on hostile input (issue
36, item 11): a frame without Content-Length, `\\n\\n` after the headers, a body that is not
UTF-8, a length of 99,999,999,999, positions out of range, URIs with a NUL or a line break,
document paths with spaces and Chinese names, and a burst of 2,000 incremental changes to a
1 MB file. Each is answered (or published) and the server goes on."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any

import pytest

from termbase.servers.frames import ERROR_METHOD, Frames

from .conftest import ROOT
from .test_lsp import Client, _diagnostics, _open, _start

pytest.importorskip("pygls")


def _frame(message: dict[str, Any], *, sep: bytes = b"\r\n") -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d" % len(body) + sep + sep + body


def _read_all(data: bytes) -> list[dict[str, Any]]:
    """The messages `Frames` hands pygls for `data`, parsed as pygls parses them."""
    frames = Frames(io.BufferedReader(io.BytesIO(data)))
    out: list[dict[str, Any]] = []
    while True:
        header = frames.readline()
        if not header:
            return out
        assert header.startswith(b"Content-Length: ")
        assert header.endswith(b"\r\n")
        assert frames.readline() == b"\r\n"
        out.append(json.loads(frames.read(int(header.split(b":")[1]))))


HOVER = {"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {}}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"Content-Type: application/json\r\n\r\n" + json.dumps(HOVER).encode(), -32600),
        (json.dumps(HOVER).encode(), -32600),  # no header at all
        (b'Content-Length: 11\r\n\r\n{"a": "\xff\xfe"}', -32700),
        (b"Content-Length: 5\r\n\r\n{nope", -32700),
        (b"Content-Length: 99999999999\r\n\r\n{}", -32600),
    ],
    ids=["no-length", "no-header", "not-utf8", "not-json", "huge-length"],
)
def test_a_broken_frame_becomes_an_error_and_the_next_frame_is_read(
    data: bytes, error: int
) -> None:
    nxt = {"jsonrpc": "2.0", "id": 8, "method": "shutdown"}
    got = _read_all(data + _frame(nxt))
    assert [m["method"] for m in got] == [ERROR_METHOD, "shutdown"]
    assert got[0]["params"]["code"] == error
    if error == -32600 and b"99999" not in data:
        assert got[0]["params"]["id"] == 7  # the request's id, read from the broken frame


def test_lf_headers_and_lowercase_names_are_frames() -> None:
    message = {"jsonrpc": "2.0", "id": 1, "method": "shutdown"}
    data = _frame(message, sep=b"\n") + _frame(message).replace(
        b"Content-Length", b"content-length"
    )
    assert _read_all(data) == [message, message]


def _hover(client: Client, uri: str, line: int, character: int) -> dict[str, Any]:
    ident = client.send(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
    )
    return client.until(lambda m: m.get("id") == ident)


def test_hostile_frames_are_answered_and_the_server_goes_on(tmp_path: Path) -> None:
    client = _start(tmp_path, ROOT / "terms")

    def raw(data: bytes) -> None:
        assert client.proc.stdin is not None
        client.proc.stdin.write(data)
        client.proc.stdin.flush()

    try:
        uri = _open(client, tmp_path / "a.md", "AI for good, 小院高墙\n")
        assert _diagnostics(client, uri) == []
        hover = {
            **HOVER,
            "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}},
        }
        # a frame without a length: the request gets its error, by its id
        raw(b"Content-Type: application/json\r\n\r\n" + json.dumps({**hover, "id": 100}).encode())
        assert client.until(lambda m: m.get("id") == 100)["error"]["code"] == -32600
        # LF headers: read
        raw(_frame({**hover, "id": 101}, sep=b"\n"))
        assert (
            "AI for good"
            in client.until(lambda m: m.get("id") == 101)["result"]["contents"]["value"]
        )
        # not UTF-8 and a huge length: a parse error with a null id, then the next request
        raw(b'Content-Length: 11\r\n\r\n{"a": "\xff\xfe"}')
        assert (
            client.until(lambda m: "error" in m and m.get("id") is None)["error"]["code"] == -32700
        )
        raw(b"Content-Length: 99999999999\r\n\r\n{}")
        assert (
            "99999999999"
            in client.until(lambda m: "error" in m and m.get("id") is None)["error"]["message"]
        )
        assert "result" in _hover(client, uri, 0, 1)
        # positions out of range: an invalid-params error, not silence
        for line, character in [(-1, -5), (10**12, 10**12)]:
            assert _hover(client, uri, line, character)["error"]["code"] == -32602
        assert _hover(client, uri, 2**31 - 1, 2**31 - 1)["result"] is None
        # a document not opened is not read from disk
        assert _hover(client, (tmp_path / "never-opened.md").as_uri(), 0, 0)["result"] is None
        # URIs that cannot name a file: one diagnostic says so
        for bad in ["c%00.md", "d%0A.md"]:
            bad_uri = tmp_path.as_uri() + "/" + bad
            client.send(
                "textDocument/didOpen",
                {
                    "textDocument": {
                        "uri": bad_uri,
                        "languageId": "markdown",
                        "version": 1,
                        "text": "x\n",
                    }
                },
                request=False,
            )
            found = _diagnostics(client, bad_uri)
            assert len(found) == 1
            assert "NUL or a line break" in found[0]["message"]
        assert client.proc.poll() is None
    finally:
        client.close()


@pytest.mark.parametrize("name", ["my notes.md", "译文 笔记.md", "a..b/../c.md"])
def test_a_document_whose_path_needs_percent_encoding_gets_its_diagnostics(
    tmp_path: Path, name: str
) -> None:
    """VS Code sends `file:///tmp/%E8%AF%91%E6%96%87.md`; pygls keeps documents by the decoded
    URI: the server must find them, or no file with a Chinese name is ever linted."""
    client = _start(tmp_path, ROOT / "terms")
    try:
        uri = _open(client, tmp_path / name, "intelligent for good\n")
        assert "%" in uri or ".." in uri
        assert [d["code"] for d in _diagnostics(client, uri)] == ["LT103"]
    finally:
        client.close()


def test_a_burst_of_incremental_changes_to_a_large_file_is_linted_once(tmp_path: Path) -> None:
    """2,000 incremental changes to a 1 MB document (the audit's 57 s): accepted and answered
    within seconds, ending with the diagnostics of the last text."""
    client = _start(tmp_path, ROOT / "terms")
    try:
        para = "The small yard, high fence policy and AI for good are discussed. 小院高墙\n"
        lines = 1_000_000 // len(para.encode())
        uri = _open(client, tmp_path / "big.md", para * lines)
        start = time.perf_counter()
        for v in range(2, 2002):
            at = {"line": (v * 7919) % lines, "character": 4}
            client.send(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": v},
                    "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}],
                },
                request=False,
            )
        assert "result" in _hover(client, uri, 0, 5)
        accepted = time.perf_counter() - start
        message = client.until(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["version"] == 2001
            )
        )
        assert message["params"]["uri"] == uri
        assert accepted < 20, f"2,000 changes accepted in {accepted:.1f} s"
    finally:
        client.close()
