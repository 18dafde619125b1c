"""Parser unit tests on small texts written here (not the seeds)."""

from __future__ import annotations

import pytest
from conftest import mapped_rows

from ingest.map.currency import stated_rates
from ingest.map.lexicon import map_label
from ingest.map.units import conversion_factor
from ingest.read.markup import keeps_its_digit
from ingest.read.metadata import extract_metadata
from ingest.read.parser import parse_report
from ingest.read.scope import Companies, sentence_scope
from ingest.read.selection import primary_rows
from ingest.read.text import fiscal_years, roc_years_of, width
from ingest.read.text_headers import parse_header

HEAD_TRAD = (
    "2023\n環境、社會及管治報告\n\n示例醫療有限公司\n股份代號：1234\n報告時間範圍：2023年1月1日至2023年12月31日\n\n"
)
HEAD_SIMP = "示例健康股份有限公司\n2024年度环境、社会和公司治理报告\n股票代码:300123.SZ\n本报告涵盖期间为2024年1月1日至2024年12月31日。\n\n"


def facts(text: str) -> dict[tuple[str, int], float]:
    return {
        (row.metric_code, row.fiscal_year): row.reported_value * row.unit_factor
        for row in primary_rows(parse_report(text).rows)
    }


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("指標 單位 2023 年數據 2022 年數據 2021 年數據", [2023, 2022, 2021]),
        ("指標 單位 2023 年數據 2024 年數據", [2023, 2024]),
        ("指标\t单位\t2024年", [2024]),
        ("  排放範疇                單位        113年        112年        111年", [2024, 2023, 2022]),  # Taiwan
        ("指標名稱 單位 2022年 2021年 2020年", [2022, 2021, 2020]),
    ],
)
def test_header_names_years_in_either_order(line: str, years: list[int]) -> None:
    columns = parse_header(line)
    assert columns is not None
    assert [column.fiscal_year for column in columns] == years


@pytest.mark.parametrize(
    "line",
    [
        "2023 年大事記",
        "本報告涵蓋 2023 年",
        "溫室氣體排放 2023 2022",
        "2023年12月31日",
        "2023年，本公司 數據 2023年 2022年",  # a clause mark outside brackets: prose, whatever follows
        "指標 2023年 2022年。",
    ],
)
def test_non_headers_are_not_headers(line: str) -> None:
    assert parse_header(line) is None


def test_a_clause_mark_inside_a_unit_bracket_keeps_a_header() -> None:
    columns = parse_header("指標 數量（人、次） 比例（%）")
    assert columns is not None
    assert [column.unit for column in columns] == ["人、次", "%"]


def test_three_year_table_in_traditional_script() -> None:
    text = HEAD_TRAD + (
        "指標 單位 2023 年數據 2022 年數據 2021 年數據\n"
        "直接溫室氣體排放量（範疇一） 噸二氧化碳當量 1,204.5 998 /\n"
        "外購電力消耗量 兆瓦時 121.500 129.480 116.000\n"
    )
    got = facts(text)
    assert got[("ghg_scope1", 2023)] == pytest.approx(1204.5)
    assert got[("ghg_scope1", 2022)] == pytest.approx(998)
    assert ("ghg_scope1", 2021) not in got, "'/' means not disclosed, never zero"
    assert got[("electricity_purchased", 2022)] == pytest.approx(129.48)


def test_not_disclosed_markers_give_no_observation() -> None:
    text = HEAD_SIMP + "指标\t单位\t2024年\t2023年\t2022年\n员工总人数\t人\t-\t—\tN/A\n总耗水量\t吨\t不适用\t12\t/\n"
    got = facts(text)
    assert ("employees_total", 2024) not in got
    assert got == {("water_consumption", 2023): 12.0}


def test_units_convert_to_canonical() -> None:
    text = HEAD_SIMP + (
        "指标\t单位\t2024年\n"
        "用电量\t千瓦时\t567,700\n"
        "综合能耗\t吨标煤\t71.51\n"
        "研发投入\t万元\t2,984.99\n"
        "温室气体排放强度\t吨二氧化碳当量/万元\t0.0086\n"
    )
    got = facts(text)
    assert got[("electricity_purchased", 2024)] == pytest.approx(567.7)
    assert got[("energy_total", 2024)] == pytest.approx(71.51 * 8.141)
    assert got[("rd_investment", 2024)] == pytest.approx(29_849_900)
    assert got[("ghg_intensity_revenue", 2024)] == pytest.approx(0.86)


def test_footnote_marker_glued_to_label_is_not_a_value() -> None:
    text = HEAD_SIMP + "指标 单位 2024年 2023年\n综合能源消耗量4 千克标煤 1,000 2,000\n"
    rows = parse_report(text).observations
    assert {row.raw_label for row in rows} == {"综合能源消耗量"}
    assert sorted(row.reported_value for row in rows) == [1000.0, 2000.0]


def test_sub_rows_take_their_section_context() -> None:
    text = HEAD_TRAD + (
        "指標 單位 2023 年數據 2022 年數據\n"
        "員工總數 人 742 605\n"
        "\t\t女性員工 人 492 380\n"
        "總員工流失率 % 28 33\n"
        "\t\t女性員工流失率 % 29 33\n"
        "員工培訓\n"
        "指標 單位 2023 年數據 2022 年數據\n"
        "受訓員工中女性占比 % 66.3 62.8\n"
    )
    got = facts(text)
    assert got[("employees_female", 2023)] == 492
    assert got[("employee_turnover_rate", 2023)] == 28
    assert ("employees_female_pct", 2023) not in got, "share of trainees is not share of the workforce"


def test_wrapped_label_with_values_on_a_later_line() -> None:
    text = HEAD_TRAD + (
        "指標名稱 單位 2023 年數據 2024 年數據\n綜合能源消耗密度\n千克標煤/營業收入（萬元）\n0.23 0.16\n"
    )
    got = facts(text)
    assert got[("energy_intensity_revenue", 2023)] == pytest.approx(0.23 * 0.008141 * 100)


def test_unit_header_table_uses_report_year() -> None:
    text = HEAD_TRAD + "指標 單位（人） 比例（%）\n董事會成員數量 9 100\n女性董事數量 3 33.33\n"
    got = facts(text)
    assert got == {("board_size", 2023): 9.0, ("board_female", 2023): 3.0}


def test_page_numbers_and_years_outside_tables_are_ignored() -> None:
    text = HEAD_TRAD + "目錄\n關於本報告 1\n員工總數 2\n2023\n33\n"
    assert parse_report(text).rows == []


def test_metadata_of_a_non_calendar_fiscal_year() -> None:
    text = "示例健康信息技術有限公司\n報告時間跨度為2021年4月1日至2022年3月31日（「報告期」）。\n"
    meta = extract_metadata(text)
    assert meta.company_name == "示例健康信息技術有限公司"
    assert meta.fiscal_year == 2022
    assert str(meta.period_end) == "2022-03-31"
    assert meta.script == "traditional"


def test_metadata_stock_code_and_script() -> None:
    meta = extract_metadata(HEAD_SIMP)
    assert (meta.stock_code, meta.exchange, meta.script) == ("300123", "SZSE", "simplified")


@pytest.mark.parametrize(
    ("unit", "canonical", "factor"),
    [
        ("噸", "t", 1.0),
        ("千克", "kg", 1.0),
        ("噸", "kg", 1000.0),
        ("千瓦時", "MWh", 0.001),
        ("吉焦", "MWh", 1 / 3.6),
        ("萬元", "CNY", 1e4),
        ("噸二氧化碳當量 /人", "tCO2e/person", 1.0),
        ("千克標煤/營業收入（萬元）", "MWh/CNY_mn", 0.008141 * 100),
        ("吨 / 百万元人民币收入", "t/CNY_mn", 1.0),
        ("tCO2e/RMB million revenue", "tCO2e/CNY_mn", 1.0),  # an English table's unit column
        ("MWh/RMB mn", "MWh/CNY_mn", 1.0),
        ("number", "count", 1.0),
        ("%", "persons", None),
    ],
)
def test_conversion_factors(unit: str, canonical: str, factor: float | None) -> None:
    got = conversion_factor(unit, canonical)
    if factor is None:
        assert got is None
    else:
        assert got == pytest.approx(factor)


def test_footnote_between_label_and_unit_and_topic_training_context() -> None:
    text = HEAD_TRAD + (
        "知識產權培訓\n"
        "指標名稱 單位 2023 年數據 2024 年數據\n"
        "培訓總時長 18 小時 16.5 1,000\n"
        "員工健康與安全\n"
        "指標名稱 單位 2023 年數據 2024 年數據\n"
        "因工亡故人數 人 0 0\n"
    )
    rows = parse_report(text).rows
    assert all(row.reported_value != 18 for row in rows), "a footnote marker is never a value"
    assert {row.raw_label for row in rows} == {"培訓總時長", "因工亡故人數"}
    got = facts(text)
    assert ("training_hours_total", 2023) not in got, "IP training hours are not all-employee training hours"
    assert got[("work_related_fatalities", 2023)] == 0
    assert ("work_related_fatalities", 2024) not in got  # a year after the report's (a 2023 report) is none


def test_report_year_comes_from_the_title_not_an_earlier_mention_of_a_report() -> None:
    text = "本报告说明\n示例健康股份有限公司\n2024年度环境、社会和公司治理报告\n2019年成立\n2019年上市\n"
    assert extract_metadata(text).report_year == 2024


def test_company_name_on_its_own_line_keeps_a_conjunction_inside_it() -> None:
    text = "# 安和醫藥集團有限公司\n\n本報告由安和醫藥集團有限公司發佈。\n報告期間為2023年4月1日至2024年3月31日。\n"
    assert extract_metadata(text).company_name == "安和醫藥集團有限公司"


def test_traditional_and_simplified_spellings_give_one_company_key() -> None:
    traditional = extract_metadata("醫脈通科技有限公司\n2023 環境、社會及管治報告\n")
    simplified = extract_metadata("医脉通科技有限公司\n2024 环境、社会及管治报告\n")
    assert traditional.company_name != simplified.company_name
    assert traditional.company_key == simplified.company_key == "医脉通科技有限公司"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Both levels dated: the earlier one is that year's, the later one the report's.
        (
            "截至2023年12月31日，僱員人數由2022年的1,204人增至2023年的1,318人。",
            {("employees_total", 2022): 1204, ("employees_total", 2023): 1318},
        ),
        (
            "無害廢棄物從上年度的85.2噸減少至76.4噸。",
            {("non_hazardous_waste", 2022): 85.2, ("non_hazardous_waste", 2023): 76.4},
        ),
        # An earlier level of no stated year is no level of any year: the later one is the report's.
        ("董事會女性董事人數由1名增加至2名。", {("board_female", 2023): 2}),
        # The change itself (`增加86人`) is no level, and a later level in a later year is a target.
        ("員工人數由1,204人增加86人至1,290人。", {}),
        ("用水量由2022年的5,000立方米下降至2030年的4,000立方米。", {("water_consumption", 2022): 5000}),
    ],
)
def test_a_change_from_one_level_to_another_dates_each_level(sentence: str, expected: dict) -> None:
    assert facts(HEAD_TRAD + "## 關鍵數據\n\n" + sentence + "\n") == expected


def test_the_earlier_level_of_a_change_in_a_march_fiscal_year_is_the_fiscal_year_before() -> None:
    head = "示例教育集團有限公司\n2024年度環境、社會及管治報告\n報告期間：2023年4月1日至2024年3月31日\n\n"
    got = facts(head + "## 僱傭\n\n僱員人數從上年度的1,204人增至1,318人。\n")
    assert got == {("employees_total", 2023): 1204, ("employees_total", 2024): 1318}


def test_source_lines_count_newlines_only_across_pdf_page_breaks() -> None:
    """`pdftotext` starts every page with a form feed: it is no line break of the file."""
    text = HEAD_TRAD + "\f2\n\f本年度外購電力消耗量為1,234.5兆瓦時。\n\f3 某某集團\n\f員工總數為2,468人。\n"
    rows = {row.metric_code: row for row in parse_report(text).rows if row.metric_code}
    lines = text.split("\n")
    for code, printed in (("electricity_purchased", "1,234.5"), ("employees_total", "2,468")):
        assert printed in lines[rows[code].source_line - 1], code


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("（2023/24財政年度：63宗）", "（2024財政年度：63宗）"),
        ("FY2023/24年度", "2024年度"),
        ("於2024-25年度", "於2025年度"),
        ("2023/25年度", "2023/25年度"),  # no fiscal year: a span
        ("2023/24", "2023/24"),  # no year word: maybe a date or a ratio
    ],
)
def test_a_split_fiscal_year_is_the_year_it_ends_in(printed: str, read: str) -> None:
    assert fiscal_years(printed) == read


def test_prior_figures_of_a_split_fiscal_year_in_a_march_report() -> None:
    text = (
        "示例服務控股有限公司\n截至2025年3月31日止年度環境、社會及管治報告\n"
        "報告期間：2024年4月1日至2025年3月31日（「2024/25財政年度」）。\n\n"
        "本年度，本集團共接獲57宗有關物業管理服務的投訴（2023/24財政年度：63宗）。\n"
        "本集團於2023/24財政年度的耗水量為255,960立方米。\n"
    )
    assert facts(text) == {
        ("customer_complaints", 2025): 57,
        ("customer_complaints", 2024): 63,
        ("water_consumption", 2024): 255_960,
    }


def test_taiwan_prose_with_roc_years_group_subjects_and_board_terms() -> None:
    text = (
        "示例精密科技股份有限公司\n113年度永續報告書\n報告期間：113年1月1日至113年12月31日。\n\n"
        "本公司第十一屆董事會由9位董事組成，其中獨立董事3位、女性董事2位。\n"
        "113年度本公司及子公司未發生經判決確定之貪腐相關法律訴訟案件，共計0件。\n"
        "截至113年底，本公司合作中之供應商共計486家。\n"
    )
    assert facts(text) == {
        ("board_size", 2024): 9,
        ("board_independent", 2024): 3,
        ("board_female", 2024): 2,
        ("corruption_cases_concluded", 2024): 0,
        ("suppliers_total", 2024): 486,
    }


