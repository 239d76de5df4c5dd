"""GB/T 16159-2012 6.2: capitals of running text in pinyin. The first word of each sentence, of a
quoted sentence after a colon and of a numbered heading (1、主营业务: 1, Zhǔyíng ...; 01公共数据:
01 Gōnggòng ...); every word of a 《title》 but its function words.
`termbase.chinese.pinyin_text` calls it last."""

from __future__ import annotations

from termbase.chinese.pinyin_rules import _CLOSING, _OPENING, _SENTENCE_END, _TITLE_LOWER
from termbase.chinese.pinyin_words import Token, capital, capitals


def capitalise_sentences(tokens: list[Token], sentences: bool) -> list[Token]:
    """The first word of each sentence, and of a sentence quoted after a colon, capitalised;
    in a title (《…》) every word."""
    start = sentences
    after_colon = False
    title = False
    first = False  # the title's first word
    number = False  # a list item's number
    for k, t in enumerate(tokens):
        if t.source in ("《", "》"):
            title = first = t.source == "《"
        if title and t.source in ("“", "”"):  # quotes inside a title's quotes: single
            t.text = "‘" if t.source == "“" else "’"
        after = tokens[k + 1].source if k + 1 < len(tokens) else ""
        if start and t.kind == "other" and t.source.isdigit() and after in ("、", ".", "．"):
            number = True  # 1、主营业务: the heading's first word after its number
            continue
        if number:
            number = False
            continue  # the number's 、
        if start and t.kind == "other" and len(t.source) == 2 and t.source[0] == "0":
            continue  # 01公共数据: a section's number, then its heading's first word
        if t.kind in ("word", "term", "other"):
            if title and not first and t.source in _TITLE_LOWER:
                pass  # a title's function word: Guānyú … de Yìjiàn
            elif (start or title) and (t.kind != "other" or t.text[:1].isascii()):
                # not a Greek letter or a symbol (θ13 stays θ13)
                t.text = capitals(t.text) if title else capital(t.text)
            start = after_colon = first = False
        elif t.source in _SENTENCE_END:
            start = sentences
        elif t.text == ":":
            after_colon = True
        elif t.text in _OPENING or (start and t.source.strip("—") == ""):
            start = start or after_colon  # ——生态优先: a list item's dash
        elif t.text not in _CLOSING or t.text in ",;":
            start = after_colon = False
    return tokens
