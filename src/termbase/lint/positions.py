"""Where a finding is in the file, not in its segment.

A reader gives each segment the line where its translation starts, and a check gives the
offset of a rendering inside the segment's text. In XLIFF, TMX, PO and CSV that text is not
the file's: entities (`&amp;`), CDATA, inline tags, PO escapes (`\\"`, `\\n`) and strings
continued over lines, CSV's doubled quotes stand between the two. This module walks the file's
text from the segment's line, decoding as the reader did, and maps an offset in the segment's
text to the file's line and column (1-based, in code points; `utf16_column` converts for the
language server). Where the walk does not give the segment's text back, nothing is mapped:
the finding keeps its line and loses its column, never points at the wrong characters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from termbase.finding import Finding
from termbase.lint.segment import EXCERPT

# XML's predefined entities; the readers refuse files that declare others.
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_CONTINUED = re.compile(r'[ \t]*"')
_TAG_NAME = re.compile(r"</?([\w.:-]+)")
# Where a segment's translation starts, and the inline elements whose text is the segment's
# text (the readers' CONTAINERS).
_XML_START = {
    "xliff": (re.compile(r"<(?:[\w.-]+:)?target(?=[\s>/])"), frozenset({"g", "mrk", "pc", "sub"})),
    "tmx": (re.compile(r"<(?:[\w.-]+:)?seg(?=[\s>/])"), frozenset({"hi", "sub"})),
}


@dataclass(frozen=True, slots=True)
class Decoded:
    """A segment's text as decoded from the file, and for each character (and the end) the
    offset in the file's text where it was written."""

    text: str
    at: tuple[int, ...]


class FileText:
    """A file's text with its line starts, to turn offsets into lines and columns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer(r"\r\n|\n|\r", text))]

    def offset(self, line: int) -> int:
        """The offset where 1-based `line` starts (the end of the text past the last)."""
        return self.starts[line - 1] if 0 < line <= len(self.starts) else len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


_SKIPPED = {"<![CDATA[": "]]>", "<!--": "-->", "<?": "?>"}


def _xml_content(raw: str, p: int, containers: frozenset[str]) -> Decoded | None:
    """The text of the element whose start tag ends just before `p`, decoded as
    `lint._xml.text_of` does: containers give their text, other inline elements nothing."""
    out: list[str] = []
    at: list[int] = []
    depth = 0
    n = len(raw)
    while p < n:
        c = raw[p]
        if c == "<":
            opener = next((o for o in _SKIPPED if raw.startswith(o, p)), None)
            if opener is not None:  # CDATA (its text kept), a comment, a processing instruction
                closer = _SKIPPED[opener]
                end = raw.find(closer, p)
                if end < 0:
                    return None
                if opener == "<![CDATA[":
                    out.extend(raw[p + len(opener) : end])
                    at.extend(range(p + len(opener), end))
                p = end + len(closer)
                continue
            end = _tag_end(raw, p)
            m = _TAG_NAME.match(raw, p)
            if end < 0 or m is None:
                return None
            name = m.group(1).rpartition(":")[2]
            if raw[p + 1] == "/":
                if depth == 0:
                    break
                depth -= 1
                p = end + 1
                continue
            if raw[end - 1] == "/":
                p = end + 1  # an empty inline element: a placeholder, no text
                continue
            if name in containers:
                depth += 1
                p = end + 1
                continue
            skipped = _skip_element(raw, end + 1, m.group(1))
            if skipped < 0:
                return None
            p = skipped
            continue
        if c == "&":
            semi = raw.find(";", p, p + 12)
            if semi < 0:
                return None
            ent = raw[p + 1 : semi]
            try:
                if ent.startswith("#x"):
                    char = chr(int(ent[2:], 16))
                elif ent.startswith("#"):
                    char = chr(int(ent[1:]))
                else:
                    char = _ENTITIES[ent]
            except (KeyError, ValueError):
                return None
            out.append(char)
            at.append(p)
            p = semi + 1
            continue
        if c == "\r":  # XML reads \r\n and \r as \n
            out.append("\n")
            at.append(p)
            p += 2 if raw.startswith("\r\n", p) else 1
            continue
        out.append(c)
        at.append(p)
        p += 1
    at.append(p)
    return Decoded("".join(out), tuple(at))


def _tag_end(raw: str, p: int) -> int:
    """The offset of the `>` that closes the tag at `p` (quoted attribute values may hold `>`)."""
    quote = ""
    for q in range(p + 1, len(raw)):
        c = raw[q]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == ">":
            return q
    return -1


def _skip_element(raw: str, p: int, name: str) -> int:
    """The offset after the end tag of element `name` whose content starts at `p`."""
    depth = 1
    pattern = re.compile(rf"<(/?){re.escape(name)}(?=[\s>/])")
    while depth:
        m = pattern.search(raw, p)
        if m is None:
            return -1
        end = _tag_end(raw, m.start())
        if end < 0:
            return -1
        if m.group(1):
            depth -= 1
        elif raw[end - 1] != "/":
            depth += 1
        p = end + 1
    return p


def _xml_segment(raw: str, start: int, kind: str, target: str) -> Decoded | None:
    """The first target (XLIFF) or seg (TMX) element from `start` whose text is `target`."""
    pattern, containers = _XML_START[kind]
    for m in pattern.finditer(raw, start):
        end = _tag_end(raw, m.start())
        if end < 0 or raw[end - 1] == "/":
            continue
        decoded = _xml_content(raw, end + 1, containers)
        if decoded is not None and _same(decoded.text, target):
            return decoded
        if raw.count("\n", start, m.start()) > 2_000:
            break  # far past the segment's line: the reader's line was somewhere else
    return None


def _po_string(raw: str, files: FileText, line: int) -> Decoded | None:
    """The msgstr (or msgstr[n]) string that starts on `line`, with its continuation lines."""
    out: list[str] = []
    at: list[int] = []
    p = files.offset(line)
    first = True
    while p < len(raw):
        eol = raw.find("\n", p)
        eol = len(raw) if eol < 0 else eol
        text = raw[p:eol]
        q = text.find('"') if first else (len(text) - len(text.lstrip()))
        if first and not text.lstrip().startswith("msgstr"):
            return None
        if q < 0 or not text[q:].startswith('"'):
            break
        q += p + 1
        close = eol
        while q < eol:
            c = raw[q]
            if c == "\\" and q + 1 < eol:
                out.append(_PO_ESCAPES.get(raw[q + 1], raw[q + 1]))
                at.append(q)
                q += 2
                continue
            if c == '"':
                close = q
                break
            out.append(c)
            at.append(q)
            q += 1
        end_here = close
        first = False
        p = eol + 1
        if p >= len(raw) or not _CONTINUED.match(raw, p):
            at.append(end_here)
            return Decoded("".join(out), tuple(at))
    at.append(p)
    return Decoded("".join(out), tuple(at))


def _csv_field(raw: str, start: int, delimiter: str, target: str) -> Decoded | None:
    """The field of the CSV/TSV row starting at `start` whose text is `target` (the last one
    if several are: the target column follows the source)."""
    found: Decoded | None = None
    p = start
    n = len(raw)
    while True:
        out: list[str] = []
        at: list[int] = []
        if p < n and raw[p] == '"':
            p += 1
            while p < n:
                if raw[p] == '"':
                    if raw.startswith('""', p):
                        out.append('"')
                        at.append(p)
                        p += 2
                        continue
                    p += 1
                    break
                out.append(raw[p])
                at.append(p)
                p += 1
            at.append(p - 1)
        else:
            while p < n and raw[p] not in f"{delimiter}\r\n":
                out.append(raw[p])
                at.append(p)
                p += 1
            at.append(p)
        decoded = Decoded("".join(out), tuple(at))
        if _same(decoded.text, target):
            found = decoded
        if p < n and raw[p] == delimiter:
            p += 1
            continue
        return found


def _same(decoded: str, target: str) -> bool:
    """Whether the decoded text is the segment's text, which a finding holds whole or, for a
    long segment, as an excerpt cut with "…" (`segment.excerpt`)."""
    if decoded == target:
        return True
    if len(decoded) <= EXCERPT:
        return False
    return target.removeprefix("…").removesuffix("…") in decoded


def segment_text(files: FileText, fmt: str, line: int, target: str) -> Decoded | None:
    """The segment's translation as written in the file, from its reader's `line`."""
    raw = files.text
    start = files.offset(line)
    if fmt in _XML_START:
        return _xml_segment(raw, start, fmt, target)
    if fmt == "po":
        return _po_string(raw, files, line)
    if fmt == "tsv":
        return _csv_field(raw, start, "\t", target)
    if fmt == "csv":  # the delimiter the reader sniffed: the one that gives the text back
        for delimiter in ",;\t|":
            found = _csv_field(raw, start, delimiter, target)
            if found is not None:
                return found
    return None


def locate(
    files: FileText, fmt: str, line: int, target: str, offsets: Sequence[int]
) -> list[tuple[int, int]] | None:
    """The file's (line, column) of each 0-based offset of the segment's text; None when the
    segment's text is not found where its reader said."""
    decoded = segment_text(files, fmt, line, target)
    if decoded is None or not _same(decoded.text, target):
        return None
    out = []
    for k in offsets:
        if not 0 <= k <= len(decoded.text):
            return None
        out.append(files.position(decoded.at[k]))
    return out


