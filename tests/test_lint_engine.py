"""The fast paths of the lint engine against straightforward reference implementations kept
here: the same findings on generated segments full of the bundled base's terms, bent the ways
English text bends them (plurals, possessives, capitals, hyphens, placeholders, coordinations,
non-ASCII words)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.finding import Finding
from termbase.lint import Linter, LintSettings, ellipsis
from termbase.lint.linter import Spans
from termbase.lint.matcher import ChineseMatcher, Pattern, is_chinese_tag, tag_fits
from termbase.lint.segment import Segment
from termbase.lint.suppress import segment_finding
from termbase.search.index import Index

from .conftest import ROOT


class ReferenceLinter(Linter):
    """LT101 as first written: every approved rendering looked for in the target by
    `TermMatcher.contains`, the coordination patterns run for every rendering."""

    def _missing(
        self, seg: Segment, lang: str, first: Spans, present: set[str], coded: str | None = None
    ) -> list[Finding]:
        assert seg.source is not None
        out = []
        for cid, (s, e) in first.items():
            if cid in present:
                continue
            renderings = self._renderings(cid, lang)
            if not renderings:
                continue
            terms = self._language_table(lang)[0].get(cid, ())
            if any(
                tag_fits(tl, lang) and self.matcher.contains(seg.target, lang, text, cased)
                for tl, text, cased, _ in terms
            ):
                continue
            if not is_chinese_tag(lang) and any(
                (p := ellipsis._pattern(r)) is not None and p.search(seg.target) for r in renderings
            ):
                continue
            out.append(
                segment_finding(
                    "LT101",
                    seg,
                    0,
                    f"{seg.source[s:e]!r} is in the source but the target has none of "
                    f"{', '.join(map(repr, self._renderings(cid, lang)))}",
                    cid,
                )
            )
        return out


@pytest.fixture(scope="module")
def engines() -> tuple[Linter, Linter, list[str], list[str]]:
    index = Index.open([ROOT / "terms"], use_cache=False)
    cards = index.cards()
    fast = Linter(cards, index.fold_table(), LintSettings())
    reference = ReferenceLinter(cards, index.fold_table(), LintSettings())
    chinese = [t["text"] for c in cards for t in c["terms"] if t["lang"] == "zh-Hans"]
    english = [t["text"] for c in cards for t in c["terms"] if t["lang"] == "en"]
    return fast, reference, chinese, english


_BENDS = [
    lambda t: t,
    lambda t: t + "s",
    lambda t: t + "'s",
    lambda t: t.upper(),
    lambda t: t.title(),
    lambda t: t.replace(" ", "-"),
    lambda t: "{0} " + t,
    lambda t: t.replace(" ", " %s ", 1),
    lambda t: "<b>" + t + "</b>",
    lambda t: t.replace("e", "é", 1),
    lambda t: "naïve " + t,
    lambda t: " and ".join(t.rsplit(" ", 1)) + " divides" if " " in t else t,
    lambda t: t.split(" ")[0] + ", digital and intelligence " + t.split(" ")[-1] + "s",
]


@settings(max_examples=250, deadline=None)
@given(data=st.data())
def test_findings_equal_the_reference(
    engines: tuple[Linter, Linter, list[str], list[str]], data: st.DataObject
) -> None:
    fast, reference, chinese, english = engines
    source = "，".join(data.draw(st.lists(st.sampled_from(chinese), min_size=1, max_size=6)))
    parts = [
        data.draw(st.sampled_from(_BENDS))(data.draw(st.sampled_from(english)))
        for _ in range(data.draw(st.integers(0, 6)))
    ]
    seg = Segment(Path("x.tsv"), 1, "1", " ".join(parts), source, "zh-Hans", "en")
    assert fast.check(seg) == reference.check(seg)


def _naive_leftmost_longest(keys: list[str], text: str) -> list[tuple[int, int, int]]:
    out, i = [], 0
    while i < len(text):
        best = max(
            ((len(k), n) for n, k in enumerate(keys) if k and text.startswith(k, i)), default=None
        )
        if best is None:
            i += 1
            continue
        out.append((best[1], i, i + best[0]))
        i += best[0]
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text("中国人民智能", min_size=1, max_size=4), min_size=1, max_size=10, unique=True),
    st.text("中国人民智能和", max_size=40),
)
def test_chinese_automaton_is_leftmost_longest(keys: list[str], text: str) -> None:
    """The saved daachorse automaton finds what a naive leftmost-longest scan finds."""
    patterns = [Pattern(f"c{n}", "zh-Hans", k, "preferred") for n, k in enumerate(keys)]
    matcher = ChineseMatcher(patterns, {})
    again = ChineseMatcher.from_state(matcher.state(), {})  # saved and loaded
    assert matcher.hits(text, []) == _naive_leftmost_longest(keys, text)
    assert again.hits(text, []) == matcher.hits(text, [])


def test_the_prefilter_never_hides_a_coordination() -> None:
    """`coordinated` skips a rendering only when its pattern could not match."""
    renderings = ["digital divide", "developing country", "intelligence divide"]
    for text in [
        "the digital and intelligence divides",
        "developed and developing countries",
        "Digital ,  and AI Divide",
        "digital\tand\nAI divide",
        "the digital divide and intelligence services",
    ]:
        want = any(
            (p := ellipsis._pattern(r)) is not None and bool(p.search(text)) for r in renderings
        )
        assert ellipsis.coordinated(text, renderings) == want, text


_COORDINATION_PARTS = st.sampled_from(
    [
        "digital",
        "Digital",
        "DIGITAL",
        "divide",
        "divides",
        "Divides",
        "AI",
        "ai",
        "and",
        "AND",
        "or",
        "&",
        "as",
        "well",
        "the",
        "state-owned",
        "State-Owned",
        "owned",
        "enterprise",
        "enterprises",
        "developing",
        "developed",
        "country",
        "countries",
        "non",
        "(digital",
        "'digital",
        "ai-digital",
        "x-state-owned",
        "and ai divides",
        "& ai divides",
        "as well as AI divides",
        "or private enterprises",
        "İ",
        "straße",
        "STRASSE",
        "'",
        "’",
        "(",
        ".",
    ]
)
_GLUE = st.sampled_from([" ", "  ", ", ", " ,", ",", "-", "\t", "\n", "\u00a0", "", " - "])
_COORDINATION_RENDERINGS = [
    "digital divide",
    "AI divide",
    "state-owned enterprise",
    "developing country",
    "straße divide",
    "digital and AI divide",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(_COORDINATION_PARTS, _GLUE), max_size=14))
def test_the_prefilter_is_a_necessary_condition(parts: list[tuple[str, str]]) -> None:
    """On generated texts of modifiers, coordinators, heads, hyphens, apostrophes, spaces of
    every kind and capitals, `coordinated` (with its prefilter: the needles, and a coordinator
    after the last modifier) says what running every rendering's pattern says."""
    text = "".join(word + glue for word, glue in parts)
    for rendering in _COORDINATION_RENDERINGS:
        pattern = ellipsis._pattern(rendering)
        want = pattern is not None and bool(pattern.search(text))
        assert ellipsis.coordinated(text, [rendering]) == want, (text, rendering)


