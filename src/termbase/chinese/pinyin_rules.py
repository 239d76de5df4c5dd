"""The tables of the pinyin of running text (termbase.chinese.pinyin_text): readings by part of
speech, punctuation, and GB/T 16159-2012's word division, each with what it is for."""

from __future__ import annotations

import re

from termbase.chinese.pinyin_lexicon import _BODIES

# Part-of-speech tags (jieba's) of proper nouns: people, places, organisations, other names.
_PROPER = ("nr", "nrfg", "nrt", "ns", "nt")  # not nz: jieba tags 中肯 so
_PERSON = ("nr", "nrfg", "nrt")
# Aspect particles that GB/T writes together with the verb before them.
_ASPECT = {"了": "le", "着": "zhe", "过": "guo"}
# Readings that depend on the word's part of speech: (character, tag prefix) -> syllable.
_BY_TAG = {
    ("都", "d"): "dōu",
    ("为", "p"): "wèi",
    ("为", "v"): "wéi",
    ("为", "c"): "wèi",
    ("还", "d"): "hái",
    ("和", "c"): "hé",
    ("和", "p"): "hé",
    ("地", "uv"): "de",
    ("得", "ud"): "de",
    ("的", "uj"): "de",
    ("着", "uz"): "zhe",
    ("了", "ul"): "le",
    ("过", "ug"): "guo",
    ("长", "a"): "cháng",
    ("只", "d"): "zhǐ",
    ("将", "d"): "jiāng",
    ("应", "v"): "yīng",
}
# _BY_TAG by character, for one-character words (read's hot path: a word of every few)
_BY_CHARACTER: dict[str, list[tuple[str, str]]] = {}
for (_ch, _prefix), _syllable in _BY_TAG.items():
    _BY_CHARACTER.setdefault(_ch, []).append((_prefix, _syllable))
# Surnames read otherwise than the character's common reading (曾毅 Zēng Yì, not céng; 单 Shàn,
# 解 Xiè, 区 Ōu ...), as the Xiandai Hanyu Cidian gives them, for a person's name
_SURNAME_READINGS = {
    "曾": "zēng",
    "单": "shàn",
    "解": "xiè",
    "仇": "qiú",
    "朴": "piáo",
    "查": "zhā",
    "区": "ōu",
    "覃": "qín",
    "翟": "zhái",
}  # not 缪, 乐, 种 ...: jieba tags words of theirs as names too (缪子 "muon")
# Two-character surnames, for Surname Givenname.
_DOUBLE_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙"}
    | {"慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木"}
)
_SENTENCE_END = frozenset("。！？!?")
# A text with one of these is running text, whose first word takes a capital; a term is not.
_RUNNING_TEXT = _SENTENCE_END | frozenset("，,；;")
_PUNCT = {
    "，": ",",
    "、": ",",
    "。": ".",
    "；": ";",
    "：": ":",
    "？": "?",
    "！": "!",
    "（": "(",
    "）": ")",
    "“": "“",
    "”": "”",
    "‘": "‘",
    "’": "’",
    "《": "“",
    "》": "”",
    "〈": "‘",
    "〉": "’",
    "「": "“",  # Hong Kong's and Taiwan's quotation marks
    "」": "”",
    "『": "‘",
    "』": "’",
    "…": "…",
    "……": "…",
    "——": "—",
    "—": "—",
    "·": "·",
    # ASCII marks in Chinese text (the seed writes 大国,中国 and 和音:积极): punctuation too
    ",": ",",
    ":": ":",
    ";": ";",
    "?": "?",
    "!": "!",
    "(": "(",
    ")": ")",
}
_OPENING = frozenset("(“‘")
_CLOSING = frozenset(",.;:?!)”’…")


