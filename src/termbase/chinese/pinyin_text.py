"""Pinyin of running text by words, after GB/T 16159-2012 (Basic rules of the Chinese phonetic
alphabet orthography).

Words come from a segmenter (rjieba: jieba's dictionary and part-of-speech tags in Rust; it
cuts 和服务时 as 和/服务/时 where pypinyin's own longest-match cut joins 和服, "kimono"); the term
base's terms are found first and written as the term base writes them. Readings are pypinyin's
for each word, never across a word boundary, then the project's overrides, then readings that
depend on the part of speech (都 as an adverb is dōu, 为 as a preposition wèi). Then GB/T's
rules: the syllables of a word together; a verb and its 了, 着, 过 together (kànzhe); a
four-character idiom read 2+2 with a hyphen (bùkě-huòquē); proper nouns capitalised (Zhōngguó,
Xí Jìnpíng: surname and given name apart), as is the first word of a sentence; 一 and 不 in
their original tones (yī, bù) unless `sandhi`; Chinese punctuation as its Latin counterpart
(《》 as “ ”, 。 as ., 、 as ,) with spaces only where Latin text has them.

rjieba is imported on first use, so `termbase --help` and commands without pinyin never load it.
"""

from __future__ import annotations

import re
from functools import cache

from termbase.chinese import names, segment
from termbase.chinese.pinyin import (
    _HAN,
    Style,
    join_word,
    restyle,
    split_tone,
)
from termbase.chinese.pinyin_affixes import affixes
from termbase.chinese.pinyin_capitals import capitalise_sentences
from termbase.chinese.pinyin_clauses import (
    PASSED,
    clause_end,
    for_whom,
    place_attribute,
    sentence_end,
    states,
    verb_follows,
)
from termbase.chinese.pinyin_idioms import two_words
from termbase.chinese.pinyin_institutions import institutions, quoted_events
from termbase.chinese.pinyin_names import (
    companies,
    foreign_names,
    given_name,
    listed_names,
    numbered_craft,
    organisation,
    party_meetings,
)
from termbase.chinese.pinyin_rules import (
    _AS_VERBS,
    _ASPECT,
    _CLOSING,
    _COPULA_ADVERBS,
    _DOUBLE_SURNAMES,
    _NAMES,
    _NOT_NAMES,
    _OF_PEOPLE,
    _OFFSHORE,
    _OPENING,
    _PERSON,
    _PLACE,
    _PLACE_WORDS,
    _PROPER,
    _PUNCT,
    _RUNNING_TEXT,
)
from termbase.chinese.pinyin_terms import taking_as, term_spans
from termbase.chinese.pinyin_words import (
    Token,
    capital,
    divided,
    numeral_groups,
    numeral_idioms,
    read,
    spoken,
    write,
)
from termbase.chinese.segment import words


def transliterate(
    text: str,
    style: Style = Style.MARKS,
    *,
    words_joined: bool = True,
    terms: dict[str, str] | None = None,
    sandhi: bool = False,
    line_of_prose: bool = False,
) -> str:
    """GB/T pinyin of running text (see the module's docstring). `terms`: Simplified term text
    -> its stored pinyin, written as stored. Without `words_joined`, one syllable each. With
    `line_of_prose` (a line of a document, such as a heading), the text starts with a capital
    even without a sentence's punctuation; a term on its own does not."""
    from termbase.chinese import script

    simple = _curly(script.simplify_characters(text))
    tokens: list[Token] = []
    at = 0
    for span, stored in term_spans(simple, terms or {}):
        at += len(span)
        if stored is not None:
            tokens.append(Token(stored, "term", span))
            continue
        # the rest of its sentence, as far as the rules read on (not the whole text: linear)
        tokens.extend(_plain(span, sandhi=sandhi, after=simple[at : at + _READ_ON]))
    # names of institutions and lists of names run across the term base's terms
    tokens = taking_as(quoted_events(listed_names(institutions(tokens))))
    tokens = numbered_craft(companies(party_meetings(foreign_names(tokens))))
    if not words_joined:
        tokens = [t for token in tokens for t in token.syllables()]
    # Sentences (not a term or a heading) start with a capital; a title's words always do.
    # a heading or list item (一、理解算力) starts with a capital as a sentence does
    sentences = (
        line_of_prose or any(ch in _RUNNING_TEXT for ch in simple) or bool(_LIST_ITEM.match(simple))
    )
    tokens = capitalise_sentences(tokens, sentences)
    return _join(tokens, style)


