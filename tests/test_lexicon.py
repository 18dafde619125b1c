"""The label lexicon and the unit grammar as data: every term of `label_lexicon.csv` maps to its metric,
the Hong Kong, mainland and Taiwan wordings of one KPI map alike, and the look-alikes of the corpus
README never map. Adding a synonym is one CSV row; `test_every_exact_term_maps_to_its_metric` then
checks it (and a pattern gets a line in WORDINGS)."""

from __future__ import annotations

import csv
import re

import pytest

from ingest.config import SEEDS_DIR
from ingest.map.lexicon import lexicon, map_label, matching_entries, some_term_matches
from ingest.map.normalize import normalize_label
from ingest.map.pattern_start import first_chars
from ingest.map.reference import metrics
from ingest.map.units import conversion_factor, is_unit_alone
from ingest.read.rows import Layout, build_row
from ingest.read.text import CharMap, arabic_counts, fold

# A printed unit for each canonical unit, to ask the lexicon about a term alone.
PRINTED_UNIT = {
    "tCO2e": "噸二氧化碳當量",
    "tCO2e/CNY_mn": "噸二氧化碳當量/百萬元",
    "tCO2e/person": "噸二氧化碳當量/人",
    "kg": "千克",
    "t": "噸",
    "MWh": "兆瓦時",
    "MWh/CNY_mn": "兆瓦時/百萬元",
    "m3": "立方米",
    "m3/CNY_mn": "立方米/百萬元",
    "persons": "人",
    "pct": "%",
    "h": "小時",
    "h/person": "小時",
    "days": "天",
    "count": "件",
    "CNY": "萬元",
}


def _lexicon_rows() -> list[dict[str, str]]:
    with open(SEEDS_DIR / "label_lexicon.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    "row", [row for row in _lexicon_rows() if row["match"] == "exact"], ids=lambda row: row["term"]
)
def test_every_exact_term_maps_to_its_metric(row: dict[str, str]) -> None:
    unit = PRINTED_UNIT[metrics()[row["metric_code"]].canonical_unit]
    match = map_label(row["term"], row["requires_context"] or "", unit)
    assert match is not None and match.metric_code == row["metric_code"], (row, match)