def test_a_list_restated_in_brackets_without_respectively_and_its_sum() -> None:
    text = HEAD_TRAD + (
        "本年度，本集團的直接（範圍一）及能源間接（範圍二）溫室氣體排放量分別約為125.4噸二氧化碳當量及"
        "1,482.7噸二氧化碳當量（2022年：138.2噸二氧化碳當量及1,530.9噸二氧化碳當量），合共約1,608.1噸二氧化碳當量"
        "（2022年：1,669.1噸二氧化碳當量）。\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2023): 125.4,
        ("ghg_scope2", 2023): 1_482.7,
        ("ghg_scope1", 2022): 138.2,
        ("ghg_scope2", 2022): 1_530.9,
        ("ghg_scope1_2", 2023): 1_608.1,
        ("ghg_scope1_2", 2022): 1_669.1,
    }


def test_a_currency_the_report_declares_beats_one_it_names_more_often() -> None:
    text = HEAD_SIMP + (
        "除另有注明外，本报告货币单位均为人民币。以港元计的数据另行列示（港元）。\n本集团实现营业收入186.35亿元。\n"
    )
    assert facts(text) == {("revenue", 2024): 18_635_000_000}


def test_hong_kong_prose_of_a_small_company() -> None:
    text = HEAD_TRAD + (
        "於2023年12月31日，本集團共有300名僱員（2022年12月31日：317名），女性僱員約佔僱員總數的46.0%（2022年：46.4%）。\n"
        "範圍一及範圍二溫室氣體排放密度為每名僱員約5.36噸二氧化碳當量（2022年：每名僱員5.27噸二氧化碳當量）。\n"
        "本年度，本集團耗用外購電力合共1,992,800千瓦時（2022年：2,051,400千瓦時）。\n"
        "本集團向東莞市的助學基金及長者服務機構捐款合共人民幣86,000元。\n"
        "本集團另向市慈善總會捐款人民幣30,000元。\n"
    )
    assert facts(text) == {
        ("employees_total", 2023): 300,
        ("employees_total", 2022): 317,
        ("employees_female_pct", 2023): 46.0,
        ("employees_female_pct", 2022): 46.4,
        ("ghg_intensity_employee", 2023): 5.36,
        ("ghg_intensity_employee", 2022): 5.27,
        ("electricity_purchased", 2023): 1_992.8,
        ("electricity_purchased", 2022): 2_051.4,
        ("community_donations", 2023): 86_000,  # one gift to one body is no total
    }


def test_taiwan_board_sentence_with_an_ordinal_and_a_bracketed_count() -> None:
    text = (
        "示例精密科技股份有限公司\n113年度永續報告書\n報告期間：113年1月1日至113年12月31日。\n\n"
        "本公司第12屆董事會由9席董事組成（含獨立董事3席），其中女性董事2席。\n"
        "113年共受理客戶申訴11件，均於30日內結案。\n"
    )
    assert facts(text) == {
        ("board_size", 2024): 9,
        ("board_independent", 2024): 3,
        ("board_female", 2024): 2,
        ("customer_complaints", 2024): 11,
    }


def test_zeros_and_board_counts_in_the_words_of_several_markets() -> None:
    text = HEAD_TRAD + (
        "董事會由七名董事組成，包括三名執行董事及四名獨立非執行董事，其中兩名董事為女性。\n"
        "本年度，並無針對本集團或其僱員提出並已審結的貪污訴訟案件。\n"
        "本年度本集團並無錄得任何因工死亡個案。\n"
    )
    assert facts(text) == {
        ("board_size", 2023): 7,
        ("board_independent", 2023): 4,
        ("board_female", 2023): 2,
        ("corruption_cases_concluded", 2023): 0,
        ("work_related_fatalities", 2023): 0,
    }
    taiwan = "示例精密科技股份有限公司\n113年度永續報告書\n\n113年度本公司無發生經法院判決確定之貪腐訴訟案件。\n"
    assert facts(taiwan) == {("corruption_cases_concluded", 2024): 0}


def test_a_zero_stated_as_not_involved_in_any_case() -> None:
    text = HEAD_TRAD + "年內，本集團並無涉及任何已審結的貪污訴訟案件，亦無接獲涉及僱員的貪污舉報。\n"
    assert facts(text) == {("corruption_cases_concluded", 2023): 0}


@pytest.mark.parametrize(
    "sentence",
    [
        "報告期內，公司未發生已審結的針對公司或員工的貪污訴訟案件。",  # concluded, then against whom
        "本年度，本集團並無任何已審結的針對本集團或其僱員的貪污訴訟案件。",  # no 提出
    ],
)
def test_no_concluded_corruption_case_in_either_order_of_its_words(sentence: str) -> None:
    assert facts(HEAD_TRAD + sentence + "\n") == {("corruption_cases_concluded", 2023): 0}


def test_a_bank_calls_itself_the_bank() -> None:
    text = HEAD_SIMP + "截至2024年12月31日，本行董事会由15名董事组成，包括独立非执行董事6名；其中女性董事3名。\n"
    assert facts(text) == {("board_size", 2024): 15, ("board_independent", 2024): 6, ("board_female", 2024): 3}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a remuneration committee in the sentence before says nothing of the board's size
        (
            "公司董事会下设审计委员会、薪酬与考核委员会。公司董事会由9名董事组成，其中独立董事3名。",
            {"board_size": 9, "board_independent": 3},
        ),
        ("报告期内，9名董事出席了全部董事会会议。", {}),  # directors attending: no size of the board
        ("全年共有9名董事参加薪酬相关培训。", {}),
    ],
)
def test_a_word_that_rules_a_board_figure_out_counts_in_its_own_sentence_only(text: str, expected: dict) -> None:
    assert facts(HEAD_SIMP + text + "\n") == {(code, 2024): value for code, value in expected.items()}


def test_counts_listed_by_region_before_one_noun_are_parts_not_a_total() -> None:
    """`與香港212家及中國內地279家供應商合作`: the noun after the last count counts each region's part."""
    text = HEAD_SIMP + "报告期内，本集团与香港212家及中国内地279家供应商合作。\n"
    assert facts(text) == {}
    assert facts(HEAD_SIMP + "报告期内，本集团与279家供应商合作。\n") == {("suppliers_total", 2024): 279}


def test_a_prior_year_figure_alone_in_its_bracket_takes_the_unit_of_the_figure_before() -> None:
    text = HEAD_SIMP + (
        "- 范围一温室气体排放量：12,345.6 吨二氧化碳当量（2023年：13,210.2）\n"
        "- 外购电力：7,856.2 万千瓦时（上年：8,102.5）\n"
        "- 员工总数：2,864人（其中女性：1,200）\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2024): 12_345.6,
        ("ghg_scope1", 2023): 13_210.2,
        ("electricity_purchased", 2024): 78_562,
        ("electricity_purchased", 2023): 81_025,
        ("employees_total", 2024): 2_864,
    }


def test_a_legend_says_what_a_bracket_holds_until_the_next_heading() -> None:
    """`（括號內為上年度數據）` over a list: a figure alone in a bracket after another is that year's, with
    or without its unit; below the next heading a bracket is no longer read so."""
    legend = HEAD_TRAD + (
        "### 關鍵績效指標摘要\n\n{legend}\n"
        "A1.3 有害廢棄物總量：12.74噸（10.81噸）\n"
        "A2.2 總耗水量：41,286立方米（43,905）\n\n"
        "### 社會\n\n"
        "B1.1 僱員總數：3,268名（3,415名）\n"
    )
    assert facts(legend.format(legend="（括號內為上年度數據）")) == {
        ("hazardous_waste", 2023): 12.74,
        ("hazardous_waste", 2022): 10.81,
        ("water_consumption", 2023): 41_286,
        ("water_consumption", 2022): 43_905,
        ("employees_total", 2023): 3_268,
    }
    assert facts(legend.format(legend="註：括号内数字为2022年数据。")) == facts(
        legend.format(legend="（括號內為上年度數據）")
    )
    assert ("hazardous_waste", 2022) not in facts(legend.format(legend="（以下為本集團數據）")), "no legend"


def test_an_html_report_in_english_first_cells_with_english_units_and_a_targets_heading() -> None:
    """`Scope 1 emissions<br>範圍一排放 | tonnes CO2e`; figures under `<h3>Targets 目標</h3>` are targets."""
    text = HEAD_SIMP + (
        "<table><tr><th>Indicator 指標</th><th>Unit</th><th>FY2024</th><th>FY2023</th></tr>\n"
        "<tr><td>Scope 1 emissions<br>範圍一排放</td><td>tonnes CO2e</td><td>1,862.4</td><td>1,927.9</td></tr>\n"
        "<tr><td>GHG emissions intensity 溫室氣體排放密度</td><td>tonnes CO2e / employee</td><td>1.93</td><td>2.11</td></tr>\n"
        "</table>\n\n<h3>Targets 目標</h3>\n"
        "<table><tr><th>Area</th><th>Target 目標</th></tr>\n"
        "<tr><td>Training 培訓</td><td>Average 12 hours of training per employee 每名僱員平均受訓12小時</td></tr>\n</table>\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2024): 1_862.4,
        ("ghg_scope1", 2023): 1_927.9,
        ("ghg_intensity_employee", 2024): 1.93,
        ("ghg_intensity_employee", 2023): 2.11,
    }


def test_a_zero_stated_for_the_years_a_sentence_names() -> None:
    text = HEAD_TRAD + (
        "本集團於本年度及過去兩個年度（即2022年及2021年）均沒有發生任何因工亡故事件。\n"
        "於2023年度及2022年度，概無針對本集團或其僱員提出並已審結的貪污訴訟案件。\n"
    )
    assert facts(text) == {
        ("work_related_fatalities", 2023): 0,
        ("work_related_fatalities", 2022): 0,
        ("work_related_fatalities", 2021): 0,
        ("corruption_cases_concluded", 2023): 0,
        ("corruption_cases_concluded", 2022): 0,
    }
    unnamed = HEAD_TRAD + "本集團2023年及過去三年均無工亡事件發生。\n"  # the years are not named: the report's only
    assert facts(unnamed) == {("work_related_fatalities", 2023): 0}


def test_a_part_opened_by_its_own_line_and_a_gift_through_a_foundation() -> None:
    text = HEAD_SIMP + (
        "▶ 董事会\n公司董事会由9名董事组成\n其中独立董事3名、女性董事2名\n\n"
        "公司通过瑞通公益基金会对外捐赠合计1,260万元，其中乡村振兴项目投入820万元。\n"
    )
    assert facts(text) == {
        ("board_size", 2024): 9,
        ("board_independent", 2024): 3,
        ("board_female", 2024): 2,
        ("community_donations", 2024): 12_600_000,
    }


def test_a_label_digit_after_category_or_scope_does_not_cut_the_label() -> None:
    text = HEAD_TRAD + "2023年每位員工之類別1+類別2排放量為8.82公噸CO2e／人（2022年：9.10公噸CO2e／人）。\n"
    assert facts(text) == {("ghg_intensity_employee", 2023): 8.82, ("ghg_intensity_employee", 2022): 9.10}


def test_the_bracket_a_figure_stands_in_is_not_part_of_its_unit() -> None:
    text = HEAD_TRAD + "2023年每位員工之類別1+類別2排放量為 8.82 公噸CO2e／人（2022 年：9.10 公噸CO2e／人）。\n"
    units = {row.fiscal_year: row.reported_unit for row in parse_report(text).rows if row.metric_code}
    assert units == {2023: "公噸CO2e／人", 2022: "公噸CO2e／人"}


def test_a_sentence_about_one_production_base_states_that_bases_figures() -> None:
    text = HEAD_TRAD + "南通基地作為公司用水量最大的生產基地，2023年耗水量為512,306噸。\n"
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [row.is_partial_scope for row in rows] == [True]


def test_a_level_compared_with_a_named_year_before_the_change() -> None:
    text = HEAD_SIMP + "公司总耗水量较2023年的1,341,205吨下降4.1%。\n"
    assert facts(text) == {("water_consumption", 2023): 1_341_205}


def test_the_year_of_an_event_does_not_date_the_figures_after_it() -> None:
    text = (
        "示例精密科技股份有限公司\n113年度永續報告書\n報告期間：113年1月1日至113年12月31日。\n\n"
        "本公司第十屆董事會於2023年股東常會改選，共設置董事9席（含獨立董事4席），其中女性董事2席。\n"
    )
    assert facts(text) == {("board_independent", 2024): 4, ("board_female", 2024): 2}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("本年度，本集團為員工提供了合共2,300小時的培訓。", {("training_hours_total", 2023): 2300}),
        (
            "本集團合共提供約3,150小時培訓（2022年：2,880小時）。",
            {("training_hours_total", 2023): 3150, ("training_hours_total", 2022): 2880},
        ),
        ("員工平均接受了12.5小時的培訓。", {("training_hours_per_employee", 2023): 12.5}),
        ("員工貢獻了合共1,500小時之義工服務。", {("volunteer_hours", 2023): 1500}),
        (
            "人均培訓時數為12小時。全年共提供了3,000小時的培訓。",
            {("training_hours_per_employee", 2023): 12, ("training_hours_total", 2023): 3000},
        ),
        ("全年舉辦安全培訓，共計800小時的培訓。", {}),  # one topic's training: not all employees'
    ],
)
def test_the_hours_of_an_activity_named_after_them(sentence: str, expected: dict) -> None:
    assert facts(HEAD_TRAD + sentence + "\n") == expected


