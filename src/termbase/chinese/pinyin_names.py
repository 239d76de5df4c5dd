"""Names in running text, for their pinyin: what jieba tags as an organisation that is one (外交部,
not 国际化), a given name cut from its surname (杜/广达), a word CC-CEDICT
spells as a name in a list of names (谷歌、微软: Wēiruǎn), and a foreign name whose parts a
middle dot joins (高利·曼昆 Gāolì Mànkūn), each part one word with a capital and the dot a
space, as GB/T 16159-2012 writes the parts of a name in the Latin script (6.3.5); names found
by their pattern: the Party's congresses and plenary sessions by number, a registered company
(…有限公司)."""

from __future__ import annotations

import re
from itertools import pairwise

from termbase.chinese import names, segment
from termbase.chinese.pinyin_rules import (
    _DIGITS,
    _INSTITUTION_STARTS,
    _INSTITUTION_SUFFIXES,
    _NAMES,
)
from termbase.chinese.pinyin_words import Token, capital, capitals

# Tags a part of a foreign name does not reach across beyond the word beside the dot: adverbs,
# prepositions, conjunctions, particles, pronouns, numerals, verbs, time and place words
_NOT_IN_NAMES = ("d", "p", "c", "u", "r", "m", "v", "t", "f", "q")
_DOTS = frozenset("·‧•")
_POSITIONS = frozenset("内外东西南北中上下前后顶底全局")


def listed_names(tokens: list[Token]) -> list[Token]:
    """A word CC-CEDICT spells as a name, in a list (、) beside a name: a name too, though the
    segmenter knows it as a common word (谷歌、微软、亚马逊: Wēiruǎn)."""
    for i, t in enumerate(tokens):
        if t.kind != "word" or t.text != t.text.lower() or not names.is_name(t.source):
            continue
        for step in (-1, 1):
            between, other = i + step, i + 2 * step
            if (
                0 <= other < len(tokens)
                and tokens[between].source == "、"
                and tokens[other].kind == "word"
                and tokens[other].text[:1].isupper()
                and names.is_name(tokens[other].source)
            ):
                t.text = capitals(t.text)
                t.tag = "nx"
                break
    return tokens


_ORDINAL = _DIGITS | {"十"}
# What follows 十九大, the Party's 19th National Congress, where 大 is no adjective (十九大城市)
_AFTER_CONGRESS = frozenset(
    {"以来", "精神", "报告", "代表", "召开", "期间", "上", "后", "之后", "前"}
)


def party_meetings(tokens: list[Token]) -> list[Token]:
    """6.3.1: the Party's congresses and plenary sessions by their numbers are names, each
    word capitalised: 十九届五中全会 Shíjiǔ Jiè Wǔzhōng Quánhuì, 党的十九大 Dǎng de Shíjiǔ Dà (a
    number, then 大 after 党的 or before 以来, 精神, 报告 ... or a punctuation mark); the sessions
    of the National People's Congress and the CPPCC too (十四届全国人大四次会议)."""
    for i, t in enumerate(tokens[:-1]):
        if t.source[:1] not in _ORDINAL or len(t.source) < 2 or not set(t.source) <= _ORDINAL:
            continue
        nxt = tokens[i + 1]
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        session = nxt.source == "届" and after is not None and after.source.endswith("中全会")
        before_party = i >= 2 and tokens[i - 1].source == "的" and tokens[i - 2].source == "党"
        ends = after is None or after.kind == "punct" or after.source in _AFTER_CONGRESS
        congress = nxt.source == "大" and t.source[0] in "十二" and (before_party or ends)
        for k in (i, i + 1, i + 2) if session else (i, i + 1) if congress else ():
            tokens[k].text = capitals(tokens[k].text)
            tokens[k].tag = "nt"
    for i, t in enumerate(tokens[:-2]):  # 十四届全国人大四次会议: Shísì Jiè Quánguó Réndà ...
        if not (set(t.source) <= _ORDINAL and tokens[i + 1].source == "届"):
            continue
        j = i + 2  # the body, in one word or in its names' words (全国/人大)
        body = ""
        while j < len(tokens) and len(body) < 4 and body not in _NATIONAL_BODIES:
            body += tokens[j].source
            j += 1
        if body.endswith("常委会") and body[:-3] in _NATIONAL_BODIES:
            body = body[:-3]  # 全国人大常委会 in one word
        if body in _NATIONAL_BODIES and j < len(tokens) and tokens[j].source == "常委会":
            j += 1  # 十二届全国人大常委会第十六次会议: its Standing Committee's session
        end = _meeting_end(tokens, j)
        if body in _NATIONAL_BODIES and end > 0:
            for k in range(i, end):
                tokens[k].text = capitals(tokens[k].text)
    for i, t in enumerate(tokens[:-3]):  # 全国政协十三届一次会议: the body, then its term
        if t.source not in _NATIONAL_BODIES:
            continue
        ordinal = set(tokens[i + 1].source) <= _ORDINAL and tokens[i + 2].source == "届"
        end = _meeting_end(tokens, i + 3) if ordinal else -1
        for k in range(i, end):
            tokens[k].text = capitals(tokens[k].text)
    return tokens