# (label as printed, context, unit, metric): wordings of Hong Kong (Traditional), mainland
# (Simplified), Taiwan and English reports for the same KPI.
WORDINGS = [
    ("類別3～類別6 合計", "", "公噸CO2e", "ghg_scope3"),
    ("每位員工之類別1+類別2 排放量", "", "公噸CO2e/人", "ghg_intensity_employee"),
    ("平均每人訓練時數", "", "小時／人", "training_hours_per_employee"),
    ("關鍵績效指標B1.2 僱員流失比率", "", "%", "employee_turnover_rate"),
    ("慈善捐款及社區投資", "", "人民幣千元", "community_donations"),
    ("現金及實物捐贈", "", "港元", "community_donations"),  # both kinds: the whole
    (
        "排放密度（每百萬元人民幣收入）",
        "",
        "噸二氧化碳當量／人民幣百萬元",
        "ghg_intensity_revenue",
    ),  # its denominator named
    ("共受理客户投诉", "", "件", "customer_complaints"),
    ("A2.2 耗水强度", "", "吨/万元", "water_intensity_revenue"),
    ("能源间接排放（范围二，基于位置）", "", "万吨二氧化碳当量", "ghg_scope2"),
    ("每亿元营业收入温室气体排放量（范围一及范围二）", "", "吨二氧化碳当量/亿元", "ghg_intensity_revenue"),
    ("客户投诉受理量", "", "件", "customer_complaints"),
    ("經判決確定之貪腐相關法律訴訟案件", "", "件", "corruption_cases_concluded"),
    ("共受理客戶抱怨", "", "件", "customer_complaints"),
    ("合作中之供應商", "", "家", "suppliers_total"),
    ("溫室氣體排放總量（不含範圍三）", "", "噸二氧化碳當量", "ghg_scope1_2"),
    ("温室气体排放总量（范围三除外）", "", "吨二氧化碳当量", "ghg_scope1_2"),
    ("Total GHG emissions (excluding Scope 3)", "", "tCO2e", "ghg_scope1_2"),
    ("有關物業管理及酒店服務的投訴", "", "宗", "customer_complaints"),
    ("共接獲有關產品及服務的投訴", "", "宗", "customer_complaints"),
    ("範圍一溫室氣體排放", "", "噸二氧化碳當量", "ghg_scope1"),
    ("直接排放量(范围一)", "", "吨二氧化碳当量", "ghg_scope1"),
    ("範疇一", "溫室氣體排放", "公噸CO2e", "ghg_scope1"),
    ("Scope 1 emissions", "", "tCO2e", "ghg_scope1"),
    ("能源間接溫室氣體排放(範圍二)", "", "噸二氧化碳當量", "ghg_scope2"),
    ("溫室氣體排放總量（範圍一及範圍二）", "", "噸二氧化碳當量", "ghg_scope1_2"),
    ("温室气体排放总量(范畴一+范畴二)", "", "万吨二氧化碳当量", "ghg_scope1_2"),
    ("温室气体排放强度", "", "吨二氧化碳当量/万元营收", "ghg_intensity_revenue"),
    ("人均溫室氣體排放量(範圍一、二)", "", "噸二氧化碳當量/人", "ghg_intensity_employee"),
    ("二氧化硫排放量", "", "吨", "sox_emissions"),
    ("懸浮粒子", "", "千克", "pm_emissions"),
    ("危险废物产生量", "", "吨", "hazardous_waste"),
    ("有害廢棄物(醫療廢棄物)總量", "", "噸", "hazardous_waste"),
    ("無害廢棄物總產生量", "", "千克", "non_hazardous_waste"),
    ("外購電力", "", "千瓦時", "electricity_purchased"),
    ("全年傳統電力消耗總量", "", "萬度", "electricity_purchased"),
    ("綜合能源消耗量", "", "噸標準煤", "energy_total"),
    ("能源消費總量", "", "兆瓦時", "energy_total"),
    ("能源總使用量", "", "GJ", "energy_total"),  # Taiwan: 使用 as well as 消耗
    ("总能源耗用量", "", "兆瓦时", "energy_total"),
    ("女性同仁占全體員工之比例", "", "%", "employees_female_pct"),
    ("女性员工占全体员工的比例", "", "%", "employees_female_pct"),
    ("對外捐贈款物合計", "", "萬元", "community_donations"),  # money and goods: the whole donation
    ("捐款捐物合计", "", "万元", "community_donations"),
    ("離職員工比率", "", "%", "employee_turnover_rate"),  # `離職員工` under a `比率` sub-column
    ("流失僱員百分比", "", "%", "employee_turnover_rate"),
    ("直接能源總消耗量", "", "吨标准煤", "energy_direct"),
    ("單位營業收入能耗", "", "噸標準煤/萬元", "energy_intensity_revenue"),
    ("總耗水量", "", "立方米", "water_consumption"),
    ("水源消耗總量", "", "立方米", "water_consumption"),
    ("耗水密度", "", "立方米/營業收入(人民幣萬元)", "water_intensity_revenue"),
    ("包裝材料使用總量", "", "噸", "packaging_material"),
    ("製成品所用包裝材料的總量", "", "噸", "packaging_material"),
    ("僱員總數", "", "人", "employees_total"),
    ("在岗员工总人数", "", "人", "employees_total"),
    ("女性", "按性別劃分", "人", "employees_female"),
    ("女性員工佔比", "", "%", "employees_female_pct"),
    ("女性", "本集團共有5,236名僱員，其中約64%為女性", "%", "employees_female_pct"),  # 僱員 as 員工
    ("員工流失率", "", "%", "employee_turnover_rate"),
    ("受訓僱員百分比", "", "%", "employees_trained_pct"),
    ("員工受訓總時數", "", "小時", "training_hours_total"),
    ("每名員工每年接受培訓的平均時長", "", "小時/年", "training_hours_per_employee"),
    ("因工死亡人數", "", "人", "work_related_fatalities"),
    ("因工傷損失工作日數", "", "天", "lost_days_work_injury"),
    ("供應商總數", "", "家", "suppliers_total"),
    ("供應商總數", "三、社會績效 / 員工與培訓", "家", "suppliers_total"),  # training is the caption's other subject
    ("客戶投訴數量", "", "件", "customer_complaints"),
    ("收到有效客戶投訴", "", "件", "customer_complaints"),
    ("所接獲的投訴數目", "", "宗", "customer_complaints"),
    ("新鮮水用量", "", "噸", "water_consumption"),
    ("對外捐贈總額", "", "萬元", "community_donations"),
    ("志願服務時數", "", "小時", "volunteer_hours"),
    ("研發投入", "", "億元", "rd_investment"),
    ("營業收入", "", "億元", "revenue"),
    ("董事會成員人數", "", "人", "board_size"),
    ("女性董事人數", "", "人", "board_female"),
    ("獨立非執行董事人數", "", "人", "board_independent"),
    ("已審結的貪污訴訟案件數目", "", "件", "corruption_cases_concluded"),
    # Taiwan wordings (label_synonyms: 訓練 = 培訓, 志工 = 志願者, 職業災害 = 工傷, 事業廢棄物)
    ("員工平均訓練時數", "", "小時", "training_hours_per_employee"),
    ("志工服務時數", "", "小時", "volunteer_hours"),
    ("職業災害死亡人數", "", "人", "work_related_fatalities"),
    ("失能傷害損失日數", "", "天", "lost_days_work_injury"),
    ("有害事業廢棄物", "", "公噸", "hazardous_waste"),
    ("溫室氣體排放量（範疇一）", "", "公噸CO2e", "ghg_scope1"),
    # Hong Kong (HKEX guide) wordings
    ("每名僱員完成受訓的平均時數", "", "小時", "training_hours_per_employee"),
    ("每名僱員平均受訓", "", "小時", "training_hours_per_employee"),  # the time noun is the unit's
    ("義工服務時數", "", "小時", "volunteer_hours"),
    ("教職員參與義工服務", "", "小時", "volunteer_hours"),
    ("員工志願服務", "", "小時", "volunteer_hours"),
    ("員工共參與志願服務", "", "小時", "volunteer_hours"),  # an adverb between the staff and the verb
    ("僱員", "本集團共有僱員1,512名", "人", "employees_total"),
    ("本集團產生的廢棄物", "", "噸", "total_waste"),
    ("供應商總數", "B5 按地區劃分的供應商數目", "家", "suppliers_total"),  # the total row of a breakdown
    ("員工培訓總時長", "公司構建線上線下融合培訓體系", "萬小時", "training_hours_total"),  # not online only
    ("年內所產生的固體廢物總量", "", "噸", "total_waste"),
    ("排放密度", "", "噸二氧化碳當量/名僱員", "ghg_intensity_employee"),  # the unit says what is emitted
    ("Total GHG emissions (Scope 1 and 2)", "", "tCO2e", "ghg_scope1_2"),
    ("僱員總數", "表 4：僱員數目及流失率", "人", "employees_total"),  # a table of headcount and turnover
    ("每名僱員平均受訓時數", "表 5：健康、安全及培訓", "小時", "training_hours_per_employee"),  # not safety training
    ("女性员工占比", "多元化与流失", "%", "employees_female_pct"),  # diversity and turnover: not of leavers
    ("男性", "表 4：僱員數目及流失率 / 按性別劃分", "人", "employees_male"),  # headcount and turnover
    ("萬元營業收入耗水量", "", "立方米/萬元", "water_intensity_revenue"),
    ("男性", "僱傭 / B1.1", "persons", "employees_male"),  # under HKEX's employment aspect
    ("客戶申訴案件", "", "件", "customer_complaints"),  # Taiwan
    ("外購電力用電量", "", "千度", "electricity_purchased"),  # Taiwan
    ("員工職災死亡", "", "人", "work_related_fatalities"),  # Taiwan
    ("賓客投訴", "", "宗", "customer_complaints"),  # a hotel's customers
    ("業主投訴數量", "", "宗", "customer_complaints"),  # a property manager's
    ("乘客投訴件數", "", "件", "customer_complaints"),  # a carrier's
    ("因職業傷害損失工作日數", "", "日", "lost_days_work_injury"),
    ("範疇二－地區基準（公噸CO2e）", "溫室氣體排放", "公噸CO2e", "ghg_scope2"),  # location-based
    ("直接能源小計", "", "GJ", "energy_direct"),  # the subtotal of a KPI is its total
    ("每人平均排放量（範疇一＋範疇二）", "", "公噸CO2e/人", "ghg_intensity_employee"),
]