def test_a_label_is_also_read_without_what_it_includes_unless_that_changes_the_metric() -> None:
    text = HEAD_TRAD + (
        "研發投入（含資本化開支）為人民幣1.2億元。\n"
        "公益捐贈（含物資折價）合計人民幣36.5萬元。\n"
        "溫室氣體排放總量（含範圍三）為12,345噸二氧化碳當量。\n"  # scope 3 included: no scope 1 and 2 total
        "總用電量（含光伏自發電）為5,000兆瓦時。\n"  # own solar included: no purchased electricity
    )
    assert facts(text) == {("rd_investment", 2023): 120_000_000, ("community_donations", 2023): 365_000}
    table = HEAD_TRAD + (
        "能源類別                    單位        2023年        2022年\n"
        "能源使用總量（含再生能源）  GJ         3,600.0       7,200.0\n"
        "因工傷損失工作日數（不含因工死亡） 日   120           96\n"
    )
    assert facts(table) == pytest.approx(
        {
            ("energy_total", 2023): 1000,
            ("energy_total", 2022): 2000,
            ("lost_days_work_injury", 2023): 120,
            ("lost_days_work_injury", 2022): 96,
        }
    )


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("本集團向香港公益金、東華三院及仁濟醫院捐款合共人民幣80萬元。", 800_000),
        ("本集團向偏遠地區中小學、公益機構作出的慈善捐贈（包括現金及物資）合共人民幣186.4萬元。", 1_864_000),
        ("本集團向教育、扶貧及救災項目捐款合共人民幣128.65萬元。", 1_286_500),
        ("本集團向災區捐贈物資合共人民幣12萬元。", None),  # goods alone: not all that was given
    ],
)
def test_a_donation_to_recipients_listed_with_item_marks_is_the_total_given(sentence: str, amount: int | None) -> None:
    """`本集團向A、B及C捐款合共…`: the clause after the last `、` names recipients and no measure; the
    whole list's clause is the label, and who received is filler (`label_vocabulary` leading_filler).
    What a donation includes in a bracket (`（包括現金及物資）`) leaves it the total."""
    expected = {("community_donations", 2023): amount} if amount else {}
    assert facts(HEAD_TRAD + sentence + "\n") == pytest.approx(expected)


def test_a_committee_is_no_board_and_a_count_in_brackets_is_labelled_by_its_noun() -> None:
    text = HEAD_TRAD + (
        "董事會由9席董事組成（含 4 席獨立董事），其中女性董事 2 席。\n"
        "審核委員會由三名獨立非執行董事組成。\n"  # a committee's members, not the board's
        "ESG委員會由 6 名董事組成(含 2 名獨立董事)，負責研究氣候策略。\n"
        "| 管理層 | 戰略與ESG委員會 | 由 5 名董事組成（含 3 名獨立董事） |\n"  # the body is another cell's
    )
    assert facts(text) == {("board_size", 2023): 9, ("board_independent", 2023): 4, ("board_female", 2023): 2}


def test_taiwan_prose_of_suppliers_complaints_and_corruption_with_spaces_around_numbers() -> None:
    text = "示例光電股份有限公司\n113年度永續報告書\n\n" + (
        "113 年度本公司未發生任何貪腐或賄賂之法律訴訟案件。\n"
        "113 年度與本公司交易之供應商共 612 家，其中台灣在地供應商占 78.4%。\n"
        "113 年度本公司客訴案件共 23 件，均已於規定期限內結案。\n"
    )
    assert facts(text) == {
        ("corruption_cases_concluded", 2024): 0,
        ("suppliers_total", 2024): 612,
        ("customer_complaints", 2024): 23,
    }


def test_approximate_figures_brackets_that_list_parts_and_prior_years_with_approximations() -> None:
    text = HEAD_TRAD + (
        "本年度能源消耗總量約為5.23萬兆瓦時（2022年：約5.12萬兆瓦時），"
        "其中直接能源（車隊汽油、柴油及石油氣）約7,300兆瓦時。\n"
        "範圍三排放（包括商務航空差旅、紙張棄置）約為860噸二氧化碳當量。\n"
        "本年度產品包裝材料（紙箱、棧板及緩衝材）使用量為1,036.4公噸。\n"
        "本年度本集團為僱員提供的培訓總時數約24.6萬小時（2022年：約21.9萬小時）。\n"
        "本集團共有1,146家合資格供應商。本年度共接獲有關服務質素的投訴36宗。\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("energy_total", 2023): 52_300,
            ("energy_total", 2022): 51_200,
            ("energy_direct", 2023): 7_300,
            ("ghg_scope3", 2023): 860,
            ("packaging_material", 2023): 1_036.4,
            ("training_hours_total", 2023): 246_000,
            ("training_hours_total", 2022): 219_000,
            ("suppliers_total", 2023): 1_146,
            ("customer_complaints", 2023): 36,
        }
    )


@pytest.mark.parametrize(
    ("statement", "rate"),
    [
        ("本報告金額以港元列示；如需換算為人民幣，本集團採用1港元兌人民幣0.92元的匯率。", 0.92),
        ("匯率：1 HKD = 0.9162 CNY。", 0.9162),
        ("港元兌人民幣的平均匯率為0.9215。", 0.9215),
        ("人民幣1元兌1.25港元。", 0.8),
        ("總計=12,345噸。", None),  # an equals sign of no currency
    ],
)
def test_an_exchange_rate_the_report_states(statement: str, rate: float | None) -> None:
    assert stated_rates(statement).get("HKD", {}).get(None) == (pytest.approx(rate) if rate else None)


def test_an_exchange_rate_for_each_year() -> None:
    statement = "2022年、2023年及2024年港元兌人民幣之平均匯率分別為1港元兌人民幣0.8623元、0.9036元及0.9213元。"
    assert stated_rates(statement) == {"HKD": {2022: 0.8623, 2023: 0.9036, 2024: 0.9213}}
    restating = "港元金額可按2024年及2023年的年度平均匯率1港元兌人民幣0.9124元及1港元兌人民幣0.9043元換算。"
    assert stated_rates(restating) == {"HKD": {2024: 0.9124, 2023: 0.9043}}
    # each rate after its own year, the second wrapped onto the next line (a year is no rate)
    each = "如需折算為人民幣，2024年按1港元兌人民幣0.9213元、2023年按1港元兌人\n   民幣0.9069元計算。"
    assert stated_rates(each) == {"HKD": {2024: 0.9213, 2023: 0.9069}}


def test_money_in_another_currency_converts_only_at_a_rate_the_report_states() -> None:
    hong_kong = "示例物流控股有限公司\n2024年度環境、社會及管治報告\n報告期間：2024年1月1日至2024年12月31日。\n\n"
    money = (
        "本年度，本集團收益為1,532.4百萬港元，慈善捐款合共2.36百萬港元。排放密度為每百萬港元收益4.12噸二氧化碳當量。\n"
    )
    with_rate = hong_kong + "本報告採用1港元兌人民幣0.92元的匯率。\n" + money
    assert facts(with_rate) == pytest.approx(
        {("revenue", 2024): 1_409_808_000, ("community_donations", 2024): 2_171_200}
    )
    rows = parse_report(hong_kong + money).rows
    assert not [row for row in rows if row.metric_code]  # no rate: no CNY figure, and no intensity per HK$ ever
    assert {(row.unconverted_metric, row.unconverted_currency) for row in rows if row.unconverted_metric} == {
        ("revenue", "HKD"),
        ("community_donations", "HKD"),
    }


def test_records_a_content_index_lists_in_one_cell() -> None:
    """A GRI or HKEX content index that states the figures themselves, one `label：value` per `<br>`."""
    text = HEAD_TRAD + (
        "| 指標 | 描述 | 披露 | 頁碼 |\n| --- | --- | --- | --- |\n"
        "| KPI A1.2 | 溫室氣體排放量及密度 | 範圍2（能源間接，基於位置）：2,105.3噸二氧化碳當量（2022年：2,207.4噸二氧化碳當量）"
        "<br>排放密度：每人民幣百萬元收入1.32噸二氧化碳當量 | 15 |\n"
        "| KPI A2.1 | 能源總耗量及密度 | 直接能源（柴油、汽油及液化石油氣）：3,600吉焦<br>外購電力：13,912,300千瓦時 | 18 |\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("ghg_scope2", 2023): 2105.3,
            ("ghg_scope2", 2022): 2207.4,
            ("ghg_intensity_revenue", 2023): 1.32,
            ("energy_direct", 2023): 1000,
            ("electricity_purchased", 2023): 13912.3,
        }
    )


@pytest.mark.parametrize(
    ("before", "keeps"), [("範圍1至", True), ("類別1、3、", True), ("範圍", True), ("共有1至", False)]
)
def test_the_digits_of_a_range_of_scopes_belong_to_the_label(before: str, keeps: bool) -> None:
    assert keeps_its_digit(before) is keeps
    assert map_label("範圍1至3排放總量", "", "噸二氧化碳當量") is None  # scopes 1 to 3: no core metric


def test_an_index_row_reads_its_own_cell_and_not_the_row_above() -> None:
    text = HEAD_TRAD + (
        "| KPI B2.1 | 過去三年每年因工亡故的人數 | 2021年：1人 | 28 |\n"
        "| KPI B2.2 | 因工傷損失工作日數 | 168日（2022年：203日） | 28 |\n"  # the row above dates nothing here
        "| KPI B3.1 | 按性別及僱員類別劃分的受訓僱員百分比 | 受訓僱員百分比：92.4%<br>按性別：男性91.8%、女性93.5% | 30 |\n"
        "| KPI B7.1 | 貪污訴訟案件 | 已審結的貪污訴訟案件：零宗（2022年：1宗） | 37 |\n"
    )
    got = facts(text)
    assert got[("lost_days_work_injury", 2023)] == 168 and got[("lost_days_work_injury", 2022)] == 203
    assert got[("employees_trained_pct", 2023)] == 92.4  # the description's `按性別` is another cell's
    assert got[("corruption_cases_concluded", 2023)] == 0 and got[("corruption_cases_concluded", 2022)] == 1


@pytest.mark.parametrize(
    "sentence",
    ["本年度，本集團並無已審結的貪污訴訟案件（2022年：無）。", "年內並無任何已審結的貪污訴訟案件（上年度：無）。"],
)
def test_a_zero_restated_in_brackets_for_the_year_before(sentence: str) -> None:
    assert facts(HEAD_TRAD + sentence + "\n") == {
        ("corruption_cases_concluded", 2023): 0,
        ("corruption_cases_concluded", 2022): 0,
    }


def test_a_zero_restated_for_a_fiscal_year_in_a_march_report() -> None:
    march = "示例物流控股有限公司\n2024/25年度環境、社會及管治報告\n報告期間：2024年4月1日至2025年3月31日。\n\n"
    sentence = "本年度，本集團並無任何已審結的貪污訴訟案件（2023/24財政年度：無）。\n"
    assert facts(march + sentence) == {("corruption_cases_concluded", 2025): 0, ("corruption_cases_concluded", 2024): 0}


def test_a_sum_the_year_bounds_and_one_since_the_start() -> None:
    text = HEAD_TRAD + (
        "全年員工志願服務時長累計5.39萬小時，其中團員青年志願服務1.86萬小時。\n"
        "本年度，公司歷年累計對外捐贈達5,000萬元。\n"  # a sum over the years: no level of any
    )
    assert facts(text) == {("volunteer_hours", 2023): 53_900}


def test_text_tables_with_the_unit_in_the_caption_and_the_next_caption_ending_them() -> None:
    text = HEAD_TRAD + (
        "表2：空氣污染物排放（以千克計）\n\n"
        "                                                2023年        2022年\n"
        "氮氧化物（NOx）                                1 284.6       1 197.3\n\n"
        "表3：2030年環境目標（以2022年為基準年）\n\n"
        "                                                基準年數值    2030年目標\n"
        "溫室氣體排放密度（每百萬元人民幣收益）               14.75         11.80\n"
    )
    assert facts(text) == {("nox_emissions", 2023): 1284.6, ("nox_emissions", 2022): 1197.3}


def test_thousands_in_spaces_and_a_site_named_in_a_numbered_caption() -> None:
    text = HEAD_TRAD + (
        "表1：財務摘要（單位：人民幣千元）\n\n"
        "                                                2023年        2022年\n"
        "收益                                         1 863 452     1 702 318\n\n"
        "表7：東莞厚街廠房用電量（單位：千瓦時）\n\n"
        "                                                2023年        2022年\n"
        "外購電力                                    21 406 380    20 911 725\n"
    )
    rows = {(row.metric_code, row.fiscal_year): row for row in parse_report(text).rows if row.metric_code}
    assert rows[("revenue", 2023)].reported_value == 1_863_452
    assert rows[("electricity_purchased", 2023)].is_partial_scope  # one plant's electricity


def test_two_tiles_side_by_side_read_line_by_line() -> None:
    """OCR of an infographic: both labels, both values, both units, both prior years, line by line."""
    text = HEAD_SIMP + (
        "社会绩效\n员工总数\n女性员工占比\n6,842\n28.6\n人\n%\n2023年：6,515人\n2023年：28.3%\n"
        "温室气体排放总量\n万元营业收入碳排放\n（范围一+范围二）\n（范围一+范围二）\n52.37\n0.606\n"
        "万吨二氧化碳当量\n吨二氧化碳当量/万元\n"
        "培训总时长\n安全教育培训\n290,785\n36,200\n小时\n学时\n"  # one tile in a unit of no metric
        "因工死亡人数为零，因工伤损失工作日126天。\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("employees_total", 2024): 6842,
            ("employees_total", 2023): 6515,
            ("employees_female_pct", 2024): 28.6,
            ("employees_female_pct", 2023): 28.3,
            ("ghg_scope1_2", 2024): 523_700,
            ("ghg_intensity_revenue", 2024): 60.6,
            ("training_hours_total", 2024): 290_785,
            ("work_related_fatalities", 2024): 0,
            ("lost_days_work_injury", 2024): 126,
        }
    )


def test_a_bank_s_board_and_its_senior_management_in_one_paragraph() -> None:
    text = HEAD_SIMP + (
        "截至报告期末，本行董事会由15名董事组成，其中独立董事6名，女性董事3名；监事会由7名监事组成。"
        "本行高级管理层成员共9人，其中女性2人。报告期内，本行未发生对本行或员工提出并已审结的贪污诉讼案件。\n"
    )
    assert facts(text) == {
        ("board_size", 2024): 15,
        ("board_independent", 2024): 6,
        ("board_female", 2024): 3,  # not the 2 women of senior management in the sentence after
        ("corruption_cases_concluded", 2024): 0,
    }