# How far after a span between terms the rules that read to a clause's end read on
_READ_ON = 200


def _curly(text: str) -> str:
    """Straight quotes in Chinese text as the curly ones they stand for ("扩容" -> “扩容”)."""
    if '"' not in text and "'" not in text:
        return text
    text = re.sub(r'"([^"\n]*[\u3400-\u9fff][^"\n]*)"', r"“\1”", text)
    return re.sub(r"'([^'\n]*[\u3400-\u9fff][^'\n]*)'", r"‘\1’", text)


_LATIN_HEAD = re.compile(r"[A-Za-z0-9]+")
# Adverbs of degree made with 为, one word read wéi (尤为突出 yóuwéi tūchū; 常为 + a verb is
# cháng wèi, "often for")
_DEGREE_WEI = frozenset({"尤为", "较为", "更为", "极为", "颇为", "甚为", "最为"})
# Marks inside a clause: 以…为 goes on across them (以“人”为本, 以载人、载货为牵引)
_WITHIN_CLAUSE = frozenset("、“”‘’「」『』《》（）()")
# Nouns of an attribute, after which 为 is "is" (研究方向为, 目标为, 主题为: wéi)
_ATTRIBUTE_NOUNS = frozenset(
    {"方向", "目标", "主题", "名称", "宗旨", "期限", "定位", "口号", "职责", "范围", "对象"}
)
# What 为 "is" states before it: zero or a sign (为零, 为负, 为负值, 为正数)
_SIGNS = frozenset({"零", "负", "正", "负值", "正值", "负数", "正数", "零值"})
# A heading or list item's number: 一、 （二） (3) 4.
_LIST_ITEM = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|0\d(?=[\u4e00-\u9fff]))"
)
# What a name after it names a company, not a person (国产设备企业新凯来)
_COMPANIES = ("企业", "公司", "集团", "厂商", "品牌")


@cache
def _override_phrases() -> dict[str, list[str]]:
    from termbase.chinese.pinyin import overrides

    return {k: v.split() for k, v in overrides().items()}


def _fixed_readings(text: str) -> dict[int, str]:
    """Position -> syllable where an override phrase of ours stands in `text`: it holds across
    the segmenter's word boundaries (长臂/管辖 is still cháng bì guǎn xiá)."""
    fixed: dict[int, str] = {}
    for phrase, syllables in _override_phrases().items():
        at = text.find(phrase)
        while at >= 0:
            for k, syllable in enumerate(syllables):
                fixed[at + k] = syllable
            at = text.find(phrase, at + len(phrase))
    return fixed