@pytest.mark.parametrize(("label", "context", "unit", "metric"), WORDINGS, ids=lambda value: str(value))
def test_wordings_of_one_kpi_map_alike(label: str, context: str, unit: str, metric: str) -> None:
    match = map_label(label, context, unit)
    assert match is not None and match.metric_code == metric, match


# The look-alikes the corpus README lists: other KPIs, partial figures, breakdowns.
LOOK_ALIKES = [
    ("承攬商職災死亡", "", "人", "a contractor's fatality is no employee's"),
    ("承攬商失能傷害損失日數", "", "日", "a contractor's lost days are no employee's"),
    ("派遣船員因工亡故人數", "", "人", "agency (dispatched) workers are no employees"),
    ("實物捐贈", "", "港元", "goods alone are part of what was given"),
    ("員工投訴", "", "宗", "an employee's grievance is no customer's complaint"),
    ("類別3 運輸之間接排放", "", "公噸CO2e", "one category of other indirect emissions: no scope-3 total"),
    ("有關食品安全的投訴", "", "宗", "complaints of one kind: a subset of all complaints"),
    ("總取水量", "", "噸", "withdrawal is not consumption"),
    ("一般工業固體廢物產生量", "", "噸", "general industrial solid waste is not non-hazardous waste"),
    ("溫室氣體排放總量（範圍一、二及三）", "", "噸二氧化碳當量", "a scope-3-inclusive total"),
    ("溫室氣體排放總量（範圍一、二及三）強度", "", "噸二氧化碳當量/百萬元", "a scope-3-inclusive intensity"),
    ("溫室氣體排放總量", "溫室氣體排放（包含範圍三）", "噸二氧化碳當量", "a total its heading says holds scope 3"),
    ("溫室氣體排放總量（不含範圍三）", "", "%", "a share"),
    ("光伏發電量", "", "千瓦時", "self-generated power"),
    ("萬元產值綜合能耗", "", "噸標準煤/萬元", "per output value, not per revenue"),
    ("單位產品能耗", "", "噸標準煤/噸", "per product"),
    ("安全培訓總時長", "", "小時", "topic-specific training"),
    ("員工培訓總時長", "", "學時", "class periods are no hours"),
    ("因工傷損失工時", "", "小時", "lost hours are no lost days"),
    ("每百萬營收因工傷損失工作日數", "", "天", "a rate per revenue"),
    ("女性", "人均受訓時長 / 按性別劃分", "人", "a gender row of a training table"),
    ("女性", "董事會", "%", "a board share"),
    ("貪污腐敗事件數量", "", "件", "incidents are not concluded legal cases"),
    ("鄉村振興投入", "", "萬元", "rural revitalisation is not a donation"),
    ("員工流失率", "按性別劃分 / 女性", "%", None),
    ("子公司員工總數", "", "人", "a subsidiary"),
    ("人均培訓", "", "次", "sessions are no hours"),
    ("2030年溫室氣體排放總量目標", "", "噸二氧化碳當量", "a target"),
    ("合計", "供應商審核情況", "家", "audited suppliers are not all suppliers"),
]