def utf16_column(line_text: str, column: int) -> int:
    """A 0-based UTF-16 column (as the Language Server Protocol counts) of a 1-based column in
    code points."""
    head = line_text[: column - 1]
    return len(head) + sum(1 for c in head if ord(c) > 0xFFFF)


# The formats whose findings are moved from the segment's offsets to the file's.
MAPPED = frozenset({"xliff", "tmx", "po", "csv", "tsv"})


def file_findings(findings: list[Finding], kinds: Mapping[Path, str]) -> list[Finding]:
    """`findings` with the line and column of each finding that has a column in a file of a
    `MAPPED` format (in `kinds`) moved to where the rendering is written in the file. A finding
    whose place cannot be found keeps its segment's line and no column."""
    import dataclasses

    todo = {
        f.path for f in findings if f.column and f.path is not None and kinds.get(f.path) in MAPPED
    }
    if not todo:
        return findings
    texts: dict[Path, FileText | None] = {}
    segments: dict[tuple[Path, int, str], Decoded | None] = {}  # a segment's findings share it
    out = []
    for f in findings:
        if not f.column or f.path not in todo or f.path is None or f.target is None:
            out.append(f)
            continue
        files = texts.get(f.path, False)
        if files is False:
            try:
                files = FileText(f.path.read_bytes().decode("utf-8-sig"))
            except (OSError, UnicodeDecodeError):
                files = None
            texts[f.path] = files
        key = (f.path, f.line, f.target)
        if key not in segments:
            decoded = None
            if isinstance(files, FileText):
                decoded = segment_text(files, kinds[f.path], f.line, f.target)
                if decoded is not None and not _same(decoded.text, f.target):
                    decoded = None
            segments[key] = decoded
        decoded = segments[key]
        k = f.column - 1
        if decoded is None or k > len(decoded.text) or not isinstance(files, FileText):
            out.append(dataclasses.replace(f, column=0))
            continue
        line, column = files.position(decoded.at[k])
        out.append(dataclasses.replace(f, line=line, column=column))
    return out