_ASCII_WORDS = st.text(alphabet="abcesyixzhSIEY'", min_size=1, max_size=9).filter(
    lambda w: w[0] != "'" and w[-1] != "'" and "''" not in w
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_ASCII_WORDS, min_size=1, max_size=20), st.lists(_ASCII_WORDS, max_size=40))
def test_the_spelling_table_codes_as_normalising_does(terms: list[str], text: list[str]) -> None:
    """An ASCII word's code from the table of spellings is the code of its normalised form,
    for term words and text words built from the letters the plural rules turn on."""
    from termbase.lint.words import OTHER_WORD, WordMatcher, normalise_word

    patterns = [Pattern(f"c{n}", "en", t, "preferred", (), n % 3 == 0) for n, t in enumerate(terms)]
    matcher = WordMatcher(patterns)
    grown = [t + end for t in terms for end in ("s", "es", "'s", "s's", "'s's", "ies")]
    for word in [*text, *terms, *grown]:
        for keep_case, vocab in ((False, matcher.vocab), (True, matcher.cased_vocab)):
            want = vocab.get(normalise_word(word, keep_case=keep_case), OTHER_WORD)
            assert matcher._code(word, keep_case) == want, (word, keep_case)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_batch_finds_what_segment_by_segment_finds(
    engines: tuple[Linter, Linter, list[str], list[str]], data: st.DataObject
) -> None:
    """`check_many` (targets coded and scanned in one pass) against `check` one segment at a
    time: bilingual and monolingual segments, ASCII and not, with placeholders and tags, in
    one batch."""
    fast, _, chinese, english = engines
    segs = []
    for n in range(data.draw(st.integers(1, 8))):
        parts = [
            data.draw(st.sampled_from(_BENDS))(data.draw(st.sampled_from(english)))
            for _ in range(data.draw(st.integers(0, 5)))
        ]
        target = " ".join(parts)
        if data.draw(st.booleans()):
            source = "，".join(data.draw(st.lists(st.sampled_from(chinese), max_size=4)))
            segs.append(Segment(Path("x.tsv"), n + 1, str(n + 1), target, source, "zh-Hans", "en"))
        else:
            segs.append(Segment(Path("x.md"), n + 1, str(n + 1), target, None, None, "en"))
    one_by_one = [fast.check(seg) for seg in segs]
    assert fast.check_many(segs) == one_by_one