def _plain(text: str, *, sandhi: bool, after: str = "") -> list[Token]:
    """The tokens of `text`, a span between the term base's terms; `after`: the text after
    it, which the rules that read on to the end of the clause read too (为 + a term + 带来)."""
    ahead = text + after
    out: list[Token] = []
    taking = False  # 以 … 为 …: "to take … as …", where 为 is wéi
    fixed = _fixed_readings(text)
    pos = 0
    last_end = -1  # where the last token that is no Chinese word ended
    tagged = segment.tagged(text)
    spans = segment.name_spans(text, tagged)
    skip = 0
    for k, (word, jieba_tag) in enumerate(tagged):
        at = max(text.find(word, pos), pos)
        pos = at + len(word)
        if at < skip:
            continue  # inside a name already written
        whole = spans.get(at, (0, ""))
        # a person CC-CEDICT knows (李白 Li3 Bai2: surname, given name), not a company (华为)
        person = (
            jieba_tag in _PERSON
            and whole[0] == pos
            and names.person(whole[1])
            and not names.is_place(whole[1])  # 成渝 (Chengdu and Chongqing): Chéng-Yú
            and (whole[1][0] in names.surnames() or whole[1][:2] in _DOUBLE_SURNAMES)
        )  # not 亚太 (Ya4 Tai4, Asia-Pacific): 亚 is no surname
        if at in spans and not person:  # a name on CC-CEDICT's evidence: its words, capitalised
            skip, name = spans[at]
            out += [Token(join_word(s), "word", w, tag) for w, s, tag in _name_words(name)]
            continue
        if given_name(out, word, jieba_tag):  # 杜/广达: Dù Guǎngdá, a surname and a name
            out[-1].text += " " + capital(join_word(read(word, "nr", sandhi=sandhi)))
            out[-1].source += word
            continue
        # a common word jieba's dictionary tags as a name is written as one
        tag = _NOT_NAMES.get(word, jieba_tag)
        company = tag in _PERSON and out and out[-1].source.endswith(_COMPANIES)
        if company and len(word) <= 4 and not segment.is_word(word):  # not 公司/红外 (jieba's nr)
            syllables = read(word, "n", sandhi=sandhi)  # 企业新凯来: a company, Xīnkǎilái
            out.append(Token(capital(join_word(syllables)), "word", word, "nx"))
            continue
        tag = "nt" if word in _NAMES else tag
        if tag == "nt" and not organisation(word):
            tag = "n"  # jieba's nt alone is no evidence: 国际化, 伦理学, 音乐会, 公安局
        head = word[:3]  # 大亚湾核电站: a name of CC-CEDICT's and a body's noun, each a name
        if tag == "nt" and len(word) >= 5 and names.is_name(head) and segment.is_word(word[3:]):
            out += [Token(join_word(s), "word", w, t) for w, s, t in _name_words(head)]
            body = spoken(word[3:], "nt", sandhi=sandhi)
            out.append(Token(capital(body.text), "word", body.source, "nt"))
            continue
        # 中国政府: Zhōngguó zhèngfǔ, a name and a noun; 亚太地区: Yà-Tài dìqū
        proper = tag in _PROPER and len(word) == 4 and word not in _NAMES
        named = proper and names.is_name(word[:2]) and segment.is_word(word[2:])
        if proper and (two_words(word) or named):
            if names.is_name(word[:2]):
                name, rest = word[:2], word[2:]
                out += [Token(join_word(s), "word", w, t) for w, s, t in _name_words(name)]
                if names.is_place(rest):  # 云南昆明: two places, Yúnnán Kūnmíng
                    out += [Token(join_word(s), "word", w, t) for w, s, t in _name_words(rest)]
                else:
                    out.append(spoken(rest, "n", sandhi=sandhi))
                continue
            tag = "l"  # 应邀出席, 严格遵守: two common words, not a name
        latin = _LATIN_HEAD.match(word)
        if latin and _HAN.search(word):  # X射线: X shèxiàn
            out.append(Token(latin.group(0), "other", latin.group(0)))
            rest = word[latin.end() :]
            out.append(Token(write(rest, tag, read(rest, tag, sandhi=sandhi)), "word", rest, tag))
            continue
        noun_after = k + 1 < len(tagged) and tagged[k + 1][1][:1] == "n"
        if word == "为本" and (taking or noun_after):  # 以质量为本: wéi běn, "as the root"
            wei = Token("wéi", "word", "为", "v") if taking else Token("wèi", "word", "为", "p")
            out += [wei, spoken("本", "n" if taking else "r", sandhi=sandhi)]
            taking = False
            continue  # 为本公司出具: wèi běn gōngsī, "for this company" (以人为本 stays)
        if len(word) == 2 and word[1] == "为" and tag == "d" and word not in _DEGREE_WEI:
            following = tagged[k + 1][1] if k + 1 < len(tagged) else ""
            out.append(spoken(word[0], "d", sandhi=sandhi))
            out.append(Token("wèi" if following[:1] == "v" else "wéi", "word", "为", "p"))
            continue
        if tag == "ns" or (tag in _PERSON and not segment.person(word, tag)):
            tag = "nz"  # a place or person by the segmenter's tag alone: no evidence
        if word[1:] == "等" and k > 1 and tagged[k - 1][0] == "、" and len(tagged[k - 2][0]) == 1:
            tag = "u"  # 军、警、商、民等: the last item and 等, mín děng (平等、同等 stays)
        if word == "分子" and not (out and out[-1].source in _OF_PEOPLE):
            out.append(Token("fēnzǐ", "word", word, tag))  # 分子机制: a molecule's, fēnzǐ
            continue
        parts = divided(word, tag, sandhi=sandhi)
        if parts is not None:
            out += parts
            continue
        if fixed and any(at + k in fixed for k in range(len(word))):
            readings = read(word, tag, sandhi=sandhi)
            readings = [fixed.get(at + k, r) for k, r in enumerate(readings)]
            out.append(Token(write(word, tag, readings), "word", word, tag))
            continue
        if not _HAN.search(word):
            # a full stop before a space, Chinese or the end is punctuation (1. 发布: "1.
            # Fābù"); before a digit or a letter it is the number's or the name's (U.S.A)
            stop = word == "." and not re.match(r"[A-Za-z0-9.]", ahead[pos : pos + 1])
            # a comma, a bracket or a colon between Latin letters and digits, no space either
            # side, is a formula's or a time's ((Bi,Sb)2Te3, 16:30), not the sentence's
            formula = (
                word in ",):"
                and at > 0
                and bool(re.match(r"[A-Za-z0-9]", text[at - 1]))
                and bool(re.match(r"[A-Za-z0-9(]", ahead[pos : pos + 1]))
            )
            punct = (word in _PUNCT and not formula) or not word.strip() or stop
            kind = "punct" if punct else "other"
            joined = bool(out) and out[-1].kind == kind == "other" and at == last_end
            if joined:  # θ13, sin22θ13: a symbol and its digits, as the text writes them
                out[-1].text += word
                out[-1].source += word
            elif word.strip():
                out.append(Token(_PUNCT.get(word, word), kind, word))
            if word.strip():
                last_end = pos
            if kind == "punct" and word not in _WITHIN_CLAUSE:
                taking = False  # 以载人、载货等…为牵引: an enumeration or a quote goes on
            continue
        if word == "已经" and PASSED.search(ahead, pos, clause_end(ahead, pos)):
            out.append(Token("yǐ", "word", "已", "d"))  # 已经董事会审议通过: yǐ jīng, "via"
            out.append(Token("jīng", "word", "经", "p"))
            continue
        if word == "以" and tag == "p":
            taking = True
        if taking and len(word) == 2 and word[1] == "为" and not segment.is_word(word):
            out.append(spoken(word[0], "m", sandhi=sandhi))
            out.append(Token("wéi", "word", "为", "v"))  # 以亿为单位: yǐ yì wéi dānwèi
            taking = False
            continue
        if word == "为" and (taking or _is_wei(out, tagged, k, ahead, pos)):
            out.append(Token("wéi", "word", word, "v"))
            taking = False
            continue
        if len(word) >= 3 and word[1] in _ASPECT and tag == "l":  # 吃了饭: chīle fàn
            verb, rest = word[:2], word[2:]
            out.append(spoken(verb, "v", sandhi=sandhi))
            out.append(spoken(rest, "n", sandhi=sandhi))
            continue
        if len(word) == 3 and word[1] == "得" and tag == "l":  # 跑得快: pǎo de kuài
            head, tail = read(word[0], "v", sandhi=sandhi)[0], read(word[2], "a", sandhi=sandhi)
            out.append(Token(f"{head} de {tail[0]}", "word", word, "v"))
            continue
        # 山上: shān shang; 以上, 以下, 之下 are words (yǐshàng); after a one-syllable verb a
        # complement, written with it (戴上 dàishang, 6.1.4.5); 会上 "at the meeting"
        place = (tag in ("s", "f") or word in _PLACE_WORDS) and word[0] not in "以之"
        if word in _OFFSHORE and place_attribute(word, out, tagged[k + 1 :]):
            place = False  # 海上风电, 网上直播: "offshore, online", one word (hǎishàng)
        if len(word) == 2 and place and word[1] in _PLACE:
            if segment.words(word[0])[0][1].startswith("v") and word not in _PLACE_WORDS:
                verb = read(word[0], "v", sandhi=sandhi)[0]
                out.append(Token(f"{verb}{_PLACE[word[1]]}", "word", word, "v"))
                continue
            noun = read(word[0], "n", sandhi=sandhi)[0]
            out.append(Token(f"{noun} {_PLACE[word[1]]}", "word", word, tag))
            continue
        after_verb = bool(out) and out[-1].kind == "word" and out[-1].tag == "v"
        if word in ("上", "下") and tag == "f" and after_verb and len(out[-1].source) == 1:
            # 砸下: záxia, a one-syllable verb and its complement
            out[-1].text += _PLACE[word]
            out[-1].source += word
            continue
        quoted = len(out) >= 2 and out[-1].source in ("”", "’", "」") and out[-2].kind == "word"
        # 发表在Science上, 在ModelS上: a name in Latin letters, then 上 of place (Science shang)
        quoted = quoted or (bool(out) and out[-1].kind == "other" and out[-1].source[-1].isalpha())
        if (
            word in ("上", "里")
            and tag == "f"
            and out
            and (out[-1].kind in ("word", "term") or quoted)
            and out[-1].tag != "d"  # 再上新台阶: after an adverb 上 is a verb, zài shàng
        ):
            out.append(Token(_PLACE[word], "word", word, tag))  # 国际上: guójì shang
            continue
        if tag == "m" and any(ch in "百千" for ch in word[:-1]):
            for group in numeral_groups(word):
                out.append(spoken(group, "m", sandhi=sandhi))
            continue
        syllables = read(word, tag, sandhi=sandhi)
        particle = word in _ASPECT and tag in ("ul", "uz", "ug")
        # 了 at the end of a sentence is also a modal particle: apart (Huǒchē dào le.)
        final = word == "了" and sentence_end(ahead, pos)
        if particle and not final and out and out[-1].kind == "word" and _takes_aspect(out[-1]):
            out[-1].text += _ASPECT[word]  # kàn + zhe: kànzhe
            out[-1].source += word
            continue
        out.append(Token(write(word, tag, syllables), "word", word, tag))
    return _digit_groups(numeral_idioms(affixes(out)))


