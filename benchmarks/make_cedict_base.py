"""Turn CC-CEDICT into a term base in termbase's format: the large real base for benchmarks.

Usage: python benchmarks/make_cedict_base.py OUT_DIR [--cedict PATH] [--limit N] [--per-file N]

- zh-Hans and zh-Hant terms from CEDICT's two columns;
- pinyin from its numbered pinyin, with tone marks, syllables joined into words (a capitalised
  syllable starts a new word, as CEDICT writes proper names), apostrophes before a, o, e;
  ``u:`` is ü;
- its English glosses as renderings: the first preferred, the rest admitted; classifiers
  ("CL:...") and cross-references ("see ...", "variant of ...") as notes;
- ids from the toneless pinyin, made distinct for entries that share it;
- files of about 1,000 concepts.

CC-CEDICT is CC BY-SA 4.0: the generated base is never committed (write it to a temporary or
git-ignored folder such as benchmarks/out/).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CEDICT = Path(__file__).resolve().parents[2] / "shared" / "data" / "cedict_ts.u8"
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
TONE_MARKS = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}
SYLLABLE = re.compile(r"^([A-Za-zü:]+)([1-5])$")
CROSS_REFERENCE = re.compile(
    r"^(see|see also|variant of|old variant of|also written|same as|abbr\. for)\b"
)


@dataclass(frozen=True, slots=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str
    glosses: tuple[str, ...]
    notes: tuple[str, ...]
    slug: str


def mark_tone(syllable: str, tone: int) -> str:
    """xiao3 -> xiǎo: the mark goes on a or e, on the o of ou, else on the last vowel."""
    s = syllable.replace("u:", "ü").replace("U:", "Ü")
    if tone not in TONE_MARKS:
        return s
    lower = s.lower()
    if "a" in lower:
        i = lower.index("a")
    elif "e" in lower:
        i = lower.index("e")
    elif "ou" in lower:
        i = lower.index("o")
    else:
        vowels = [k for k, ch in enumerate(lower) if ch in "iouü"]
        if not vowels:
            return s  # m, n, ng, hm: syllabic consonants keep no mark here
        i = vowels[-1]
    return unicodedata.normalize("NFC", s[: i + 1] + TONE_MARKS[tone] + s[i + 1 :])


def gbt_pinyin(numbered: str) -> str:
    """CEDICT's 'Zhong1 guo2 Gong4 chan3 dang3' -> 'Zhōngguó Gòngchǎndǎng'."""
    words: list[str] = []
    current = ""
    for raw in numbered.split():
        m = SYLLABLE.match(raw)
        if not m:
            # A letter, a digit run or punctuation: its own word (or a separator).
            if current:
                words.append(current)
                current = ""
            if raw not in {",", "·", "-"}:
                words.append(raw.replace("u:", "ü"))
            continue
        letters, tone = m.group(1), int(m.group(2))
        syl = mark_tone(letters, tone)
        if letters[0].isupper() and current:
            words.append(current)
            current = ""
        if current and syl[0].lower() in "aoeāáǎàōóǒòēéěè":
            current += "'"
        current += syl
    if current:
        words.append(current)
    return " ".join(words)


def slug(numbered: str) -> str:
    parts = []
    for raw in numbered.split():
        m = SYLLABLE.match(raw)
        token = m.group(1) if m else raw
        token = token.lower().replace("u:", "v").replace("ü", "v")
        token = re.sub(r"[^a-z0-9]", "", token)
        if token:
            parts.append(token)
    s = "-".join(parts) or "entry"
    return s if s[0].isalpha() else "c-" + s


def parse(path: Path) -> Iterator[Entry]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            m = LINE.match(line.rstrip("\r\n"))
            if not m:
                continue
            trad, simp, numbered, body = m.groups()
            glosses: list[str] = []
            notes: list[str] = []
            for raw_gloss in body.split("/"):
                gloss = raw_gloss.strip()
                if not gloss:
                    continue
                if gloss.startswith("CL:") or CROSS_REFERENCE.match(gloss):
                    notes.append(gloss)
                elif gloss not in glosses:
                    glosses.append(gloss)
            yield Entry(
                trad, simp, gbt_pinyin(numbered), tuple(glosses), tuple(notes), slug(numbered)
            )


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(cid: str, e: Entry) -> str:
    lines = [f"[{cid}]"]
    if e.notes:
        lines.append(f"note = {q('; '.join(e.notes))}")
    lines.append('sources = ["cc-cedict"]')
    terms: list[tuple[str, str, str, str | None]] = [
        ("zh-Hans", e.simplified, "preferred", e.pinyin),
        ("zh-Hant", e.traditional, "preferred", e.pinyin),
    ]
    terms += [
        ("en", g, "preferred" if i == 0 else "admitted", None) for i, g in enumerate(e.glosses)
    ]
    for lang, text, status, pinyin in terms:
        lines += [
            "",
            f"[[{cid}.term]]",
            f'lang = "{lang}"',
            f"text = {q(text)}",
            f'status = "{status}"',
        ]
        if pinyin:
            lines.append(f"pinyin = {q(pinyin)}")
    return "\n".join(lines) + "\n"


SETTINGS = """# Made from CC-CEDICT by benchmarks/make_cedict_base.py (CC BY-SA 4.0). Not for git.

[termbase]
name = "CC-CEDICT as a term base"
source-language = "zh-Hans"
languages = ["zh-Hans", "zh-Hant", "en"]

[sources.cc-cedict]
title = "CC-CEDICT"
publisher = "MDBG"
note = "Creative Commons Attribution-ShareAlike 4.0; based on CEDICT by Paul Andrew Denisowski."
"""


def build(cedict: Path, out: Path, limit: int | None = None, per_file: int = 1000) -> Counter[str]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("cedict-*.toml"):
        old.unlink()
    (out / "termbase.toml").write_text(SETTINGS, encoding="utf-8")
    stats: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    used: set[str] = set()
    chunk: list[str] = []
    n_file = 0

    def flush() -> None:
        nonlocal n_file, chunk
        if chunk:
            (out / f"cedict-{n_file:04d}.toml").write_text("\n".join(chunk), encoding="utf-8")
            n_file += 1
            chunk = []

    for e in parse(cedict):
        if limit is not None and stats["concepts"] >= limit:
            break
        if not e.glosses:
            stats["concepts with notes only (no English term)"] += 1
        seen[e.slug] += 1
        cid = e.slug
        while cid in used:  # 'shuang-11' may be both an entry's own id and 'shuang''s 11th
            seen[e.slug] += 1
            cid = f"{e.slug}-{seen[e.slug]}"
        used.add(cid)
        chunk.append(render(cid, e))
        stats["concepts"] += 1
        if len(chunk) >= per_file:
            flush()
    flush()
    stats["files"] = n_file + 1
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--cedict", type=Path, default=DEFAULT_CEDICT)
    parser.add_argument("--limit", type=int, default=None, help="stop after N concepts")
    parser.add_argument("--per-file", type=int, default=1000)
    args = parser.parse_args()
    if not args.cedict.is_file():
        sys.exit(f"make_cedict_base: {args.cedict}: no such file (pass --cedict)")
    stats = build(args.cedict, args.out, args.limit, args.per_file)
    for key, value in sorted(stats.items()):
        print(f"{key}: {value}", file=sys.stderr)


if __name__ == "__main__":
    main()