def test_the_line_above_a_heading_is_no_context_of_the_section_below() -> None:
    text = HEAD_SIMP + (
        "中高层管理人员培训覆盖率\n\n## 治理与合规\n\n"
        "报告期内，公司第四届董事会由9名董事组成，其中独立董事3名、女性董事1名。\n"
    )
    assert facts(text) == {("board_size", 2024): 9, ("board_independent", 2024): 3, ("board_female", 2024): 1}


def test_dot_leaders_between_a_label_and_its_values() -> None:
    text = HEAD_TRAD + (
        "指標（單位）                                   2023年        2022年       變幅\n"
        "  氮氧化物（千克）··························· 1,862.4 ······ 2,015.7 ······ -7.6%\n"
        "  有害廢棄物（噸）註4 ·························· 48.62 ········ 52.10 ······ -6.7%\n\n"
        "社會\n\n指標（單位）                                   2023年        2022年\n"
        "  員工總數（人）………………………………………… 2,418 ……………… 2,351\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("nox_emissions", 2023): 1862.4,
            ("nox_emissions", 2022): 2015.7,
            ("hazardous_waste", 2023): 48.62,
            ("hazardous_waste", 2022): 52.10,
            ("employees_total", 2023): 2418,
            ("employees_total", 2022): 2351,
        }
    )


def test_a_taiwan_definition_list_with_roc_years_in_brackets() -> None:
    text = "示例精密股份有限公司\n113年度永續報告書\n\n" + (
        "**員工總人數**：1,449 人（112年：1,404 人）\n"
        "**平均每人受訓時數**：28.6 小時（112年：26.3 小時）\n"
        "**溫室氣體排放密度**：2.44 公噸CO2e／新台幣百萬元營收（112年：2.75 公噸CO2e／新台幣百萬元營收）\n"
        "全公司平均每位員工受訓 40.58 小時。\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("employees_total", 2024): 1449,
            ("employees_total", 2023): 1404,
            ("training_hours_per_employee", 2024): 28.6,  # the definition list's, not the prose's
            ("training_hours_per_employee", 2023): 26.3,
        }
    )  # an intensity per NT$ is no CNY intensity, nor one per employee


def test_a_zero_for_two_roc_years() -> None:
    text = "示例精密股份有限公司\n113年度永續報告書\n\n113年度及112年度皆無因公死亡事件發生。\n"
    assert facts(text) == {("work_related_fatalities", 2024): 0, ("work_related_fatalities", 2023): 0}


def test_a_page_in_two_columns_prose_left_and_a_table_right() -> None:
    """`pdftotext -layout` of a two-column page: the table is read as a table, the prose as prose."""
    left = [
        "本集團的溫室氣體排放主要來自生產基地的燃",
        "氣鍋爐及自有貨車使用的柴油，以及外購電力",
        "所產生的間接排放。年內本集團範圍一及範圍",
        "二排放總量較上年下降，其中東莞生產基地的",
        "範圍一排放為2,106.3噸二氧化碳當量。我們",
    ]
    right = [
        "排放物關鍵績效                     2023年      2022年",
        "範圍一排放（噸二氧化碳當量）       3,415.2     3,602.8",
        "範圍二排放（噸二氧化碳當量）       9,874.6    10,231.5",
        "",
        "員工總數（人）                       2,264       2,221",
    ]
    page = "\n".join(f"{text}{' ' * (58 - width(text))}{row}".rstrip() for text, row in zip(left, right, strict=True))
    parsed = parse_report(HEAD_TRAD + page + "\n").rows
    rows = {(row.metric_code, row.fiscal_year): row for row in parsed if row.layout == "table"}
    assert facts(HEAD_TRAD + page + "\n") == {
        ("ghg_scope1", 2023): 3415.2,
        ("ghg_scope1", 2022): 3602.8,
        ("ghg_scope2", 2023): 9874.6,
        ("ghg_scope2", 2022): 10231.5,
        ("employees_total", 2023): 2264,
        ("employees_total", 2022): 2221,
    }  # the table's figures, not the site's scope 1 in the prose
    assert rows[("ghg_scope1", 2023)].source_line == 9  # each piece keeps its source line


def test_a_text_table_header_naming_its_topic_over_the_label_column() -> None:
    assert [
        column.fiscal_year for column in parse_header("廢棄物及包裝材料      單位      2024年     2023年") or []
    ] == [
        2024,
        2023,
    ]


def test_a_bracket_restating_several_figures_pairs_them_in_order() -> None:
    text = HEAD_TRAD + (
        "本年度女性僱員為5,320名，佔僱員總數的44.1%（2022年：5,080名，43.6%）。\n"
        "本年度總耗電量為1,234兆瓦時，總耗水量為56,789立方米（2022年：1,300兆瓦時，60,001立方米）。\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("employees_female", 2023): 5320,
            ("employees_female", 2022): 5080,
            ("employees_female_pct", 2023): 44.1,
            ("employees_female_pct", 2022): 43.6,
            ("electricity_purchased", 2023): 1234,
            ("electricity_purchased", 2022): 1300,
            ("water_consumption", 2023): 56789,
            ("water_consumption", 2022): 60001,
        }
    )
    # units in another order than the figures': the bracket is not read as restating them in order
    swapped = HEAD_TRAD + "本年度總耗電量為1,111兆瓦時，總耗水量為22,222立方米（2022年：3,333立方米，4,444兆瓦時）。\n"
    assert facts(swapped).get(("electricity_purchased", 2022)) is None
    assert facts(swapped).get(("water_consumption", 2022)) != 4444


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2023年，員工志工服務時數累計3,860小時。", {("volunteer_hours", 2023): 3860}),
        ("全年組織志願活動46場，員工志願服務時長累計5,820小時。", {("volunteer_hours", 2023): 5820}),
        (
            "二零二三年度，本集團組織僱員參與探訪活動，僱員累計參與義工服務3,420小時。",
            {("volunteer_hours", 2023): 3420},
        ),
        ("員工志願服務時長累計48,260小時。", {}),  # no year named: a sum since some start
        ("自2015年成立義工隊以來，僱員累計參與義工服務98,000小時。", {}),  # a span of years
        ("2023年，義工隊成立至今累計服務12,000小時。", {}),
    ],
)
def test_a_sum_is_the_years_where_its_sentence_names_the_year_and_no_span(sentence: str, expected: dict) -> None:
    assert facts(HEAD_TRAD + sentence + "\n") == expected


def test_a_sentence_about_a_half_or_a_quarter_states_no_annual_figure() -> None:
    text = HEAD_TRAD + (
        "本年度上半年，有害廢棄物產生量為6.8噸。\n"
        "2023年第一季度，公司用電量為1,200兆瓦時。\n"
        "本年度，有害廢棄物產生量為14.2噸。\n"
    )
    assert facts(text) == {("hazardous_waste", 2023): 14.2}


def test_a_bracket_after_a_prose_figure_that_says_it_covers_part_bounds_it() -> None:
    text = HEAD_TRAD + "2023年，員工志願服務累計1,920小時（共青團組織活動，未覆蓋全體員工）。\n"
    rows = [row for row in parse_report(text).rows if row.metric_code == "volunteer_hours"]
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(1920, True)]


def test_values_listed_one_year_per_line_under_their_label() -> None:
    text = HEAD_TRAD + (
        "## 關鍵績效指標\n\n"
        "- 溫室氣體排放\n"
        "  - 範圍一直接排放（噸二氧化碳當量）（A1.2｜GRI 305-1）\n"
        "    - 2023年：3,482.6\n"
        "    - 2022年：3,715.2\n"
        "  - 範圍二能源間接排放（噸二氧化碳當量）\n"
        "    - 按地點基準\n"
        "      - 2023年：8,914.3\n"
        "    - 按市場基準\n"
        "      - 2023年：7,602.1\n"
        "- 直接能源消耗（兆瓦時）<br>（天然氣及柴油）\n"
        "  - 2023年：15,253.8\n"
        "- 僱員流失率（%）\n"
        "  - 整體\n"
        "    - 2023年：12.8\n"
        "  - 男性\n"
        "    - 2023年：13.5\n"
        "\n總耗水量（立方米）\n2023年：386,214\n2022年：401,932\n2030年：350,000\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("ghg_scope1", 2023): 3482.6,
            ("ghg_scope1", 2022): 3715.2,
            ("ghg_scope2", 2023): 8914.3,  # location-based; the market-based figure is none
            ("energy_direct", 2023): 15253.8,
            ("employee_turnover_rate", 2023): 12.8,  # the total, not the men's rate
            ("water_consumption", 2023): 386214,
            ("water_consumption", 2022): 401932,  # 2030 is a target
        }
    )


def test_year_lines_apart_by_a_space_as_a_web_pages_definition_list_prints_them() -> None:
    """`<dt>範疇一溫室氣體排放量</dt>` over `<dd>112年 3,518.6 公噸CO2e</dd>`: a year, its value and a unit that
    holds a digit; a plant's nested list is no company figure, and a table of years is no list."""
    text = HEAD_TRAD + (
        "<dl>\n  <dt>範疇一溫室氣體排放量</dt>\n"
        '  <dd><span class="y">112年</span><span class="v">3,518.6</span><span class="u">公噸CO2e</span></dd>\n'
        '  <dd><span class="y">111年</span><span class="v">3,874.1</span><span class="u">公噸CO2e</span></dd>\n'
        '  <dd><dl>\n    <dt>新竹廠</dt>\n    <dd><span class="y">112年</span><span class="v">2,214.9</span></dd>\n'
        "  </dl></dd>\n</dl>\n"
    )
    assert facts(text) == pytest.approx({("ghg_scope1", 2023): 3518.6, ("ghg_scope1", 2022): 3874.1})


def test_year_lines_name_their_years_as_tables_do() -> None:
    """`FY2023：`, Taiwan's `112年：` and `2023財年：` are years as a table's header names them."""
    text = HEAD_TRAD + (
        "總耗水量（立方米）\nFY2023：386,214\nFY2022：401,932\n\n"
        "員工總數（人）\n112年：1,204\n111年：1,187\n\n"
        "有害廢棄物（噸）\n2023財年：38.72\n"
    )
    assert facts(text) == {
        ("water_consumption", 2023): 386214,
        ("water_consumption", 2022): 401932,
        ("employees_total", 2023): 1204,
        ("employees_total", 2022): 1187,
        ("hazardous_waste", 2023): 38.72,
    }


def test_a_record_per_line_break_keeps_its_value_before_the_next_records_year() -> None:
    text = HEAD_TRAD + "- **有害廢棄物**（A1.3）：38.72噸<br>2022年：41.05噸\n"
    assert facts(text) == {("hazardous_waste", 2023): 38.72, ("hazardous_waste", 2022): 41.05}


def test_figures_under_a_heading_that_names_a_subsidiarys_data_are_that_subsidiarys() -> None:
    text = HEAD_TRAD + (
        "## 環境表現\n\n- **總耗水量**：386,214立方米\n\n"
        "## 附屬公司數據：示例（東莞）食品有限公司\n\n- **總耗水量**：251,063立方米\n"
        "- 外購電力（千瓦時）\n  - 2023年：9,875,300\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert sorted((row.source_line, row.reported_value, row.is_partial_scope) for row in rows) == [
        (10, 386214, False),
        (14, 251063, True),
        (16, 9875300, True),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "於報告期內，本集團因工作關係而死亡的人數為零（2022年：零）。",
            {("work_related_fatalities", 2023): 0, ("work_related_fatalities", 2022): 0},
        ),
        ("報告期內，公司及員工涉及的已審結貪污訴訟案件數量為零。", {("corruption_cases_concluded", 2023): 0}),
        ("報告期內，本集團共接獲有關產品及服務的客戶投訴57宗。", {("customer_complaints", 2023): 57}),
        ("2023年度全體員工志工服務時數合計1,386小時，其中某某廠志工社貢獻420小時。", {("volunteer_hours", 2023): 1386}),
    ],
)
def test_more_wordings_of_zeros_complaints_and_volunteering(sentence: str, expected: dict) -> None:
    assert facts(HEAD_TRAD + sentence + "\n") == expected


def test_numbered_year_sections_date_their_figures_and_a_target_section_gives_none() -> None:
    text = HEAD_SIMP + (
        "七、关键绩效数据\n（一）2024年度主要数据\n营业收入：48.63亿元\n总耗水量：1,052,318 吨\n"
        "（二）2023年度主要数据\n营业收入：45.12亿元\n总耗水量：1,103,776 吨\n"
        "（三）2025年度目标值\n总耗水量：1,020,000 吨\n"
    )
    assert facts(text) == {
        ("revenue", 2024): 4_863_000_000,
        ("water_consumption", 2024): 1_052_318,
        ("revenue", 2023): 4_512_000_000,
        ("water_consumption", 2023): 1_103_776,
    }


def test_a_paragraph_that_opens_with_its_year_dates_a_sum_in_a_later_sentence() -> None:
    text = HEAD_SIMP + (
        "2024年，公司对外捐赠总额386.5万元。员工志愿服务时长累计6,420小时。\n\n"
        "公司长期支持社区发展。员工志愿服务时长累计48,260小时。\n"  # no year: a sum since some start
    )
    assert facts(text) == {("community_donations", 2024): 3_865_000, ("volunteer_hours", 2024): 6420}


def test_taiwan_colleagues_volunteer_hours() -> None:
    text = HEAD_TRAD + "2023年度全體同仁投入志工服務總時數2,846小時。\n"
    assert facts(text) == {("volunteer_hours", 2023): 2846}