def _is_wei(out: list[Token], tagged: list[tuple[str, str]], k: int, ahead: str, pos: int) -> bool:
    """Whether 为, the k-th of the `tagged` words, ending at `pos` of `ahead`, is "is, into,
    as" (wéi) rather than "for" (wèi), after the tokens `out`."""
    # 细化为, 简化为: a verb of an adjective and 化 too (文化为人民: wèi)
    verb = out[-1].source if out and out[-1].kind == "word" else ""
    into = verb in _AS_VERBS or (len(verb) == 2 and verb[1] == "化" and _adjective(verb[0]))
    # the rest of 为's clause, which says whether it is "for" (wèi) or "is, into" (wéi)
    clause = ahead[pos : clause_end(ahead, pos)]
    # 发展为经济社会发展带来红利: 为 "for" someone a verb of giving serves (wèi), not "into"
    into = into and not for_whom(clause)
    # 利润为负值，: a noun, 为 and a noun that ends the clause: "is", wéi (为保障: wèi)
    copula = (
        bool(out)
        and out[-1].tag[:1] == "n"
        and k + 1 < len(tagged)
        and tagged[k + 1][1][:1] == "n"
        and (k + 2 == len(tagged) or not _HAN.search(tagged[k + 2][0]))
    )
    # 研究方向为数字政府, 主题为…: a noun that names an attribute, then 为 "is", wéi
    attribute = bool(out) and out[-1].source in _ATTRIBUTE_NOUNS
    # 为零, 为负值, 并不为零: "is zero, is negative", wéi
    sign = k + 1 < len(tagged) and tagged[k + 1][0] in _SIGNS
    # 净额为-3.06亿元, 增长率为5.2%: a noun, 为 and a quantity that ends the clause
    stated = states(out, clause)
    # 思路主要为属地管理, 分别为5%和3%: an adverb, then 为 and no verb to the clause's end
    # (主要为企业提供服务: wèi, "for")
    adverb = bool(out) and out[-1].source in _COPULA_ADVERBS and not verb_follows(tagged, k)
    return into or copula or sign or stated or attribute or adverb


