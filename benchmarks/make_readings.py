"""Make termbase's table of CC-CEDICT readings (src/termbase/data/cedict/readings.tsv): the
common words of two to four characters that pypinyin's phrase dictionary lacks and reads,
character by character, otherwise than CC-CEDICT (中微子 zhōngwēizǐ, not zhōngwēizi; 调酒
tiáojiǔ, not diàojiǔ; 强买强卖 qiǎngmǎi-qiǎngmài), for `termbase pinyin`
(termbase.chinese.pinyin).

Run: python benchmarks/make_readings.py [../shared/data/cedict_ts.u8 [OUT]] (in a process of
its own: termbase.chinese.pinyin teaches pypinyin the table it makes)

Kept where CC-CEDICT gives one reading for the word, no proper noun (a capital), no erhua (r),
and not where the only difference is CC-CEDICT's neutral tone for pypinyin's full one
(学生会 xuéshenghuì: the Xiandai Hanyu Cidian has xuéshēnghuì), nor where the character stands in
a word of pypinyin's phrases inside it (下载量: pypinyin's 下载 xiàzài, CC-CEDICT's xiàzǎiliàng);
readings are compared without the sandhi of 一 and 不. CC-CEDICT is CC BY-SA 4.0: so is the
table (NOTICE.md says so beside it).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from make_names import ROOT, entries

HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# Where CC-CEDICT's one reading is not the Xiandai Hanyu Cidian's (嫦娥奔月 bēnyuè)
NOT_STANDARD = frozenset({"奔月"})


def _bare(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _neutral(syllable: str) -> bool:
    return _bare(syllable) == unicodedata.normalize("NFD", syllable.lower())


def _plain(word: str, syllables: list[str]) -> list[str]:
    """Readings without the sandhi of 一 and 不, as termbase writes them."""
    return [
        "yī" if c == "一" else "bù" if c == "不" else s
        for c, s in zip(word, syllables, strict=True)
    ]


def _in_phrase(word: str, i: int) -> bool:
    """Whether the character at `i` stands in a word of pypinyin's phrase dictionary inside
    `word` (its reading there is pypinyin's evidence against CC-CEDICT's)."""
    from termbase.chinese.pinyin import is_phrase

    return any(
        is_phrase(word[a:b])
        for a in range(i + 1)
        for b in range(max(i + 1, a + 2), len(word) + 1)
        if (a, b) != (0, len(word))
    )


def table(source: Path) -> dict[str, list[str]]:
    from termbase.chinese.pinyin import from_numbers, is_phrase, pypinyin_alone

    readings: dict[str, list[str] | None] = {}
    for _, word, pinyin, glosses in entries(source):
        syllables = pinyin.split()
        if not (2 <= len(word) <= 4 and HAN.match(word) and len(syllables) == len(word)):
            continue
        if any(s[:1].isupper() for s in syllables) or glosses.startswith(("variant of", "old ")):
            continue
        if "pr. [" in glosses:  # "also pr.", "Taiwan pr.": no one reading (下载 xiàzǎi, xiàzài)
            continue
        if is_phrase(word) or word in NOT_STANDARD:
            continue
        written = [from_numbers(s.replace("u:", "ü")) for s in syllables]
        readings[word] = None if word in readings else written  # two readings: no evidence
    out: dict[str, list[str]] = {}
    for word, found in readings.items():
        if found is None:
            continue
        ours = _plain(word, pypinyin_alone(word))
        theirs = _plain(word, found)
        changed = [
            (a.lower(), b.lower())
            for a, b in zip(theirs, ours, strict=True)
            if a.lower() != b.lower()
        ]
        if not changed or any(a == "r" for a, _ in changed):
            continue
        if any(_neutral(a) and not _neutral(b) and _bare(a) == _bare(b) for a, b in changed):
            continue
        at = [
            i for i, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a.lower() != b.lower()
        ]
        if any(_in_phrase(word, i) for i in at):
            continue  # 下载量: pypinyin's 下载 xiàzài, where CC-CEDICT has Taiwan's xiàzǎi
        out[word] = [s.lower() for s in theirs]
    return out


def rows(readings: dict[str, list[str]]) -> str:
    return "".join(f"{k}\t{' '.join(v)}\n" for k, v in sorted(readings.items()))


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/cedict_ts.u8"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "src/termbase/data/cedict/readings.tsv"
    text = rows(table(source))
    out.write_text(text, "utf-8")
    print(f"{text.count(chr(10))} words")


if __name__ == "__main__":
    main()