def test_labels_left_with_a_possessive_or_naming_finished_goods_or_volunteers() -> None:
    text = HEAD_SIMP + (
        "年内本集团之研发投入为人民币38.5百万元。\n"
        "2024年，公司成品包装材料使用量为6,842.5吨。\n"
        "2024年，员工志愿者累计开展志愿服务4,180小时。\n"
    )
    assert facts(text) == {
        ("rd_investment", 2024): 38_500_000,
        ("packaging_material", 2024): 6842.5,
        ("volunteer_hours", 2024): 4180,
    }


def test_a_bracket_restating_a_list_respectively_keeps_each_items_place() -> None:
    text = HEAD_TRAD + (
        "本年度氮氧化物排放量為1,284.6千克、硫氧化物排放量為21.3千克、顆粒物排放量為94.5千克"
        "（2022年：分別為1,352.1千克、22.0千克及不適用）。\n"
    )
    assert facts(text) == {
        ("nox_emissions", 2023): 1284.6,
        ("sox_emissions", 2023): 21.3,
        ("pm_emissions", 2023): 94.5,
        ("nox_emissions", 2022): 1352.1,
        ("sox_emissions", 2022): 22.0,  # and no particulates: not applicable that year
    }


def test_a_label_that_opens_with_the_revenue_it_is_per_is_an_intensity() -> None:
    text = HEAD_SIMP + "2024年，万元营业收入综合能耗为0.0488吨标准煤，较上年下降13.1%。\n"
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert [(row.metric_code, row.reported_unit) for row in rows] == [
        ("energy_intensity_revenue", "吨标准煤/万元营业收入")
    ]


def test_the_period_inside_a_label_is_none_of_it() -> None:
    text = HEAD_TRAD + "僱員於報告期內參與義工服務合共3,260小時。\n"
    assert facts(text) == {("volunteer_hours", 2023): 3260}


def test_an_intensity_per_hong_kong_dollar_revenue_printed_before_its_figure_is_no_cny_intensity() -> None:
    text = HEAD_TRAD + "溫室氣體排放密度為每百萬港元收益0.92噸二氧化碳當量。\n"
    (row,) = parse_report(text).rows
    assert (row.metric_code, row.reported_unit) == (None, "噸二氧化碳當量/百萬港元收益")


def test_figures_printed_over_their_labels_pair_in_order() -> None:
    text = HEAD_SIMP + (
        "03 公司治理\n\n9\n3\n2\n0\n董事会成员（人）\n独立董事（人）\n女性董事（人）\n已审结贪污诉讼案件（起）\n\n"
        "• 2024年召开董事会会议8次\n"
    )
    assert facts(text) == {
        ("board_size", 2024): 9,
        ("board_independent", 2024): 3,
        ("board_female", 2024): 2,
        ("corruption_cases_concluded", 2024): 0,
    }


def test_a_key_figure_is_not_dated_by_the_record_above_it_nor_a_plants_figure_the_groups() -> None:
    text = HEAD_TRAD + (
        "人民幣48.6百萬元 研發投入 2022年：N/A\n2,318名 僱員總數\n\n"
        "本集團佛山廠於本年度錄得工傷事故6宗、損失工作日數79日。\n"
    )
    rows = {row.metric_code: row for row in parse_report(text).rows if row.metric_code}
    assert (rows["employees_total"].fiscal_year, rows["employees_total"].reported_value) == (2023, 2318)
    assert rows["lost_days_work_injury"].is_partial_scope


def test_a_web_card_is_no_wrapped_end_of_the_card_above_and_a_year_is_no_figure() -> None:
    text = HEAD_TRAD + (
        '<div class="kf-tile"><span>人民幣1,697.4百萬元</span><span>收益</span><span>2022年：人民幣1,654.2百萬元</span></div>\n'
        '<div class="kf-tile"><span>人民幣48.6百萬元</span><span>研發投入</span><span>2022年：N/A</span></div>\n\n'
        "耗水量（公噸） 2022年\n"
    )
    rows = [
        (row.metric_code, row.fiscal_year, row.reported_value) for row in parse_report(text).rows if row.metric_code
    ]
    # the card's comparative is the year before's figure (`2022年：人民幣1,654.2百萬元`); `N/A` and the bare
    # year after `耗水量（公噸）` are none
    assert rows == [("revenue", 2023, 1697.4), ("revenue", 2022, 1654.2), ("rd_investment", 2023, 48.6)]


def test_a_permits_limits_in_a_bracket_are_no_emissions() -> None:
    text = HEAD_SIMP + (
        "废气方面，氮氧化物排放量21.36吨，二氧化硫排放量3.42吨，均远低于排污许可证核定的年许可排放量"
        "（氮氧化物45.00吨/年、二氧化硫12.00吨/年）。\n"
    )
    assert facts(text) == {("nox_emissions", 2024): 21360, ("sox_emissions", 2024): 3420}


def test_a_figure_as_first_disclosed_before_a_restatement_is_not_the_level() -> None:
    text = HEAD_SIMP + (
        "2024年范围一排放量为3,182吨二氧化碳当量。2023年范围一排放量经重述为3,305吨二氧化碳当量"
        "（2023年报告原披露范围一排放量为3,410吨二氧化碳当量、员工总数为3,120人）。\n"
    )
    assert facts(text) == {("ghg_scope1", 2024): 3182, ("ghg_scope1", 2023): 3305}


def test_a_figure_a_restatement_changed_from_is_not_the_level() -> None:
    text = HEAD_SIMP + (
        "注1：2023年范围一排放量因燃料数据核实而重列，范围一及范围二排放总量相应由165,440.4吨二氧化碳当量重列。\n"
        "2023年员工总数由3,410人调整为3,305人。\n"
    )
    assert facts(text) == {("employees_total", 2023): 3305}


def test_a_donation_summed_over_its_recipients_and_the_prior_year_in_a_bracket() -> None:
    text = HEAD_TRAD + (
        "截至2023年12月31日止年度，本集團向內地鄉村學校及食物銀行合共捐款人民幣126.8萬元"
        "（截至2022年12月31日止年度：人民幣95.5萬元），其中向某某教育基金會捐款人民幣30萬元。\n"
    )
    assert facts(text) == {("community_donations", 2023): 1_268_000, ("community_donations", 2022): 955_000}


def test_numbers_typed_with_a_full_width_point_or_apart_by_a_space() -> None:
    text = HEAD_SIMP + (
        "报告期内，公司对外捐赠合计236．80万元；研发投入为21，684．35万元。公司员工志愿服务时长累计4 860小时。\n"
    )
    assert facts(text) == {
        ("community_donations", 2024): 2_368_000,
        ("rd_investment", 2024): 216_843_500,
        ("volunteer_hours", 2024): 4860,
    }


def test_a_list_of_years_in_the_clause_before_the_label() -> None:
    text = HEAD_SIMP + "2024年、2023年、2022年，公司因工死亡人数分别为0人、0人、1人。\n"
    assert facts(text) == {
        ("work_related_fatalities", 2024): 0,
        ("work_related_fatalities", 2023): 0,
        ("work_related_fatalities", 2022): 1,
    }


def test_sites_sentences_then_the_groups_total() -> None:
    """Each factory's figure, then the group's; a total the sentence says holds self-generated power
    is no purchased electricity."""
    text = HEAD_TRAD + (
        "### 能源\n\n東莞廠房的直接能源消耗（主要為天然氣）為2,486.3兆瓦時，深圳廠房為1,102.9兆瓦時。\n"
        "本集團直接能源消耗合計3,712.5兆瓦時。本集團外購電力總耗量為26,828,560千瓦時（2022年：28,541,920千瓦時）。\n"
        "東莞廠房天台光伏系統年內發電並自用612,400千瓦時；連同自發自用的光伏電力，本集團總用電量為27,440,960千瓦時。\n"
        "本集團整體耗水量為280,597立方米。利用廠房屋頂建設的光伏系統年內發電320,000千瓦時。\n"
    )
    assert mapped_rows(text) == {
        ("energy_direct", 2023, 2486.3, True),
        ("energy_direct", 2023, 3712.5, False),
        ("electricity_purchased", 2023, 26_828_560, False),
        ("electricity_purchased", 2022, 28_541_920, False),
        ("water_consumption", 2023, 280_597, False),
    }


def test_the_head_offices_building_after_a_topic_opener_is_a_part() -> None:
    """`廢棄物方面，本集團總部辦公室…，產生無害廢棄物約12.6噸`: the topic a sentence opens with (`X方面，`,
    `就X而言，`) is no subject; the head office's building is one site, the group's own figure is not."""
    text = HEAD_TRAD + (
        "廢棄物方面，本集團總部辦公室於年內試行垃圾分類計量，產生無害廢棄物約12.6噸。\n"
        "就用水而言，本集團整體耗水量為280,597立方米。\n"
        "本集團位於九龍灣的總部大樓全年耗電量為386,120千瓦時。\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert {(row.metric_code, row.reported_value, row.is_partial_scope) for row in rows} == {
        ("non_hazardous_waste", 12.6, True),
        ("water_consumption", 280_597, False),
    }


def test_the_levels_of_a_change_between_fiscal_years() -> None:
    text = HEAD_TRAD + "東莞廠房的氮氧化物排放量由FY2022的842.6千克下降至FY2023的768.3千克。\n"
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert [(row.fiscal_year, row.reported_value) for row in rows] == [(2022, 842.6), (2023, 768.3)]