def _name_words(name: str) -> list[tuple[str, list[str], str]]:
    """A name of CC-CEDICT's as its words; a word of four characters or more that CC-CEDICT
    capitalises once and that is a name and a common word is written so (中国大陆 Zhōngguó
    dàlù, 中华民族 Zhōnghuá mínzú)."""
    head, tail = name[:2], name[2:]
    lower = all(s[:1].islower() for s in names.syllables(name)[2:])
    if len(name) >= 4 and lower and names.is_name(head) and segment.is_word(tail):
        # 亚太地区 (Ya4 Tai4 di4 qu1): the abbreviation's words, then the common word
        tail_syllables = [s.lower() for s in _flat(names.words_of(name))[2:]]
        return [*((w, s, "nx") for w, s in names.words_of(head)), (tail, tail_syllables, "n")]
    out = []
    for word, syllables in names.words_of(name):
        rest = word[2:]
        if (
            len(word) >= 4
            and names.is_name(word[:2])
            and segment.is_word(rest)
            and not names.is_name(rest)
        ):
            out.append((word[:2], syllables[:2], "nx"))
            out.append((rest, [s.lower() for s in syllables[2:]], "n"))
        else:
            out.append((word, syllables, "nx"))
    return out


def _flat(groups: list[tuple[str, list[str]]]) -> list[str]:
    """The syllables of a name's words, one per character (a hyphened pair gives two)."""
    return [part for _, group in groups for s in group for part in s.split("-")]