def _meeting_end(tokens: list[Token], j: int) -> int:
    """Where a session's number and 次会议 from tokens[j] end (四次会议, or 三/次/会议 in
    three words); -1 where they do not."""
    end, meeting = j, ""
    while end < len(tokens) and end - j < 3 and not meeting.endswith("次会议"):
        meeting += tokens[end].source
        end += 1
    return end if meeting.endswith("次会议") else -1


_NATIONAL_BODIES = frozenset({"全国人大", "全国政协"})


_COMPANY_ENDS = ("有限公司", "有限责任公司", "会计师事务所", "律师事务所")
_COMPANY_WORDS = ("n", "vn", "nz", "ns", "nt", "j", "b")


def companies(tokens: list[Token]) -> list[Token]:
    """6.3.1: a registered company's name, each word capitalised: the nouns before 有限公司,
    有限责任公司 or a firm's 会计师事务所 (航天工业发展股份有限公司 Hángtiān Gōngyè Fāzhǎn Gǔfèn
    Yǒuxiàn Gōngsī, 天职国际会计师事务所 Tiānzhí Guójì Kuàijìshī Shìwùsuǒ), back to
    a word of another kind or a punctuation mark, six words at most."""
    for i, t in enumerate(tokens):
        # 会计师/事务所: the segmenter's two words of a firm's end
        firm = t.source == "事务所" and i > 0 and tokens[i - 1].source in ("会计师", "律师")
        if t.kind != "word" or not (t.source.endswith(_COMPANY_ENDS) or firm):
            continue
        start = i
        while start > 0 and i - start < 6:
            before = tokens[start - 1]
            if before.kind != "word" or not before.tag.startswith(_COMPANY_WORDS):
                break
            start -= 1
        if start == i - firm and (firm or t.source in _COMPANY_ENDS):
            continue  # 有限公司, 会计师事务所 alone: a kind of company, no name
        for k in range(start, i + 1):
            tokens[k].text = capitals(tokens[k].text)
    return tokens


def numbered_craft(tokens: list[Token]) -> list[Token]:
    """6.3.1: a spacecraft, a rocket or a ship by its name and number (嫦娥六号 Cháng'é Liùhào,
    长征七号 Chángzhēng Qīhào, 海丝一号), by its name and 号 (元光号 Yuánguāng Hào), or by its
    name and a code before what it is (中星3B通信卫星: Zhōngxīng 3B): a name of CC-CEDICT's or
    a noun, capitalised with its number; not a line, a building or a document of a number
    (地铁一号线, 三号楼, 中央一号文件: a noun after it that names no craft), nor a date
    (五月一号)."""
    for k, (first, number) in enumerate(pairwise(tokens)):
        if "号" not in number.source and number.kind != "other":
            continue  # most pairs: no number, no code (the rest is read for these only)
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        if first.kind != "word" or not (names.is_name(first.source) or _noun(first)):
            continue
        numbered = number.kind == "word" and _CRAFT_NUMBER.fullmatch(number.source)
        named = number.source == "号" and (after is None or after.kind == "punct")
        coded = (
            number.kind == "other"
            and _CRAFT_CODE.fullmatch(number.source)
            and after is not None
            and after.source.endswith(_CRAFT_NOUNS)
        )
        # a line, a building, a document of a number (一号线, 三号楼, 中央一号文件): a noun after
        # it that is no craft's
        craft = any(t.source.endswith(_CRAFT_NOUNS) for t in tokens[k + 2 : k + 4])
        of_a_thing = (
            not names.is_name(first.source)  # 嫦娥六号任务: CC-CEDICT's name, the craft's
            and after is not None
            and after.tag[:1] in ("n", "q")
            and not craft
        )
        if (numbered and not of_a_thing) or named:
            first.text = capitals(first.text)
            number.text = capitals(number.text)
        elif coded:
            first.text = capitals(first.text)
    return tokens