# Administrative units, written apart and capitalised after a place name (Běijīng Shì).
_UNITS = frozenset("省市县区州")
# Four-character idioms not read 2+2: written together, without a hyphen.
_IDIOMS_TOGETHER = frozenset({"一衣带水", "不亦乐乎", "莫名其妙"})
# Four-character words jieba's dictionary tags as idioms that are two words (积极 参与).
_NOT_IDIOMS = frozenset({"积极参与", "蓬勃发展"})  # an adjective and its verb (péngbó fāzhǎn)
# Idioms of a noun and a verb that say what the noun does (人才辈出 "talents come forth in
# numbers"), where a noun and a verb jieba tags as an idiom are otherwise two words (数据共享)
_SUBJECT_IDIOMS = frozenset({"人才辈出", "英雄辈出", "人才济济", "新人辈出"})
# Common words jieba's dictionary (or its guess for a word it lacks) tags as names of people,
# places or organisations (nr, ns, nt): written as the common words they are, with the part of
# speech they have. Found by reading policy texts against CC-CEDICT, whose pinyin capitalises
# only proper nouns (the test test_pinyin_text.py::test_no_common_word_is_capitalised).
_NOT_NAMES: dict[str, str] = {
    "长大": "v",
    **dict.fromkeys(("都市", "河里", "海里", "城里", "山里", "村里", "市里", "国内", "太阳"), "n"),
    **dict.fromkeys(("大国", "伦理", "宣言", "福祉", "契约", "文明", "小圈子", "安全观"), "n"),
    **dict.fromkeys(("南北", "南南合作", "安全性", "普惠"), "n"),
    **dict.fromkeys(("公正", "攸关"), "a"),
    "缪子": "n",  # the muon (jieba: a person, 缪 a surname)
    "暨": "c",  # "and" between two names (世界人工智能大会暨…高级别会议), no organisation
    "科研院所": "n",  # research institutes in general (高校、科研院所和企业)
    "蓝军": "n",  # the blue force of an exercise (数字蓝军: shùzì lánjūn), no person
}
# Four-character set phrases (jieba's l) made of two common words are written as two words
# (意识形态 yìshí xíngtài); the others are idioms, 2+2 with a hyphen (不可或缺 bùkě-huòquē). A
# half jieba's dictionary has seen this often is a common word.
_COMMON_WORD = 100
# ... and an idiom of jieba's (i) whose halves are both very common words is two words too
# (今年以来, 不断涌现: 涌现 1,514 in jieba's dictionary; 实事求是 stays an idiom, 实事 572)
_VERY_COMMON_WORD = 1000
# Names jieba tags otherwise (欧盟 as an abbreviation, j): capitalised as organisations.
_NAMES = (
    frozenset({"欧盟", "东盟", "北约", "世贸组织", "亚太经合组织"})
    | {"国新办"}  # the State Council Information Office (jieba: an abbreviation): Guóxīnbàn
    | {"央视", "总台"}  # CCTV and China Media Group by their short names: Zǒngtái Yāngshì
    | _BODIES
    | {
        # the State Council's ministries, which jieba knows as common words (教育部 Jiàoyùbù)
        f"{field}部"
        for field in (
            *("外交", "国防", "教育", "科技", "科学技术", "公安", "国家安全", "民政", "司法"),
            *("财政", "自然资源", "生态环境", "交通运输", "水利", "农业农村", "商务", "应急管理"),
            "退役军人事务",
        )
    }
    | {
        # Taiwan's five branches (立法院 Lìfǎyuàn), which jieba knows as common words
        f"{branch}院"
        for branch in ("行政", "立法", "司法", "考试", "监察")
    }
    | {
        # "the Chinese side", "the US side": a country's one-character abbreviation and 方 (jieba
        # tags 中方 as a word of place)
        f"{c}方"
        for c in "中美俄日韩英法德欧印"
    }
    | {f"{c}军" for c in "美俄日韩英法德印"}  # a country's armed forces: 美军 Měijūn
)
# A quoted phrase that ends on one of these is the name of a meeting (“加强人工智能能力建设国际
# 合作高级别会议” Jiāqiáng Réngōng Zhìnéng … Huìyì): each word capitalised (6.3.1)
_EVENTS = ("会议", "论坛", "大会", "峰会", "博览会", "小组")  # 「全球治理之友小组」
# ... and of a programme, a fund or a law (「新型工业加速计划」, 「人工智慧基本法」)
_PROGRAMMES = ("计划", "基金", "法", "条例")
# Numerals of the hundreds and thousands: written in groups (GB/T: 一百二十五 yībǎi èrshíwǔ).
_DIGITS = frozenset("一二三四五六七八九")
# A numeral apart from the noun of a set phrase (三要素 sān yàosù); 一 makes words (一系列)
_DIGITS_APART = frozenset("二两三四五六七八九十")
# 方位词 written apart from the noun before them, in the neutral tone (山上 shān shang).
_PLACE = {"上": "shang", "下": "xia", "里": "li"}
# Words the segmenter takes as one that are a noun and 上/下 all the same (会上 huì shang)
_PLACE_WORDS = frozenset({"会上", "会下"})