def test_a_subsidiary_named_with_a_place_in_brackets_bounds_its_sentence() -> None:
    text = (
        HEAD_SIMP
        + "子公司澄远新材料（安徽）有限公司2024年综合能耗为4,218吨标准煤，温室气体排放总量为10,356吨二氧化碳当量。\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    # (the first figure's label names the subsidiary itself, which no group metric's label may)
    assert [(row.metric_code, row.is_partial_scope) for row in rows] == [("ghg_scope1_2", True)]


def test_a_site_named_in_the_clause_a_figure_closes_bounds_it() -> None:
    """A site may be a clause's subject after a comma, not only the sentence's; a comma inside a
    bracket that lists the group's sites opens no clause."""
    text = HEAD_SIMP + (
        "2024年，公司推进节能改造，新建的滁州工厂投产后贡献范围二排放量1,234.5吨二氧化碳当量。\n"
        "受新厂投产影响，范围二排放量为9,876吨二氧化碳当量。\n"
        "本集团（含东莞工厂，深圳工厂）范围一排放量为3,210吨二氧化碳当量。\n"
        "东莞工厂的员工流失率为25.9%；本集团整体员工流失率为23.6%。\n"
        "本年度各门店共接获客户投诉46宗，每平方米冷库面积耗电0.083兆瓦时。\n"
    )
    rows = parse_report(text).rows
    assert {(row.metric_code, row.reported_value, row.is_partial_scope) for row in rows if row.metric_code} == {
        ("ghg_scope2", 1234.5, True),
        ("ghg_scope2", 9876, False),
        ("ghg_scope1", 3210, False),
        ("employee_turnover_rate", 23.6, False),  # the group's own clause after the site's
    }
    partial = {row.reported_value: row.is_partial_scope for row in rows}
    assert partial[25.9] and not partial[46] and not partial[0.083], "every store is the whole; an area is no site"


def test_a_group_companys_defined_short_name_bounds_its_sentence() -> None:
    text = HEAD_SIMP + (
        "本报告覆盖公司本部及控股子公司，包括澄远化学（南通）有限公司（以下简称“南通澄远”）。\n\n"
        "2024年，南通澄远范围一排放量为2,315.4吨二氧化碳当量。\n"
        "2024年，公司范围一排放量为5,120.8吨二氧化碳当量。\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert {(row.metric_code, row.reported_value, row.is_partial_scope) for row in rows} == {
        ("ghg_scope1", 2315.4, True),
        ("ghg_scope1", 5120.8, False),
    }
    companies = Companies("澄远集团股份有限公司", ("南通澄远",))
    assert sentence_scope("南通澄远及本部用水量合计为", companies=companies) is None, "more than that company"


def test_a_note_item_below_a_key_figures_years_bounds_that_figure() -> None:
    """`- **A1.4 無害廢棄物（噸）**`, its year items, then `  - 附註：僅包括香港業務`: that figure's every year is
    the Hong Kong business's; a note that bounds nothing, or one under another figure, leaves it whole."""
    text = HEAD_TRAD + (
        "- **A1.3 有害廢棄物（噸）**\n  - 2023年：18.42\n  - 2022年：20.15\n"
        "- **A1.4 無害廢棄物（噸）**\n  - 2023年：1,526.7\n  - 2022年：1,611.0\n  - 附註：僅包括香港業務\n"
        "- **A2.2 耗水量（立方米）**\n  - 2023年：41,286\n  - 2022年：43,905\n  - 附註：涵蓋本集團全部營運地點\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert {(row.metric_code, row.fiscal_year, row.is_partial_scope) for row in rows} == {
        ("hazardous_waste", 2023, False),
        ("hazardous_waste", 2022, False),
        ("non_hazardous_waste", 2023, True),
        ("non_hazardous_waste", 2022, True),
        ("water_consumption", 2023, False),
        ("water_consumption", 2022, False),
    }


def test_a_web_articles_key_figures_under_decorations_and_after_a_stroke_bar() -> None:
    """A figure under a section title (`【關鍵數字速覽】`, `▌安全生產`) or an emoji takes its label from the line
    below; `外購電力丨11,862萬千瓦時` uses the stroke 丨 as a bar between label and value."""
    text = HEAD_SIMP + (
        "【关键数字速览】\n\n38.62亿元\n营业收入\n\n"
        "▌安全生产\n\n0人\n因工死亡\n\n"
        "⚡\n52,370吨标准煤\n综合能源消耗总量\n\n"
        "外购电力丨11,862万千瓦时\n员工流失率丨6.8%\n绿色丨低碳丨发展\n"
        "■ 范围一 ▏ 41,260吨二氧化碳当量\n■ 排放强度 ▏ 0.284吨二氧化碳当量/万元营收\n"
    )
    assert facts(text) == {
        ("revenue", 2024): pytest.approx(3_862_000_000),
        ("work_related_fatalities", 2024): 0,
        ("energy_total", 2024): pytest.approx(52_370 * 8.141),
        ("electricity_purchased", 2024): 118_620,
        ("employee_turnover_rate", 2024): 6.8,
        ("ghg_scope1", 2024): 41_260,
        ("ghg_intensity_revenue", 2024): pytest.approx(28.4),
    }


def test_the_youth_leagues_volunteer_hours_are_its_own() -> None:
    text = HEAD_SIMP + "2024年，员工志愿服务时长5,820小时，其中公司团委组织的青年志愿者服务时长为1,940小时。\n"
    assert facts(text) == {("volunteer_hours", 2024): 5_820}
    alone = HEAD_SIMP + "公司团委组织青年志愿者开展社区活动42场，志愿服务时长1,860小时。\n"
    hours = [row for row in parse_report(alone).rows if row.metric_code == "volunteer_hours"]
    assert [(row.reported_value, row.is_partial_scope) for row in hours] == [(1_860, True)]


def test_a_comparison_with_taiwans_zhi_gives_the_earlier_level() -> None:
    """`較2023年之48,357.8公噸CO2e`: 之 joins the year to its level as 的 does."""
    text = HEAD_TRAD + "溫室氣體排放量（範疇一及範疇二）合計為45,100.4公噸CO2e，較2022年之48,357.8公噸CO2e減少6.7%。\n"
    assert facts(text) == {("ghg_scope1_2", 2023): 45_100.4, ("ghg_scope1_2", 2022): 48_357.8}


def test_a_taiwan_reports_roc_years_in_prose() -> None:
    """A report dated in ROC years (`113年`) states its prose in them too (`較112年之1,985小時`); a span of
    years far from its own (`創立100年`) is no year."""
    head = "晟鈺電子股份有限公司\n113年度永續報告書\n報告期間：民國113年1月1日至113年12月31日\n\n"
    text = head + "113年員工志工服務時數共計2,460小時，較112年之1,985小時成長23.9%。本公司創立100年以來持續回饋社會。\n"
    assert facts(text) == {("volunteer_hours", 2024): 2_460, ("volunteer_hours", 2023): 1_985}
    assert roc_years_of("113年，創立100年，112年之1,985小時", 2024) == "2024年，創立100年，2023年之1,985小時"
    assert roc_years_of("2023年之1,985小時，112年", 2024) == "2023年之1,985小時，112年", "not dated in ROC years"


def test_a_scope_note_naming_a_year_or_defining_one_kpi_bounds_only_that() -> None:
    """`注1：2022年环境数据统计范围仅包括总行` bounds 2022's environmental figures, not 2024's; `注：员工总数为…，
    不含控股子公司员工` defines the headcount, not every social figure."""
    text = HEAD_SIMP + (
        "| 指标 | 单位 | 2024年 | 2023年 | 2022年 |\n| --- | --- | --- | --- | --- |\n"
        "| 外购电力 | 万千瓦时 | 2,486.37 | 2,531.05 | 1,204.66 |\n"
        "| 员工总数 | 人 | 3,861 | 3,702 | 3,548 |\n"
        "| 员工流失率 | % | 3.42 | 3.87 | 4.15 |\n\n"
        "注1：2022年环境数据统计范围仅包括总行及一级分行本部。\n"
        "注：员工总数为与本行签订劳动合同的在职员工，不含劳务派遣人员及控股子公司员工。\n"
    )
    partial = {(row.metric_code, row.fiscal_year): row.is_partial_scope for row in parse_report(text).rows}
    assert partial[("electricity_purchased", 2022)] and not partial[("electricity_purchased", 2024)]
    assert partial[("employees_total", 2024)] and not partial[("employee_turnover_rate", 2024)]
    # the KPI named as the subject of what it leaves out (`員工人數統計不含…`) is bounded, its pillar is not
    stated = text.replace("注：员工总数为与本行签订劳动合同的在职员工，不含", "员工人数统计不含")
    partial = {(row.metric_code, row.fiscal_year): row.is_partial_scope for row in parse_report(stated).rows}
    assert partial[("employees_total", 2024)] and not partial[("employee_turnover_rate", 2024)]


def test_a_span_of_years_pairs_with_the_figures_its_sentence_lists() -> None:
    """`2022年至2024年…依次為`, `近三年…分別為`, a span shared over `；`, the unit after the last figure only;
    a separator inside a bracket (`（範圍一、二、三）`) lists no items."""
    text = HEAD_SIMP + (
        "2022年至2024年员工总数依次为5,842人、6,105人、6,317人。\n"
        "近三年，公司氮氧化物排放量分别为12.36、11.82和10.45吨。\n"
        "2022年至2024年，公司取水量分别为14.9、14.2和13.5万吨；耗水量分别为12.8、12.1和11.6万吨。\n"
        "若计入范围三，公司温室气体排放总量（范围一、二、三）分别为78.95万吨、76.62万吨和71.84万吨二氧化碳当量。\n"
        "预计2025年至2027年，公司耗水量分别为11.2、10.9和10.5万吨。\n"
    )
    assert facts(text) == {
        ("employees_total", 2022): 5_842,
        ("employees_total", 2023): 6_105,
        ("employees_total", 2024): 6_317,
        ("nox_emissions", 2022): pytest.approx(12_360),
        ("nox_emissions", 2023): pytest.approx(11_820),
        ("nox_emissions", 2024): pytest.approx(10_450),
        ("water_consumption", 2022): pytest.approx(128_000),
        ("water_consumption", 2023): pytest.approx(121_000),
        ("water_consumption", 2024): pytest.approx(116_000),
    }


def test_key_data_listed_by_year() -> None:
    text = HEAD_SIMP + (
        "### 经营与社会关键数据（按年份）\n\n"
        "- 2023年：营业收入55.81亿元（同比增长6.6%），员工4,305人（其中女性1,352人），志愿服务时长6,135小时。\n"
        "- 2024年：营业收入61.04亿元（同比增长9.4%），员工4,518人（其中女性1,436人），员工流失率8.7%。\n"
    )
    assert {key: value for key, value in facts(text).items() if key[0] == "employees_total"} == {
        ("employees_total", 2023): 4305,
        ("employees_total", 2024): 4518,
    }


def test_a_total_its_sentence_says_holds_scope_3_is_no_scope_1_and_2_total() -> None:
    text = HEAD_TRAD + (
        "範圍三排放約為860噸二氧化碳當量；連同範圍三在內，本集團溫室氣體排放總量約2.4萬噸二氧化碳當量。\n"
        "本集團年內共與436家供應商合作。本集團僱員年內參與義工服務合共1,240小時。\n"
    )
    assert facts(text) == {
        ("ghg_scope3", 2023): 860,
        ("suppliers_total", 2023): 436,
        ("volunteer_hours", 2023): 1240,
    }
    assert facts(HEAD_TRAD + "員工義工全年累計服務4,620小時。\n") == {("volunteer_hours", 2023): 4620}  # 全年 inside


def test_an_english_paragraph_above_is_no_line_a_chinese_sentence_wraps_from() -> None:
    text = HEAD_TRAD + (
        "The Group's water is used for cooling at the cold stores, and is entirely supplied by municipal water networks.\n\n"
        "本集團年內耗水量為86,540立方米（2022年：82,317立方米）。\n"
    )
    assert facts(text) == {("water_consumption", 2023): 86540, ("water_consumption", 2022): 82317}


def test_headcount_on_the_register_training_carried_out_and_what_a_figure_leaves_out() -> None:
    text = HEAD_SIMP + (
        "集团年末在册员工58,412人。全年累计开展员工培训2,248,862小时。\n"
        "客户有效投诉12,486件，不含子公司某某冷链单独受理的1,132件投诉。\n"
    )
    assert facts(text) == {
        ("employees_total", 2024): 58412,
        ("training_hours_total", 2024): 2_248_862,
        ("customer_complaints", 2024): 12486,
    }


def test_a_footnote_bounding_one_kpis_data_bounds_that_kpi_alone() -> None:
    text = HEAD_TRAD + (
        "| 指標 | 單位 | 2023年 |\n|:---|:---|---:|\n| 有害廢棄物 | 噸 | 42.6 |\n| 無害廢棄物[^b] | 噸 | 12.65 |\n\n"
        "[^b]: 無害廢棄物數據僅涵蓋香港總辦事處。\n"
    )
    rows = {row.metric_code: row.is_partial_scope for row in parse_report(text).rows if row.metric_code}
    assert rows == {"hazardous_waste": False, "non_hazardous_waste": True}


def test_a_table_of_rounded_figures_and_a_kitchens_sentence() -> None:
    """`約8,280` in a cell is the figure, rounded; `逾10,000` is a bound, no figure; a sentence opening with
    one kitchen (a caterer's site) gives that site's figure."""
    text = HEAD_TRAD + (
        "屯門中央廚房為本集團最大的用水點，本年度耗水約14.8萬立方米。\n\n"
        "| 指標 | 單位 | 2023年 | 2022年 |\n|---|---|---:|---:|\n"
        "| 耗水量 | 萬立方米 | 約61.5 | 約63.2 |\n| 義工服務時數 | 小時 | 約12,000 | 逾10,000 |\n"
    )
    assert facts(text) == {
        ("water_consumption", 2023): 615_000,
        ("water_consumption", 2022): 632_000,
        ("volunteer_hours", 2023): 12000,
    }


def test_approximate_figures_and_their_prior_years_in_prose() -> None:
    text = HEAD_TRAD + (
        "範圍一及範圍二溫室氣體排放合共約8,280噸二氧化碳當量（2022年：合共約8,700噸二氧化碳當量）。"
        "按僱員人數計算的排放密度約為每名僱員1.9噸二氧化碳當量（2022年：約2.1噸）。\n"
        "本年度共接獲顧客投訴126宗（2022年：達148宗）。女性僱員2,307名，約佔僱員總數的52.6%。\n"
        "本年度與本集團有業務往來的供應商約為620家。本年度外賣包裝物料使用量約為412噸。\n"
    )
    assert facts(text) == {
        ("ghg_scope1_2", 2023): 8280,
        ("ghg_scope1_2", 2022): 8700,
        ("ghg_intensity_employee", 2023): 1.9,
        ("ghg_intensity_employee", 2022): 2.1,
        ("customer_complaints", 2023): 126,
        ("customer_complaints", 2022): 148,
        ("employees_female", 2023): 2307,
        ("employees_female_pct", 2023): 52.6,
        ("suppliers_total", 2023): 620,
        ("packaging_material", 2023): 412,
    }


def test_a_site_after_of_which_and_a_listed_subsidiarys_board_are_parts() -> None:
    text = HEAD_SIMP + (
        "本集团无害废弃物总量为2,318.4吨。其中，青衣西货柜码头产生的无害废弃物为1,486.2吨。\n"
        "所属上市公司华岳建设股份有限公司董事会由11名董事组成，其中独立董事4名。\n"
    )
    rows = [
        (row.metric_code, row.reported_value, row.is_partial_scope)
        for row in parse_report(text).rows
        if row.metric_code
    ]
    assert rows == [
        ("non_hazardous_waste", 2318.4, False),
        ("non_hazardous_waste", 1486.2, True),
        ("board_independent", 4, True),
    ]


def test_a_sentence_about_that_subsidiary_is_its_figure() -> None:
    text = (
        HEAD_SIMP
        + "全资子公司宿迁某某水务运营有限公司负责污水处理厂的委托运营。2024年该子公司外购电力1,863万千瓦时。\n"
    )
    rows = parse_report(text).rows  # (its label names the subsidiary too: no group metric)
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(1863, True)]


def test_a_sum_whose_sentence_names_the_year_before_a_semicolon() -> None:
    text = HEAD_SIMP + "2024年，公司对外捐赠总额386.5万元；员工志愿者协会组织活动46场，员工累计志愿服务6,420小时。\n"
    assert facts(text) == {("community_donations", 2024): 3_865_000, ("volunteer_hours", 2024): 6420}


def test_a_year_and_its_possessive_before_the_label() -> None:
    text = HEAD_TRAD + "本集團2023年之收益為人民幣6,258.9百萬元（2022年：人民幣5,891.4百萬元）。\n"
    assert facts(text) == {("revenue", 2023): 6_258_900_000, ("revenue", 2022): 5_891_400_000}


def test_records_of_a_definition_list_each_their_own_label() -> None:
    text = HEAD_TRAD + (
        '<dl class="kpi-dl">\n'
        "<dt>員工平均訓練時數</dt><dd>26.4 小時（2022年：24.9 小時）</dd>\n"
        "<dt>總訓練時數</dt><dd>33,898 小時（2022年：32,295 小時）</dd>\n"
        "<dt>供應商家數</dt><dd>612 家（2022年：598 家）</dd>\n</dl>\n"
    )
    assert facts(text) == {
        ("training_hours_per_employee", 2023): 26.4,
        ("training_hours_per_employee", 2022): 24.9,
        ("training_hours_total", 2023): 33898,
        ("training_hours_total", 2022): 32295,
        ("suppliers_total", 2023): 612,
        ("suppliers_total", 2022): 598,
    }


def test_the_reports_own_period_after_an_earlier_years_event() -> None:
    text = HEAD_SIMP + (
        "公司于2021年完成搬迁，报告期内员工总数为1,234人。\n"
        "2023年用水量为12,000吨，本年度为11,500吨。\n"
        "本年度用电量为3,000兆瓦时，而2023年则为3,200兆瓦时。\n"
        "屋顶光伏项目于2023年并网，本年度综合能源消耗量为 $1.25 \\times 10^{4}$ kWh。\n"
    )
    assert facts(text) == {
        ("employees_total", 2024): 1234,
        ("water_consumption", 2023): 12000,
        ("water_consumption", 2024): 11500,
        ("electricity_purchased", 2024): 3000,
        ("electricity_purchased", 2023): 3200,
        ("energy_total", 2024): 12.5,  # MWh
    }


