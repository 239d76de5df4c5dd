"""The words the pinyin of running text gives the segmenter (termbase.chinese.segment): words
its dictionary lacks or cuts wrongly, with their part of speech, the bodies it cuts or takes
for people, and the people policy prose names most. The rules that read them are
`termbase.chinese.pinyin_rules`'."""

from __future__ import annotations

# The abbreviated names of the State Council's bodies and of national institutions (6.3.1),
# which jieba cuts, takes for a person (卫健委 as Wèi Jiànwěi) or knows as common words: one
# word each, capitalised as CC-CEDICT's 发改委 Fāgǎiwěi and 中科院 Zhōngkēyuàn are
_BODIES = frozenset(
    {"卫健委", "银保监会", "医保局", "市场监管总局", "金融监管总局", "国台办", "数据局"}
    | {"中科大"}  # the University of Science and Technology of China
    # ministries and administrations without 国家 that jieba cuts into common words
    | {"农业农村部", "生态环境部", "自然资源部", "应急管理部", "退役军人事务部", "海关总署"}
    | {"审计署"}
)

# People policy prose names most, whom jieba's dictionary lists as words and CC-CEDICT does
# not (李强, 王沪宁: a dictionary word tagged as a name is otherwise no evidence, as 蓝图 is
# not): the state's leaders (2023-)
_LEADERS = frozenset(
    {"习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希", "韩正", "王毅", "何立峰"}
    | {"张国清", "刘国中", "吴政隆", "谌贻琴", "李书磊", "陈文清", "石泰峰", "尹力", "李干杰"}
    | {"李克强", "栗战书", "汪洋", "张德江", "俞正声", "刘云山", "张高丽"}  # (2012-2022)
)

# Words the segmenter's dictionary lacks or cuts wrongly, with their part of speech.
_WORDS = (
    ("他国", "n"),
    ("攸关方", "n"),
    ("全人类", "n"),
    ("可持续", "a"),
    ("发展中", "a"),
    ("星地", "n"),
    ("研发院", "n"),  # 香港人工智能研发院: Yánfāyuàn, as 研究院
    ("机械人", "n"),  # Hong Kong's robot: jīxièrén
    ("数位发展部", "nt"),  # Taiwan's Ministry of Digital Affairs: Shùwèi Fāzhǎnbù
    ("明定", "v"),  # Taiwan's "to stipulate" (草案明定: míngdìng)
    ("中小微", "b"),  # 中小微企业: zhōngxiǎowēi qǐyè, as 中小企业 zhōngxiǎo qǐyè
    ("十五五", "j"),  # the 15th Five-Year Plan, one word as 十四五 is: shíwǔwǔ
    ("十三五", "j"),  # the 13th (jieba: 十三/五, shísān wǔ)
    ("十二五", "j"),
    ("大湾区", "ns"),  # 粤港澳/大湾区/三大 (jieba: 大湾/区三大): CC-CEDICT's Yuègǎng'ào Dàwān Qū
    ("超算", "n"),  # supercomputing: 超算算力 chāosuàn suànlì
    ("可再生", "b"),  # 可再生能源: kězàishēng néngyuán (jieba: 可/再生能源)
    ("大数据", "n"),  # big data: dàshùjù (jieba: 大/数据中心)
    ("工信部", "nt"),  # the Ministry of Industry and Information Technology (jieba: 工信/部将)
    ("政产学研", "j"),  # government, industry, academia and research: zhèngchǎnxuéyán
    ("产学研用", "j"),  # industry, academia, research and users: chǎnxuéyányòng
    ("派发", "v"),  # 拟不派发现金红利: pàifā xiànjīn hónglì, not 派/发现/金红利
    ("现金红利", "n"),
    # kinds of machine learning, adjectives before 学习 (a verb to the segmenter)
    ("无监督", "b"),
    ("半监督", "b"),
    ("自监督", "b"),
    ("占比", "n"),  # 应用案例占比: zhànbǐ, a share
    ("月背", "n"),  # the far side of the moon (月球背面): yuèbèi
    ("共赢", "v"),  # 合作、共赢: gòngyíng, as in 合作共赢 (jieba: 共/赢)
    *((body, "nt") for body in _BODIES),
    *((leader, "nr") for leader in _LEADERS),
    ("地球村", "n"),  # the global village: dìqiúcūn (jieba: 地球/村里)
    ("非编码", "b"),  # 长非编码RNA: cháng fēibiānmǎ (jieba's place 长非: zhǎngfēi)
    ("极紫外", "b"),  # extreme ultraviolet: jízǐwài guāngkè (jieba: 极/紫外光/刻)
    ("刻蚀机", "n"),  # an etcher: kèshíjī, as 光刻机 guāngkèjī
    ("泛在", "b"),  # ubiquitous: gāosù fànzài de wǎngluò (jieba: 泛/在)
    ("小体", "n"),  # 炎症小体, an inflammasome: yánzhèng xiǎotǐ (jieba: 小/体)
    ("志贺菌", "n"),  # Shigella: qīnxíxìng zhìhèjūn (jieba: 性志/贺菌, a name)
    ("沙门菌", "n"),  # Salmonella, a common noun of a genus: shāménjūn
    ("线上", "s"),  # online, offline: xiànshàng xiànxià (jieba: 线/上线/下)
    ("线下", "s"),
    ("碳中和", "n"),  # carbon neutrality: tànzhōnghé (jieba: 碳中/和)
    ("碳达峰", "n"),
    ("株高", "n"),  # a plant's height: zhūgāo
    ("供给侧", "n"),  # the supply side: gōngjǐcè jiégòuxìng gǎigé (jieba: 供给/侧)
    ("重农强农", "i"),  # to value and strengthen agriculture: zhòngnóng-qiángnóng
    ("蓬勃", "a"),  # flourishing, jieba's name: an adjective (朝气蓬勃, 蓬勃发展)
    ("油菜素", "n"),  # brassin: yóucàisù nèizhǐ
    ("外源", "b"),  # exogenous: duì wàiyuán GA (jieba: 对外/源)
    ("灰霾", "n"),  # haze: huīmái, wùmái (jieba: 雾/霾)
    ("雾霾", "n"),
    ("忽略", "v"),  # jieba's adverb: hūlüèle, a verb and its 了
    ("分子束", "n"),  # a molecular beam: fēnzǐshù wàiyán (jieba: 分子/束, 束 a name)
    ("极耳", "n"),  # a battery's tab: wú jí'ěr (jieba: 无极/耳, 无极 a place)
    ("抓总", "v"),  # to take overall charge: zhuāzǒng yánzhì (Xiandai Hanyu Cidian)
    ("早高峰", "n"),  # the morning and evening rush hours, as Xiandai Hanyu Cidian writes them
    ("晚高峰", "n"),
    # new-energy vehicles: 充电桩 chōngdiànzhuāng (jieba: 充电/桩), 换电站, 充换电; 零部件
    # língbùjiàn (jieba: an mq, read as the numeral 零 and 部件)
    ("充电桩", "n"),
    ("换电站", "n"),
    ("充换电", "vn"),
    ("零部件", "n"),
    ("综合性能", "n"),  # two words (below); jieba cuts 综合性/能
)