# ---- GB/T 16159-2012's word division where jieba joins two words (pinyin_words.divided)

# 6.1.5.3: 各, 每, 某, 本, 该, 我, 你 and 这, 那, 哪 (and 此) written apart from the noun or
# measure word after them (各国 gè guó, 每年 měi nián, 本国 běn guó, 该项 gāi xiàng, 我国 wǒ guó,
# 这次 zhè cì, 此次 cǐ cì) ...
_DETERMINERS = frozenset("各每某本该我你这那哪此")
# ... except in words of their own (我们, 本身, 各自) and with 些, 么, 样, 般, 里, 边, 个, 儿
_DETERMINER_WORDS = frozenset(
    {"我们", "你们", "咱们", "本身", "本人", "本来", "本质", "本领", "本地", "本土", "本科"}
    | {"本事", "本着", "本能", "本部", "本色", "本性", "本义", "本意", "本钱", "本息", "本金"}
    | {"各自", "各位", "每每", "某些", "该当", "你好", "我爱", "我家", "本末", "本源"}
    | {"此外", "此时", "此后", "此前", "此刻", "此地", "此处", "彼此"}
    | {f"{d}{e}" for d in "这那哪" for e in "些么样般里边个儿会"}
)
# 6.1.6.2: a numeral apart from its measure word (一次 yī cì, 十年 shí nián, 多个 duō gè), also
# after an adjective or a word of place (新一代 xīn yī dài, 上一轮 shàng yī lún)
_MEASURE_CHARACTERS = (
    "个名位次件条项种张本台辆家座届批岁只双对场年天代轮期类份股层部篇回遍趟番阵周倍处架户元艘吨"
    "亩所间栋幅根颗枚匹套笔例款起句大段步成章节块排斤"
)
_MEASURES = re.compile(f"[{_MEASURE_CHARACTERS}]")
_NUMERAL_FIRST = frozenset("一二两三四五六七八九十百千万亿兆几多数半")
_NUMERAL_MEASURE = re.compile(
    f"([新上下前后头近])?([{''.join(sorted(_NUMERAL_FIRST))}]+)([{_MEASURE_CHARACTERS}])"
)
# ... but these are words: 一些, 一下, 一起 ("together"), 一点 ("a bit"), 半天 ("a long while")
_NUMERAL_WORDS = frozenset(
    {"一些", "一下", "一切", "一起", "一样", "一般", "一定", "一致", "一直", "一道", "一同"}
    | {"一度", "一带", "一体", "一流", "一时", "一点", "一边", "一面", "一旦", "一向", "一再"}
    | {"一共", "一味", "一手", "一贯", "一律", "一概", "一齐", "半天", "一番", "多半", "一层"}
    | {"万一", "十分", "一年四季", "三番", "两样", "上半年", "下半年", "上半场", "下半场"}
    | {"一系列"}  # yīxìliè, a word of Xiandai Hanyu Cidian's
    | {"多元"}  # "plural, diverse" (主体多元), duōyuán; 一百多元 "more than a hundred yuan" apart
)
# 6.1.4.5: a verb of two syllables and a complement of one, apart (展现出 zhǎnxiàn chū,
# 建立起 jiànlì qǐ); a one-syllable verb with its two-syllable complement too (走出去 zǒu chūqù)
_COMPLEMENTS = frozenset("出来去到起上下回进开过")
# 6.1.6.2: a numeral and the noun of a unit after it (数百亿/美元 shùbǎiyì měiyuán)
_NUMERAL_UNIT = re.compile(r"([数几多半两零〇一二三四五六七八九十百千万亿兆]+)(\w+)")
# Two halves built on numerals, an idiom read 2+2 (千行百业 qiānháng-bǎiyè, 千家万户, 四面八方)
_IDIOM_NUMERALS = frozenset("一二三四五六七八九十百千万")
# 4.2 and 6.1.4.5: a verb, 得 or 不 and a one-syllable complement, three words (负担得起 fùdān
# de qǐ, 比不上 bǐ bu shàng is a word of its own)
_POTENTIAL = frozenset("起来去到上下了动住完好成见清透")
_TWO_SYLLABLE_COMPLEMENTS = frozenset(
    {"出去", "出来", "进来", "进去", "起来", "下去", "下来", "上来", "上去", "回来", "回去"}
    | {"过来", "过去", "开来"}
)
# A word the segmenter's model guesses that starts with one of these adverbs or prepositions,
# or ends with one of these particles, is two words glued (就试 of 就试着); 共 (共赢, 共治) and
# 新 (新质) make words and are not here.
_GLUE_FIRST = frozenset("就也都还又才再很更最太已曾正将便却只仅不没别在把被对从向给跟与比按于由")
_GLUE_FIRST |= frozenset(
    "如内以地"
)  # 地向 of 正式地向: de xiàng  # 如万卡 (such as), 内前 of 平台内/前十: rú wànkǎ, nèi qián
# (以算力 of 以算力为锚: yǐ suànlì wéi máo)
# 央企要: yāngqǐ yào; 委副 of 改革委副主任: 副 is the prefix of the next word (fùzhǔrèn); 会今 of
# 行政院会今(28日): 今 "today" (huì jīn)
_GLUE_LAST = frozenset("的了着过地得吗呢吧啊要会能将应可是在有和与副今于")  # 费雪于: 费雪 yú
# 上该 of 国际上该领域, 强以 of 足够强以引起: a demonstrative or a preposition starts the next
# phrase (guójì shang gāi lǐngyù, zúgòu qiáng yǐ yǐnqǐ)
_GLUE_LAST |= frozenset("该以起")  # 中起 of 平衡中起着: zhōng qǐzhe

