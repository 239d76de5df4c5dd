"""The language server's input, read leniently and handed on as clean frames.

pygls reads `Content-Length: N\\r\\n\\r\\n` followed by N bytes and nothing else. An editor or a
proxy that writes a header without the length, ends its headers with `\\n\\n`, sends a body that
is not UTF-8 JSON or declares a length of 99,999,999,999 left it deaf for the rest of the
session or killed it. `Frames` sits between stdin and pygls: it reads what came, hands pygls
each message that can be understood as a frame of the form pygls expects, and in place of each
one that cannot, a `termbase/frameError` notification that the server answers (an error
response with the request's id where it could be read, else with a null id, as JSON-RPC says,
and a log message).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, BinaryIO

ERROR_METHOD = "termbase/frameError"

# The largest body read: a document of 64 MB (the lint reads no larger segment file at once).
MAX_BODY = 64 << 20
# The longest header line: longer is not a header.
_MAX_HEADER = 8192
_HEADER = re.compile(rb"[A-Za-z0-9!#$%&'*+.^_`|~-]+[ \t]*:")  # a field name, RFC 9110 5.1
_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d+)", re.IGNORECASE)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602


class Frames:
    """A binary stream of canonical frames read from `raw` (`readline` and `read`, what pygls
    calls). `check(message)` raises `ValueError` saying why a parsed message cannot be
    handled (parameters pygls would not structure), so that it is answered, not dropped."""

    def __init__(
        self, raw: BinaryIO, check: Callable[[dict[str, Any]], None] | None = None
    ) -> None:
        self.raw = raw
        self.check = check
        self.buf = b""  # read from raw, not yet framed
        self.eof = False
        self.out = b""  # framed, not yet handed to pygls
        self.skipping = False  # the body of a message too long to read comes next

    # ------------------------------------------------------------- what pygls calls

    def readline(self) -> bytes:
        if not self.out:
            self.out = self._next()
        end = self.out.find(b"\n") + 1 or len(self.out)
        line, self.out = self.out[:end], self.out[end:]
        return line

    def read(self, n: int = -1) -> bytes:
        if not self.out:
            self.out = self._next()
        n = len(self.out) if n < 0 else n
        data, self.out = self.out[:n], self.out[n:]
        return data

    # ------------------------------------------------------------- reading raw input

    def _fill(self) -> bool:
        """More of the input into the buffer; False at its end."""
        if self.eof:
            return False
        read1 = getattr(self.raw, "read1", None)
        data = read1(1 << 16) if read1 is not None else self.raw.read(1)
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True

    def _line(self) -> bytes | None:
        """The next line with its end (`\\n`), at most `_MAX_HEADER` bytes (a longer one is
        returned as it is, to be found no header); None at the end of the input."""
        while True:
            end = self.buf.find(b"\n", 0, _MAX_HEADER)
            if end >= 0 or len(self.buf) >= _MAX_HEADER or (self.eof and self.buf):
                cut = end + 1 if end >= 0 else min(len(self.buf), _MAX_HEADER)
                line, self.buf = self.buf[:cut], self.buf[cut:]
                return line
            if not self._fill():
                if self.buf:
                    continue
                return None

    def _take(self, n: int) -> bytes | None:
        while len(self.buf) < n:
            if not self._fill():
                return None
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    # ------------------------------------------------------------- frames

    def _next(self) -> bytes:
        """The next canonical frame (or frames: an error and what follows it), b"" at the end
        of the input."""
        if self.skipping:
            self.skipping = False
            self._skip_to_next_frame()
        headers: list[bytes] = []
        while True:
            line = self._line()
            if line is None:
                return b""  # the end of the input: pygls stops
            if line.strip() == b"":
                if headers:
                    break
                continue  # blank lines between frames
            if not _HEADER.match(line):
                # a body where a header should be (a message sent without any header)
                self.buf = line + self.buf
                body = self._unframed()
                return self._error_frame(
                    _id_of(body), INVALID_REQUEST, "a message without a Content-Length header"
                )
            headers.append(line)
        found = [m for h in headers if (m := _LENGTH.fullmatch(h.strip()))]
        if not found:
            # a header block without a length: the body is what follows up to the next
            # frame's header, or the first complete JSON value
            body = self._unframed()
            return self._error_frame(
                _id_of(body), INVALID_REQUEST, "a message without a Content-Length header"
            )
        length = int(found[-1].group(1))
        if length > MAX_BODY:
            self.skipping = True  # answered first: the client may wait for the answer
            return self._error_frame(
                None,
                INVALID_REQUEST,
                f"Content-Length {length} is more than the {MAX_BODY} bytes a message may "
                "hold; the message was skipped",
            )
        taken = self._take(length)
        if taken is None:
            return b""  # the input ended inside the body
        return self._checked(taken)

    def _checked(self, body: bytes) -> bytes:
        try:
            message = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError as e:
            return self._error_frame(None, PARSE_ERROR, f"the message is not UTF-8 ({e.reason})")
        except ValueError as e:
            return self._error_frame(None, PARSE_ERROR, f"the message is not JSON: {e}")
        if not isinstance(message, dict):
            return self._error_frame(None, INVALID_REQUEST, "the message is not a JSON object")
        if self.check is not None:
            try:
                self.check(message)
            except ValueError as e:
                ident = message.get("id") if "method" in message else None
                method = message.get("method")
                return self._error_frame(
                    ident, INVALID_PARAMS, f"{method}: invalid parameters: {e}", method
                )
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def _unframed(self) -> bytes:
        """A body that came without a length: up to the next `Content-Length` header (left in
        the buffer), or the first complete JSON value, or the end of the input."""
        while True:
            m = _LENGTH.search(self.buf)
            if m is not None:
                body, self.buf = self.buf[: m.start()], self.buf[m.start() :]
                return body
            if self.buf.rstrip().endswith(b"}") and _complete_json(self.buf):
                body, self.buf = self.buf, b""
                return body
            if len(self.buf) > MAX_BODY or not self._fill():
                body, self.buf = self.buf, b""
                return body

    def _skip_to_next_frame(self) -> None:
        """Drop input up to the next `Content-Length` header, holding little of it at once."""
        while True:
            m = _LENGTH.search(self.buf)
            if m is not None:
                self.buf = self.buf[m.start() :]
                return
            self.buf = self.buf[-64:]  # a header cut in two by a read
            if not self._fill():
                self.buf = b""
                return

    @staticmethod
    def _error_frame(ident: Any, code: int, message: str, method: Any = None) -> bytes:
        params = {"id": ident, "code": code, "message": message, "method": method}
        body = json.dumps({"jsonrpc": "2.0", "method": ERROR_METHOD, "params": params}).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _complete_json(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8"))
    except ValueError:
        return False
    return True


def _id_of(body: bytes) -> Any:
    """The id of a request whose frame was broken, where it can be read."""
    try:
        message = json.loads(body.decode("utf-8"))
    except ValueError:
        return None
    if isinstance(message, dict) and isinstance(message.get("id"), int | str):
        return message["id"]
    return None