def _split_both(text: str) -> None:
    """A text cut in C (`Words`) as the word pattern cuts it: the same words, each at the same
    place, whether the runs asked for come in order or not; ASCII text the same way whether
    it is said to be ASCII or not."""
    from termbase.lint.patterns import _WORD
    from termbase.lint.tokens import Words

    want = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    runs = [(a, b) for a in range(len(want)) for b in range(a + 1, min(a + 3, len(want)) + 1)]
    runs += runs[::-1]
    places = [(want[a][0], want[b - 1][1]) for a, b in runs]
    for words in (
        [Words(text, True), Words(text, False)] if text.isascii() else [Words(text, False)]
    ):
        assert words.tokens == [text[s:e] for s, e in want]
        assert words.spans(runs) == places  # many runs
        for n, run in enumerate(runs):  # few (one), and few in order
            assert words.spans([run]) == [places[n]]
        assert words.spans(runs[::40]) == places[::40]


def test_the_ascii_split_is_the_word_split() -> None:
    for text in (
        "It's the AI-for-good era: G20's 'small yard' -- x_y, 3.5% {0} <b>tag</b> don't'",
        "'twas ''a'' b'c'd e'' 'f' '' ' x'y'z'\tq\n\r  end'",
        "",
        "   ",
        "'",
        "a",
    ):
        _split_both(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9' -_.,\t\n'", max_size=40))
def test_the_ascii_split_is_the_word_split_on_any_text(text: str) -> None:
    _split_both(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZ9' -_.,éÉ中’–\u0301٣Ａ𠀀\u2028ß\ufffcǅ", max_size=40))
def test_the_word_split_in_c_is_the_word_pattern_on_any_text(text: str) -> None:
    """Letters, digits and marks beyond ASCII, ’, dashes, an astral character, U+FFFC."""
    _split_both(text)


def test_lt101_records_give_back_what_they_were_made_of(
    engines: tuple[Linter, Linter, list[str], list[str]],
) -> None:
    """The table of LT101's records kept with the matchers: every concept whose English terms
    are all tagged `en` has a record, and each record splits back into what it was made of,
    for `en` and its variants; control characters in a term stay out of the separators."""
    from termbase.lint.missing import Wanted, split_record, table_state

    fast = engines[0]
    renderings = fast._language_table("en")[0]
    term_key = fast.matcher.spaced("en").term_key
    records, others = table_state(renderings, "en", term_key)
    assert set(others) == {
        cid for cid, terms in renderings.items() if any(t[0] != "en" for t in terms)
    }
    assert len(records) > 100
    for cid, record in records.items():
        for lang in ("en", "en-GB", "en-US"):
            assert split_record(record) == Wanted.of(renderings[cid], lang, term_key), cid
    odd = Wanted.of([("en", "digital\x1edivide\x1f", False, False)], "en", term_key)
    assert split_record(odd.record()) == odd
    assert odd.needles[0] == "digital divide"


def test_a_quick_finding_is_a_finding() -> None:
    """`quick_finding` (lint's hot path) makes what `Finding(...)` makes, as frozen."""
    import dataclasses

    from termbase.finding import Severity, quick_finding

    fields = (Path("a.tsv"), 3, "LT101", Severity.ERROR, "m", "c", 0, None, "3", "源", "t")
    quick = quick_finding(*fields)
    assert quick == Finding(*fields)
    assert hash(quick) == hash(Finding(*fields))
    assert [getattr(quick, f.name) for f in dataclasses.fields(Finding)] == list(fields)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.line = 4  # type: ignore[misc]


@functools.cache
def _fold_table() -> dict[int, str]:
    return Index.open([ROOT / "terms"], use_cache=False).fold_table()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text("和音乐中國国人民智能ＡＢab\u0301éßẞ {}%", max_size=12),
        min_size=1,
        max_size=8,
    )
)
def test_chinese_texts_scanned_at_once_as_one_by_one(texts: list[str]) -> None:
    """`ChineseMatcher.hits_many` (texts joined, folded and scanned once) finds what `hits`
    finds text by text: with exclusion contexts (和音 inside 和音乐), either script, full-width
    letters, text that NFC changes and letters that case-folding lengthens."""
    patterns = [
        Pattern("a", "zh-Hans", "和音", "preferred", ("和音乐",)),
        Pattern("b", "zh-Hans", "中国", "preferred"),
        Pattern("c", "zh-Hant", "人民", "preferred"),
        Pattern("d", "zh-Hans", "智能", "deprecated"),
        Pattern("e", "en", "ab", "preferred"),
        Pattern("f", "zh-Hans", "é", "preferred"),
    ]
    matcher = ChineseMatcher(patterns, _fold_table())
    assert matcher.hits_many(texts) == [matcher.hits(t, []) for t in texts]