def test_a_year_in_a_bracket_of_its_own_dates_the_figure_beside_it() -> None:
    """`綜合能源消耗量（2023年）：`, `（基於位置，2023年）` and `…噸CO2e（2023年）` name the figure's year; a
    bracket holding a figure of its own (`（2023年：…）`) dates that figure only."""
    text = HEAD_SIMP + (
        "- 综合能源消耗量（2024年）：4,862.7吨标准煤\n"
        "- 综合能源消耗量（2023年）：4,675.9吨标准煤\n"
        "- 范围二温室气体排放(基于位置，2023年)：42,845.0吨二氧化碳当量\n"
        "- 直接温室气体排放（范围一）：6,215.4吨CO2e（2024年）\n"
        "- 直接温室气体排放（范围一）：6,038.7吨CO2e（2023年）\n"
        "- 用水总量为156,000立方米（2023年：149,300立方米）\n"
        "- 单位营业收入综合能耗（2025年）：≤8.0千克标准煤/万元（目标值）\n"
    )
    found = facts(text)
    assert found[("energy_total", 2024)] == pytest.approx(4862.7 * 8.141)
    assert found[("energy_total", 2023)] == pytest.approx(4675.9 * 8.141)
    assert found[("ghg_scope2", 2023)] == pytest.approx(42845.0)
    assert (found[("ghg_scope1", 2024)], found[("ghg_scope1", 2023)]) == (6215.4, 6038.7)
    assert (found[("water_consumption", 2024)], found[("water_consumption", 2023)]) == (156000, 149300)
    assert not any(year == 2025 for _, year in found), "a later year's bracket is a target"


def test_a_unit_read_whole_when_a_multiplier_could_end_it_early() -> None:
    """`千克標準煤/萬元` is one unit, not `千` x `克`; `萬千瓦時` is still `萬` x `千瓦時`."""
    text = HEAD_SIMP + "单位营业收入综合能耗为8.47千克标准煤/万元。外购电力为7,856.2万千瓦时。\n"
    found = facts(text)
    assert found[("energy_intensity_revenue", 2024)] == pytest.approx(8.47 * 0.008141 * 100)
    assert found[("electricity_purchased", 2024)] == pytest.approx(78562)


def test_an_earlier_years_figure_after_the_subjects_own_takes_the_unit_its_label_carries() -> None:
    text = (
        HEAD_SIMP
        + "- 氮氧化物排放量（吨）：2024年为3.86，2023年为4.12\n- 危险废物产生量（吨）：2024年为312.5，2023年为298.1\n"
    )
    found = facts(text)
    assert (found[("nox_emissions", 2024)], found[("nox_emissions", 2023)]) == (3860, 4120)
    assert (found[("hazardous_waste", 2024)], found[("hazardous_waste", 2023)]) == (312.5, 298.1)


def test_a_clause_opening_with_another_companys_legal_name_is_that_companys() -> None:
    text = HEAD_SIMP + (
        "- 综合能源消耗量（2024年）：4,862.7吨标准煤\n"
        "- 其中：澄远新材料（安徽）有限公司综合能源消耗量（2024年）：1,386.4吨标准煤\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "energy_total"]
    assert [(row.raw_value, row.is_partial_scope) for row in rows] == [("4,862.7", False), ("1,386.4", True)]
    assert facts(text)[("energy_total", 2024)] == pytest.approx(4862.7 * 8.141)


def test_a_lettered_note_on_one_kpis_data_of_one_year_bounds_that_alone() -> None:
    """`(c) 2022年耗水量數據僅涵蓋本集團香港辦事處` bounds 2022's water, not 2022's other figures."""
    text = HEAD_TRAD.replace("2023", "2024") + (
        "| 指標 | 單位 | 2024 | 2023 | 2022 |\n| --- | --- | --- | --- | --- |\n"
        "| 外購電力 | 千瓦時 | 32,415,800 | 33,702,100 | 34,886,500 |\n"
        "| 耗水量 | 立方米 | 612,480 | 598,320 | 48,210(c) |\n\n"
        "(c) 2022年耗水量數據僅涵蓋本集團香港辦事處，並未包括在管物業項目。\n"
    )
    partial = {(row.metric_code, row.fiscal_year): row.is_partial_scope for row in parse_report(text).rows}
    assert partial[("water_consumption", 2022)] and not partial[("water_consumption", 2024)]
    assert not partial[("electricity_purchased", 2022)]


@pytest.mark.parametrize("bound", ["不足", "不到", "未达", "最多", "最少", "超过", "逾"])
def test_a_figure_stated_as_a_bound_is_no_level(bound: str) -> None:
    text = HEAD_SIMP + f"公司全年氮氧化物排放量18.72吨，颗粒物排放量{bound}2吨。\n"
    found = facts(text)
    assert found[("nox_emissions", 2024)] == pytest.approx(18720)
    assert ("pm_emissions", 2024) not in found


def test_money_in_macau_patacas_at_the_rate_the_report_states() -> None:
    text = HEAD_TRAD.replace("2023", "2024") + (
        "| 指標 | 單位 | 2024 | 2023 |\n| --- | --- | --- | --- |\n"
        "| 慈善捐款 | 萬澳門元 | 386.5 | 312.0 |\n\n"
        "註：本報告以1澳門元兌0.89元人民幣換算。\n"
    )
    assert facts(text)[("community_donations", 2024)] == pytest.approx(386.5e4 * 0.89)
    without_rate = text.replace("註：本報告以1澳門元兌0.89元人民幣換算。\n", "")
    assert ("community_donations", 2024) not in facts(without_rate), "no stated rate: no CNY amount"


def test_a_note_on_which_categories_scope_3_counts_bounds_no_part_of_the_group() -> None:
    text = HEAD_TRAD.replace("2023", "2024") + (
        "| 指標 | 單位 | 2024 | 2023 |\n| --- | --- | --- | --- |\n"
        "| 範圍一（直接排放） | 噸二氧化碳當量 | 4,812.6 | 4,690.2 |\n"
        "| 範圍三（其他間接排放）³ | 噸二氧化碳當量 | 1,246.8 | 1,102.5 |\n\n"
        "註：\n\n3. 範圍三排放自2023財政年度起開始統計，僅涵蓋商務航空差旅及廢棄物焚化處理。\n"
    )
    rows = {(row.metric_code, row.fiscal_year): row for row in parse_report(text).rows}
    assert not rows[("ghg_scope3", 2024)].is_partial_scope
    assert facts(text)[("ghg_scope3", 2024)] == pytest.approx(1246.8)


def test_measures_by_gender_with_a_total_column_give_the_total() -> None:
    text = HEAD_TRAD.replace("2023", "2024") + (
        "| 培訓指標（2024財政年度） | 全體僱員 | 男性 | 女性 |\n| --- | --- | --- | --- |\n"
        "| 平均培訓時數（小時/人） | 23.5 | 22.1 | 25.0 |\n"
        "| 受訓僱員百分比（%） | 不適用 | 91.2 | 94.5 |\n"
    )
    found = facts(text)
    assert found[("training_hours_per_employee", 2024)] == 23.5
    assert not any(metric == "employees_trained_pct" for metric, _ in found), "a gender's share is no total"


def test_an_aim_word_in_an_earlier_clause_leaves_a_zero_stated_in_words() -> None:
    text = HEAD_SIMP + (
        "公司持续完善反腐败与合规体系，全年开展廉洁从业培训，报告期内未发生已审结的贪腐诉讼案件。"
        "公司将持续实现零工亡。\n"
    )
    found = facts(text)
    assert found[("corruption_cases_concluded", 2024)] == 0
    assert ("work_related_fatalities", 2024) not in found, "an aim in the zero's own clause is no level"


def test_the_whole_company_as_a_table_labels_subject() -> None:
    text = HEAD_SIMP + (
        "| 指标 | 单位 | 2024年 | 2023年 |\n| --- | --- | --- | --- |\n"
        "| 供水量 | 万立方米 | 38,650.2 | 37,120.4 |\n"
        "| 公司用水总量 | 立方米 | 11,264,830 | 10,982,115 |\n"
        "| 集团员工总数 | 人 | 7,496 | 7,210 |\n"
        "| 总部用电量 | 万千瓦时 | 120.5 | 118.2 |\n"
    )
    found = facts(text)
    assert found[("water_consumption", 2024)] == 11264830, "water supplied to customers is no consumption"
    assert found[("employees_total", 2023)] == 7210
    assert ("electricity_purchased", 2024) not in found, "the head office's is a part"


def test_a_numbered_title_between_tables_starts_a_new_table() -> None:
    """`表2-8 …` between two Markdown tables: the second (sites by withdrawal and consumption, no years)
    continues no year table above it."""
    text = HEAD_TRAD.replace("2023", "2024") + (
        "表2-7　水資源（單位：立方公尺）\n\n| 項目 | 2024年 | 2023年 |\n|---|---|---|\n"
        "| 總取水量 | 612,480 | 598,215 |\n| 總耗水量 | 203,160 | 196,842 |\n\n"
        "表2-8　廠區別取水及耗水量（2024年1-12月，單位：立方公尺）\n\n| 廠區 | 總取水量 | 總耗水量 |\n|---|---|---|\n"
        "| 桃園廠 | 241,806 | 58,317 |\n| 台北總部 | 5,724 | 1,375 |\n"
    )
    rows = parse_report(text).rows
    assert {row.raw_value for row in rows if row.raw_label in ("桃園廠", "台北總部")} == set(), "no year columns there"
    assert facts(text)[("water_consumption", 2023)] == 196842


def test_a_market_based_total_and_an_intensitys_boundary() -> None:
    """Scope 1+2 location-based where both are given, as scope 2; a note bounding a per-rack intensity
    (`單機架綜合能耗僅統計數據中心業務`) bounds no total."""
    text = HEAD_SIMP + (
        "| 指标 | 单位 | 2023年 | 2024年 |\n| --- | --- | --- | --- |\n"
        "| 范围一及范围二排放总量（基于位置） | 吨二氧化碳当量 | 621,004.1 | 669,212.5 |\n"
        "| 范围一及范围二排放总量（基于市场） | 吨二氧化碳当量 | 564,742.3 | 568,596.7 |\n"
        "| 综合能源消耗量 | 吨标准煤 | 133,339.65 | 152,592.61 |\n"
        "| 单机架综合能耗 | 吨标准煤/架 | 2.28 | 2.29 |\n\n"
        "注：综合能源消耗量包括外购电力及化石燃料；单机架综合能耗仅统计数据中心业务。\n"
    )
    rows = {(row.metric_code, row.fiscal_year, row.raw_value): row for row in parse_report(text).rows}
    assert ("ghg_scope1_2", 2024, "568,596.7") not in rows
    assert facts(text)[("ghg_scope1_2", 2024)] == pytest.approx(669212.5)
    assert not rows[("energy_total", 2024, "152,592.61")].is_partial_scope


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("公司範圍一、範圍二溫室氣體排放總量為12,806.5噸二氧化碳當量。", {("ghg_scope1_2", 2023): 12_806.5}),
        ("本集團範圍二排放量為9,588.1噸二氧化碳當量、用水量為4,321立方米。", {("ghg_scope2", 2023): 9_588.1}),
        ("本集團於《2022年環境、社會及管治報告》中披露之範圍二排放量為9,588.1噸。", {("ghg_scope2", 2022): 9_588.1}),
    ],
)
def test_a_value_after_a_list_of_items_is_the_whole_lists(sentence: str, expected: dict) -> None:
    """`範圍一、範圍二…排放總量為X`: the items before the last `、` hold no value, so X is the list's (both
    scopes'), not the last item's; a `、` inside a title `《…》` lists nothing."""
    assert {
        key: value for key, value in facts(HEAD_TRAD + sentence + "\n").items() if key[0] != "water_consumption"
    } == (pytest.approx(expected))


def test_school_years_date_prose_as_fiscal_years_do() -> None:
    """An education group's fiscal year is its school year (`2023/24學年`, `2024學年度`): an earlier one
    named in a bracket or a clause is that fiscal year, as `2022/23財政年度` would be."""
    head = "示例教育集團有限公司\n2024財政年度環境、社會及管治報告\n報告期間：2023年9月1日至2024年8月31日\n\n"
    text = head + (
        "2023/24學年，本集團共有僱員7,826名（2022/23學年：7,214名）。\n"
        "2024學年度，本集團總耗水量為2,136,480立方米，2023學年度則為1,987,350立方米。\n"
    )
    assert facts(text) == {
        ("employees_total", 2024): 7826,
        ("employees_total", 2023): 7214,
        ("water_consumption", 2024): 2_136_480,
        ("water_consumption", 2023): 1_987_350,
    }


def test_a_figure_under_a_title_naming_a_span_of_years_is_no_level_of_one() -> None:
    """`圖5：2021年至2023年範圍一及範圍二溫室氣體排放（噸二氧化碳當量）` over a chart's loose numbers (an axis
    tick first): a series or a sum over the years, no figure of the report's year; a split fiscal year
    (`2022年至2023年度`) is one year."""
    chart = HEAD_TRAD + "圖5：2021年至2023年範圍一及範圍二溫室氣體排放（噸二氧化碳當量）\n15,000\n10,000\n"
    assert facts(chart) == {}