@pytest.mark.parametrize(("label", "context", "unit", "why"), LOOK_ALIKES, ids=lambda value: str(value))
def test_look_alikes_never_map(label: str, context: str, unit: str, why: str | None) -> None:
    match = map_label(label, context, unit)
    if why is None:  # `員工流失率` under a breakdown heading is still the rate: the label decides
        assert match is not None
        return
    assert match is None, (why, match)


@pytest.mark.parametrize(
    ("printed", "unit", "metric"),
    [
        ("直接能源消耗量合計", "兆瓦時", "energy_direct"),
        ("间接能源消耗总计：", "吉焦", "energy_indirect"),
        ("合計", "兆瓦時", None),  # a bare total row needs its table's context
        ("溫室氣體排放量小計", "噸二氧化碳當量", None),  # a subtotal is of a part
    ],
)
def test_a_label_closed_by_a_total_word_reads_as_the_total(printed: str, unit: str, metric: str | None) -> None:
    row = build_row(
        layout=Layout.TABLE, source_line=1, label_line=1, labels=[(printed, printed)], section="",
        raw_value="1", unit=unit, fiscal_year=2024,
    )  # fmt: skip
    assert row.metric_code == metric


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [
        ("1. 員工總數³", "员工总数"),
        ("（一）溫室氣體排放總量", "温室气体排放总量"),
        ("其中：女性員工", "女性员工"),
        ("- 直接能源消耗量", "直接能源消耗量"),
        ("員工流失率*", "员工流失率"),
        ("【範圍一】", "(范围一)"),
        ("1.4 外购电力", "外购电力"),  # outline numbering of a template's indicator rows
        ("2.10 员工培训总时长", "员工培训总时长"),
        ("範疇一排放量 GRI 305-1", "范畴一排放量"),  # a web grid prints the GRI disclosure beside the label
    ],
)
def test_label_normalisation_happens_once_before_lookup(printed: str, normalised: str) -> None:
    assert normalize_label(printed) == normalised