def _digit_groups(tokens: list[Token]) -> list[Token]:
    """A number written with thousands separators is one: 9,000 (not "9, 000"); a minus or plus
    sign is the number's (-0.25%)."""
    out: list[Token] = []
    for t in tokens:
        signed = out and out[-1].source in ("-", "−", "+") and t.source[:1].isdigit()
        # 降至-6%: -6%, the number's sign (not "- 6%"); not a range's dash (2021-2025)
        if signed and not (len(out) >= 2 and out[-2].source[-1:].isdigit()):
            sign = out.pop()
            t.text, t.source = sign.text + t.text, sign.source + t.source
        if (
            len(out) >= 2
            and _THOUSANDS.fullmatch(t.source)  # 9,000; 91,737.19
            and out[-1].source == ","
            and out[-2].source[-1:].isdigit()
        ):
            comma = out.pop()
            out[-1].text += comma.text + t.text
            out[-1].source += comma.source + t.source
            continue
        out.append(t)
    return out


_THOUSANDS = re.compile(r"\d{3}(?:\.\d+)?")


def _adjective(character: str) -> bool:
    return segment.words(character, hmm=False)[0][1][:1] == "a"


def _takes_aspect(token: Token) -> bool:
    """A word 了, 着, 过 join (GB/T 6.1.4.4): a verb, an adjective (明确了), a noun or an
    abbreviation jieba made of a verb (印证了), or 通过 and 经过, which it tags as prepositions
    (审议通过了), or a set phrase jieba made of an adverb and a verb (大幅度降低了)."""
    return (
        token.tag[:1] in ("v", "a")
        or token.tag in ("n", "j")
        or token.source in ("通过", "经过", "起")  # 起着: jieba tags 起 a particle (qǐzhe)
        or (token.tag == "l" and segment.words(token.source[-2:])[0][1][:1] == "v")
    )


def _join(tokens: list[Token], style: Style) -> str:
    """Words with one space between them; punctuation as Latin text sets it."""
    out = ""
    hyphens = {  # 国家-地方: guójiā-dìfāng, a hyphen between two words joins them
        i
        for i in range(1, len(tokens) - 1)
        if tokens[i].text in ("-", "－")
        and tokens[i - 1].kind in ("word", "term")
        and tokens[i + 1].kind in ("word", "term")
    }
    for i, t in enumerate(tokens):
        text = restyle(t.text, style) if t.kind in ("word", "term") else t.text
        if i in hyphens:
            text = "-"
        if style is Style.INITIALS:
            out += text if t.kind != "punct" and i not in hyphens else ""
            continue
        closing = t.kind == "punct" and (text in _CLOSING or text == "—")
        joined = i in hyphens or i - 1 in hyphens
        if out and not closing and not joined and out[-1] not in _OPENING and out[-1] != "—":
            out += " "
        out += text
    return re.sub(r" {2,}", " ", out).strip()


__all__ = ["Style", "split_tone", "transliterate", "words"]
