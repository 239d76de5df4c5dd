"""Pinyin of running text after GB/T 16159-2012: one row per rule or exception, written from
the standard's rules (the issue's examples, and the standard's own where we are sure of them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termbase.base import store
from termbase.chinese import pinyin, pinyin_text

from .conftest import ROOT

RULES = [
    # Words joined, never across a word boundary (pypinyin's own cut joins 和服, 国有, 给世).
    ("和服务时", "hé fúwù shí"),
    ("跨国有组织犯罪", "kuàguó yǒu zǔzhī fànzuì"),
    ("给世界带来", "gěi shìjiè dàilái"),
    ("应尊重他国主权", "yīng zūnzhòng tāguó zhǔquán"),
    ("多利益攸关方", "duō lìyì yōuguānfāng"),
    ("对话", "duìhuà"),
    ("反对", "fǎnduì"),
    ("方向", "fāngxiàng"),
    ("面对", "miànduì"),
    ("我们", "wǒmen"),
    # Readings by part of speech and by construction.
    ("各国都有", "gè guó dōu yǒu"),
    ("积极为发展中国家", "jījí wèi fāzhǎnzhōng guójiā"),
    ("以安全为目标", "yǐ ānquán wéi mùbiāo"),
    ("以合作为前提", "yǐ hézuò wéi qiántí"),
    ("作为", "zuòwéi"),
    ("成为", "chéngwéi"),
    ("为人民服务", "wèi rénmín fúwù"),
    ("框架", "kuàngjià"),
    ("长臂管辖", "chángbì guǎnxiá"),
    ("重塑", "chóngsù"),
    ("我的书", "wǒ de shū"),
    ("聪明的孩子", "cōngmíng de háizi"),
    ("慢慢地走", "mànmàn de zǒu"),
    ("跑得快", "pǎo de kuài"),
    # A verb and its 了, 着, 过 together.
    ("看着", "kànzhe"),
    ("吃了饭", "chīle fàn"),
    ("进行过", "jìnxíngguo"),
    ("看了看", "kànle kàn"),
    # 方位词 apart from the noun, in the neutral tone.
    ("山上", "shān shang"),
    # Names of four syllables or more, word by word; capitals for proper nouns.
    ("中华人民共和国", "Zhōnghuá Rénmín Gònghéguó"),
    ("人类命运共同体", "rénlèi mìngyùn gòngtóngtǐ"),
    ("可持续发展", "kěchíxù fāzhǎn"),
    ("人工智能", "réngōng zhìnéng"),
    ("北京市", "Běijīng Shì"),
    ("广东省", "Guǎngdōng Shěng"),
    ("北京", "Běijīng"),
    ("上海", "Shànghǎi"),
    ("中国", "Zhōngguó"),
    ("英国", "Yīngguó"),
    ("美国", "Měiguó"),
    ("朝鲜", "Cháoxiǎn"),
    ("联合国", "Liánhéguó"),
    ("习近平", "Xí Jìnpíng"),
    ("王芳", "Wáng Fāng"),
    # Four-character idioms read 2+2 take a hyphen; others are written together.
    ("不可或缺", "bùkě-huòquē"),
    ("循序渐进", "xúnxù-jiànjìn"),
    ("仗义执言", "zhàngyì-zhíyán"),
    ("风平浪静", "fēngpíng-làngjìng"),
    ("兼容并包", "jiānróng-bìngbāo"),
    ("一衣带水", "yīyīdàishuǐ"),
    # 一 and 不 in their original tones.
    ("一路", "yīlù"),
    ("不是", "bùshì"),
    ("一定", "yīdìng"),
    ("不要", "bùyào"),
    ("统一", "tǒngyī"),
    ("第一", "dì-yī"),
    # 了 at the end of a sentence is also a modal particle: written apart.
    ("火车到了。", "Huǒchē dào le."),
    ("孩子长大了。", "Háizi zhǎngdà le."),
    ("讨论了", "tǎolùnle"),
    ("说了", "shuōle"),
    ("写着", "xiězhe"),
    # A verb and a one-syllable complement together.
    ("走进", "zǒujìn"),
    ("打倒", "dǎdǎo"),
    # Prefixes and suffixes with their word; 们 with its pronoun or noun.
    ("非金属", "fēijīnshǔ"),
    ("现代化", "xiàndàihuà"),
    ("科学性", "kēxuéxìng"),
    ("研究生", "yánjiūshēng"),
    ("他们", "tāmen"),
    ("我们的", "wǒmen de"),
    ("桌子", "zhuōzi"),
    # Adjectives: a one-syllable adjective and its vivid form together; 些 and 一些 apart.
    ("雪白", "xuěbái"),
    ("大些", "dà xiē"),
    ("大一些", "dà yīxiē"),
    # Demonstratives: apart from a noun, together with 些, 么, 样.
    ("这人", "zhè rén"),
    ("这些", "zhèxiē"),
    ("那么", "nàme"),
    ("这样", "zhèyàng"),
    # Numerals: up to 99 one word; hundreds and thousands each a word.
    ("十一", "shíyī"),
    ("二十", "èrshí"),
    ("三百", "sānbǎi"),
    ("一百二十五", "yībǎi èrshíwǔ"),
    ("三千五百六十四", "sānqiān wǔbǎi liùshísì"),
    ("一百零五", "yībǎi língwǔ"),
    # Adverbs, prepositions, conjunctions and particles apart.
    ("很好", "hěn hǎo"),
    ("我和你", "wǒ hé nǐ"),
    ("你知道吗？", "Nǐ zhīdào ma?"),
    ("我爱中国。", "Wǒ ài Zhōngguó."),
    # Names: surname and given name apart, a title apart and lower case; units of places apart.
    ("诸葛亮", "Zhūgě Liàng"),
    ("王部长", "Wáng bùzhǎng"),
    ("河北省", "Héběi Shěng"),
    ("国务院", "Guówùyuàn"),
    ("中国共产党", "Zhōngguó Gòngchǎndǎng"),
    ("联合国教科文组织", "Liánhéguó Jiàokēwén Zǔzhī"),
    ("非洲", "Fēizhōu"),
    ("亚洲", "Yàzhōu"),
    ("伦敦", "Lúndūn"),
    ("上海市", "Shànghǎi Shì"),
    ("天津", "Tiānjīn"),
    ("台湾", "Táiwān"),
    ("香港", "Xiānggǎng"),
    ("澳门", "Àomén"),
    ("日本", "Rìběn"),
    ("法国", "Fǎguó"),
    ("德国", "Déguó"),
    ("俄罗斯", "Éluósī"),
    ("印度", "Yìndù"),
    ("巴西", "Bāxī"),
    ("南非", "Nánfēi"),
    ("欧盟", "Ōuméng"),
    ("李白", "Lǐ Bái"),
    ("鲁迅", "Lǔ Xùn"),
    ("孙中山", "Sūn Zhōngshān"),
    ("毛泽东", "Máo Zédōng"),
    # Common words jieba tags as place names are not capitalised.
    ("长大", "zhǎngdà"),
    ("都市", "dūshì"),
    ("太阳", "tàiyáng"),
    # Common nouns, and noun phrases word by word.
    ("学校", "xuéxiào"),
    ("老师", "lǎoshī"),
    ("电脑", "diànnǎo"),
    ("手机", "shǒujī"),
    ("经济", "jīngjì"),
    ("政治", "zhèngzhì"),
    ("文化", "wénhuà"),
    ("社会", "shèhuì"),
    ("历史", "lìshǐ"),
    ("世界", "shìjiè"),
    ("地球", "dìqiú"),
    ("安全", "ānquán"),
    ("大家", "dàjiā"),
    ("自己", "zìjǐ"),
    ("科学技术", "kēxué jìshù"),
    ("国际合作", "guójì hézuò"),
    ("和平发展", "hépíng fāzhǎn"),
    ("合作共赢", "hézuò gòngyíng"),
    ("数字经济", "shùzì jīngjì"),
    ("网络安全", "wǎngluò ānquán"),
    ("他们的", "tāmen de"),
    ("这个", "zhège"),
    ("那样", "nàyàng"),
    ("二十六", "èrshíliù"),
    ("九十七", "jiǔshíqī"),
    ("一万", "yīwàn"),
    ("三亿", "sānyì"),
    # Readings of polyphonic characters by word.
    ("为什么", "wèishénme"),
    ("因为", "yīnwèi"),
    ("认为", "rènwéi"),
    ("以为", "yǐwéi"),
    ("重新", "chóngxīn"),
    ("重要", "zhòngyào"),
    ("银行", "yínháng"),
    ("行动", "xíngdòng"),
    ("长期", "chángqī"),
    ("音乐", "yīnyuè"),
    ("快乐", "kuàilè"),
    ("觉得", "juéde"),
    ("睡觉", "shuìjiào"),
    ("数据", "shùjù"),
    # 一 and 不 in their original tones in words too.
    ("不但", "bùdàn"),
    ("一起", "yīqǐ"),
    ("一样", "yīyàng"),
    ("不同", "bùtóng"),
    ("一切", "yīqiè"),
    # Four-character idioms read 2+2.
    ("胸有成竹", "xiōngyǒu-chéngzhú"),
    ("千山万水", "qiānshān-wànshuǐ"),
    ("不可或缺", "bùkě-huòquē"),
    ("循序渐进", "xúnxù-jiànjìn"),
    ("旗帜鲜明", "qízhì-xiānmíng"),
    ("与时俱进", "yǔshí-jùjìn"),
    # Four-character set phrases of two common words are two words, without a hyphen.
    ("意识形态", "yìshí xíngtài"),
    ("相互尊重", "xiānghù zūnzhòng"),
    ("平等互利", "píngděng hùlì"),
    ("人类文明进步", "rénlèi wénmíng jìnbù"),
    ("个人隐私", "gèrén yǐnsī"),
    ("分类分级管理", "fēnlèi fēnjí guǎnlǐ"),
    ("应邀出席", "yìngyāo chūxí"),
    ("严格遵守", "yángé zūnshǒu"),
    # Common words the segmenter's dictionary tags as names: lower case, one word.
    ("人工智能大国", "réngōng zhìnéng dàguó"),
    ("人工智能伦理", "réngōng zhìnéng lúnlǐ"),
    ("公正、有效", "gōngzhèng, yǒuxiào"),
    ("上海宣言", "Shànghǎi xuānyán"),
    ("人类共同福祉", "rénlèi gòngtóng fúzhǐ"),
    ("全球文明倡议", "quánqiú wénmíng chàngyì"),
    ("可持续的安全观", "kěchíxù de ānquánguān"),
    ("安全性", "ānquánxìng"),
    ("普惠", "pǔhuì"),
    ("南南合作", "nánnán hézuò"),
    ("排他性小圈子", "páitāxìng xiǎoquānzi"),
    ("契约", "qìyuē"),
    ("利益攸关", "lìyì yōuguān"),
    # Sentences: a capital at the start, Latin punctuation, spaces only where Latin has them.
    ("中国坚持智能向善。", "Zhōngguó jiānchí zhìnéng xiàngshàn."),
    ("他说：“很好。”然后走了。", "Tā shuō: “Hěn hǎo.” Ránhòu zǒu le."),
    ("我们支持《全球人工智能治理倡议》。", "Wǒmen zhīchí “Quánqiú Réngōng Zhìnéng Zhìlǐ Chàngyì”."),
    ("中国、英国和美国。", "Zhōngguó, Yīngguó hé Měiguó."),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_gbt_rule(text: str, expected: str) -> None:
    assert pinyin_text.transliterate(text) == expected


def test_sandhi_marks_the_spoken_tones_when_asked() -> None:
    assert pinyin_text.transliterate("一定不是", sandhi=True) == "yídìng búshì"


def test_the_term_base_writes_its_own_terms() -> None:
    terms = pinyin.term_readings(store.load_termbase([ROOT / "terms"]))
    written = pinyin_text.transliterate("中国坚持智能向善，反对小院高墙。", terms=terms)
    assert written == "Zhōngguó jiānchí zhìnéng xiàngshàn, fǎnduì xiǎoyuàn gāoqiáng."


def test_help_does_not_load_the_segmenter() -> None:
    code = "import sys; from termbase.cli import main; sys.argv=['termbase','--help']\n"
    code += "try:\n main()\nexcept SystemExit: pass\nassert 'rjieba' not in sys.modules"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_seed_paragraphs_read_word_by_word() -> None:
    """The seed's Chinese: no syllable of one word joined to the next (the errors the issue
    counted), every proper noun of the list capitalised."""
    from .conftest import shared_file

    seed = Path(shared_file("seeds/000_6fb597dbf228831d.txt")).read_text("utf-8")
    chinese = [
        line for line in seed.splitlines() if sum("\u4e00" <= c <= "\u9fff" for c in line) > 20
    ]
    written = " ".join(pinyin_text.transliterate(line) for line in chinese)
    for wrong in ("héfú", "gěishì", "zhòngtā", "duōlì", "zhōngguó "):
        assert wrong not in written
    assert "Zhōngguó" in written


def test_no_common_word_is_capitalised() -> None:
    """The seed's Chinese, the initiative's preamble and articles and every Chinese term of the
    base, read against CC-CEDICT, whose pinyin capitalises proper nouns only: no word that
    CC-CEDICT knows only as a common word comes out capitalised inside a sentence."""
    import re

    from .conftest import shared_file
    from .test_initiative import ZH

    common: set[str] = set()
    proper: set[str] = set()
    for line in shared_file("data/cedict_ts.u8").read_text("utf-8").splitlines():
        m = re.match(r"\S+ (\S+) \[([^\]]+)\]", line)
        if m:
            (proper if m.group(2)[:1].isupper() else common).add(m.group(1))
    only_common = common - proper
    seed = shared_file("seeds/000_6fb597dbf228831d.txt").read_text("utf-8").splitlines()
    texts = [line for line in seed if sum("\u4e00" <= c <= "\u9fff" for c in line) > 20]
    texts += ZH
    tb = store.load_termbase([ROOT / "terms"])
    texts += [t.text for c in tb.concepts for t in c.terms if t.lang == "zh-Hans"]
    wrong = set()
    for text in texts:
        for token in pinyin_text._plain(text, sandhi=False):
            # organisations (nt) are names though CC-CEDICT writes some lower-case (国际电信联盟);
            # a word of a name CC-CEDICT capitalises (nx: 一带 of 一带一路) is part of that name
            word = token.source
            common_word = word in only_common and len(word) > 1 and token.tag not in ("nt", "nx")
            if token.kind == "word" and common_word and token.text != token.text.lower():
                wrong.add((word, token.text))
    assert not wrong


def _gbt_rows() -> list[tuple[str, str, str, str]]:
    path = ROOT / "tests" / "data" / "pinyin" / "gbt-rows.tsv"
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()]
    return [(r[0], r[1], r[2], r[3]) for r in rows if r and not r[0].startswith("#")]


@pytest.mark.parametrize(("text", "expected", "clause", "source"), _gbt_rows())
def test_gbt_row(text: str, expected: str, clause: str, source: str) -> None:
    """GB/T 16159-2012 on words of prose nobody here wrote (tests/data/pinyin/gbt-rows.tsv:
    policy, news and company texts found in the public pages, each row with its clause)."""
    assert pinyin_text.transliterate(text) == expected, (clause, source)


def test_the_rule_table_is_mostly_new_text_and_cites_its_sources() -> None:
    path = ROOT / "tests" / "data" / "pinyin" / "gbt-rows.tsv"
    sources = {
        line.split()[2].rstrip(":")
        for line in path.read_text("utf-8").splitlines()
        if line.startswith("# source ")
    }
    rows = _gbt_rows()
    assert {r[3] for r in rows} <= sources
    assert sum(r[3] != "gbt" for r in rows) >= 120  # found prose, not GB/T's own examples
    assert all(r[2].startswith("6.") for r in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自北京出发", "zì Běijīng chūfā"),  # 自 "from" before a name
        ("这些数据无意义。", "Zhèxiē shùjù wú yìyì."),  # 无 "has no" as the predicate
        ("无数据可用", "wú shùjù kěyòng"),
        ("预计明年增长", "yùjì míngnián zēngzhǎng"),  # 预计 is a word of its own
        ("半年以来", "bàn nián yǐlái"),  # 半 a numeral before a measure word
        ("中国和美国的关系", "Zhōngguó hé Měiguó de guānxì"),  # no ministry without 部
        ("技术和市场部门", "jìshù hé shìchǎng bùmén"),
        ("他们为人民服务", "tāmen wèi rénmín fúwù"),  # 为 before a noun and a verb: wèi
        ("公司已经完成了任务", "gōngsī yǐjīng wánchéngle rènwù"),  # 已经 "already"
        ("自成立以来", "zì chénglì yǐlái"),  # 自 "since", no series
        ("港口和机场", "gǎngkǒu hé jīchǎng"),  # 港 a port, not Hong Kong
        ("国务院和省委", "Guówùyuàn hé shěngwěi"),  # two institutions, not one name
        ("李白和习近平", "Lǐ Bái hé Xí Jìnpíng"),  # people CC-CEDICT knows
        ("数位专家", "shù wèi zhuānjiā"),  # "several experts" (Taiwan's 數位 is "digital")
        ("公司董事长王明表示", "gōngsī dǒngshìzhǎng Wáng Míng biǎoshì"),  # a person, not a company
        ("此外，这些", "Cǐwài, zhèxiē"),  # words of their own, not 此/这 and a noun
        ("世界级", "shìjièjí"),
        ("如期完成", "rúqī wánchéng"),  # 如期 is a word: no 如 apart
        ("省会城市", "shěnghuì chéngshì"),  # no coordination
        ("大马士革", "Dàmǎshìgé"),  # a name jieba tags nz, not an idiom
        ("火车到了。", "Huǒchē dào le."),  # 了 at a sentence's end stays apart
        ("年内完成", "niánnèi wánchéng"),  # "within the year": one word without a number
        ("被告人", "bèigàorén"),  # no 被 and a verb
        ("较大规模", "jiào dà guīmó"),
        ("亚太地区", "Yà-Tài dìqū"),  # CC-CEDICT's name: the abbreviation, then the noun
        ("互联网和三月", "hùliánwǎng hé sānyuè"),  # CC-CEDICT capitalises them; no places
        ("三部曲", "sānbùqǔ"),  # a word (jieba's numeral), not 三 and a set phrase's noun
        ("五星级酒店", "wǔxīngjí jiǔdiàn"),
        ("因为他们", "yīnwèi tāmen"),  # 为 "because", not "as"
        ("行为规范", "xíngwéi guīfàn"),
        ("类脑计算", "lèinǎo jìsuàn"),  # no number before it: 类 is no measure word
        ("第一章", "dì-yī zhāng"),
        ("十四五规划", "shísìwǔ guīhuà"),
        ("略低于全球", "lüè dīyú quánqiú"),  # 低于 is a word: 于 stays with it
        ("以至于", "yǐzhìyú"),
        ("越来越多", "yuèláiyuè duō"),
        ("大型企业和新型产业", "dàxíng qǐyè hé xīnxíng chǎnyè"),
        ("外交部和华中科技大学", "Wàijiāobù hé Huázhōng Kējì Dàxué"),  # names of organisations
        ("伦理学和音乐会", "lúnlǐxué hé yīnyuèhuì"),  # jieba's nt, no organisations
        ("为正义而战", "wèi zhèngyì érzhàn"),  # 为 "for": no sign after it
        ("(2021-2025年)", "(2021-2025 nián)"),  # a range's dash, no minus
        ("谷歌、微软、亚马逊", "Gǔgē, Wēiruǎn, Yàmǎxùn"),  # no dot: names one by one
        ("中国社会发展", "Zhōngguó shèhuì fāzhǎn"),  # 社会 ends on 会 but is no office
        ("国家整体布局", "guójiā zhěngtǐ bùjú"),
        ("中国银行业协会", "Zhōngguó Yínhángyè Xiéhuì"),
        ("王部长表示", "Wáng bùzhǎng biǎoshì"),  # a title after the surname, no given name
        ("三五年", "sānwǔ nián"),  # no year: three to five years
        ("不由自主", "bùyóu-zìzhǔ"),  # an idiom of pypinyin's, not an adverb and a verb
        ("艰苦奋斗", "jiānkǔ-fèndòu"),
        ("在计算机上", "zài jìsuànjī shang"),  # 机上 is a word, but 上 is a word of place
        ("困扰生物学界", "kùnrǎo shēngwùxuéjiè"),  # 学界 is a word, but 界 is a suffix
        ("平等地对待", "píngděng de duìdài"),  # 地 the particle: no 等 before it
        ("国务院办公厅", "Guówùyuàn Bàngōngtīng"),  # jieba's nt that starts as a body does
        ("中国十九大城市", "Zhōngguó shíjiǔ dàchéngshì"),  # 19 big cities, no congress
        ("十九届会议", "shíjiǔ jiè huìyì"),  # no plenary session
        ("三十五个", "sānshíwǔ gè"),  # a number cut from no measure word
        ("第十个", "dì-shí gè"),
        ("这一时期", "zhè yī shíqī"),
        ("二期工程", "èr qī gōngchéng"),  # 期 after a number: no suffix
        ("东部地区与教育部", "dōngbù dìqū yǔ Jiàoyùbù"),  # 部 of a place, 部 of a ministry
        ("内部管理和教育部", "nèibù guǎnlǐ hé Jiàoyùbù"),  # no joined ministry
        ("可持续性", "kěchíxùxìng"),
        ("产业链条", "chǎnyè liàntiáo"),
        ("文化为人民服务", "wénhuà wèi rénmín fúwù"),  # 文化 a noun: 为 "for"
        ("3日电视台", "3 rì diànshìtái"),  # no dateline
        ("祖冲之的圆周率", "Zǔ Chōngzhī de yuánzhōulǜ"),  # CC-CEDICT: "Zu Chongzhi (429-500)"
        ("设立一家有限公司", "shèlì yī jiā yǒuxiàn gōngsī"),  # a kind of company, no name
        ("2023年年度，公司实现营收。", "2023 nián niándù, gōngsī shíxiàn yíngshōu."),  # no list
        ("为1000名学生提供服务。", "Wèi 1000 míng xuéshēng tígōng fúwù."),  # 为 "for"
        ("增长率为5.2%。", "Zēngzhǎnglǜ wéi 5.2%."),
        ("以预防为主", "yǐ yùfáng wéizhǔ"),  # 为主 with no noun of 主 after it
        ("新能源汽车和新华社", "xīnnéngyuán qìchē hé Xīnhuáshè"),  # words of their own
        ("中美关系", "Zhōng-Měi guānxì"),  # an abbreviation of two names, no river
        ("他——我们的朋友。", "Tā——wǒmen de péngyou."),  # a dash inside a sentence
        ("平等、同等", "píngděng, tóngděng"),  # words of two before 、: no item and 等
        ("一百多元", "yībǎi duō yuán"),  # 多 after a number: "more than", apart
        ("多元化", "duōyuánhuà"),
        ("供应链条件", "gōngyìngliàn tiáojiàn"),  # 条件 a word: no 链条
        ("行政院會今", "Xíngzhèngyuàn huì jīn"),  # a name: no 院会
        ("北京站和中国网", "Běijīngzhàn hé Zhōngguó wǎng"),  # no common noun before 站 or 网
        ("提高点效率", "tígāo diǎn xiàolǜ"),  # a verb and 点 "a bit"
        ("净额为-3.06亿元", "jìng'é wéi -3.06 yì yuán"),  # a minus, no hyphen between words
        ("以人为本、为人民服务", "yǐrén-wéiběn, wèi rénmín fúwù"),  # 以…为 ends with its idiom
        ("人才辈出，春暖花开", "Réncái-bèichū, chūnnuǎn-huākāi"),  # idioms of a noun and a verb
        ("较为重要", "jiàowéi zhòngyào"),  # 较为 a word: no 较 and an adjective
        ("政府为企业提供服务", "zhèngfǔ wèi qǐyè tígōng fúwù"),  # 为 "for" after a noun
        ("以发展为目标", "yǐ fāzhǎn wéi mùbiāo"),
        ("在师范大学学习", "zài shīfàn dàxué xuéxí"),  # a kind of university, no name
        ("2024年出台的规划。", "2024 nián chūtái de guīhuà."),  # a year, no section number
        ("一家会计师事务所", "yī jiā kuàijìshī shìwùsuǒ"),  # a kind of firm, no name
        ("以质量为本，", "Yǐ zhìliàng wéi běn,"),  # 以…为本: wéi
        ("一号文件和十八号", "yīhào wénjiàn hé shíbāhào"),  # no name before the number
        ("为1000名学生提供服务，提高为5%。", "Wèi 1000 míng xuéshēng tígōng fúwù, tígāo wéi 5%."),
        ("他是我的朋友之一", "tā shì wǒ de péngyou zhīyī"),  # 之一 a word
        ("十四届会议", "shísì jiè huìyì"),  # no national body: no name
        ("十四届全国政协三次会议开幕", "Shísì Jiè Quánguó Zhèngxié Sān Cì Huìyì kāimù"),
        ("“工作小组”", "“gōngzuò xiǎozǔ”"),  # a quoted group of one word before 小组, no name
        ("他们举办活动，承办单位", "Tāmen jǔbàn huódòng, chéngbàn dānwèi"),  # 办 of a verb
        ("增长3.5倍", "zēngzhǎng 3.5 bèi"),  # a decimal point stays the number's
        ("美国U.S.政府", "Měiguó U.S. zhèngfǔ"),  # a full stop of a Latin abbreviation
        ("发展中国家", "fāzhǎnzhōng guójiā"),  # no 中国 inside 发展中/国家
        ("中国人", "Zhōngguórén"),  # the longest name where it ends at a cut
        ("不可思议，不可动摇", "Bùkě-sīyì, bùkě-dòngyáo"),  # 不可 idioms of pypinyin's
        ("同一时间", "tóngyī shíjiān"),
        ("广东深圳", "Guǎngdōng Shēnzhèn"),
        ("中国政府表示", "Zhōngguó zhèngfǔ biǎoshì"),  # a name and a common noun
        ("公司发展为一个提供服务的平台。", "Gōngsī fāzhǎn wéi yī gè tígōng fúwù de píngtái."),
        ("不断提升为人民服务的能力。", "Bùduàn tíshēng wèi rénmín fúwù de nénglì."),
        ("他曾担任主任，曾经", "Tā céng dānrèn zhǔrèn, céngjīng"),  # 曾 of no name
        ("在大会暨推动会议上", "zài dàhuì jì tuīdòng huìyì shang"),  # 暨 between no names
        ("在网上，在会上，国际上", "Zài wǎng shang, zài huì shang, guójì shang"),  # 上 of place
        ("从2024年起，日新月异", "Cóng 2024 nián qǐ, rìxīn-yuèyì"),
        ("在公共场所，iPhone 16发布", "Zài gōnggòng chǎngsuǒ, iPhone 16 fābù"),  # 所 of no body
        ("外尔费米子（Weyl fermions）", "wài'ěr fèimǐzǐ (Weyl fermions)"),  # words stay apart
        ("宿舍三号楼", "sùshè sānhào lóu"),  # a building of a number, no craft
        ("这个发射场", "zhège fāshèchǎng"),  # a launch site of no place's name
        ("很准确，准备好了", "Hěn zhǔnquè, zhǔnbèi hǎole"),  # 准 of words, no prefix
        ("知识分子", "zhīshí fènzǐ"),  # a member of a group: pypinyin's fènzǐ stays
        ("生产出来", "shēngchǎn chūlái"),  # a complement of two syllables
        ("他是该公司", "tā shì gāi gōngsī"),  # 该 after a word of the dictionary
        ("知识分子和危险分子", "zhīshí fènzǐ hé wēixiǎn fènzǐ"),  # 分子 of people
        ("发展中经济体", "fāzhǎnzhōng jīngjìtǐ"),  # 发展中 "developing" before 经济体
        ("主要为企业提供服务", "zhǔyào wèi qǐyè tígōng fúwù"),  # a verb after: 为 "for"
        ("全国人大常委会和港澳", "Quánguó Réndà Chángwěihuì hé Gǎng-Ào"),  # one name, two places
        ("十四届全国人大四次会议", "Shísì Jiè Quánguó Réndà Sì Cì Huìyì"),
        ("西装革履，一帆风顺", "Xīzhuāng-gélǚ, yīfān-fēngshùn"),  # idioms stay 2+2
        (
            "嫦娥六号任务，神舟十八号载人飞船",
            "Cháng'é Liùhào rènwù, Shénzhōu Shíbāhào zàirén fēichuán",
        ),
        ("朝气蓬勃，艰苦奋斗", "Zhāoqì-péngbó, jiānkǔ-fèndòu"),
        ("海关总署和审计署", "Hǎiguān Zǒngshǔ hé Shěnjìshǔ"),
        ("用韩文写作，中国人说", "Yòng Hánwén xiězuò, Zhōngguórén shuō"),  # no name runs on
        ("国务院总理李强主持召开", "Guówùyuàn zǒnglǐ Lǐ Qiáng zhǔchí zhàokāi"),  # a leader
        ("在海上，在网上发布", "Zài hǎi shang, zài wǎng shang fābù"),  # a place, after 在
        ("网上直播，线上线下融合", "Wǎngshàng zhíbō, xiànshàng xiànxià rónghé"),  # "online"
        ("对非法行为，对非洲，中山大学", "Duì fēifǎ xíngwéi, duì Fēizhōu, Zhōngshān Dàxué"),
        ("三国演义，本港经济", "Sānguó Yǎnyì, běn Gǎng jīngjì"),
    ],
)
def test_the_new_rules_leave_look_alikes_alone(text: str, expected: str) -> None:
    """The rules of issue 33's new texts (prefixes 无/半/自/预, ministries joined by 和, 为 as
    "is") leave the look-alikes alone."""
    assert pinyin_text.transliterate(text) == expected


def test_a_term_inside_a_longer_word_is_that_word() -> None:
    """The term base's 算力 inside 计算力 is no occurrence of the term (jìsuànlì, not jì
    suànlì); 以 … 为 across a term is still "as" (wéi)."""
    terms = {"算力": "suànlì"}
    written = pinyin_text.transliterate("集信息计算力、网络运载力，通过算力中心", terms=terms)
    assert written == "Jí xìnxī jìsuànlì, wǎngluò yùnzàilì, tōngguò suànlì zhōngxīn"
    assert pinyin_text.transliterate("本文将以算力为锚。", terms=terms) == (
        "Běn wén jiāng yǐ suànlì wéi máo."
    )


def test_the_state_councils_bodies_by_their_abbreviations_are_names() -> None:
    """6.3.1: 卫健委, 银保监会, 医保局 ... are bodies' names, written as CC-CEDICT's 发改委 and
    网信办 are (jieba takes 卫健委 for a person and cuts 市场监管总局); 国家 before one is part
    of it (Guójiā Wǎngxìnbàn)."""
    written = pinyin_text.transliterate("国家卫健委、银保监会、国家医保局和市场监管总局指导")
    assert written == (
        "Guójiā Wèijiànwěi, Yínbǎojiānhuì, Guójiā Yībǎojú hé Shìchǎng Jiānguǎn Zǒngjú zhǐdǎo"
    )
    assert pinyin_text.transliterate("国家网信办、国台办") == "Guójiā Wǎngxìnbàn, Guótáibàn"


def test_cc_cedict_reads_the_words_pypinyin_lacks() -> None:
    """CC-CEDICT's readings of words pypinyin's phrases lack (data/cedict/readings.tsv): a
    particle's zǐ, 调 tiáo in 调酒, 处在 chǔzài; pypinyin's own phrases and the override table
    still win, and a word CC-CEDICT reads two ways (下载) is left to pypinyin."""
    assert pinyin_text.transliterate("费米子和调酒师处在") == "fèimǐzǐ hé tiáojiǔshī chǔzài"
    assert pinyin_text.transliterate("下载量") == "xiàzàiliàng"
    assert "bēnyuè" in pinyin_text.transliterate("嫦娥奔月")  # CC-CEDICT's bèn left out


def test_the_shipped_readings_are_what_make_readings_makes_from_cc_cedict(
    tmp_path: Path,
) -> None:
    """Made in a process of its own: this one has taught pypinyin the table already."""
    import subprocess
    import sys

    from .conftest import shared_file

    cedict = shared_file("data/cedict_ts.u8")
    out = tmp_path / "readings.tsv"
    script = ROOT / "benchmarks" / "make_readings.py"
    subprocess.run([sys.executable, str(script), str(cedict), str(out)], check=True)
    shipped = (ROOT / "src/termbase/data/cedict/readings.tsv").read_text("utf-8")
    assert out.read_text("utf-8") == shipped