@pytest.mark.parametrize(
    ("unit", "canonical", "factor"),
    [
        ("萬噸二氧化碳當量", "tCO2e", 10_000),
        ("立方公尺", "m3", 1),  # Taiwan
        ("千立方公尺", "m3", 1_000),
        ("公秉", "m3", 1),
        ("千克二氧化碳當量/萬元", "tCO2e/CNY_mn", 0.1),
        ("噸標煤每百萬營收", "MWh/CNY_mn", 8.141),
        ("千千瓦時", "MWh", 1),
        ("萬度", "MWh", 10),
        ("kWh/ 百萬元", "MWh/CNY_mn", 0.001),
        ("千瓦時/營業收入(人民幣萬元)", "MWh/CNY_mn", 0.1),
        ("噸/億元營收", "m3/CNY_mn", 0.01),
        ("千噸", "m3", 1000),
        ("萬立方米", "m3", 10_000),
        ("人民幣億元", "CNY", 100_000_000),
        ("小時/年", "h/person", 1),
        ("人天", "days", 1),
        ("噸二氧化碳當量/萬元產值", "tCO2e/CNY_mn", None),
        ("噸標準煤/噸鋼", "MWh/CNY_mn", None),
        ("學時", "h", None),
        ("t", "kg", 1000),  # air emissions in tonnes
        ("tonnes", "t", 1),  # English units of bilingual reports
        ("TJ", "MWh", 277.777777778),  # a mining group's energy
        ("tCO2e/employee", "tCO2e/person", 1),
        ("HK$'000", "CNY", 1000),  # thousands of a currency (converted at a stated rate, or kept out)
        ("RMB'000", "CNY", 1000),
    ],
)
def test_units_are_read_as_a_grammar(unit: str, canonical: str, factor: float | None) -> None:
    got = conversion_factor(unit, canonical)
    assert (got is None and factor is None) or got == pytest.approx(factor), got


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"^(总计|合计)$", {"总", "合"}),
        (r"(?<=范围)[li|](?![a-z])", {"l", "i", "|"}),
        (r"(碳|ghg)?排放", {"碳", "g", "排"}),
        (r"^(?!.*总)(温室|[a-c])*排", {"温", "a", "b", "c", "排"}),
        (r"\d+吨", None),  # a category: any digit
        (r"(总)?", None),  # may match the empty string
    ],
)
def test_first_chars_of_a_pattern(pattern: str, chars: set[str] | None) -> None:
    found = first_chars(re.compile(pattern))
    assert found == (frozenset(chars) if chars is not None else None)


