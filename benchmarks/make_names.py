"""Make termbase's table of proper names (src/termbase/data/cedict/) from CC-CEDICT.

Run: python benchmarks/make_names.py [../shared/data/cedict_ts.u8]

CC-CEDICT writes a proper noun's pinyin with capitals, one at the start of each of its words
(清华大学 [Qing1 hua2 Da4 xue2]: Qīnghuá Dàxué). The pinyin of running text capitalises a word and
divides a name into words only on that evidence (GB/T 16159-2012 6.3), never on a segmenter's
part-of-speech tag alone. Kept: the Simplified headwords of two characters or more whose pinyin
starts with a capital and has a syllable for each character, unless the same headword is also a
common word of the dictionary (法制, 安康); and the one-character surnames ("surname X"), for the
names of people the dictionary cannot list. A third column, "place", marks a name whose gloss
says it is a place or an organisation (合肥 "Hefei, prefecture-level city", 百度 "Baidu, Internet
search engine company", 松下 "Panasonic (brand)"): jieba's dictionary has many such names as
common nouns, and that alone must not make them lower case (where 互联网 "Internet" and 三月 "March"
stay common words). A person whose gloss gives a life (祖沖之 "Zu Chongzhi (429-500)") has the
given name capitalised where the dictionary spells it in lower case (Zu3 Chong1 zhi1: Zǔ
Chōngzhī). CC-CEDICT is CC BY-SA 4.0: so are the files made from it (NOTICE.md says so beside
them).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
HAN = re.compile(r"[\u3400-\u9fff]")


def entries(source: Path) -> Iterator[tuple[str, str, str, str]]:
    """CC-CEDICT's entries: (Traditional, Simplified, numbered pinyin, glosses)."""
    for line in source.read_text("utf-8").splitlines():
        m = ENTRY.match(line)
        if not line.startswith("#") and m:
            yield m.group(1), m.group(2), m.group(3), m.group(4)


# A gloss that names a place or an organisation, or points to one (金水: "see 金水区[... Qu1]")
PLACE = re.compile(
    r"\b(city|county|province|prefecture|district|town|township|village|banner|capital of|"
    r"municipality|river|mountain|lake|island|state of|region|company|corporation|university|"
    r"bank|airport|brand|conglomerate)\b"
    r"|^see [^/]*\[[^\]]*\b(Shi4|Xian4|Qu1|Sheng3|Zhen4|Xiang1)\]",
    re.IGNORECASE,
)


# Chinese words a gloss names (重慶|重庆: the Traditional and the Simplified form)
MENTIONED = re.compile(r"[\u3400-\u9fff]+(?:\|[\u3400-\u9fff]+)?")


# ... where the gloss starts with them (not 廉颇, a general "of Zhao 趙國|赵国 ... Qin 秦國")
PLACES_GLOSS = re.compile(
    r"^(?:abbr\. for )?[A-Z][A-Za-z' -]* [\u3400-\u9fff|]+(?:\[[^\]]*\])?,? (?:and|&) "
)


# A person's life in the gloss: 祖沖之 "Zu Chongzhi (429-500), astronomer"; CC-CEDICT spells many
# such names with one capital (Zu3 chong1 zhi1), a surname and a given name GB/T writes apart
LIFE = re.compile(r"\((?:c\. ?)?\d{1,4}(?: ?BC)?-(?:c\. ?)?\d{1,4}(?: ?BC)?\)")


GLOSS_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")


def _as_glossed(syllables: list[str], glosses: str) -> list[str]:
    """The syllables with a capital where the gloss starts a word of the name (Zu Chongzhi: Zu3
    Chong1 zhi1), where the gloss spells the whole pinyin so (not Washington for 华盛顿)."""
    m = GLOSS_NAME.match(glosses)
    bare = [re.sub(r"\d", "", x).lower() for x in syllables]
    if m is None or "".join(m.group(0).split()).lower() != "".join(bare):
        return syllables
    starts, at = set(), 0
    for word in m.group(0).split():
        starts.add(at)
        at += len(word)
    out, at = [], 0
    for syllable, plain in zip(syllables, bare, strict=True):
        out.append(syllable[:1].upper() + syllable[1:] if at in starts else syllable)
        at += len(plain)
    return out


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/cedict_ts.u8"
    names: dict[str, str] = {}
    places: set[str] = set()
    glossed: dict[str, str] = {}
    common: set[str] = set()
    surnames: set[str] = set()
    for _, simplified, pinyin, glosses in entries(source):
        if not pinyin[:1].isupper():
            common.add(simplified)
            continue
        if len(simplified) == 1 and re.search(r"\bsurname [A-Z]", glosses):
            surnames.add(simplified)
        syllables = [s for s in pinyin.split() if s != "·"]
        han = HAN.findall(simplified)
        if len(simplified) >= 2 and len(han) == len(simplified) == len(syllables):
            names.setdefault(simplified, " ".join(syllables))
            glossed.setdefault(simplified, glosses)
            if PLACE.search(glosses) and "epithet" not in glosses:  # 天府 (of Sichuan)
                places.add(simplified)
    for name, glosses in glossed.items():
        if LIFE.search(glosses) and name not in places:
            names[name] = " ".join(_as_glossed(names[name].split(), glosses))
    # an abbreviation of places, glossed by them (成渝: "Chengdu 成都 and Chongqing 重慶|重庆")
    for name, glosses in glossed.items():
        named = {w.split("|")[-1] for w in MENTIONED.findall(glosses)}
        if PLACES_GLOSS.match(glosses) and len(named & places) >= 2:
            places.add(name)
    out = ROOT / "src/termbase/data/cedict"
    rows = sorted((k, v) for k, v in names.items() if k not in common)
    lines = (f"{k}\t{v}\tplace\n" if k in places else f"{k}\t{v}\n" for k, v in rows)
    (out / "names.tsv").write_text("".join(lines), "utf-8")
    (out / "surnames.txt").write_text("".join(sorted(surnames)) + "\n", "utf-8")
    print(f"{len(rows)} names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