def _noun(token: Token) -> bool:
    """A common noun that may name a craft (长征, 海丝), not a time (五月) or a number."""
    return len(token.source) >= 2 and token.tag[:1] in ("n", "j") and not token.tag.startswith("nr")


_CRAFT_NUMBER = re.compile("[一二三四五六七八九十]+号")
# A model's code (3B, 2F, 4A) and what it is: 中星3B通信卫星, 长征2F运载火箭
_CRAFT_CODE = re.compile(r"[0-9]+[A-Z]|[A-Z]+[0-9]+")
_CRAFT_NOUNS = ("卫星", "火箭", "飞船", "探测器", "空间站", "着陆器", "巡视器", "号")


def foreign_names(tokens: list[Token]) -> list[Token]:
    """高利·曼昆, 西尔维奥·格赛尔: the words on each side of the dot, one capitalised word each,
    a space for the dot (Xī'ěrwéi'ào Gésài'ěr)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.source in _DOTS and out and out[-1].kind == "word" and nxt and nxt.kind == "word":
            left = _part(out, from_end=True)
            del out[len(out) - len(left) :]
            right = _part(tokens[i + 1 :], from_end=False)
            name = _whole(left) + " " + _whole(right)
            out.append(Token(name, "word", "".join(x.source for x in (*left, t, *right)), "nx"))
            i += 1 + len(right)
            continue
        out.append(t)
        i += 1
    return out


def _part(tokens: list[Token], *, from_end: bool) -> list[Token]:
    """The words of one part of a foreign name beside the dot: the word next to it, and the
    names and syllables before (after) it, at most eight characters in all (苏布拉马尼扬)."""
    seq = list(reversed(tokens)) if from_end else list(tokens)
    taken: list[Token] = []
    for t in seq:
        if t.kind != "word" or (taken and t.tag.startswith(_NOT_IN_NAMES)):
            break
        # beyond the word at the dot, a name's syllables: no word of the dictionary's that is
        # no name (获奖者/唐娜: the prize-winner is no part of Donna)
        common = not t.tag.startswith(("nr", "ns", "nz", "nx")) and segment.is_word(t.source)
        if taken and common and len(t.source) > 1:
            break
        if sum(len(x.source) for x in taken) + len(t.source) > 8 and taken:
            break
        if t.source in _DOTS:
            break
        taken.append(t)
    return list(reversed(taken)) if from_end else taken


def _whole(part: list[Token]) -> str:
    """The syllables of the words of a name's part as one word, capitalised."""
    return capital("".join(t.text.replace(" ", "").lower() for t in part))


def given_name(out: list[Token], word: str, tag: str) -> bool:
    """A given name the segmenter cut from its surname and tags as a name or a place (杜/广达,
    after 副局长): a surname on its own just before it, nothing more (王/部长 stays)."""
    if not out or out[-1].kind != "word" or len(out[-1].source) != 1:
        return False
    surname = segment.person(out[-1].source, out[-1].tag)  # one character: a surname
    # a doubled character jieba takes for an idiom is a given name too (陈/玲玲: Chén Línglíng)
    doubled = len(word) == 2 and word[0] == word[1] and tag in ("i", "l", "z")
    return surname and 1 <= len(word) <= 2 and (tag in ("nr", "nrfg", "nrt", "ns", "nz") or doubled)


def organisation(word: str) -> bool:
    """A word jieba tags as an organisation that is the name of one: CC-CEDICT's, a national
    body (外交部, 国家统计局), or what starts with a name (华中科技大学, 中国移动); not a
    common word jieba tags so (国际化, 伦理学, 音乐会, 交易所, 公安局, 党组织), nor a part (部)
    of a place (内外部, 中西部)."""
    if word in _NAMES or names.is_name(word):
        return True
    if word.endswith("部") and len(word) >= 2 and word[-2] in _POSITIONS:
        return False  # 内外部环境: nèiwàibù huánjìng
    if word.endswith(("部", "委", "委员会", "署")):
        return True
    if names.is_name(word[:2]) or (len(word) >= 5 and names.is_name(word[:3])):
        return True  # a name and what follows it (中国移动, 香港特区政府, 大亚湾核电站)
    if len(word) >= 4 and word.endswith(("大学", "学院")):
        return True  # 河海大学: a university by its form and jieba's nt (师范大学 is an n)
    return word.startswith(tuple(_INSTITUTION_STARTS)) and word.endswith(_INSTITUTION_SUFFIXES)