def test_lexicon_patterns_are_tried_by_first_char_as_if_all_were() -> None:
    """Skipping the patterns whose first characters a label lacks finds the same entries."""
    exact, patterns = lexicon()
    labels = [*exact, *(normalize_label(label) for label, *_ in WORDINGS), "范围一和范围二排放强度", "总计", ""]
    for label in labels:
        every = [*exact.get(label, ()), *(entry for entry in patterns if entry.pattern.search(label))]
        assert matching_entries(label) == tuple(every)


@pytest.mark.parametrize(
    ("label", "context", "unit"),
    [
        ("員工總數", "", "人"),
        ("僱員總數", "社會關鍵績效", "名"),
        ("公司簡介", "員工總數 / 溫室氣體排放", "人"),
        ("關於本報告", "", "次"),
        ("", "員工總數", "人"),
    ],
)
def test_a_label_no_term_matches_maps_to_nothing_whatever_its_context(label: str, context: str, unit: str) -> None:
    """Readers skip building a figure's context for such a label: that is only right if it never maps."""
    mapped = map_label(label, context, unit) is not None
    assert some_term_matches(label) or not mapped
    assert some_term_matches(label) == (label in ("員工總數", "僱員總數"))


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("千瓦時", True),
        ("噸二氧化碳當量", True),
        ("千瓦時的電力供應", False),
        ("公司", False),
        ("噸" + "。" * 40, False),
    ],
)
def test_a_unit_alone_is_a_unit_and_nothing_else(text: str, alone: bool) -> None:
    assert is_unit_alone(text) is alone


@pytest.mark.parametrize("text", ["無需轉換的標籤", "排放總量（噸）³", "【範圍一】", "", "Scope 1", "１２３．５"])
def test_char_map_translates_as_str_translate_does(text: str) -> None:
    """CharMap skips translate for a text with none of its characters; the result must not change."""
    source, target, delete = "（）【】０１２３５．", "()()01235.", "³"
    assert CharMap(source, target, delete)(text) == text.translate(str.maketrans(source, target, delete))


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("董事會由九名董事組成", "董事會由9名董事組成"),
        ("其中兩名為女性", "其中2名為女性"),
        ("十二名", "12名"),
        ("二十三位", "23位"),
        ("零宗", "0宗"),
        ("每一名員工", "每一名員工"),  # each, not a count
        ("第一名", "第一名"),  # an ordinal
        ("一起", "一起"),  # no classifier of persons or cases
    ],
)
def test_small_counts_spelt_out_are_read_as_numbers(printed: str, read: str) -> None:
    assert arabic_counts(printed) == read


def test_fold_is_simplified_half_width_lower_case_without_spaces() -> None:
    assert fold("溫室氣體 排放總量（噸）　Scope\u00a01") == "温室气体排放总量(吨)scope1"
    assert fold("【範圍１】") == "[范围1]"