def test_the_json_report_is_each_finding_dumped_alone() -> None:
    """The JSON writer (segment texts encoded once per segment, one C encoder for all) writes
    what json.dumps writes of each finding: with and without segments, texts shared by
    neighbours or not, quotes, non-ASCII, control characters, None."""
    import json

    from termbase.finding import Severity
    from termbase.report.json_format import as_dict, render

    shared_src, shared_tgt = '源"文\\', "tar\tget ü\u2028"
    findings = [
        Finding(
            Path("a b.tsv"),
            1,
            "LT101",
            Severity.ERROR,
            "m'1\"",
            "c",
            0,
            None,
            "1",
            shared_src,
            shared_tgt,
        ),
        Finding(
            Path("a b.tsv"),
            1,
            "LT102",
            Severity.WARNING,
            "m2",
            "d",
            3,
            "use x",
            "1",
            shared_src,
            shared_tgt,
        ),
        Finding(Path("a b.tsv"), 2, "LT105", Severity.ERROR, "m3", None, 1, None, "2", None, "t"),
        Finding(None, 0, "TB101", Severity.ERROR, "no segment", "c"),
        Finding(Path("x.md"), 5, "LT103", Severity.ERROR, "m4", "e", 2, None, "5", None, "t"),
    ]
    want = (
        "[\n"
        + ",\n".join("  " + json.dumps(as_dict(f), ensure_ascii=False) for f in findings)
        + "\n]\n"
    )
    assert render(findings) == want
    assert render([]) == "[]\n"


def test_the_text_report_is_each_finding_alone() -> None:
    """The text writer (snippets made once per segment, file names escaped once) writes what
    the plain composition of each finding gives: shared and unshared texts, line breaks in
    names and texts, no path, no line, no column, no concept, no hint."""
    from termbase.finding import Severity
    from termbase.report.text_format import _snippet, escaped, render

    def plain(f: Finding) -> str:
        who = f" {escaped(f.concept)}:" if f.concept else ":"
        hint = f"; {escaped(f.hint)}" if f.hint else ""
        text = f"{escaped(f.location)}: {f.severity.value} {f.code}{who} {escaped(f.message)}{hint}"
        if f.segment is not None:
            pair = (
                _snippet(f.target)
                if f.source is None
                else f"{_snippet(f.source)} => {_snippet(f.target)}"
            )
            text += f" [segment {f.segment}: {pair}]"
        return text + "\n"

    src, tgt = "源文\n" * 30, "a long\u2028target " * 10
    findings = [
        Finding(Path("a\nb.tsv"), 1, "LT101", Severity.ERROR, "m1\r", "c", 0, None, "1", src, tgt),
        Finding(
            Path("a\nb.tsv"), 1, "LT102", Severity.WARNING, "m2", "d", 3, "use\nx", "1", src, tgt
        ),
        Finding(
            Path("a\nb.tsv"), 2, "LT101", Severity.ERROR, "m3", "c", 0, None, "2", src, "other"
        ),
        Finding(Path("x.md"), 5, "LT103", Severity.ERROR, "m4", None, 2, None, "5", None, "t"),
        Finding(None, 0, "TB101", Severity.ERROR, "no segment", "c"),
        Finding(Path("y.toml"), 3, "TB102", Severity.WARNING, "no column", "c"),
    ]
    assert render(findings) == "".join(map(plain, findings))