# Words of jieba's dictionary that GB/T writes as several (6.1.5.3, 6.1.7): the parts and their
# tags (另一方面 lìng yī fāngmiàn, 自即日起 zì jírì qǐ, 有没有 yǒu méiyǒu, 应从 yīng cóng)
_APART: dict[str, tuple[tuple[str, str], ...]] = {
    "另一方面": (("另", "r"), ("一", "m"), ("方面", "n")),
    "程度较高": (("程度", "n"), ("较", "d"), ("高", "a")),  # jieba's noun: chéngdù jiào gāo
    "市面上": (("市面", "n"), ("上", "f")),  # shìmiàn shang, as 市场上
    "各方对": (("各", "r"), ("方", "n"), ("对", "p")),  # jieba's set phrase: gè fāng duì
    "三国": (("三", "m"), ("国", "n")),  # three countries (三国外长: sān guó), no Three Kingdoms
    "对非": (("对", "p"), ("非", "nx")),  # 对非政策: Africa, duì Fēi zhèngcè (not the prefix 非)
    "难免会": (("难免", "d"), ("会", "v")),  # nánmiǎn huì, as 可能会
    # a verb and 在 of place, two words (fàng zài, as jieba's own 住/在, 站/在)
    "放在": (("放", "v"), ("在", "p")),
    "坐在": (("坐", "v"), ("在", "p")),
    "摆在": (("摆", "v"), ("在", "p")),
    "留在": (("留", "v"), ("在", "p")),
    "自即日起": (("自", "p"), ("即日", "t"), ("起", "f")),
    "有没有": (("有", "v"), ("没有", "v")),
    "应从": (("应", "v"), ("从", "p")),
    "不久前": (("不久", "d"), ("前", "f")),
    "被称作": (("被", "p"), ("称作", "v")),
    "被称为": (("被", "p"), ("称为", "v")),
    "被视为": (("被", "p"), ("视为", "v")),
    "更趋": (("更", "d"), ("趋", "v")),  # 更趋均衡: gèng qū jūnhéng
    "力于": (("力", "n"), ("于", "p")),  # 存储力于一体: cúnchǔlì yú yītǐ
    "会以": (("会", "v"), ("以", "p")),  # 会以现金的形式: huì yǐ
    "自党": (("自", "p"), ("党", "n")),  # 自党的十八大以来: zì Dǎng de
    "答记者问": (("答", "v"), ("记者", "n"), ("问", "n")),  # dá jìzhě wèn, no idiom
    "综合性能": (("综合", "vn"), ("性能", "n")),  # zōnghé xìngnéng
    # 党和国家, 党和政府, 党和人民: three words (dǎng hé guójiā), not one
    **{f"党和{w}": (("党", "n"), ("和", "c"), (w, "n")) for w in ("国家", "政府", "人民")},
    "一时期": (("一", "m"), ("时期", "n")),  # 这一时期: zhè yī shíqī
    "低且": (("低", "a"), ("且", "c")),  # 水平低且: shuǐpíng dī qiě
    "部副": (("部", "n"), ("副", "b")),  # 信息化部副部长: Xìnxīhuà Bù fùbùzhǎng
    "时未": (("时", "n"), ("未", "d")),  # 上市时未盈利: shàngshì shí wèi yínglì
    "愿同": (("愿", "v"), ("同", "p")),  # 愿同各方一道: yuàn tóng, a verb and a preposition
    "之道": (("之", "u"), ("道", "n")),  # 改革完善之道: zhī dào (not 知道)
    "之友": (("之", "u"), ("友", "n")),  # 全球治理之友小组: zhī yǒu
    "也就是说": (("也", "d"), ("就是", "v"), ("说", "v")),  # yě jiùshì shuō, no idiom
    "转变成": (("转变", "v"), ("成", "v")),  # zhuǎnbiàn chéng: a complement after two
    "实验所": (("实验", "n"), ("所", "u")),  # 被多个实验所证实: shíyàn suǒ zhèngshí
    "大学教授": (("大学", "n"), ("教授", "n")),  # 中国科学技术大学教授: Dàxué jiàoshòu
    "地说": (("地", "uv"), ("说", "v")),  # 通俗地说: tōngsú de shuō
    # 按计划, 按规定 ...: a preposition and its noun (àn jìhuà), which jieba joins
    **{f"按{w}": (("按", "p"), (w, "n")) for w in ("计划", "规定", "要求", "程序", "比例", "期")},
}
# A unit of time and 内 that jieba joins (年内 "within the year"): after a number, two words
_WITHIN = frozenset({"年内", "月内", "日内", "天内", "周内"})
# An adverb of degree, then a word the segmenter made of a one-syllable adjective and a noun:
# the adjective is the adverb's (更/高效率: gèng gāo xiàolǜ, 更/高水平)
_DEGREE = frozenset("更最较越")
_DEGREE_ADJECTIVES = frozenset("高低大小多少好快强深广宽严")
# 6.1.8: 儿 that makes a retroflex final, written r (哪儿 nǎr, 一点儿 yīdiǎnr)
_ERHUA = frozenset(
    {"哪儿", "这儿", "那儿", "一点儿", "一会儿", "一块儿", "玩儿", "事儿", "活儿", "味儿"}
    | {"点儿", "会儿", "劲儿", "样儿", "空儿", "份儿", "个儿", "好好儿", "慢慢儿"}
)
# 6.1.9: one-syllable prefixes and suffixes written with their word (数据/集 shùjùjí); a prefix
# is not joined to a numeral (超/百亿元: chāo bǎiyì yuán)
_PREFIXES = frozenset({"副", "超", "非", "反", "准", "亚", "泛", "伪", "预", "子", "微"})
# ... read as a prefix is (子领域 zǐlǐngyù, not the neutral zi of 孩子)
_PREFIX_READINGS = {"子": "zǐ"}
# 无, 半 and 自 before a noun or verbal noun that qualifies another (无监督学习 wújiāndū
# xuéxí, 半监督与自监督学习, 无标签数据): one word, as 无人机 is
_ATTRIBUTIVE_PREFIXES = frozenset("无半自")
_SUFFIXES = frozenset({"化", "性", "者", "员", "们", "力", "集", "率", "界"})
_SUFFIXES |= {"学家"}  # 物理/学家: wùlǐxuéjiā, as 科学家
# ... and 层 after a two-syllable noun, which the segmenter tags as a measure word (基础/层
# jīchǔcéng, 应用层 yìngyòngcéng)
# 向量/机 xiàngliàngjī, 指数/级 zhǐshùjí, 内容/物 nèiróngwù
_NOUN_SUFFIXES = frozenset({"层", "机", "级", "型", "物"})
# ... and 期, a period, after a verb too (攻关/期 gōngguānqī, as 过渡期 and 转型期 are words)
_PERIOD = "期"
# ... and these after a verb or an adjective too: 期 (攻关期), 型 and 式 "of the type" (制冷型
# zhìlěngxíng, 漂浮式 piāofúshì), 侧 "side" (消费侧 xiāofèicè), 度 "degree" (相似度 xiāngsìdù)
_AFTER_VERBS = frozenset({_PERIOD, "型", "式", "侧", "度"})
# ... and the heads of a network, a station or a point after a common noun of two syllables, a
# name of one thing (设施/网 shèshīwǎng, 航路网, 风险/点 fēngxiǎndiǎn, as 交通网, 服务站 and 增长点
# are words); not after a place (北京站 Běijīng Zhàn) nor a verb (提高/点 "a bit")
_HEAD_NOUNS = frozenset({"网", "站", "点"})
# An abbreviated coordination, its parts joined by hyphens as Xiandai Hanyu Cidian writes them
# (中小学 zhōng-xiǎoxué): the word and where the hyphens go
_COORDINATIONS: dict[str, tuple[int, ...]] = {
    "省区市": (1, 2),  # provinces, regions and municipalities: shěng-qū-shì
    "省市区": (1, 2),
    "省市县": (1, 2),
    "省市": (1,),
    "市县": (1,),
    "中小学": (1,),
    "中西部": (1,),  # the central and western regions: zhōng-xībù
    "中东部": (1,),
    "东中西部": (1, 2),
    "东中部": (1,),
    "中小微": (1, 2),  # 中小微企业: zhōng-xiǎo-wēi qǐyè
}
# 6.1.5.3: 这, 那, 此 apart from a preposition, verb or adverb the segmenter joins them to (这为
# zhè wèi, 这是 zhè shì); 各, 每, 本 only with nouns and measure words
_DEMONSTRATIVES = frozenset("这那此")
# A preposition apart from the verb or noun it governs where the segmenter joins them (据统计
# jù tǒngjì, 据报道 jù bàodào); 据悉 and 据说 are words
_PREPOSITION_FIRST = frozenset("据")
# ... and an adverb of degree apart from the verb it is joined to (略低于 lüè dīyú)
_ADVERB_FIRST = frozenset("略稍")
# 港 for Hong Kong after a verb or 本, as the segmenter joins them (本港 běn Gǎng, 来港 lái Gǎng)
_HONG_KONG_WORDS = frozenset(f"{c}港" for c in "本来访抵离赴返留在全驻")
# ... and 华, China's, after a verb or a preposition (访华 fǎng Huá, 驻华使节 zhù Huá shǐjié)
_CHINA_WORDS = frozenset(f"{c}华" for c in "访驻来赴对援涉抵离返留旅侵")
# Where these two stand for their places: their written forms
_ABBREVIATED_PLACES = {"港": "Gǎng", "华": "Huá", "非": "Fēi"}  # 对非政策: duì Fēi, Africa
# The head of an office after its office's last character (工业局/局长: the segmenter's 局局长)
_HEADS = frozenset({"局长", "部长", "司长", "处长", "署长", "院长"})
# A level of administration and its government, two words (市政府 shì zhèngfǔ, 省政府)
_LEVEL_GOVERNMENTS = frozenset(f"{level}政府" for level in "省市县区州镇乡")
# 6.3.1: where the name of an institution starts, and the words that end one
_INSTITUTION_STARTS = frozenset({"中国", "国家", "国务院", "全国", "中央", "中华", "世界"})
_INSTITUTION_SUFFIXES = (
    "研究院",
    "研究所",
    "委员会",
    "办公室",
    "中心",
    "大学",
    "学院",
    "银行",
    "协会",
    "公司",
    "集团",
    "大会",
    "会议",  # 中央经济工作会议 Zhōngyāng Jīngjì Gōngzuò Huìyì
    "论坛",
    "组织",
    "联盟",
    "总局",
    "局",
    "部",
    "署",
    "委",
    "院",
    "厅",
    "会",
    "司",  # a department of a ministry (信息通信发展司)
    "所",  # an institute (中科院物理所 Zhōngkēyuàn Wùlǐsuǒ; not 场所, 住所)
    "办",  # an office by its abbreviation (国家网信办 Guójiā Wǎngxìnbàn; not 举办, 创办)
    "发射场",  # a launch site after its place (文昌航天发射场 Wénchāng Hángtiān Fāshèchǎng)
)
# Words of two characters that end on a suffix of one and name an office (not 社会, 布局, 部署)
_OFFICE_WORDS = frozenset(
    {"总局", "分局", "法院", "议院", "学会", "商会", "议会", "国会", "工会", "峰会", "年会", "全会"}
)
# 6.1.7: the adverb 更 apart from a one-syllable adjective (更好 gèng hǎo), as 很 (hěn duō);
# 更加, 更新 and 更换 are words
# In a title (《…》) every word is capitalised but these, after its first (Guānyú … de Yìjiàn)
_TITLE_LOWER = frozenset({"的", "和", "与", "及", "或", "之"})
_MORE = frozenset(f"更{a}" for a in "好多大高快强少小早深广低远佳") | frozenset(
    f"多{a}"
    for a in "高远深宽厚大"  # 多高 "how high": 多 an adverb of degree, duō gāo
)
# Verbs after which 为 is "as, into" (wéi: 转化为, 确立为, 视为, 发展为), not "for" (wèi: 推动为)
_AS_VERBS = frozenset(
    {"转化", "确立", "视", "称", "定", "改", "变", "列", "选", "评", "认", "立", "分", "划", "译"}
    | {"设", "改造", "转变", "升级", "命名", "任命", "选举", "定位", "界定", "归纳", "概括"}
    | {"简称", "统称", "合称", "认定", "设定", "发展", "演变", "成长", "上升", "扩大", "变成"}
    | {"缩小", "降", "升", "划分", "确定", "指定", "评选", "视作", "称作", "誉"}
    | {"蜕变", "转型", "转换", "转", "化", "沦", "折合", "换算", "演化", "进化", "细分", "崛起"}
    | {"跃升", "跃居", "晋升", "升格"}  # 跃升为…力量: "rise to become", wéi
    | {"切割", "分割", "拆分", "分解", "降解", "水解", "裂解"}  # 切割为…片段: "cut into"
)
# 6.1.7: an adverb apart from its verb where jieba joins the two (还要 hái yào, 仅靠 jǐn kào)
_ADVERB_VERB = frozenset(
    {"还要", "还能", "还会", "还将", "还有", "仅靠", "仅有", "仅是", "都有", "都是", "都要", "都能"}
    | {
        "也有",
        "也是",
        "也要",
        "也能",
        "就有",
        "就要",
        "就能",
        "又有",
        "再有",
        "已有",
        "已是",
        "将有",
        "更是",  # 更是全面建成: gèng shì
        "则是",
        "却是",
        "尚需",  # 尚需审议: shàng xū shěnyì
        "尚待",
        "尚须",
    }
)
# Words before 分子 that make it a member of a group (fènzǐ: 危险分子, 少数分子); elsewhere
# jieba's 分子 alone is a molecule (fēnzǐ: 分子机制, 分子水平), its members' words being its own
_OF_PEOPLE = frozenset(
    {"危险", "少数", "个别", "不良", "敌对", "激进", "分裂", "暴力", "违法", "黑恶", "骨干"}
    | {"先进", "落后", "反动", "右派", "左派", "一", "坏", "投机", "极端", "恐怖", "犯罪"}
    | {"知识", "积极", "腐败", "不法", "活跃", "中间", "动摇", "堕落", "顽固", "外围"}
)
# Adverbs after which 为 and a noun phrase is "is" (wéi)
_COPULA_ADVERBS = frozenset({"主要", "分别", "均", "大多", "大都", "多", "皆", "依次", "仍"})
# Words of place that are an attribute before a noun, one word (海上风电 hǎishàng fēngdiàn, 网上
# 商城 wǎngshàng shāngchéng, 线上服务); "on the sea" elsewhere (在海上 zài hǎi shang)
_OFFSHORE = frozenset({"海上", "网上", "线上", "线下"})