def test_bullets_of_an_hkex_kpi_list_with_the_year_before_inline() -> None:
    """Bullets under HKEX KPI titles: the title names the breakdowns it asks for (`按性別及僱員類別劃分的受訓
    僱員百分比`) and the figure under it is the total; each item of a breakdown list shares the list's
    lead-in (`◦ 按性別劃分：` over `– 男性` and `– 女性`); `上一財政年度` is the year before; a clause bounding
    one KPI (`因此本集團的耗水數據僅涵蓋深圳辦事處`) bounds that KPI only."""
    head = "示例資訊科技控股有限公司\n2024財政年度環境、社會及管治報告\n報告期間：2023年7月1日至2024年6月30日\n\n"
    text = head + (
        "KPI A1.1 排放物種類及相關排放數據\n"
        "• 硫氧化物（SOx）：0.08千克（上一財政年度：0.09千克）\n"
        "KPI A2.2 總耗水量\n"
        "• 香港總部的用水計入管理費，未能獨立計量，因此本集團的耗水數據僅涵蓋深圳辦事處。\n"
        "• 耗水量：412立方米\n"
        "KPI B1.1 按性別、僱傭類型、年齡組別及地區劃分的僱員總數\n"
        "• 僱員總數：248人\n"
        "  ◦ 按性別劃分：\n"
        "    – 男性：161人\n"
        "    – 女性：87人\n"
        "KPI B3.1 按性別及僱員類別劃分的受訓僱員百分比\n"
        "• 受訓僱員百分比 92%\n"
    )
    assert mapped_rows(text) == {
        ("sox_emissions", 2024, 0.08, False),
        ("sox_emissions", 2023, 0.09, False),
        ("water_consumption", 2024, 412, True),
        ("employees_total", 2024, 248, False),
        ("employees_male", 2024, 161, False),
        ("employees_female", 2024, 87, False),
        ("employees_trained_pct", 2024, 92, False),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # `較<year>的X<verb>至Y`: X the earlier year's level, Y the report's, both the label's before `較`
        (
            "範圍一直接排放較上年度的1,520.5噸二氧化碳當量下降至1,410.2噸二氧化碳當量。",
            {("ghg_scope1", 2022): 1520.5, ("ghg_scope1", 2023): 1410.2},
        ),
        # `，較2022年底之X`: a clause comparing the figure before it with the year-end before
        (
            "截至2023年底，本公司員工總數812人，較2022年底之790人成長2.8%。",
            {("employees_total", 2023): 812.0, ("employees_total", 2022): 790.0},
        ),
        # `在册` (on the payroll) is the label's word, not the filler `在` (at)
        (
            "截至2023年12月31日，公司在册员工共计3,268人，较2022年末的3,105人增加163人。",
            {("employees_total", 2023): 3268.0, ("employees_total", 2022): 3105.0},
        ),
    ],
)
def test_a_comparison_names_the_earlier_years_level(sentence: str, expected: dict) -> None:
    got = facts(HEAD_TRAD + sentence + "\n")
    assert {key: value for key, value in got.items() if key in expected} == expected
    assert len([key for key in got if key[0] == next(iter(expected))[0]]) == len(expected)


def test_a_sum_in_a_paragraph_whose_first_sentence_names_the_year_is_the_years() -> None:
    """`累計` is a sum since some start unless its paragraph dates it: a first sentence naming the year
    (anywhere in it) does; one counting from a start (`自2015年起`) does not."""
    dated = "本集團積極履行社會責任，2023年對外公益捐贈186.40萬元。本集團員工志願服務時長累計5,236小時。\n"
    since = "本集團自2015年起推動員工志願服務。員工志願服務時長累計52,360小時。\n"
    assert facts(HEAD_TRAD + dated).get(("volunteer_hours", 2023)) == 5236.0
    assert not [key for key in facts(HEAD_TRAD + since) if key[0] == "volunteer_hours"]


def test_the_period_inside_a_prose_label_is_none_of_it() -> None:
    assert facts(HEAD_TRAD + "員工義工本年度合共服務2,360小時，其中參與計劃的服務時數為860小時。\n") == {
        ("volunteer_hours", 2023): 2360.0
    }


def test_a_years_list_followed_by_a_clause_of_its_own_year() -> None:
    """`2021年、2022年、2023年，…分別為X、Y和Z，2023年同比下降2.6%`: the year after the list opens the
    next clause, no fourth item; a label closing on its year (`外購電量2022年為`) is read without it; scope 2
    named as the emissions of purchased electricity is scope 2."""
    text = (
        "2021年、2022年、2023年，公司綜合能源消費量分別為97.86萬噸標準煤、101.25萬噸標準煤和98.63萬噸標準煤，"
        "2023年同比下降2.6%，主要系發電量減少所致。\n"
        "外購電量2022年為4,129.0萬千瓦時，2023年為3,862.0萬千瓦時。\n"
        "近三年，公司外購電力產生的範圍二溫室氣體排放量依次為24,316、23,548和22,025噸二氧化碳當量。\n"
    )
    got = facts(HEAD_TRAD + text)
    assert [round(got[("energy_total", year)]) for year in (2021, 2022, 2023)] == [
        round(value * 10000 * 8.141) for value in (97.86, 101.25, 98.63)
    ]
    assert (got[("electricity_purchased", 2022)], got[("electricity_purchased", 2023)]) == (41290.0, 38620.0)
    assert [got[("ghg_scope2", year)] for year in (2021, 2022, 2023)] == [24316.0, 23548.0, 22025.0]


def test_a_clause_facing_a_plant_is_no_plants_figure() -> None:
    """`面對主機廠降本壓力…，全年實現營業收入`: the plant a preposition names is no subject of the figure."""
    text = "面對主機廠降本壓力與原材料價格波動，公司堅持精益製造，全年實現營業收入53.40億元。\n"
    row = next(row for row in parse_report(HEAD_TRAD + text).rows if row.metric_code == "revenue")
    assert not row.is_partial_scope


def test_a_per_unit_qualifier_covers_every_item_of_its_clause() -> None:
    text = "2023年每噸粗鋼硫氧化物排放0.186公斤、氮氧化物排放0.412公斤、粒狀污染物排放0.071公斤。\n"
    assert facts(HEAD_TRAD + text) == {}


def test_a_total_that_takes_scope_3_in_is_no_scope_3() -> None:
    assert facts(HEAD_SIMP + "纳入范围三后的温室气体排放总量为41,285.3吨二氧化碳当量。\n") == {}


def test_a_metrics_years_and_figures_joined_by_slashes_or_arrows_on_one_line() -> None:
    """`範圍一排放（噸二氧化碳當量）2022/2021：4,512.3/4,786.0`, `僱員總數（人）：1,286 / 1,244（2023 / 2022）`, a span
    of years with arrows (`耗水量 2021-2023（立方米）：21,560 → 20,884 → 19,932`); a target's slot is no figure."""
    text = HEAD_TRAD + (
        "範圍一排放（噸二氧化碳當量）2023/2022：4,512.3/4,786.0\n"
        "僱員總數（人）：1,286 / 1,244（2023 / 2022）\n"
        "耗水量 2021-2023（立方米）：21,560 → 20,884 → 19,932\n"
        "因工傷損失工作日數（日）2022/2023/2030目標：287/312/200\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("ghg_scope1", 2023): 4512.3,
            ("ghg_scope1", 2022): 4786.0,
            ("employees_total", 2023): 1286,
            ("employees_total", 2022): 1244,
            ("water_consumption", 2021): 21560,
            ("water_consumption", 2022): 20884,
            ("water_consumption", 2023): 19932,
            ("lost_days_work_injury", 2022): 287,
            ("lost_days_work_injury", 2023): 312,
        }
    )


def test_a_figure_counted_in_a_total_stated_after_it_is_a_part() -> None:
    """`…報告期內排放顆粒物11.35吨，已纳入上述公司排放总量。`: one subsidiary's figure, counted in the company's."""
    text = HEAD_SIMP + "报告期内，某某冷轧排放颗粒物11.35吨，已纳入上述公司排放总量。\n"
    rows = [row for row in parse_report(text).rows if row.metric_code == "pm_emissions"]
    assert [row.is_partial_scope for row in rows] == [True]


def test_figures_each_followed_by_its_year_in_brackets_and_a_unit_in_the_heading_above() -> None:
    """`- 範圍一排放：3,105.8噸二氧化碳當量（2023年）（按年下降5.5%）；3,286.4噸二氧化碳當量（2022年）`: each figure's year
    is the bracket after it (a change in a bracket of its own is none); a heading's unit (`### 用水（立方米）`)
    is the unit of such records that print none; a floor area is a denominator (`千克二氧化碳當量／平方米`); a
    gender's record nested under a headcount's is that gender's headcount."""
    text = HEAD_TRAD + (
        "- 範圍一溫室氣體排放：3,105.8噸二氧化碳當量（2023年）（按年下降5.5%）；3,286.4噸二氧化碳當量（2022年）\n"
        "- 溫室氣體排放密度：29.7千克二氧化碳當量／平方米（2023年）；31.3千克二氧化碳當量／平方米（2022年）\n\n"
        "### 用水（立方米）\n\n- 總耗水量：186,420（2023年）；194,815（2022年）\n\n"
        "### 僱傭\n\n- 僱員總數：2,846人（2023）、2,731人（2022）\n  - 男性：1,512人（2023）；1,460人（2022）\n"
        "  - 全職：2,701人（2023）\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("employees_total", 2023): 2846,  # (not the full-time count nested under it)
            ("employees_total", 2022): 2731,
            ("employees_male", 2023): 1512,  # a gender nested under the headcount
            ("employees_male", 2022): 1460,
            ("ghg_scope1", 2023): 3105.8,
            ("ghg_scope1", 2022): 3286.4,
            ("water_consumption", 2023): 186420,
            ("water_consumption", 2022): 194815,
        }
    )


def test_year_blocks_date_the_key_figures_under_them() -> None:
    """`【2022年度】` over `一、环境` / `范围一温室气体排放量：18,426.3 吨二氧化碳当量`: the block's year dates every line
    to the next block, whatever numbered headings come between; a site's block (`【2023年度·江西基地】`) bounds
    its figures, and a target's block holds no data."""
    block = "一、环境\n范围一温室气体排放量：{} 吨二氧化碳当量\n二、社会\n员工总数：{} 人\n\n"
    text = HEAD_SIMP + (
        "【2023年度】\n"
        + block.format("18,426.3", "12,846")
        + "【2023年度·江西基地】\n"
        + block.format("6,214.8", "4,615")
        + "【2022年度】\n"
        + block.format("17,208.9", "11,573")
        + "【2025年目标】\n"
        + block.format("15,000", "13,000")
    )
    rows = [
        (row.metric_code, row.fiscal_year, row.reported_value, row.is_partial_scope) for row in parse_report(text).rows
    ]
    assert sorted(row for row in rows if row[0]) == [
        ("employees_total", 2022, 11573, False),
        ("employees_total", 2023, 4615, True),
        ("employees_total", 2023, 12846, False),
        ("ghg_scope1", 2022, 17208.9, False),
        ("ghg_scope1", 2023, 6214.8, True),
        ("ghg_scope1", 2023, 18426.3, False),
    ]


def test_a_label_opening_with_a_service_centre_is_that_sites_figure() -> None:
    """`青衣維修中心流動發電機氮氧化物` names one maintenance centre's generators: a part, beside the company's own."""
    text = (
        HEAD_TRAD
        + "氮氧化物（千克）2023/2022：1,835.6/1,902.4\n青衣維修中心流動發電機氮氧化物（千克）2023/2022：214.7/233.9\n"
    )
    rows = {(row.reported_value, row.is_partial_scope) for row in parse_report(text).rows if row.fiscal_year == 2023}
    assert rows == {(1835.6, False), (214.7, True)}


def test_an_infographic_line_of_key_figures_apart_by_dots_or_bars() -> None:
    """`范围一排放 126,345.6吨CO₂e（2022年：131,982.4） · 范围二排放 …`: each key figure a clause of its own, the prior
    year's in small print after it; a formula's subscript (`CO₂e`) is a unit's digit; a ranch's figure is a site's."""
    text = HEAD_SIMP + (
        "范围一排放 126,345.6吨CO₂e（2023年：131,982.4） · 范围二排放 215,678.9吨CO₂e（2023年：224,105.3）\n\n"
        "员工总数 8,642人（2023年：8,915） ｜ 女性员工占比 41.2%（2023年：40.6%）\n\n"
        "综合能耗 123,456吨标准煤 · 牧场综合能耗 41,875吨标准煤\n"
    )
    got = facts(text)
    assert (got[("ghg_scope1", 2023)], got[("ghg_scope2", 2024)]) == pytest.approx((131982.4, 215678.9))
    assert (got[("employees_total", 2024)], got[("employees_female_pct", 2023)]) == (8642, 40.6)
    assert got[("energy_total", 2024)] == pytest.approx(123456 * 8.141)


def test_a_saved_web_apps_state_script_holds_its_kpis() -> None:
    """A single-page app saved as HTML draws nothing: its KPIs are the records of its state script, a plant's
    (`"scope"`) bounded, a target's none, a null no observation, Taiwan's year keys (`"112"`) read."""
    records = [
        '{"name": "範疇一溫室氣體排放量", "unit": "公噸CO2e", "values": {"2023": 8421.7, "2022": 8903.2}}',
        '{"name": "範疇一溫室氣體排放量", "scope": "新竹廠", "unit": "公噸CO2e", "values": {"2023": 5120.3}}',
        '{"name": "範疇一及範疇二排放量", "target": true, "unit": "公噸CO2e", "values": {"2030": 6000}}',
        '{"name": "員工總人數", "unit": "人", "values": {"112": 1862, "111": null}}',
    ]
    text = HEAD_TRAD + '<div id="app"></div>\n<script id="__NEXT_DATA__" type="application/json">\n'
    text += '{"kpis": [\n' + ",\n".join(records) + "\n]}\n</script>\n"
    rows = [
        (row.metric_code, row.fiscal_year, row.reported_value, row.is_partial_scope) for row in parse_report(text).rows
    ]
    assert sorted(row for row in rows if row[0]) == [
        ("employees_total", 2023, 1862, False),
        ("ghg_scope1", 2022, 8903.2, False),
        ("ghg_scope1", 2023, 5120.3, True),
        ("ghg_scope1", 2023, 8421.7, False),
    ]


def test_a_note_under_a_one_metric_table_that_bounds_it() -> None:
    """`#### 有害廢棄物（噸）` over a table of years and one row of figures, `註：只包括香港中央食品加工中心` below it:
    that one metric's figures are the site's."""
    text = (
        HEAD_TRAD
        + "#### 有害廢棄物（噸）\n\n| 2023年 | 2022年 |\n|---|---|\n| 1.86 | 2.04 |\n\n註：只包括香港中央食品加工中心。\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "hazardous_waste"]
    assert rows and all(row.is_partial_scope for row in rows)