def _lines_one_by_one(path: Path, markdown: bool) -> list[tuple[int, str, tuple[str, ...]]]:
    """The text and Markdown reader as it was, line by line: what the chunked one must give."""
    from termbase.lint.plain import _FENCE, without_comments
    from termbase.lint.segment import iter_lines

    out = []
    in_fence, n = False, 0
    for physical in iter_lines(path):
        for line in physical.splitlines() or [""]:
            n += 1
            if markdown and _FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence or not line.strip():
                continue
            body, notes = without_comments(line) if "<!--" in line else (line, ())
            out.append((n, body, notes))
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["word", "", "  ", "```", "~~~ x", "a <!-- termbase-ignore: c -- r --> b", "é\u2028f"]
        ),
        max_size=40,
    ),
    st.sampled_from(["\n", "\r\n", "\r", "\x0b\n"]),
    st.integers(0, 2500),
)
def test_text_and_markdown_are_read_in_chunks_as_line_by_line(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], end: str, padding: int
) -> None:
    """Chunks of a thousand lines, fenced or commented or not, blank lines, every line ending
    and a line count across chunk boundaries: the same segments as line by line."""
    from termbase.lint.plain import iter_read
    from termbase.lint.segment import InputFormat, ReadOptions

    path = tmp_path_factory.mktemp("chunks") / "x.md"
    path.write_bytes(end.join(["plain text"] * padding + lines).encode())
    for fmt in (InputFormat.MARKDOWN, InputFormat.TEXT):
        got = [(s.line, s.target, s.notes) for s in iter_read(path, fmt, ReadOptions())]
        assert got == _lines_one_by_one(path, fmt == InputFormat.MARKDOWN)
        assert all(s.id == str(s.line) for s in iter_read(path, fmt, ReadOptions()))


def _reference_sarif(findings: list[Finding]) -> str:
    """SARIF as first written: each result a dict, the document through json.dumps(indent=2)."""
    import json

    from termbase import __version__
    from termbase.catalog import RULES
    from termbase.finding import Severity
    from termbase.report.sarif_format import SCHEMA, _rule, _uri, fingerprint

    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}

    def result(f: Finding) -> dict[str, object]:
        text = f.message + (f"; {f.hint}" if f.hint else "")
        if f.concept:
            text = f"{f.concept}: {text}"
        out: dict[str, object] = {
            "ruleId": f.code,
            "level": "error" if f.severity is Severity.ERROR else "warning",
            "message": {"text": text},
            "partialFingerprints": {"termbaseFinding/v1": fingerprint(f)},
        }
        if f.code in index:
            out["ruleIndex"] = index[f.code]
        if f.segment is not None:
            out["properties"] = {"segment": f.segment, "source": f.source, "target": f.target}
        if f.path:
            physical: dict[str, object] = {"artifactLocation": {"uri": _uri(f.path)}}
            if f.line:
                region = {"startLine": f.line}
                if f.column:
                    region["startColumn"] = f.column
                physical["region"] = region
            out["locations"] = [{"physicalLocation": physical}]
        return out

    driver = {"name": "termbase", "version": __version__, "rules": [_rule(r) for r in rules]}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": [result(f) for f in findings]}],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_the_sarif_report_is_what_json_dumps_writes() -> None:
    """Results formatted one by one, in place: byte for byte what json.dumps(indent=2) writes
    of the dicts: every optional member there or not, an absolute path (a file URI), a rule out
    of the catalog, quotes, line breaks, non-ASCII, no findings."""
    from termbase.finding import Severity
    from termbase.report import sarif_format
    from termbase.report.sarif_format import render

    findings = [
        Finding(
            Path("a b/é.tsv"), 1, "LT101", Severity.ERROR, 'm"1\n', "c", 0, None, "1", "源", "t"
        ),
        Finding(
            Path("/abs/x.md"), 5, "LT103", Severity.WARNING, "m2", None, 2, "use\tx", "5", None, "t"
        ),
        Finding(Path("y.toml"), 3, "TB102", Severity.WARNING, "no column", "c"),
        Finding(Path("z.toml"), 0, "TB005", Severity.ERROR, "no line", None),
        Finding(None, 0, "TB101", Severity.ERROR, "no path", "c", 0, "h", None, None, None),
        Finding(
            Path("q.tsv"),
            9,
            "XX999",
            Severity.ERROR,
            "not a rule",
            "c",
            4,
            None,
            "9",
            "s",
            "\u2028",
        ),
    ]
    assert render(findings) == _reference_sarif(findings)
    assert render([]) == _reference_sarif([])
    # streamed a thousand results at a time, the same document (the random 1 MB file's SARIF
    # peaked at 652 MB when it was one string; 219 MB streamed)
    many = findings * 700
    pieces = list(sarif_format.chunks(many))
    assert "".join(pieces) == _reference_sarif(many)
    assert len(pieces) == 7
    assert max(map(len, pieces)) < len("".join(pieces)) / 3
