"""Tables in every form the reports print them: HTML grids (rowspan / colspan, category and parent
rows, repeated or missing headers), Markdown, transposed year rows; years and periods; markup that is
never a value. Small texts written here, fictional companies and numbers."""

from __future__ import annotations

import pytest
from conftest import mapped_rows

from ingest.read.cell_values import split_label
from ingest.read.grid import html_grids
from ingest.read.layout import page_furniture
from ingest.read.markdown_grid import markdown_grids
from ingest.read.markup import clean_text
from ingest.read.parser import parse_report
from ingest.read.periods import Role, column_role, year_of
from ingest.read.rows import KpiRow
from ingest.read.selection import primary_rows

HEAD_HK = "示例環保科技有限公司\n2025年度環境、社會及管治報告\n報告期間：2025年1月1日至2025年12月31日。\n\n"
HEAD_CN = "示例新材料股份有限公司\n2025年度环境、社会及公司治理报告\n报告期：2025年1月1日至2025年12月31日。\n\n"


def rows_of(text: str) -> dict[tuple[str, int], KpiRow]:
    return {(row.metric_code, row.fiscal_year): row for row in primary_rows(parse_report(text).rows)}  # type: ignore[misc]


def facts(text: str) -> dict[tuple[str, int], float]:
    return {key: round(row.reported_value * (row.unit_factor or 0), 6) for key, row in rows_of(text).items()}


def td(*cells: str) -> str:
    return "<tr>" + "".join(cell if cell.startswith("<td") else f"<td>{cell}</td>" for cell in cells) + "</tr>"


@pytest.mark.parametrize(
    ("printed", "seen"),
    [
        ("$tCO_{2}e$", "tCO2e"),
        ("$10^{4}\\mathrm{kWh}$", "万kWh"),  # a power of ten before a unit is its multiplier
        ("$10^{8}$元", "亿元"),
        ("$1.25 \\times 10^{4}$ kWh", "1.25万 kWh"),  # Mathpix's scientific notation: the power is a multiplier
        ("3.6×10^6 kWh", "3.6百万 kWh"),
        ("$$\n1,080.10 \\text{吨}\n$$", "1,080.10 吨"),
        ("排放總量$^{3}$", "排放總量"),
        ("$员工流失率^1$", "员工流失率"),
        ("氮氧化物( $NO_x$ )", "氮氧化物( NOx )"),
        ("覆蓋率 $100\\%$", "覆蓋率 100%"),
        ("用水量<sup>2</sup>", "用水量"),
        ("&gt;85 &amp; 更多", ">85 & 更多"),
        ("包裝\\*材料", "包裝*材料"),
        ("![](images/abc.jpg)廢棄物", "廢棄物"),
        ("溫室氣體排放總量³", "溫室氣體排放總量"),
        ("$\\mathrm{tCO_{2}e}$", "tCO2e"),  # a subscript inside a command
        ("$\\mathrm{m}^{3}$", "m3"),  # a power after a Latin unit is no footnote
        ("$m^{3}$", "m3"),
        ("$\\text{员工流失率}^{1}$", "员工流失率"),
        ("m³", "m³"),  # the power of a metre is no footnote mark
        ("範疇二（公噸CO<sub>2</sub>e）<sup>註1</sup>", "範疇二（公噸CO2e）"),  # Word's HTML
        ("HK$'000", "HK$'000"),  # the dollar of a currency is no LaTeX delimiter
        ("$1 , 1 4 6 . 9 2$", "1,146.92"),  # OCR spaces a number's characters out inside its math span
        ("$3 5 . 0 7$", "35.07"),
        ("總耗水量³", "總耗水量"),
        ("噸 \\( \\mathrm{CO}_{2} \\) 當量／百萬港元", "噸 CO2 當量／百萬港元"),  # Mathpix inline math
        ("\\( -6.7 \\% \\)", "-6.7 %"),
        ("共有 \\( 1,846 \\) 名", "共有 1,846 名"),
        ("範圍 1 排放 ${ }^{3}$", "範圍 1 排放"),
        ("範圍一\\(直接\\)", "範圍一(直接)"),  # escaped brackets around words are brackets
        # an animated counter shows a placeholder; its figure (and suffix) is an attribute
        ('<span class="counter" data-target="86.47" data-decimals="2">0</span><span>亿元</span>', "86.47 亿元"),
        ('<b class="js-count" data-count="7.2" data-suffix="%">0</b>', "7.2%"),
        ('<em data-value="152384.7">--</em>', "152384.7"),
        ('<td data-value="12">15</td>', "15"),  # a figure shown is the figure
        ("[耗水量]{.underline}", "耗水量"),  # a pandoc span with its attributes
    ],
)
def test_markup_is_never_part_of_a_value_or_label(printed: str, seen: str) -> None:
    assert clean_text(printed) == seen


@pytest.mark.parametrize(
    ("header", "year"),
    [
        ("2025年", 2025),
        ("2025 年度", 2025),
        ("FY2025", 2025),
        ("FY25", 2025),  # a two-digit fiscal year
        ("FY'25", 2025),
        ("FY24/25", 2025),
        ("FY24（經重列）", 2024),
        ("FY250", None),
        ("2024/25財政年度（2024年4月1日至2025年3月31日）", 2025),  # a period and the dates it spans
        ("（2024年4月1日至2025年3月31日）", 2025),
        ("2023年度（2024年1月1日至2024年12月31日）", None),  # they disagree: no year to trust
        ("2025財年", 2025),
        ("2024/25", 2025),
        ("2023/24財年", 2024),
        ("2024/25學年", 2025),  # a school year, as an education group's fiscal year
        ("截至2025年12月31日", 2025),
        ("二零二五年", 2025),
        ("114年", 2025),
        ("民國113年", 2024),
        ("2024年2", 2024),  # a footnote mark on a restated column
        ("2025年排放量", 2025),
        ("2025年（噸）", 2025),
        ("指標", None),
        ("2030年目標", None),
        ("12,345", None),
        ("截至2024年9月30日止十八個月", 2024),  # a fiscal period after a change of year end
        ("截至2024年12月31日止12个月", 2024),
        ("截至2024年6月30日止六個月", None),  # an interim period
    ],
)
def test_period_headers(header: str, year: int | None) -> None:
    assert year_of(header) == year


def test_a_report_of_eighteen_months_after_a_change_of_year_end() -> None:
    """`涵蓋2023年4月1日至2024年9月30日止十八個月（「2024財政年度」）`: a period of other than twelve months
    is the report's when the text states its months; its column is that fiscal year's, the comparative
    year's is its own, and annualised figures (`年化數據`) and an interim period are no year's."""
    text = (
        "示例酒店集團控股有限公司\n2024財政年度環境、社會及管治報告\n截至2024年9月30日止十八個月\n\n"
        "本報告涵蓋2023年4月1日至2024年9月30日止十八個月（「2024財政年度」）。比較數字為截至2023年3月31日止年度的數據。\n\n"
        "| 指標 | 單位 | 截至2024年9月30日止十八個月 | 年化數據 | 截至2024年3月31日止六個月 | 截至2023年3月31日止年度 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 外購電力 | 兆瓦時 | 43,726.8 | 29,151.2 | 14,020.5 | 28,034.5 |\n"
    )
    report = parse_report(text)
    assert (report.metadata.fiscal_year, str(report.metadata.period_start)) == (2024, "2023-04-01")
    assert facts(text) == {("electricity_purchased", 2024): 43_726.8, ("electricity_purchased", 2023): 28_034.5}
    interim = parse_report("示例有限公司\n中期環境、社會及管治報告\n截至2024年6月30日止六個月\n").metadata
    assert interim.period_end is None or interim.period_end.month != 6


def test_targets_beside_actuals_under_each_year_are_skipped_whatever_the_colspan_became() -> None:
    """`2024年` spanning `目標 | 實際`: in Markdown the span leaves an empty header cell and the sub-header
    becomes the first body row; the actual is the year's figure, the target none."""
    rows = (
        "| 範圍一溫室氣體排放 | 噸二氧化碳當量 | 2,450.0 | 2,318.6 | 2,600.0 | 2,512.3 |\n"
        "| 耗水量 | 立方米 | 60,000 | 57,386 | / | 62,104 |\n"
    )
    expected = {
        ("ghg_scope1", 2025): 2_318.6,
        ("ghg_scope1", 2024): 2_512.3,
        ("water_consumption", 2025): 57_386,
        ("water_consumption", 2024): 62_104,
    }
    lost = "| 指標 | 單位 | 2025年 |  | 2024年 |  |\n| --- | --- | --- | --- | --- | --- |\n|  |  | 目標 | 實際 | 目標 | 實際 |\n"
    repeated = lost.replace("2025年 |  | 2024年 |  |", "2025年 | 2025年 | 2024年 | 2024年 |")
    assert facts(HEAD_HK + lost + rows) == expected
    assert facts(HEAD_HK + repeated + rows) == expected
    flat = (
        "| 指標 | 單位 | 2025年目標 | 2025年實際 | 2024年目標 | 2024年實際 |\n| --- | --- | --- | --- | --- | --- |\n"
    )
    assert facts(HEAD_HK + flat + rows) == expected


def test_a_table_of_two_digit_fiscal_years() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | FY25 | FY24 | FY30目標 |\n| --- | --- | --- | --- | --- |\n"
        "| 範圍一：直接排放 | 噸二氧化碳當量 | 61,284.5 | 63,907.2<sup>註1</sup> | 50,000 |\n"
    )
    assert facts(text) == {("ghg_scope1", 2025): 61284.5, ("ghg_scope1", 2024): 63907.2}


def test_a_table_whose_year_headers_give_the_dates_they_span() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2024/25財政年度<br>（2024年4月1日至2025年3月31日） | 2023/24財政年度<br>（2023年4月1日至2024年3月31日） |"
        " 變動（%） |\n| --- | --- | --- | --- | --- |\n| 耗水量 | 立方米 | 186,520 | 192,433 | -3.1 |\n"
    )
    assert facts(text) == {("water_consumption", 2025): 186_520, ("water_consumption", 2024): 192_433}


def test_footnote_marks_in_brackets_or_circled_leave_a_value_or_label_whole() -> None:
    """`46,033.9(2)`, `8,215[1]`, `耗水量[4]`, `員工總數①`: a note's mark glued to a figure or a label."""
    text = HEAD_CN + (
        "指标                          单位          2025年         2024年\n"
        "耗水量[4]                     立方米        412,386        438,901\n"
        "外购电力                      千瓦时        1,528,640      986,310(2)\n"
        "员工总数①                     人            8,642          8,215[1]\n"
    )
    assert facts(text) == {
        ("water_consumption", 2025): 412_386,
        ("water_consumption", 2024): 438_901,
        ("electricity_purchased", 2025): 1528.64,
        ("electricity_purchased", 2024): 986.31,
        ("employees_total", 2025): 8_642,
        ("employees_total", 2024): 8_215,
    }


def test_a_rows_footnote_mark_points_to_the_note_that_bounds_it() -> None:
    """`無害廢棄物產生量#` over `# 僅統計公司總部辦公區域`: that row is the head office's; a mark whose note
    bounds nothing (`¹ 按…核算`) leaves its row whole, and a note of another mark is not the row's."""
    text = HEAD_CN + (
        "指标                          单位          2025年         2024年\n"
        "无害废弃物产生量#             吨            186.4          179.2\n"
        "耗水量[2]                     立方米        412,386        438,901\n"
        "外购电力¹                     千瓦时        1,528,640      986,310\n"
        "危险废物产生量                吨            24.6           22.1\n"
        "\n注：\n1. 外购电力按电网结算数据统计。\n2. 仅统计杭州生产基地。\n# 仅统计公司总部办公区域产生的生活垃圾。\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code and row.fiscal_year == 2025]
    assert {row.metric_code: row.is_partial_scope for row in rows} == {
        "non_hazardous_waste": True,
        "water_consumption": True,
        "electricity_purchased": False,
        "hazardous_waste": False,
    }


def test_text_table_figures_with_a_space_for_thousands_are_joined_to_one_magnitude() -> None:
    """`428 615        411 902` and `1 528 640       986 310`: the joining whose figures are alike."""
    text = HEAD_CN + (
        "指标                          单位          2025年         2024年\n"
        "耗水量                        吨            428 615        411 902\n"
        "外购电力                      千瓦时        1 528 640      986 310\n"
    )
    assert facts(text) == {
        ("water_consumption", 2025): 428_615,
        ("water_consumption", 2024): 411_902,
        ("electricity_purchased", 2025): 1528.64,
        ("electricity_purchased", 2024): 986.31,
    }


def test_a_group_of_employees_in_brackets_is_a_breakdown_not_an_alias() -> None:
    text = HEAD_CN + (
        "| 指标 | 单位 | 2025年 |\n| --- | --- | --- |\n"
        "| 人均培训时长（生产一线员工） | 小时 | 42.6 |\n| 员工流失率（技术人员） | % | 6.2 |\n"
        "| 因工伤损失工作日数（工伤误工日数） | 天 | 186 |\n"
    )
    assert facts(text) == {("lost_days_work_injury", 2025): 186}


def test_a_text_table_with_a_gri_column_first_and_marked_changes_last() -> None:
    """`GRI  項目  單位  2023年  2024年  增減率`: the codes and the `▼4.2%` / `△1.6` changes hold their columns'
    places but are no values; a mark glued to a figure (`18,237.64註1`, `7.78*`) is none of it."""
    text = HEAD_HK + (
        "表3-2 溫室氣體排放量\n"
        "GRI      項目                        單位          2023年          2024年      增減率\n"
        "305-1    範疇一（直接排放）          公噸CO2e    1,512.08       1,448.65       ▼4.2%\n"
        "305-2    範疇二（地點基礎）          公噸CO2e   18,237.64註1    16,687.12       ▼8.5%\n"
        "-        範疇一＋範疇二較前一年變動  公噸CO2e     △870.74      △1,613.95         N/A\n"
        "305-4    每人平均排放量（範疇一＋二）  公噸CO2e/人   8.35          7.78*        △0.6\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2023): 1512.08,
        ("ghg_scope1", 2024): 1448.65,
        ("ghg_scope2", 2023): 18237.64,
        ("ghg_scope2", 2024): 16687.12,
        ("ghg_intensity_employee", 2023): 8.35,
        ("ghg_intensity_employee", 2024): 7.78,
    }


def test_a_figure_of_one_metric_with_its_years_down_is_a_table() -> None:
    """A data portal's `<figure>`: the metric in `<h4>`, its unit in a `unit` span, a table of year rows
    without a header, a `<figcaption>` that may bound the figure to one subsidiary."""
    text = HEAD_CN + (
        '<figure class="metric"><h4>范围一温室气体排放量</h4><span class="unit">吨二氧化碳当量</span>\n'
        "<table><tbody>\n<tr><th>2030年目标</th><td>150,000.0</td></tr>\n"
        "<tr><th>2025</th><td>186,420.5</td></tr>\n<tr><th>2024</th><td>192,317.8</td></tr>\n</tbody></table>\n"
        "<figcaption>注：主要来自自有车队柴油消耗。</figcaption>\n</figure>\n"
        '<figure class="metric"><h4>氮氧化物排放量</h4><span class="unit">吨</span>\n'
        "<table><tbody>\n<tr><th>2025</th><td>41.27</td></tr>\n<tr><th>2024</th><td>45.83</td></tr>\n</tbody></table>\n"
        "<figcaption>注：仅统计子公司某某冷链物流有限公司自有冷藏车队。</figcaption>\n</figure>\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert [
        (row.metric_code, row.fiscal_year, row.reported_value, row.source_line, row.is_partial_scope) for row in rows
    ] == [
        ("ghg_scope1", 2025, 186420.5, 8, False),
        ("ghg_scope1", 2024, 192317.8, 9, False),
        ("nox_emissions", 2025, 41.27, 15, True),
        ("nox_emissions", 2024, 45.83, 16, True),
    ]


def test_matrices_by_gender_under_numbered_captions_give_their_totals() -> None:
    """`表3-1 2024年員工按性別及年齡分佈 單位：人` over `類別 | 男 | 女 | 合計`: the total row's cells are the
    headcounts of that caption's year; a turnover matrix's total cell is the turnover rate."""
    text = HEAD_CN + (
        "**表3-1 2024年员工按性别及年龄分布**　单位：人\n\n"
        "| 类别 | 男 | 女 | 合计 |\n| --- | --- | --- | --- |\n| 30岁以下 | 612 | 658 | 1,270 |\n"
        "| 合计 | 2,341 | 2,045 | 4,386 |\n\n"
        "**表3-6 2024年员工流失率（按性别及年龄）**　单位：%\n\n"
        "| 类别 | 男 | 女 | 合计 |\n| --- | --- | --- | --- |\n| 30岁以下 | 14.1 | 13.0 | 13.5 |\n"
        "| 合计 | 8.5 | 8.0 | 8.3 |\n\n"
        "**表3-4 2024年员工按地区及雇佣类型分布**　单位：人\n\n"
        "| 地区 | 全职 | 兼职及返聘 | 合计 |\n| --- | --- | --- | --- |\n| 华东 | 2,512 | 43 | 2,555 |\n"
        "| 境外 | 1,829 | 2 | 1,831 |\n| 合计 | 4,341 | 45 | 4,386 |\n"
    )
    assert facts(text) == {
        ("employees_male", 2024): 2341,
        ("employees_female", 2024): 2045,
        ("employees_total", 2024): 4386,
        ("employee_turnover_rate", 2024): 8.3,
    }


def test_a_scopes_subtotal_closing_its_gases_is_the_scope() -> None:
    text = HEAD_HK + (
        "#### 溫室氣體排放（按氣體劃分）\n\n| 指標 | 單位 | 2025年 | 2024年 |\n| --- | --- | --- | --- |\n"
        "| **範圍一：直接排放** |  |  |  |\n| 二氧化碳（CO₂） | 噸CO₂e | 3,812.46 | 4,025.71 |\n"
        "| 甲烷（CH<sub>4</sub>） | 噸CO₂e | 9.87 | 10.42 |\n| **範圍一小計** | 噸CO₂e | **3,822.33** | **4,036.13** |\n"
        "| **範圍二：能源間接排放（基於位置）** |  |  |  |\n| 二氧化碳（CO₂） | 噸CO₂e | 28,514.62 | 29,870.15 |\n"
        "| **範圍二小計** | 噸CO₂e | **28,514.62** | **29,870.15** |\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 3822.33,
        ("ghg_scope1", 2024): 4036.13,
        ("ghg_scope2", 2025): 28514.62,
        ("ghg_scope2", 2024): 29870.15,
    }


def test_a_unit_line_inside_a_text_table_holds_until_the_next_heading() -> None:
    text = HEAD_CN + (
        "指标                                     2025年         2024年\n"
        "（四）水资源与废弃物\n"
        "单位：吨\n"
        "耗水量                                    86,345        90,128\n"
        "危险废物产生量                              265.38        281.74\n"
        "二、社会绩效\n"
        "员工总数（人）                             1,234         1,200\n"
    )
    rows = {(row.metric_code, row.fiscal_year): row.reported_unit for row in parse_report(text).rows}
    assert rows == {
        ("water_consumption", 2025): "吨",
        ("water_consumption", 2024): "吨",
        ("hazardous_waste", 2025): "吨",
        ("hazardous_waste", 2024): "吨",
        ("employees_total", 2025): "人",
        ("employees_total", 2024): "人",
    }


def test_each_year_printing_its_own_unit_beside_its_values() -> None:
    """`2024年` over `數值 | 單位` for every year, a row's unit changing between years (萬千瓦時, 兆瓦時)."""
    text = HEAD_CN + (
        '<table><tr><td rowspan="2">指标</td><td colspan="2">2025年</td><td colspan="2">2024年</td></tr>'
        "<tr><td>数值</td><td>单位</td><td>数值</td><td>单位</td></tr>"
        "<tr><td>外购电力</td><td>118,424</td><td>兆瓦时</td><td>8,716.05</td><td>万千瓦时</td></tr>"
        "<tr><td>氮氧化物</td><td>9.74</td><td>吨</td><td>9,735.6</td><td>千克</td></tr></table>\n"
    )
    assert facts(text) == {
        ("electricity_purchased", 2025): 118_424,
        ("electricity_purchased", 2024): 87_160.5,
        ("nox_emissions", 2025): 9740,
        ("nox_emissions", 2024): 9735.6,
    }


def test_records_of_a_label_a_line_of_years_and_a_line_of_figures() -> None:
    """A web page's accordion copied as text: the label, maybe a unit line, the years apart by `|` or tabs
    (a target's column among them), the figures; the unit line may follow the figures."""
    text = HEAD_HK + (
        "能源管理\n收合 －\n"
        "溫室氣體排放量（範疇一）\n單位：公噸CO2e\n2023 | 2024 | 2025\n3,210.5 | 3,105.2 | 2,987.4\n"
        "外購電力\n2024\t2025\t2026目標\n17,318.6\t16,702.4\t16,200.0\n單位：千度（MWh）\n"
        "職業災害死亡人數\n113年\t114年\n0\t1\n單位：人\n回到頂端 ▲\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2023): 3210.5,
        ("ghg_scope1", 2024): 3105.2,
        ("ghg_scope1", 2025): 2987.4,
        ("electricity_purchased", 2024): 17318.6,
        ("electricity_purchased", 2025): 16702.4,
        ("work_related_fatalities", 2024): 0,
        ("work_related_fatalities", 2025): 1,
    }


def test_a_word_table_saved_as_text_leaves_merged_unit_cells_empty() -> None:
    text = HEAD_HK + (
        "指標\t單位\t2024/25學年\t2023/24學年\n"
        "範圍1溫室氣體排放\t噸二氧化碳當量\t4,862.35\t4,715.08\n"
        "範圍2溫室氣體排放\t\t52,318.72\t49,806.41\n"
        "員工總數（人）\t\t8,642\t8,105\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 4862.35,
        ("ghg_scope1", 2024): 4715.08,
        ("ghg_scope2", 2025): 52318.72,
        ("ghg_scope2", 2024): 49806.41,
        ("employees_total", 2025): 8642,
        ("employees_total", 2024): 8105,
    }


def test_a_data_boundary_column_bounds_the_rows_naming_one_plant() -> None:
    """`項目 | 單位 | 資料範疇 | 111年度 …`: the boundary column is no part of the label; a row whose boundary
    is one plant (`林園廠`) is that plant's, one over the whole company (`全公司`) the company's."""
    text = HEAD_HK + (
        "| 項目 | 單位 | 資料範疇 | 2024年 | 2025年 |\n| --- | --- | --- | --- | --- |\n"
        "| 員工總人數 | 人 | 全公司 | 1,905 | 1,938 |\n| 員工總人數 | 人 | 林園廠 | 1,058 | 1,071 |\n\n"
        "表八：啟德瀚嶺灣發展項目（單一地盤）環境數據\n\n"
        "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| 耗水量 | 立方米 | 41,200 |\n"
    )
    rows = [
        (row.metric_code, row.reported_value, row.is_partial_scope)
        for row in parse_report(text).rows
        if row.metric_code
    ]
    assert rows == [
        ("employees_total", 1905, False),
        ("employees_total", 1938, False),
        ("employees_total", 1058, True),
        ("employees_total", 1071, True),
        ("water_consumption", 41200, True),
    ]


def test_column_roles() -> None:
    assert column_role("變化率").role is Role.SKIP
    assert column_role("2024/25上半年").role is Role.SKIP  # a half of the year: no annual figure
    assert column_role("2024年第一季度").role is Role.SKIP
    assert (column_role("2024/25全年").role, column_role("2024/25全年").year) == (Role.YEAR, 2025)
    assert year_of("111年（基準年）") == 2022  # a Taiwan base year is its year
    assert year_of("基準年（2019年）") == 2019  # the base year named after the word
    # a sum over years is no year's figure; a year's own sum is
    for header in ("2019年至今累計", "累計（2019年至今）", "2019-2024年累計", "累計"):
        assert column_role(header).role is Role.SKIP, header
    assert (column_role("2024年累計").role, column_role("2024年累計").year) == (Role.YEAR, 2024)
    # a span of twelve months is its year, a shorter one part of it
    for header, year in (("2023年1-12月", 2023), ("2024.01-2024.12", 2024), ("2023年4月至2024年3月", 2024)):
        assert (column_role(header).role, column_role(header).year) == (Role.YEAR, year), header
    assert column_role("2024年1-6月").role is Role.SKIP
    assert column_role("2030年目標").role is Role.SKIP
    assert column_role("單位").role is Role.UNIT
    assert column_role("數據").role is Role.CURRENT
    assert column_role("數量（人）").unit == "人"
    assert column_role("2024年").year == 2024
    assert column_role("2025年（噸）").unit == "吨"
    # A measure word whose unit goes without saying: `類別 | 人數 | 佔比`, in either script.
    assert (column_role("僱員人數").role, column_role("僱員人數").unit) == (Role.CURRENT, "人")
    assert (column_role("佔總人數比例").role, column_role("佔總人數比例").unit) == (Role.CURRENT, "%")
    assert column_role("金額").unit is None


def test_rowspan_and_colspan_are_expanded_to_a_grid_with_source_lines() -> None:
    text = (
        "前言\n<table>"
        + td("指標", "單位", "2025年")
        + "\n"
        + td('<td rowspan="2">按性別劃分</td>', "男", "人", "10")
        + "\n"
        + td("女", "人", "12")
        + "\n"
        + td('<td colspan="4">社會績效</td>')
        + "</table>\n"
    )
    (grid,) = html_grids(text)
    assert grid.texts(1) == ["按性別劃分", "男", "人", "10"]
    assert grid.texts(2) == ["按性別劃分", "女", "人", "12"], "the rowspan cell fills the row below"
    assert grid.texts(3) == ["社會績效"] * 4, "the colspan cell fills the whole row"
    assert grid.lines == [2, 3, 4, 5]
    assert grid.rows[2][0].origin == (1, 0), "a spanned copy keeps the cell it copies"


def test_markdown_rows_become_a_grid() -> None:
    (grid,) = markdown_grids(["| 指標 | 2025年 |", "|---|---|", "| 員工總數 | 88 |"])
    assert grid.texts(1) == ["員工總數", "88"]
    assert grid.lines == [1, 3]


def test_category_column_indicator_column_unit_column_and_descending_years() -> None:
    text = HEAD_HK + (
        "<table>"
        + td("範疇", "指標", "單位", "2025年", "2024年", "2023年")
        + td('<td colspan="6">環境績效</td>')
        + td('<td rowspan="3">溫室氣體排放</td>', "範圍一", "噸二氧化碳當量", "1,200.5", "1,100", "/")
        + td("範圍二", "噸二氧化碳當量", "3,000", "2,900", "-")
        + td("排放密度", "噸二氧化碳當量/百萬元營業收入", "0.42", "0.40", "N/A")
        + "</table>\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 1200.5,
        ("ghg_scope1", 2024): 1100,
        ("ghg_scope2", 2025): 3000,
        ("ghg_scope2", 2024): 2900,
        ("ghg_intensity_revenue", 2025): 0.42,
        ("ghg_intensity_revenue", 2024): 0.40,
    }, "'/', '-' and 'N/A' are not disclosed, never zero"


def test_parent_rows_give_their_children_meaning_and_numbered_rows_start_new_items() -> None:
    text = HEAD_CN + (
        "<table>"
        + td("编号", "绩效指标", "单位", "2024年", "2025年")
        + td("1.", "员工总人数", "人", "500", "520")
        + td("2.", "按性别划分", "", "", "")
        + td("", "女性", "人", "200", "230")
        + td("", "男性", "人", "300", "290")
        + td("3.", "人均受训时长", "", "", "")
        + td("", "女性", "小时", "20", "22")
        + td('<td>4.</td><td colspan="4">供应商数量</td>')
        + td("", "总数", "家", "61", "64")
        + "</table>\n"
    )
    got = facts(text)
    assert got[("employees_female", 2025)] == 230
    assert got[("employees_male", 2024)] == 300
    assert ("training_hours_per_employee", 2025) not in got, "a female average is no all-employee figure"
    assert got[("suppliers_total", 2025)] == 64, "a label spanned over the value columns is a parent row"


def test_a_table_continued_after_a_page_break_keeps_its_columns() -> None:
    text = HEAD_CN + (
        "<table>" + td("指标", "单位", "2024年", "2025年") + td("用电量", "千瓦时", "1,000", "2,000") + "</table>\n\n"
        "<!-- page 12 -->\n\n"
        "<table>" + td("综合能耗", "吨标准煤", "10", "12") + "</table>\n"
    )
    assert facts(text)[("energy_total", 2025)] == pytest.approx(12 * 8.141)


def test_a_repeated_header_row_resets_the_columns() -> None:
    text = HEAD_CN + (
        "<table>"
        + td("指标", "单位", "2025年", "2024年")
        + td("员工总数", "人", "90", "80")
        + td("指标", "单位", "2024年", "2025年")
        + td("员工流失率", "%", "11.5", "12.5")
        + "</table>\n"
    )
    got = facts(text)
    assert got[("employees_total", 2025)] == 90
    assert got[("employee_turnover_rate", 2025)] == 12.5, "the second header reverses the years"


def test_units_in_the_caption_in_the_label_and_in_a_header_cell() -> None:
    text = HEAD_CN + (
        "单位：万元\n\n<table>" + td("指标", "2025年") + td("营业收入", "1,234.5") + "</table>\n\n"
        "<table>" + td("指标", "2025年") + td("员工总数（人）", "321") + "</table>\n\n"
    )
    got = facts(text)
    assert got[("revenue", 2025)] == 12_345_000
    assert got[("employees_total", 2025)] == 321


def test_years_down_the_first_column_are_read_transposed() -> None:
    text = HEAD_HK + (
        "<table>"
        + td("年份", "電力消耗/千瓦時", "綜合能源消耗/噸標準煤")
        + td("2025年", "50,000", "7.5")
        + td("2024年", "40,000", "6.0")
        + "</table>\n"
    )
    got = facts(text)
    assert got[("electricity_purchased", 2024)] == 40
    assert got[("energy_total", 2025)] == pytest.approx(7.5 * 8.141)


def test_a_future_year_column_is_a_target_not_data() -> None:
    text = (
        HEAD_CN + "<table>" + td("指标", "单位", "2025年", "2030年") + td("用水总量", "吨", "900", "700") + "</table>\n"
    )
    assert facts(text) == {("water_consumption", 2025): 900}


def test_one_unlabelled_data_column_is_the_reports_own_year() -> None:
    text = HEAD_CN + "<table>" + td("绩效指标", "单位", "数据") + td("危险废物产生量", "吨", "3.2") + "</table>\n"
    assert facts(text) == {("hazardous_waste", 2025): 3.2}


def test_footnote_marks_glued_to_numbers_labels_and_years_change_nothing() -> None:
    text = HEAD_HK + (
        "<table>"
        + td("指標", "單位", "2025年", "2024年²")
        + td("溫室氣體排放（範圍一和範圍二）8", "噸二氧化碳當量", "8,202.6 4", "7,000*")
        + "</table>\n"
    )
    assert facts(text) == {("ghg_scope1_2", 2025): 8202.6, ("ghg_scope1_2", 2024): 7000}


def test_group_and_item_in_one_cell() -> None:
    text = (
        HEAD_CN + "<table>" + td("指标", "单位", "2025年") + td("按性别划分的员工人数-女性", "人", "44") + "</table>\n"
    )
    assert facts(text) == {("employees_female", 2025): 44}


def test_a_year_in_a_label_column_dates_its_row() -> None:
    text = HEAD_HK + (
        "<table>"
        + td("指標名稱", "單位", "類型", "2025年")
        + td('<td rowspan="2">因公死亡員工人數</td>', '<td rowspan="2">人</td>', "2024年", "0")
        + td("2025年", "1")
        + "</table>\n"
    )
    assert facts(text) == {("work_related_fatalities", 2024): 0, ("work_related_fatalities", 2025): 1}


def test_taiwan_roc_year_columns() -> None:
    text = "示例半導體股份有限公司\n114年度永續報告書\n報告期間：2025年1月1日至2025年12月31日。\n\n"
    text += "<table>" + td("指標", "單位", "113年", "114年") + td("員工總數", "人", "1,010", "1,100") + "</table>\n"
    assert facts(text) == {("employees_total", 2024): 1010, ("employees_total", 2025): 1100}


def test_split_fiscal_year_columns_end_in_their_second_year() -> None:
    text = "示例零售控股有限公司\n2024/25年度環境、社會及管治報告\n截至2025年3月31日止年度\n\n"
    text += (
        "<table>" + td("指標", "單位", "2024/25財年", "2023/24財年") + td("僱員總數", "人", "640", "600") + "</table>\n"
    )
    assert facts(text) == {("employees_total", 2025): 640, ("employees_total", 2024): 600}


def test_markdown_pipe_table_with_units_in_latex() -> None:
    text = (
        HEAD_CN
        + "| 指标 | 单位 | 2025年 |\n|---|---|---|\n| 温室气体排放总量（范围一和范围二） | 吨 $CO_2e$ | 1,500 |\n"
    )
    assert facts(text) == {("ghg_scope1_2", 2025): 1500}


def test_pdf_text_rows_with_an_english_label_beside_the_chinese_one() -> None:
    text = HEAD_HK + (
        "指標 Indicator 單位 Unit 2025年 2024年\n"
        "員工總數 Total number of employees 人 1,234 1,100\n"
        "溫室氣體排放總量（範圍一及範圍二） Scope 1 and 2 emissions 噸二氧化碳當量 3,456.7 3,210.5\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 1234,
        ("employees_total", 2024): 1100,
        ("ghg_scope1_2", 2025): 3456.7,
        ("ghg_scope1_2", 2024): 3210.5,
    }


@pytest.mark.parametrize(
    ("page_number", "head_first"), [("12", False), ("- 12 -", False), ("第12頁", False), ("12", True)]
)
def test_a_table_one_cell_per_line_read_across_a_page_break(page_number: str, head_first: bool) -> None:
    """A page number and the running head the report repeats, in either order, stand between two rows:
    no end of table."""
    head = "示例環保科技有限公司2025年度ESG報告"
    furniture = f"{head}\n{page_number}" if head_first else f"{page_number}\n{head}"
    text = HEAD_HK + f"{head}\n指標\n單位\n2025年\n2024年\n員工總數\n人\n1,234\n1,100\n\n{furniture}\n"
    text += "總耗水量\n立方米\n5,600\n5,100\n完\n"
    assert facts(text) == {
        ("employees_total", 2025): 1234,
        ("employees_total", 2024): 1100,
        ("water_consumption", 2025): 5600,
        ("water_consumption", 2024): 5100,
    }


def test_a_table_one_cell_per_line_whose_labels_and_units_wrap() -> None:
    """`pdftotext` without `-layout`: a label or a ratio's unit printed over two lines is one cell; a category
    line over its rows (`環境績效`, printed again elsewhere) stays a category."""
    text = HEAD_HK + (
        "環境績效\n"
        "指標\n單位\n2025年\n2024年\n環境績效\n"
        "範圍二溫室氣體排放\n（以地點為基礎）\n噸二氧化碳當量\n24,288.7\n25,585.2\n"
        "溫室氣體排放密度\n噸二氧化碳當量／人民幣\n百萬元收益\n8.15\n9.32\n"
        "單位營業收入綜合\n能耗\n兆瓦時／百萬元\n1.82\n1.95\n"
        "總耗水量\n立方米\n5,600\n5,100\n"
    )
    assert facts(text) == {
        ("ghg_scope2", 2025): 24_288.7,
        ("ghg_scope2", 2024): 25_585.2,
        ("ghg_intensity_revenue", 2025): 8.15,
        ("ghg_intensity_revenue", 2024): 9.32,
        ("energy_intensity_revenue", 2025): 1.82,
        ("energy_intensity_revenue", 2024): 1.95,
        ("water_consumption", 2025): 5_600,
        ("water_consumption", 2024): 5_100,
    }


def test_a_value_cell_with_a_bracketed_note_and_a_unit_after_a_qualifier_in_the_header() -> None:
    text = HEAD_HK + (
        "| 年份 | 溫室氣體排放總量（範圍一+範圍二，tCO2e） |\n| --- | --- |\n| 2025 | 37,689.99 |\n| 2024 | 40,019.97 |\n\n"
        "| 指標 | 單位 | 2025年 | 2024年 |\n| --- | --- | --- | --- |\n| 員工流失率 | % | 6.2（注2） | 7.5 |\n"
    )
    assert facts(text) == {
        ("ghg_scope1_2", 2025): 37_689.99,
        ("ghg_scope1_2", 2024): 40_019.97,
        ("employee_turnover_rate", 2025): 6.2,
        ("employee_turnover_rate", 2024): 7.5,
    }


@pytest.mark.parametrize(
    ("title", "group_partial"),
    [
        ("### 表6 母公司主要環境數據（僅限母公司本部，不含子公司）", False),  # bounds its own table only
        ("環境指標統計範圍均為母公司本部", True),  # a plain line between tables: a report-wide statement
    ],
)
def test_a_table_title_that_bounds_its_table_bounds_no_other(title: str, group_partial: bool) -> None:
    table = "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| 耗水量 | 立方米 | {} |\n"
    text = HEAD_HK + "## 附錄\n\n" + table.format("21,000") + "\n" + title + "\n\n" + table.format("5,000")
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(21_000, group_partial), (5_000, True)]


@pytest.mark.parametrize(
    "caption",
    [
        "表4 竹南廠區能資源使用情形（僅竹南廠區）",
        "#### 主要環境數據（只包括深圳工廠）",
        "表12 主要環境數據（子公司口徑）",
    ],
)
def test_a_caption_that_says_only_one_site_makes_its_table_partial(caption: str) -> None:
    text = HEAD_HK + caption + "\n\n| 項目 | 單位 | 2025年 |\n| --- | --- | --- |\n| 耗水量 | 立方公尺 | 5,000 |\n"
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [row.is_partial_scope for row in rows] == [True]


def test_a_pdf_layout_table_with_a_notes_column_before_the_years_and_a_target_column() -> None:
    """Notes and targets may be empty: where the values could be read either way, the columns they stand
    under decide (`2 2,418.6 2,562.1` is a note and two years, not two years and a target)."""
    header = "指標 Indicator                單位 Unit          附註     2025        2024          2030年目標"
    rows = [
        "直接溫室氣體排放（範圍1）      噸二氧化碳當量         2     2,418.6     2,562.1",
        "溫室氣體排放總量（範圍1及範圍2）  噸二氧化碳當量        8,519.2     9,002.5          7,200.0",
        "僱員總數 Total employees      人 persons            4        2,846       2,791",
        "耗水量 Water consumption      立方米 m3                     186,420     196,646",
    ]
    assert facts(HEAD_HK + "\n".join([header, *rows]) + "\n") == {
        ("ghg_scope1", 2025): 2_418.6,
        ("ghg_scope1", 2024): 2_562.1,
        ("ghg_scope1_2", 2025): 8_519.2,
        ("ghg_scope1_2", 2024): 9_002.5,
        ("employees_total", 2025): 2_846,
        ("employees_total", 2024): 2_791,
        ("water_consumption", 2025): 186_420,
        ("water_consumption", 2024): 196_646,
    }


def test_a_magnitude_in_a_cell_scales_the_unit_of_its_row() -> None:
    text = (
        HEAD_HK
        + "| 指標 | 單位 | 2025年 | 2024年 |\n| --- | --- | --- | --- |\n| 耗水量 | 立方米 | 41.6萬 | 40.2萬 |\n"
    )
    assert facts(text) == {("water_consumption", 2025): 416_000, ("water_consumption", 2024): 402_000}


@pytest.mark.parametrize(
    ("title", "partial"), [("表5 子公司示例精工有限公司溫室氣體排放", True), ("表2 溫室氣體排放", False)]
)
def test_a_pdf_text_table_under_a_title_and_a_unit_line(title: str, partial: bool) -> None:
    """The title names the table (a subsidiary's: partial); the unit stands on a line of its own below it."""
    text = (
        HEAD_HK
        + f"{title}\n單位：噸二氧化碳當量\n指標                  2025年        2024年\n範圍一溫室氣體排放量      612.4         655.8\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "ghg_scope1"]
    assert [(row.reported_unit, row.is_partial_scope) for row in rows] == [("噸二氧化碳當量", partial)] * 2


def test_breakdown_tables_give_their_totals_only() -> None:
    """HKEX breakdown tables: the measure in the label column's header or a section row, the total in an
    `整體` row or a `僱員總數` row; the rows by gender, age or grade are no company figures."""
    text = HEAD_HK + (
        "| 僱員人數 | 二零二五年（人） | 二零二四年（人） |\n| --- | --- | --- |\n"
        "| **按性別** |  |  |\n| 男 | 1,402 | 1,338 |\n| 女 | 1,084 | 1,014 |\n"
        "| **按年齡組別** |  |  |\n| 30歲以下 | 412 | 398 |\n| 30歲或以上 | 2,074 | 1,954 |\n"
        "| **僱員總數** | **2,486** | **2,352** |\n\n"
        "| 僱員流失率 | 二零二五年（%） | 二零二四年（%） |\n| --- | --- | --- |\n"
        "| **整體** | **14.2** | **16.8** |\n| **按性別** |  |  |\n| 男 | 15.6 | 18.3 |\n\n"
        "### 按性別及僱員類別劃分的培訓數據\n\n| 培訓指標 | 二零二五年 | 二零二四年 |\n| --- | --- | --- |\n"
        "| **受訓僱員百分比（%）** |  |  |\n| 按性別 |  |  |\n| 男 | 84.7 | 80.6 |\n"
        "| 按僱員類別 |  |  |\n| 一般員工 | 85.9 | 81.3 |\n| 整體 | 86.5 | 82.1 |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2_486,
        ("employees_total", 2024): 2_352,
        ("employees_male", 2025): 1_402,
        ("employees_male", 2024): 1_338,
        ("employees_female", 2025): 1_084,
        ("employees_female", 2024): 1_014,
        ("employee_turnover_rate", 2025): 14.2,
        ("employee_turnover_rate", 2024): 16.8,
        ("employees_trained_pct", 2025): 86.5,
        ("employees_trained_pct", 2024): 82.1,
    }


def test_prose_years_of_taiwan_and_a_compared_year() -> None:
    text = (
        "示例精密股份有限公司\n113年度永續報告書\n報告期間：民國113年1月1日至113年12月31日。\n\n"
        "113年度往來供應商共計415家（112年度為402家）。\n"
        "113年度員工總數為1,286人，較112年度的1,204人增加6.8%，其中女性員工474人。\n"
    )
    assert facts(text) == {
        ("suppliers_total", 2024): 415,
        ("suppliers_total", 2023): 402,
        ("employees_total", 2024): 1_286,
        ("employees_total", 2023): 1_204,  # the level compared with, in the figure's own unit
        ("employees_female", 2024): 474,
    }


def test_prose_in_full_width_digits() -> None:
    text = HEAD_HK + "員工總數：８，３１６人（2024年：８，１０５人）\n受訓員工比例：９８．７％\n"
    assert facts(text) == {
        ("employees_total", 2025): 8_316,
        ("employees_total", 2024): 8_105,
        ("employees_trained_pct", 2025): 98.7,
    }


def test_a_pdf_page_header_of_bare_consecutive_years() -> None:
    text = HEAD_HK + "2025 2024 2023\n員工總數 Total employees 人 1,234 1,100 1,050\n"
    assert facts(text) == {("employees_total", y): v for y, v in ((2025, 1234), (2024, 1100), (2023, 1050))}


def test_a_table_written_one_cell_per_line() -> None:
    text = HEAD_HK + "指標\n單位\n2025年\n2024年\n員工總數\n人\n1,234\n1,100\n\n總耗水量\n立方米\n5,600\n5,100\n完\n"
    rows = rows_of(text)
    assert facts(text) == {
        ("employees_total", 2025): 1234,
        ("employees_total", 2024): 1100,
        ("water_consumption", 2025): 5600,
        ("water_consumption", 2024): 5100,
    }
    assert rows[("water_consumption", 2024)].source_line == 17, "each value keeps its own line"


def test_key_figures_with_the_label_below_the_value() -> None:
    text = HEAD_HK + "## 員工概況\n\n1,437 人\n外籍員工\n\n2,345 人\n員工總數\n"
    rows = rows_of(text)
    assert facts(text) == {("employees_total", 2025): 2345}
    assert (rows[("employees_total", 2025)].source_line, rows[("employees_total", 2025)].label_line) == (10, 11)


def test_key_figures_with_the_label_above_do_not_take_the_next_label() -> None:
    text = HEAD_HK + "## 員工概況\n\n員工總數\n2,345 人\n外籍員工\n1,437 人\n"
    assert facts(text) == {("employees_total", 2025): 2345}


def test_a_tile_without_unit_takes_the_caption_unit() -> None:
    text = HEAD_HK + "## 經營\n\n單位：萬元\n\n營業收入\n12,345.6\n"
    assert facts(text) == {("revenue", 2025): 123_456_000}


def test_a_taiwan_text_table_with_roc_year_columns_and_litres() -> None:
    text = "示例光電股份有限公司\n2024年永續報告書\n報告期間：2024年1月1日至2024年12月31日\n\n"
    text += "項目\t單位\t112年\t113年\n總用水量\t百萬公升\t12.5\t13.1\n有害事業廢棄物\t公噸\t3.2\t2.9\n"
    assert facts(text) == {
        ("water_consumption", 2023): 12_500,
        ("water_consumption", 2024): 13_100,
        ("hazardous_waste", 2023): 3.2,
        ("hazardous_waste", 2024): 2.9,
    }


def test_a_pdf_text_table_aligned_with_spaces_and_indented_sub_rows() -> None:
    text = "示例光電股份有限公司\n2024年永續報告書\n報告期間：2024年1月1日至2024年12月31日\n\n"
    text += (
        "關鍵績效指標              單位              2024年         2023年\n"
        "溫室氣體排放\n"
        "  範疇一                  公噸CO2e          1,234.5        1,100.2\n"
        "  範疇二                  公噸CO2e          5,678.9        5,432.1\n"
        "用電量                     千度              12,345         11,234\n"
    )
    got = facts(text)
    assert got[("ghg_scope1", 2024)] == 1234.5
    assert got[("ghg_scope2", 2023)] == 5432.1
    assert got[("electricity_purchased", 2024)] == 12_345, "千度 is a thousand kWh: one MWh"


def test_taiwan_roc_dates_give_the_reporting_period() -> None:
    from ingest.read.metadata import extract_metadata

    meta = extract_metadata("示例光電股份有限公司\n113年度永續報告書\n報告期間：民國113年1月1日至113年12月31日\n")
    assert (meta.company_name, meta.fiscal_year, str(meta.period_end)) == ("示例光電股份有限公司", 2024, "2024-12-31")


def test_the_file_name_fills_what_the_opening_lines_do_not_say() -> None:
    from ingest.read.metadata import extract_metadata

    meta = extract_metadata("本報告介紹公司的環境與社會表現。\n", "示例航運控股有限公司_00999_2024_ESG.md")
    assert (meta.company_name, meta.stock_code, meta.fiscal_year) == ("示例航運控股有限公司", "00999", 2024)


@pytest.mark.parametrize(
    ("footnote", "kept"),
    [
        ("5 本公司不涉及直接溫室氣體排放（範圍一）；範圍二按外購電力計算。", True),
        ("5 排放總量包括範圍一、範圍二及範圍三（商務差旅）。", False),
        ("", False),
    ],
)
def test_an_unscoped_ghg_total_counts_as_scope_1_and_2_only_when_its_footnote_says_so(
    footnote: str, kept: bool
) -> None:
    text = HEAD_HK + "指標 單位 2025年\n溫室氣體排放總量5 噸二氧化碳當量 290.23\n\n" + footnote + "\n"
    assert (("ghg_scope1_2", 2025) in facts(text)) is kept


def test_not_only_is_no_scope_statement() -> None:
    from ingest.read.scope import report_scopes

    assert report_scopes("本集團不僅為新員工提供全面了解企業的平台，也提供培訓。") == {}
    assert report_scopes("以下環境數據僅涵蓋香港辦事處。")["E"].partial
    # `範圍三` is a GHG scope, not a reporting boundary: a note on what scope 3 counts limits no figure
    assert report_scopes("^2 範圍三排放僅涵蓋僱員商務航空差旅，本集團於本年度首次披露。") == {}
    assert report_scopes("本報告的環境數據範圍僅包括香港總部。")["E"].partial
    assert report_scopes("勞動合同簽訂率和社會保險覆蓋率均為100%。") == {}, "a rate of 100% is no boundary"
    assert report_scopes("按地區劃分的排放數據僅供參考。") == {}, "for reference only is no boundary"
    # what data are (audited, rounded, as at a date, the whole group's, one kind of waste) bounds nothing
    for sentence in (
        "本报告中的环境数据均为经第三方核查的数据。",
        "以上排放数据均为四舍五入后的结果。",
        "员工数据均为截至2024年12月31日的数据。",
        "本报告披露的环境数据均为本公司及下属子公司数据。",
        "废弃物数据仅包括有害废弃物。",
        "本报告环境数据仅包括本公司及所有子公司。",  # the whole group
        "本報告的環境數據不包括聯營公司及合營公司。",  # associates are outside every group's data
    ):
        assert report_scopes(sentence) == {}, sentence
    assert report_scopes("报告中环境数据仅统计生产基地。")["E"].partial
    # a note on one KPI bounds that KPI and those built from it (metric_dictionary.built_from), not its pillar
    scopes = report_scopes("註1：範圍二排放僅涵蓋香港辦公室。")
    assert set(scopes) == {"ghg_scope2", "ghg_scope1_2", "ghg_intensity_employee", "ghg_intensity_revenue"}
    assert all(scope.partial for scope in scopes.values())


def test_restated_columns_and_marks_keep_their_year() -> None:
    assert year_of("2023/24財年（經重列）#") == 2024
    assert column_role("2023年（經重列）").unit is None
    text = HEAD_HK + (
        "<table>"
        + td("指標", "單位", "2025年", "2024年（經重列）<sup>#</sup>")
        + td("範圍2排放", "噸二氧化碳當量", "1,456.0", "1,584.6<sup>#</sup>")
        + "</table>\n"
    )
    assert facts(text) == {("ghg_scope2", 2025): 1456.0, ("ghg_scope2", 2024): 1584.6}


def test_a_tab_table_copied_from_a_web_page_with_sections_and_bilingual_cells() -> None:
    text = HEAD_HK + (
        "指標 Indicator\t單位 Unit\t2025年\t2024年\n"
        "排放物 Emissions\n"
        "氮氧化物 Nitrogen oxides (NOx)\t千克 kg\t212.6\t198.3\n"
        "僱員總數 Total number of employees\t人 persons\t6,008\t5,700\n"
        "健康與安全 Health and safety\t單位 Unit\t2025年\t2024年\t2023年\n"
        "因工作關係而死亡的人數 Work-related fatalities\t人 persons\t0\t0\t1\n"
    )
    assert facts(text) == {
        ("nox_emissions", 2025): 212.6,
        ("nox_emissions", 2024): 198.3,
        ("employees_total", 2025): 6008,
        ("employees_total", 2024): 5700,
        ("work_related_fatalities", 2025): 0,
        ("work_related_fatalities", 2024): 0,
        ("work_related_fatalities", 2023): 1,
    }, "the second header row brings a third year column"


def test_a_one_cell_per_line_table_with_a_category_line() -> None:
    text = (
        HEAD_CN
        + "指标\n单位\n2025年\n2024年\n排放物\n有害废弃物\n吨\n182.6\n176.9\n资源使用\n耗水量\n立方米\n356,210\n372,805\n"
    )
    assert facts(text) == {
        ("hazardous_waste", 2025): 182.6,
        ("hazardous_waste", 2024): 176.9,
        ("water_consumption", 2025): 356_210,
        ("water_consumption", 2024): 372_805,
    }


def test_text_tables_take_the_caption_unit_and_units_in_label_brackets() -> None:
    text = "示例光電股份有限公司\n2024年永續報告書\n報告期間：2024年1月1日至2024年12月31日\n\n"
    text += (
        "表4-2 電力使用情形                    單位：千度\n"
        "  能源類別          112年        113年\n"
        "  外購電力        46,902.3     45,118.7\n\n"
        "表5-1 員工人數統計                    單位：人\n"
        "  類別              112年        113年\n"
        "  離職率（%）        11.8         10.9\n"
        "  員工平均訓練時數（小時/人）   26.0   28.0\n"
    )
    got = facts(text)
    assert got[("electricity_purchased", 2024)] == 45_118.7
    assert got[("employee_turnover_rate", 2023)] == 11.8, "the label's (%) beats the caption's 人"
    assert got[("training_hours_per_employee", 2024)] == 28.0


def test_key_figures_laid_out_as_a_table_of_values_over_labels() -> None:
    text = HEAD_CN + (
        "<table>" + td("3,215", "58.6%", "100%") + td("员工总数（人）", "女性员工占比", "员工培训覆盖率") + "</table>\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 3215,
        ("employees_female_pct", 2025): 58.6,
        ("employees_trained_pct", 2025): 100,
    }


def test_mixed_tiles_take_the_label_that_fits() -> None:
    text = HEAD_CN + (
        "## 环境\n\n26.8<sub>万立方米</sub>\n\n总耗水量\n\n危险废物产生量\n\n35.42\n\n吨\n\n"
        "单位营业收入温室气体排放强度\n\n4.16<sub>吨二氧化碳当量/百万元</sub>\n\n单位产品综合能耗\n\n"
        "0.126<sub>吨标准煤/吨产品</sub>\n"
    )
    assert facts(text) == {
        ("water_consumption", 2025): 268_000,
        ("hazardous_waste", 2025): 35.42,
        ("ghg_intensity_revenue", 2025): 4.16,
    }


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("报告期内，公司实现营业收入156.8亿元。", ("revenue", 15_680_000_000)),
        ("全年员工培训总时长达到33.7万小时。", ("training_hours_total", 337_000)),
        ("公司共有员工4,120人，其中女性占27.3%。", ("employees_female_pct", 27.3)),
    ],
)
def test_prose_wordings(sentence: str, fact: tuple[str, float]) -> None:
    metric, value = fact
    assert facts(HEAD_CN + "## 概况\n\n" + sentence + "\n")[(metric, 2025)] == pytest.approx(value)


def test_year_headings_date_the_figures_under_them_and_a_lead_in_gives_their_context() -> None:
    text = (
        HEAD_HK
        + "## 員工構成\n\n截至報告期末，本公司共有員工1,345名，具體分佈如下：\n\n## 2025年\n\n男性882人 女性463人\n\n## 2024年\n\n男性770人 女性402人\n"
    )
    got = facts(text)
    assert (got[("employees_male", 2025)], got[("employees_female", 2024)]) == (882, 402)


def test_money_in_another_currency_is_not_converted_as_cny() -> None:
    text = "示例光電股份有限公司\n2024年永續報告書\n報告期間：2024年1月1日至2024年12月31日\n\n"
    text += "本公司財務數據以新台幣計算，113年營收新台幣152億元。社會投入新台幣1,250萬元。\n\n"
    text += (
        "表1-1 經營績效 單位：千元\n項目\t112年\t113年\n營業收入\t14,356,000\t15,230,000\n研發費用\t780,000\t812,000\n"
    )
    text += "\n表1-2 以人民幣列示\n項目\t單位\t112年\t113年\n營業收入\t人民幣千元\t98,000\t102,000\n"
    got = facts(text)
    assert ("rd_investment", 2024) not in got, "千元 of a report in 新台幣 is no CNY amount"
    assert got[("revenue", 2024)] == 102_000_000, "an amount that says 人民幣 is one"


def test_a_pdf_layout_table_with_a_notes_column_page_furniture_and_a_unit_below() -> None:
    text = HEAD_HK + (
        " 指標                              二零二五年       二零二四年      附註\n"
        " 氮氧化物（千克）                    3,412.5          3,688.0         1\n"
        " 溫室氣體排放總量（範圍1及2）                                          \n"
        " （噸二氧化碳當量）                 20,745.6         22,017.7\n"
        "                                                                      31\n"
        "──────────────────────────────────────────────────────────────────────\n"
        " 每名僱員平均受訓時數                  18.6             16.2\n"
        " （小時）\n"
        " 因工傷損失工作日數（日）                214              367        2\n"
    )
    assert facts(text) == {
        ("nox_emissions", 2025): 3412.5,
        ("nox_emissions", 2024): 3688.0,
        ("ghg_scope1_2", 2025): 20745.6,
        ("ghg_scope1_2", 2024): 22017.7,
        ("training_hours_per_employee", 2025): 18.6,
        ("training_hours_per_employee", 2024): 16.2,
        ("lost_days_work_injury", 2025): 214,
        ("lost_days_work_injury", 2024): 367,
    }, "a note number is no value and a page number no row"


def test_a_text_table_with_a_change_column_of_any_form() -> None:
    text = HEAD_CN + (
        "指标 单位 2025年 2024年 同比变化\n"
        "员工流失率 % 9.6 11.2 -1.6个百分点\n"
        "外购电力 万千瓦时 2\u2009843.6 2\u2009990.1 -4.90%\n"
    )
    assert facts(text) == {
        ("employee_turnover_rate", 2025): 9.6,
        ("employee_turnover_rate", 2024): 11.2,
        ("electricity_purchased", 2025): 28_436,
        ("electricity_purchased", 2024): 29_901,
    }


def test_current_and_prior_period_columns() -> None:
    text = HEAD_HK + "| 指標 | 單位 | 本期 | 上期 |\n|---|---|---|---|\n| 僱員總數 | 人 | 6,842 | 6,517 |\n"
    text += "\n指標 單位 本年度 上年度\n耗水量 立方米 21,306 22,418\n"
    assert facts(text) == {
        ("employees_total", 2025): 6842,
        ("employees_total", 2024): 6517,
        ("water_consumption", 2025): 21_306,
        ("water_consumption", 2024): 22_418,
    }


def test_a_section_row_across_the_table_gives_the_unit_of_the_rows_below() -> None:
    text = HEAD_CN + (
        "<table>"
        + td('<td colspan="3">表A 温室气体排放 单位：吨二氧化碳当量</td>')
        + td("指标", "2025年", "2024年")
        + td("范围一排放量", "62,418.5", "65,902.1")
        + td('<td colspan="3">表B 能源消耗 单位：兆瓦时</td>')
        + td("外购电力", "154,612.3", "160,488.7")
        + "</table>\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 62_418.5,
        ("ghg_scope1", 2024): 65_902.1,
        ("electricity_purchased", 2025): 154_612.3,
        ("electricity_purchased", 2024): 160_488.7,
    }


def test_bilingual_headers_and_cells() -> None:
    text = HEAD_HK + (
        "| KPI 指標 | Unit 單位 | FY2025 | FY2024 |\n|---|---|---|---|\n"
        "| Total energy consumption 能源總耗量 | '000 kWh 千個千瓦時 | 64,117.1 | 67,242.9 |\n"
        "| Female employees (% of workforce) 女性僱員佔比 | % | 35.2 | 34.8 |\n"
    )
    assert facts(text) == {
        ("energy_total", 2025): 64_117.1,
        ("energy_total", 2024): 67_242.9,
        ("employees_female_pct", 2025): 35.2,
        ("employees_female_pct", 2024): 34.8,
    }


@pytest.mark.parametrize(
    ("opening", "company"),
    [
        (
            "本報告全面闡述示例新能源（上海）股份有限公司的表現。示例新能源（上海）股份有限公司致力於…",
            "示例新能源（上海）股份有限公司",
        ),
        (
            "本报告是示例电力集团股份有限公司发布的第三份报告。附属公司：示例新能源有限公司、示例新能源有限公司",
            "示例电力集团股份有限公司",
        ),
        (
            "示例物流控股有限公司（以下簡稱「本公司」）遵循香港交易及結算所有限公司（「聯交所」）的指引。",
            "示例物流控股有限公司",
        ),
        ("Example Logistics Holdings Limited 示例物流控股有限公司\n2024 ESG Report", "示例物流控股有限公司"),
        ("中国示例资产管理\n股份有限公司\n2025年社会责任报告\n", None),
    ],
)
def test_the_company_name_of_the_opening_lines(opening: str, company: str | None) -> None:
    from ingest.read.metadata import extract_metadata

    name = extract_metadata(opening).company_name
    assert name == company if company else name != "股份有限公司"


def test_units_printed_inside_value_cells() -> None:
    text = HEAD_CN + "| 指标 | 2024年 | 2025年 | 2030年目标 |\n|---|---|---|---|\n"
    text += "| 营业收入 | 256.3亿元 | 241.8亿元 | — |\n| 员工总数 | 3.2万人 | 3.1万人 | — |\n| 综合能耗 | 516.8万吨标准煤 | 498.3万吨标准煤 | 490万吨标准煤 |\n"
    got = facts(text)
    assert got[("revenue", 2025)] == pytest.approx(24_180_000_000)
    assert got[("employees_total", 2024)] == pytest.approx(32_000)
    assert got[("energy_total", 2025)] == pytest.approx(4_983_000 * 8.141)
    assert not any(year == 2030 for _, year in got)


def test_a_year_over_measure_sub_columns() -> None:
    text = HEAD_HK + (
        "<table>"
        + td('<td rowspan="2">僱員類別</td>', '<td colspan="2">2025年</td>', '<td colspan="2">2024年</td>')
        + td("流失人數（人）", "流失率", "流失人數（人）", "流失率")
        + td("全體僱員", "214", "11.6%", "205", "12.0%")
        + td("女性", "96", "10.4%", "90", "10.2%")
        + "</table>\n"
    )
    assert facts(text) == {("employee_turnover_rate", 2025): 11.6, ("employee_turnover_rate", 2024): 12.0}


def test_restated_marks_in_value_cells_and_full_width_units() -> None:
    text = HEAD_HK + "| 指標 | 單位 | 2025年 | 2024年 |\n|---|---|---|---|\n"
    text += "| 範疇二溫室氣體排放量 | 公噸ＣＯ２ｅ | １８，０２１．５ | １７，９６６．０（經重述） |\n"
    assert facts(text) == {("ghg_scope2", 2025): 18_021.5, ("ghg_scope2", 2024): 17_966.0}


def test_a_target_block_in_prose_is_no_data() -> None:
    text = HEAD_HK + "2025年度主要數據\n耗水量：131,870 立方米\n\n2030年環境目標\n耗水量：110,000 立方米\n"
    assert facts(text) == {("water_consumption", 2025): 131_870}


def test_a_table_of_one_subsidiary_is_partial_and_never_the_company_figure() -> None:
    text = HEAD_HK + (
        "### 附屬公司甲（示例（江門）食品有限公司）環境數據\n\n下表僅涵蓋附屬公司甲的數據，供持份者參考：\n\n"
        "| 指標 | 單位 | 2025年 |\n|---|---|---|\n| 耗水量 | 立方米 | 5,000 |\n\n"
        "### 附錄：關鍵績效\n\n| 指標 | 單位 | 2025年 |\n|---|---|---|\n| 耗水量 | 立方米 | 21,000 |\n"
    )
    rows = parse_report(text).rows
    assert [row.is_partial_scope for row in rows if row.metric_code] == [True, False]
    assert facts(text) == {("water_consumption", 2025): 21_000}


@pytest.mark.parametrize(
    ("caption", "partial"),
    [
        ("<caption>示例物流（佛山）有限公司主要環境績效</caption>", True),  # another company: a subsidiary
        ("<caption>示例環保科技有限公司主要環境績效</caption>", False),  # the reporting company itself
        ("<caption>示例環保科技有限公司及其附屬公司環境績效</caption>", False),  # and its group
        ("", False),
    ],
)
def test_an_html_caption_that_names_another_company_makes_its_table_partial(caption: str, partial: bool) -> None:
    text = HEAD_HK + (
        f"<table>\n{caption}\n<tr><th>指標</th><th>單位</th><th>2025年</th></tr>\n"
        "<tr><td>耗水量</td><td>立方米</td><td>5,000</td></tr>\n</table>\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [row.is_partial_scope for row in rows] == [partial]


def test_a_bracketed_year_after_a_figure_of_a_year_ended_in_march_is_the_year_before() -> None:
    text = (
        "示例服務控股有限公司\n截至2025年3月31日止年度環境、社會及管治報告\n"
        "報告期間：2024年4月1日至2025年3月31日。\n\n"
        "本年度，僱員受訓總時數達41,670小時（2024年：37,536小時）。\n"
    )
    assert facts(text) == {("training_hours_total", 2025): 41_670, ("training_hours_total", 2024): 37_536}
    listed = text.replace(
        "僱員受訓總時數達41,670小時（2024年：37,536小時）",
        "氮氧化物及硫氧化物排放量分別為96.5千克及4.2千克（2024年：分別為101.8千克及3.9千克）",
    )
    assert facts(listed) == {
        ("nox_emissions", 2025): 96.5,
        ("sox_emissions", 2025): 4.2,
        ("nox_emissions", 2024): 101.8,
        ("sox_emissions", 2024): 3.9,
    }


def test_prior_years_in_prose_brackets_and_clauses() -> None:
    text = HEAD_HK + (
        "## 資源使用\n\n本年度外購電力為12,408.5兆瓦時，去年為13,025.9兆瓦時。"
        "範圍一溫室氣體排放為1,215.4噸二氧化碳當量（2024年：1,301.7噸二氧化碳當量），"
        "範圍二排放為7,237.2噸二氧化碳當量（2024年：7,608.7噸二氧化碳當量）。\n"
    )
    assert facts(text) == {
        ("electricity_purchased", 2025): 12_408.5,
        ("electricity_purchased", 2024): 13_025.9,
        ("ghg_scope1", 2025): 1_215.4,
        ("ghg_scope1", 2024): 1_301.7,
        ("ghg_scope2", 2025): 7_237.2,
        ("ghg_scope2", 2024): 7_608.7,
    }, "a closed bracket's year dates its own figure only"


def test_a_bracket_of_the_prior_year_said_relatively_or_with_a_currency() -> None:
    """`（上年度：人民幣4.6百萬元）` is the figure before it again, for the year before the report's."""
    text = HEAD_HK + (
        "## 社區投資\n\n本年度捐款總額為人民幣5.8百萬元（上年度：人民幣4.6百萬元），"
        "用水量為12,300立方米（去年：13,100立方米），收益為人民幣1,846.3百萬元（2024年：人民幣1,702.5百萬元）。\n"
    )
    got = facts(text)
    assert got[("community_donations", 2024)] == pytest.approx(4_600_000)
    assert got[("water_consumption", 2024)] == 13_100
    assert got[("revenue", 2024)] == pytest.approx(1_702_500_000)
    assert got[("revenue", 2025)] == pytest.approx(1_846_300_000)


def test_an_intensity_that_prints_its_denominator_before_the_value() -> None:
    """`排放密度為每人民幣百萬元收益4.58噸`: the denominator is the unit's, and the prior year's figure in
    brackets (`（2024年：5.23噸）`) shares it; a per-employee phrase that is the label stays the label."""
    text = HEAD_HK + (
        "## 排放物\n\n本年度溫室氣體排放密度為每人民幣百萬元收益4.58噸二氧化碳當量（2024年：5.23噸），"
        "耗水密度為每名僱員2.6立方米。每名僱員平均受訓18.6小時。\n\n"
        "## 能源\n\n每百萬元營業收入綜合能耗為0.21噸標準煤，每年用水量為1,200立方米。\n"
    )
    assert facts(text) == {
        ("ghg_intensity_revenue", 2025): 4.58,
        ("ghg_intensity_revenue", 2024): 5.23,
        ("training_hours_per_employee", 2025): 18.6,
        ("energy_intensity_revenue", 2025): pytest.approx(0.21 * 8.141),  # the label opens with its denominator
    }, "每年 is no denominator of revenue: 1,200 m3 a year is no intensity, and no consumption either"


def test_a_flat_pdf_text_table_with_stacked_values_implied_units_and_breakdowns() -> None:
    """PDF text without indentation: a label whose values stand one per line below it; a row that
    prints no unit but whose label's measure word implies one (`工作日數`); a breakdown heading
    (`按性別劃分`) that a metric of its own (`受訓僱員百分比（%）`) ends; and `男性 15.1` under a rate,
    which is no number of persons."""
    text = HEAD_HK + (
        "指標 2025年 2024年\n"
        "僱員總數（人）   2,186   2,254\n"
        "按性別劃分\n"
        "男性   1,247   1,301\n"
        "女性   939   953\n"
        "僱員流失率（%）   14.6   16.2\n"
        "男性   15.1   16.9\n"
        "因工傷損失工作日數   326   412\n"
        "受訓僱員百分比（%）   87.4   82.1\n"
        "培訓總時數（小時）\n"
        "41,534\n"
        "38,318\n"
        "供應商總數（家）   418   396\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2_186,
        ("employees_total", 2024): 2_254,
        ("employees_male", 2025): 1_247,
        ("employees_male", 2024): 1_301,
        ("employees_female", 2025): 939,
        ("employees_female", 2024): 953,
        ("employee_turnover_rate", 2025): 14.6,
        ("employee_turnover_rate", 2024): 16.2,
        ("lost_days_work_injury", 2025): 326,
        ("lost_days_work_injury", 2024): 412,
        ("employees_trained_pct", 2025): 87.4,
        ("employees_trained_pct", 2024): 82.1,
        ("training_hours_total", 2025): 41_534,
        ("training_hours_total", 2024): 38_318,
        ("suppliers_total", 2025): 418,
        ("suppliers_total", 2024): 396,
    }


def test_a_board_spelt_out_in_chinese_numerals_with_the_counted_noun_after_each_count() -> None:
    """`董事會由九名董事組成，包括三名執行董事…及四名獨立非執行董事`: small counts spelt out, each labelled
    by the noun after it where the words before it label nothing; `董事會有三位女性董事` counts what follows."""
    text = HEAD_HK + (
        "## 董事會多元化\n\n於2025年12月31日，董事會由九名董事組成，包括三名執行董事、兩名非執行董事及"
        "四名獨立非執行董事。董事會有兩位女性董事。每一名董事均已接受培訓，第一名董事於2020年獲委任。\n"
    )
    assert facts(text) == {("board_size", 2025): 9, ("board_independent", 2025): 4, ("board_female", 2025): 2}


def test_a_label_before_a_comma_when_the_values_own_clause_is_filler() -> None:
    """`範圍三排放（…），本年度約為2,630噸`: the clause before the comma labels the value; not the tail of
    the value before (`5,236名僱員，其中約64%為女性`), and not where a noun follows the value."""
    text = HEAD_HK + (
        "## 排放物\n\n本集團亦首次估算範圍三排放（主要為商務差旅及員工通勤），本年度約為2,630噸二氧化碳當量。\n"
        "本集團共有5,236名僱員，其中約64%為女性。我們對重點供應商開展培訓，共有224家供應商參與。\n"
    )
    assert facts(text) == {
        ("ghg_scope3", 2025): 2_630,
        ("employees_total", 2025): 5_236,
        ("employees_female_pct", 2025): 64,
    }


def test_a_sum_is_the_years_level_only_where_the_year_comes_just_before_it() -> None:
    """`全年累计培训时长` is the year's total; `累计捐赠`, and a `累计` after its label, sum since some start."""
    text = HEAD_HK + (
        "## 培訓\n\n2025年，公司員工培訓覆蓋率達100%，全年累計培訓時長102,765小時。"
        "公司成立以來累計捐贈3,000萬元，員工志願服務時數累計8,860小時。\n"
        "報告期內，本公司及員工無已審結的貪污訴訟案件。\n"
    )
    assert facts(text) == {
        ("employees_trained_pct", 2025): 100,
        ("training_hours_total", 2025): 102_765,
        ("corruption_cases_concluded", 2025): 0,
    }


def test_a_list_of_labels_paired_with_a_list_of_values() -> None:
    """`A及B分別為X及Y`: each value its item's label, completed with the words the list prints once."""
    text = HEAD_HK + (
        "## 排放物\n\n本年度，範圍一及範圍二溫室氣體排放量分別為3,412.8噸二氧化碳當量及5,106.4噸二氧化碳當量，"
        "合共8,519.2噸二氧化碳當量（2024年：9,002.5噸二氧化碳當量）。"
        "氮氧化物、硫氧化物及顆粒物排放量分別為1,820.5、12.4及165.3千克。\n"
        "本集團共有僱員1,512名，其中男性及女性僱員分別佔56.0%及44.0%。\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 3_412.8,
        ("ghg_scope2", 2025): 5_106.4,
        ("ghg_scope1_2", 2025): 8_519.2,
        ("ghg_scope1_2", 2024): 9_002.5,
        ("nox_emissions", 2025): 1_820.5,
        ("sox_emissions", 2025): 12.4,
        ("pm_emissions", 2025): 165.3,
        ("employees_total", 2025): 1_512,
        ("employees_female_pct", 2025): 44.0,
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "2023年、2024年及2025年用電量分別為1,200兆瓦時、1,150兆瓦時及1,100兆瓦時。",
            {
                ("electricity_purchased", 2023): 1_200,
                ("electricity_purchased", 2024): 1_150,
                ("electricity_purchased", 2025): 1_100,
            },
        ),
        ("用水量在2025年及2030年分別為4,800立方米及4,000立方米。", {("water_consumption", 2025): 4_800}),
        # the list restated for the year before, in brackets, its items not printed again
        (
            "氮氧化物及硫氧化物排放量分別約為96.5千克及4.2千克（2024年：分別約為101.8千克及3.9千克）。",
            {
                ("nox_emissions", 2025): 96.5,
                ("sox_emissions", 2025): 4.2,
                ("nox_emissions", 2024): 101.8,
                ("sox_emissions", 2024): 3.9,
            },
        ),
        # a bracket of another shape is no restated list: two values, no items, no rows
        ("用水量為4,800立方米（分別為2,000立方米及2,800立方米）。", {("water_consumption", 2025): 4_800}),
        # three items, two values: no pairing, and never the list's label on its first value
        ("範圍一、範圍二及範圍三排放分別為100噸、200噸二氧化碳當量。", {}),
    ],
)
def test_a_list_of_years_or_a_list_that_does_not_pair_up(sentence: str, expected: dict) -> None:
    assert facts(HEAD_HK + "## 資源使用\n\n" + sentence + "\n") == expected


GENDER_TABLE = "| 僱傭類型 | 男性 | 女性 | 合計 |\n| --- | --- | --- | --- |\n| 全職 | 812 | 604 | 1,416 |\n| 總計 | 847 | 665 | 1,512 |\n"


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "#### 二零二四年僱員人數（按性別及僱傭類型劃分）",
            {("employees_male", 2024): 847, ("employees_female", 2024): 665, ("employees_total", 2024): 1_512},
        ),
        (
            "#### 僱員人數",
            {("employees_male", 2025): 847, ("employees_female", 2025): 665, ("employees_total", 2025): 1_512},
        ),
        ("#### 新入職僱員人數", {}),  # new hires by gender: the lexicon knows no such headcount
        ("#### 2030年僱員人數目標", {}),
        # the caption decides what the cells are: hours, so only the total column maps
        ("#### 平均受訓時數（小時）", {("training_hours_per_employee", 2025): 1_512}),
    ],
)
def test_a_table_of_genders_instead_of_years_gives_its_total_row(caption: str, expected: dict) -> None:
    assert facts(HEAD_HK + caption + "\n\n" + GENDER_TABLE) == expected


def test_two_tables_side_by_side_in_one_html_table() -> None:
    text = HEAD_CN + (
        "<table>"
        + td("指标", "单位", "2025年", "2024年", "指标", "单位", "2025年", "2024年")
        + td("范围一排放", "吨二氧化碳当量", "1,200", "1,300", "员工总数", "人", "7,482", "7,300")
        + "</table>\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 1200,
        ("ghg_scope1", 2024): 1300,
        ("employees_total", 2025): 7482,
        ("employees_total", 2024): 7300,
    }


@pytest.mark.parametrize(
    ("sentence", "zero"),
    [
        ("報告期內，本集團未發生因工死亡事故。", True),
        ("2025年及過去三年均無工亡事件發生。", True),
        ("本年度並無對本公司或其僱員提出並已審結的貪污訴訟案件。", True),
        ("我們力爭實現零工亡的目標。", False),
        ("承包商本年度未發生因工死亡事故。", False),
        ("因工死亡率較上年下降。", False),
    ],
)
def test_a_kpi_stated_as_none_in_words_is_a_zero(sentence: str, zero: bool) -> None:
    got = facts(HEAD_HK + "## 健康與安全\n\n" + sentence + "\n")
    assert (
        got.get(("work_related_fatalities", 2025)) == 0 or got.get(("corruption_cases_concluded", 2025)) == 0
    ) is zero, got


@pytest.mark.parametrize(
    ("definition", "partial"),
    [
        ("本報告涵蓋本集團及其全資附屬公司上海示例物業服務有限公司（「上海示例」）的業務。", True),
        ("本报告覆盖公司及全部子公司，包括示例新材（上海）有限公司（以下简称“上海示例”）。", True),
        ("本報告根據上海示例交易所有限公司（「上海示例」）的指引編製。", False),  # no member of the group
        ("", False),
    ],
)
def test_a_table_captioned_with_a_short_name_of_a_subsidiary_is_partial(definition: str, partial: bool) -> None:
    """The short name a report defines for a company of its group names that company's table, in the
    heading above it or in the table's corner cell."""
    table = "| {} | 2025年 |\n| --- | --- |\n| 耗水量（立方米） | {} |\n"
    text = (
        HEAD_HK
        + definition
        + "\n\n"
        + table.format("指標", "21,000")
        + "\n"
        + table.format("上海示例主要數據", "5,000")
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(21_000, False), (5_000, partial)]


def test_a_corner_cell_naming_another_company_makes_its_table_partial() -> None:
    text = HEAD_HK + (
        "| 示例物流（香港）有限公司 | 單位 | 2025年 |\n| --- | --- | --- |\n| 耗水量 | 立方米 | 5,000 |\n\n"
        "| 示例環保科技有限公司 | 單位 | 2025年 |\n| --- | --- | --- |\n| 外購電力 | 兆瓦時 | 1,200 |\n"
    )
    partial = {row.metric_code: row.is_partial_scope for row in parse_report(text).rows if row.metric_code}
    assert partial == {"water_consumption": True, "electricity_purchased": False}


@pytest.mark.parametrize(
    ("title", "partial"),
    [
        ("新竹二廠能資源使用概況", True),
        ("宿迁子公司主要环境数据", True),
        ("嘉興樞紐主要環境數據", True),  # a logistics hub
        ("鄂爾多斯礦區能源消耗情況", True),
        ("各廠區能資源使用概況", False),
        ("主要生產基地環境數據", False),
    ],
)
def test_a_text_table_titled_with_one_site_is_partial_across_a_lead_in_sentence(title: str, partial: bool) -> None:
    text = (
        HEAD_HK
        + title
        + "\n以下為該廠區2025年度的能資源數據，已包含於前述全公司數據中。\n項目    單位    2025年\n用水量    立方公尺    38,420\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [row.is_partial_scope for row in rows] == [partial]


def test_a_table_after_a_heading_continues_no_table_before_it() -> None:
    """A headerless grid just after a table continues it across a page break, but not past a heading:
    `基準 | 2030年目標` under `### 環境目標` is a new table, not two more years of the one above."""
    text = HEAD_HK + (
        "| 用水 | 2025年 | 2024年 |\n| --- | --- | --- |\n| 耗水量（立方米） | 241,380 | 255,960 |\n\n"
        "### 環境目標\n\n| 環境目標 | 基準（2024年） | 2030年目標 |\n| --- | --- | --- |\n| 耗水量（立方米） | 255,960 | 230,000 |\n"
    )
    assert facts(text) == {("water_consumption", 2025): 241_380, ("water_consumption", 2024): 255_960}


def test_a_label_column_of_units_under_a_repeated_header_cell_is_the_unit_column() -> None:
    """Docling repeats a spanned header cell over the unit column and a section row over every column."""
    text = HEAD_HK + (
        "| 關鍵績效指標 | 關鍵績效指標 | 2025年 | 2024年 |\n|---|---|---|---|\n"
        "| A1.1 排放物 | A1.1 排放物 | A1.1 排放物 | A1.1 排放物 |\n"
        "| 氮氧化物（NOx）1 | 千克 | 412.6 | 455.3 |\n| 直接排放（範圍1） | 噸二氧化碳當量 | 6,842.7 | 7,015.4 |\n"
    )
    assert facts(text) == {
        ("nox_emissions", 2025): 412.6,
        ("nox_emissions", 2024): 455.3,
        ("ghg_scope1", 2025): 6_842.7,
        ("ghg_scope1", 2024): 7_015.4,
    }


def test_a_pandoc_grid_table_with_cells_wrapped_over_lines() -> None:
    """pandoc writes a Word table as `+---+` rules between rows; a row's cells wrap over its lines and
    units carry pandoc's subscripts (`CO~2~`) and footnote references (`[^2]`)."""
    text = HEAD_CN + (
        "+--------------------+----------------+------------+------------+\n"
        "| 指标               | 单位           | 2025年     | 2024年     |\n"
        "+====================+================+============+============+\n"
        "| 范围二排放         | 吨CO~2~e       | 41,503.18  | 43,870.25  |\n"
        "| （基于位置）[^2]   |                |            |            |\n"
        "+--------------------+----------------+------------+------------+\n"
        "| 耗水量             | 立方米         | 142,560    | /          |\n"
        "+--------------------+----------------+------------+------------+\n"
    )
    rows = rows_of(text)
    assert {key: row.reported_value for key, row in rows.items()} == {
        ("ghg_scope2", 2025): 41_503.18,
        ("ghg_scope2", 2024): 43_870.25,
        ("water_consumption", 2025): 142_560,
    }
    assert rows[("ghg_scope2", 2025)].source_line == HEAD_CN.count("\n") + 4
    assert rows[("ghg_scope2", 2025)].reported_unit == "吨CO2e"


def test_a_text_table_under_a_heading_a_sentence_and_a_unit_line_reads_the_heading() -> None:
    """`人力結構` / a sentence / `單位：人` / header: the heading says the rows are employees."""
    text = HEAD_HK + (
        "人力結構\n截至2025年12月31日，本公司員工總數為2,846人，較前一年增加2.3%。\n單位：人\n"
        "項目    2024年    2025年\n男性    1,715    1,748\n女性    1,068    1,098\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2_846,
        ("employees_male", 2024): 1_715,
        ("employees_male", 2025): 1_748,
        ("employees_female", 2024): 1_068,
        ("employees_female", 2025): 1_098,
    }


def test_a_breakdown_heading_in_a_text_table_keeps_the_topic_above_it() -> None:
    """`僱員流失率` / `按性別劃分` / `女性 % 11.6`: a turnover rate of women, not their share of the staff."""
    text = HEAD_HK + (
        "指標                              單位           2025          2024\n"
        "僱員總數                          人            2,150         2,051\n"
        "僱員流失率\n"
        "按性別劃分\n"
        "    女性                          %              11.6          12.9\n"
        "按年齡組別劃分\n"
        "    30歲以下                      %              24.5          27.5\n"
    )
    assert facts(text) == {("employees_total", 2025): 2_150, ("employees_total", 2024): 2_051}


def test_purchased_electricity_beats_a_total_of_electricity_used() -> None:
    """`總用電量` may include power the company generates itself: where the report prints `外購電力` too,
    that is the purchased electricity (a text table, where the table's rows are not known in advance)."""
    text = HEAD_HK + (
        "能源使用\n項目    單位    2024年    2025年\n外購電力    千度    44,318.6    41,260.0\n"
        "太陽能自發自用電力    千度    412.5    1,652.8\n總用電量    千度    44,731.1    42,912.8\n"
    )
    assert facts(text) == {("electricity_purchased", 2024): 44_318.6, ("electricity_purchased", 2025): 41_260.0}


def test_a_text_table_label_wrapped_before_its_bracket_is_one_label() -> None:
    """`範疇一＋範疇二` / `（地點基礎）    32,716.76 …`: a label never opens with a bracket, so the line above
    is its start, not a sub-heading."""
    text = HEAD_HK + (
        "溫室氣體排放\n單位：公噸CO2e\n範疇    2024年    2025年\n範疇一（直接排放）    3,655.10    3,498.72\n"
        "範疇一＋範疇二\n（地點基礎）    31,266.18    29,729.27\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2024): 3_655.10,
        ("ghg_scope1", 2025): 3_498.72,
        ("ghg_scope1_2", 2024): 31_266.18,
        ("ghg_scope1_2", 2025): 29_729.27,
    }


def test_a_text_table_label_wrapped_without_a_bracket_is_one_label_where_its_end_alone_names_no_metric() -> None:
    """`pdftotext -layout` wraps a long label in its cell: `單位營業收入綜合` / `能耗  噸標準煤/萬元  0.0385`. The
    end alone names no metric, or another (`培訓時長`: a total, where `員工人均` makes it per employee), so the
    line above is its start; a sub-heading over its rows (`外購能源` / `電力`) stays a sub-heading."""
    text = HEAD_CN + (
        "指标名称    单位    2025年    2024年\n"
        "外购能源\n"
        "  电力    万千瓦时    9,186.35    9,642.80\n"
        "单位营业收入综合\n"
        "能耗    吨标准煤/万元    0.0385    0.0452\n"
        "危险废物\n"
        "产生量    吨    1,862.47    1,935.20\n"
        "员工人均\n"
        "培训时长    小时    38.6    35.2\n"
        "温室气体排放\n"
        "范围一    吨二氧化碳当量    1,234.5    1,100.2\n"
        "范围二    吨二氧化碳当量    5,678.9    5,432.1\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 1_234.5,
        ("ghg_scope1", 2024): 1_100.2,
        ("ghg_scope2", 2025): 5_678.9,
        ("ghg_scope2", 2024): 5_432.1,
        ("electricity_purchased", 2025): 9_186.35 * 10,
        ("electricity_purchased", 2024): 9_642.80 * 10,
        ("energy_intensity_revenue", 2025): 0.0385 * 8.141 * 100,
        ("energy_intensity_revenue", 2024): 0.0452 * 8.141 * 100,
        ("hazardous_waste", 2025): 1_862.47,
        ("hazardous_waste", 2024): 1_935.20,
        ("training_hours_per_employee", 2025): 38.6,
        ("training_hours_per_employee", 2024): 35.2,
    }
    text = HEAD_CN + (
        "指标名称    单位    2025年    2024年\n危险废物\n产生量    吨    10.5    11.2\n密度    吨/百万元    0.5    0.6\n"
    )
    assert [(row.raw_label, row.section) for row in parse_report(text).rows if row.fiscal_year == 2025] == [
        ("危险废物 产生量", "危险废物"),
        ("密度", "危险废物"),  # the row after it is still under the sub-heading
    ]


def test_rows_stacked_over_br_in_one_markdown_row_are_rows_of_their_own() -> None:
    """`marker` stacks two rows in one over `<br>`: a label, a unit and a figure per line in each cell. A
    label wrapped over a `<br>` beside single figures stays one row; a topic cell stands in each row."""
    text = HEAD_CN + (
        "| 议题 | 指标 | 单位 | 2024 | 2025 |\n|---|---|---|---|---|\n"
        "| 废气 | 氮氧化物<br>挥发性有机物（VOCs） | 吨<br>千克 | 16.32<br>2,512.7 | 14.95<br>2,207.3 |\n"
        "| 水资源 | 取水量<br>耗水量 | 万吨<br>吨 | 210.44<br>1,587,209 | 203.27<br>1,528,364 |\n"
        "| 雇佣 | 员工总数<br>其中：女性员工 | 人 | 8,753<br>4,087 | 9,018<br>4,236 |\n"
        "| 温室气体 | 温室气体排放总量<br>（范围一+范围二） | 吨二氧化碳当量 | 107,072.9 | 104,133.9 |\n"
    )
    assert facts(text) == {
        ("nox_emissions", 2024): 16_320,
        ("nox_emissions", 2025): 14_950,
        ("water_consumption", 2024): 1_587_209,
        ("water_consumption", 2025): 1_528_364,
        ("employees_total", 2024): 8_753,
        ("employees_total", 2025): 9_018,
        ("employees_female", 2024): 4_087,
        ("employees_female", 2025): 4_236,
        ("ghg_scope1_2", 2024): 107_072.9,
        ("ghg_scope1_2", 2025): 104_133.9,
    }


def test_rows_stacked_over_br_in_one_html_row_are_rows_of_their_own() -> None:
    """The same in an HTML table (MinerU), beside a spanned topic cell and a `<tfoot>` note."""
    text = HEAD_CN + (
        "<table><tr><th>议题</th><th>指标</th><th>单位</th><th>2024年</th><th>2025年</th></tr>"
        '<tr><td rowspan="2">环境</td><td>取水量<br/>耗水量</td><td>万吨<br/>吨</td>'
        "<td>210.44<br/>1,587,209</td><td>203.27<br/>1,528,364</td></tr>"
        "<tr><td>氮氧化物<br>挥发性有机物（VOCs）</td><td>吨<br>千克</td><td>16.32<br>2,512.7</td><td>14.95<br>2,207.3</td></tr>"
        "<tr><td>雇佣</td><td>员工总数<br>（期末）</td><td>人</td><td>8,753</td><td>9,018</td></tr>"
        '<tfoot><tr><td colspan="5">注：数据涵盖本公司及全部子公司。</td></tr></tfoot></table>\n'
    )
    assert facts(text) == {
        ("water_consumption", 2024): 1_587_209,
        ("water_consumption", 2025): 1_528_364,
        ("nox_emissions", 2024): 16_320,
        ("nox_emissions", 2025): 14_950,
        ("employees_total", 2024): 8_753,
        ("employees_total", 2025): 9_018,
    }


def test_a_text_table_of_half_years_beside_the_full_year_reads_the_full_year_only() -> None:
    text = HEAD_HK + (
        "指標        單位      2025年上半年  2025年下半年  2025年全年  2024年全年\n"
        "外購電力    兆瓦時    12,456.3      13,418.9      25,875.2    24,760.5\n"
        "耗水量      立方米    186,420       201,350       387,770     372,940\n"
        "指標        單位      2025 H1   2025 H2   2025   2024\n"
        "員工總數    人        2,810     2,864     2,864  2,731\n"
    )
    assert facts(text) == {
        ("electricity_purchased", 2025): 25_875.2,
        ("electricity_purchased", 2024): 24_760.5,
        ("water_consumption", 2025): 387_770,
        ("water_consumption", 2024): 372_940,
        ("employees_total", 2025): 2_864,
        ("employees_total", 2024): 2_731,
    }


def test_years_over_the_group_and_the_parent_company_read_the_groups_column() -> None:
    """docling's two header rows: `2025年 | 2025年 | 2024年 | 2024年` over `集團合併 | 母公司 | …`, the label
    and unit cells repeated; the parent company's columns are part of the group's and are skipped."""
    text = HEAD_CN + (
        "| 指标 | 单位 | 2025年 | 2025年 | 2024年 | 2024年 |\n|---|---|---|---|---|---|\n"
        "| 指标 | 单位 | 集团合并 | 母公司 | 集团合并 | 母公司 |\n"
        "| 员工总数 | 人 | 12,486 | 3,902 | 11,935 | 3,781 |\n"
        "| 范围一温室气体排放量 | 吨二氧化碳当量 | 38,215.4 | 12,480.6 | 36,902.7 | 12,115.3 |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 12_486,
        ("employees_total", 2024): 11_935,
        ("ghg_scope1", 2025): 38_215.4,
        ("ghg_scope1", 2024): 36_902.7,
    }


def test_an_ocr_text_table_with_letter_o_zeros_split_decimals_and_a_label_ending_below() -> None:
    """OCR: `2O24年` (the letter O for a zero), `3,599 .1` (a space before the decimal point), and a label
    whose end stands below its row (`因工傷損失  日  46  63` / `工作日數`)."""
    text = HEAD_HK.replace("2025", "2O25") + (
        "指標                    單位              2O25年          2O24年\n"
        "範圍一及範圍二排放總量  噸二氧化碳當量    3,599 .1        3 857.9\n"
        "因工傷損失              日                46              63\n"
        "工作日數\n"
        "因工傷損失工時          小時              368             504\n"
    )
    assert facts(text) == {
        ("ghg_scope1_2", 2025): 3_599.1,
        ("ghg_scope1_2", 2024): 3_857.9,
        ("lost_days_work_injury", 2025): 46,
        ("lost_days_work_injury", 2024): 63,
    }


def test_a_row_note_that_a_new_plant_is_included_bounds_nothing() -> None:
    """`2024年起納入新廠區數據`: the figures take in a new plant, the whole group's still; `僅統計常州基地`
    bounds its year's figure."""
    text = HEAD_CN + (
        "| 指标 | 单位 | 2024年 | 2025年 | 备注 |\n|---|---|---|---|---|\n"
        "| 范围二温室气体排放量 | 吨二氧化碳当量 | 32,884.1 | 35,902.4 | 2025年起纳入新厂区数据，新厂区贡献4,118.2吨二氧化碳当量 |\n"
        "| 耗水量 | 吨 | 81,200 | 86,400 | 2024年数据仅统计常州基地 |\n"
    )
    rows = {(row.metric_code, row.fiscal_year): row.is_partial_scope for row in parse_report(text).rows}
    assert rows == {
        ("ghg_scope2", 2024): False,
        ("ghg_scope2", 2025): False,
        ("water_consumption", 2024): True,
        ("water_consumption", 2025): False,
    }


def test_two_text_tables_side_by_side_on_one_page() -> None:
    """`pdftotext -layout` of a page holding two narrow tables: each line holds a row of each."""
    left = [
        "項目          單位        2024年      2025年",
        "範疇一排放量  公噸CO2e    3,812.46    3,596.20",
        "外購電力      千度        78,465.2    76,118.9",
        "總耗水量      百萬公升    215.48      203.91",
    ]
    right = [
        "項目          單位    2024年    2025年",
        "員工總數      人      2,486     2,613",
        "平均受訓時數  小時    34.8      36.1",
        "員工職災死亡  人      0         0",
    ]
    text = HEAD_HK + "".join(f"  {a:<52}{b}\n" for a, b in zip(left, right, strict=True))
    assert facts(text) == {
        ("ghg_scope1", 2024): 3_812.46,
        ("ghg_scope1", 2025): 3_596.20,
        ("electricity_purchased", 2024): 78_465.2,
        ("electricity_purchased", 2025): 76_118.9,
        ("water_consumption", 2024): 215_480,
        ("water_consumption", 2025): 203_910,
        ("employees_total", 2024): 2_486,
        ("employees_total", 2025): 2_613,
        ("training_hours_per_employee", 2024): 34.8,
        ("training_hours_per_employee", 2025): 36.1,
        ("work_related_fatalities", 2024): 0,
        ("work_related_fatalities", 2025): 0,
    }


def test_a_prior_year_restated_beside_its_original_reads_the_restated_column() -> None:
    text = HEAD_CN + (
        "| 指标 | 单位 | 2025年 | 2024年（重述） | 2024年（原披露） | 变动 |\n|---|---|---|---|---|---|\n"
        "| 员工总数 | 人 | 9,512 | 9,285 | 8,960 | 2.4% |\n"
    )
    assert facts(text) == {("employees_total", 2025): 9_512, ("employees_total", 2024): 9_285}


def test_a_table_of_a_label_and_a_count_column_is_the_reports_year() -> None:
    text = HEAD_HK + (
        "| 董事會組成（於二零二五年十二月三十一日） | 人數 |\n| --- | --- |\n"
        "| 執行董事 | 3 |\n| 獨立非執行董事 | 4 |\n| 董事總人數 | 8 |\n| 其中：女性董事 | 2 |\n"
    )
    assert facts(text) == {
        ("board_independent", 2025): 4,
        ("board_size", 2025): 8,
        ("board_female", 2025): 2,
    }


@pytest.mark.parametrize(
    ("above", "partial"),
    [
        ("### 附表 母公司主要指標\n\n", True),
        ("### 表2-6 台南廠環境績效\n\n", True),
        ("### 附表\n\n以下數據僅涵蓋本公司本部（母公司），不含子公司。\n\n", True),
        ("### 附表 本公司及子公司主要指標\n\n", False),
    ],
)
def test_a_parent_company_or_one_plant_table_is_partial(above: str, partial: bool) -> None:
    text = HEAD_HK + above + "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| 耗水量 | 立方米 | 5,000 |\n"
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [row.is_partial_scope for row in rows] == [partial]


def test_a_text_table_label_that_wraps_below_its_values() -> None:
    """`pdftotext -layout` puts the rest of a long label (and of its unit) on the line under its values."""
    text = HEAD_CN + (
        "  关键绩效指标   指标                              单位                2025年      2024年\n"
        "  A1.2           温室气体排放强度                  吨二氧化碳当量/百万元   191.48     206.80\n"
        "                 （每百万元营业收入）\n"
        "  A1.3           有害废弃物产生量（含废脱硝催化剂、  吨                  1,245.3    1,318.6\n"
        "                 废矿物油等）\n"
        "  A1.2           温室气体排放总量（范围一              吨二氧化碳          13,482.6   14,031.1\n"
        "                 及范围二）                          当量\n"
    )
    assert facts(text) == {
        ("ghg_intensity_revenue", 2025): 191.48,
        ("ghg_intensity_revenue", 2024): 206.80,
        ("hazardous_waste", 2025): 1_245.3,
        ("hazardous_waste", 2024): 1_318.6,
        ("ghg_scope1_2", 2025): 13_482.6,
        ("ghg_scope1_2", 2024): 14_031.1,
    }


def test_a_text_table_printed_values_first() -> None:
    """`pdftotext -raw` of a PDF that draws a row's figures before its label: the values, then the label
    with its unit in brackets, wrapped onto the next line."""
    text = HEAD_CN + (
        "温室气体排放\n2025年 2024年\n"
        "48,265.3 45,907.8 范围一温室气体排放量（吨二氧化碳当量）\n"
        "96,418.2 91,075.4 范围二温室气体排放量（基于位置，吨二氧化碳\n当量）\n"
        "38.62 41.05 氮氧化物排放量 吨\n"
        "— 0.12 颗粒物排放量 吨\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 48_265.3,
        ("ghg_scope1", 2024): 45_907.8,
        ("ghg_scope2", 2025): 96_418.2,
        ("ghg_scope2", 2024): 91_075.4,
        ("nox_emissions", 2025): 38_620,
        ("nox_emissions", 2024): 41_050,
        ("pm_emissions", 2024): 120,
    }


def test_taiwan_units_and_words_person_hours_energy_used_and_contractors() -> None:
    text = HEAD_HK + (
        "| 項目 | 單位 | 2024年 | 2025年 |\n|:---|:---:|---:|---:|\n"
        "| 訓練總時數 | 人時 | 35,186 | 38,247 |\n| 能源總耗用量 | GJ | 119,007 | 118,804 |\n"
        "| 員工因公死亡人數 | 人 | 0 | 0 |\n| 承攬商因公死亡人數 | 人 | 1 | 0 |\n"
    )
    got = facts(text)
    assert got[("training_hours_total", 2025)] == 38_247
    assert got[("energy_total", 2024)] == pytest.approx(119_007 / 3.6, rel=1e-6)
    assert got[("work_related_fatalities", 2024)] == 0  # the contractors' death is another KPI


def test_a_year_header_that_gives_only_the_denominator_of_its_values() -> None:
    text = HEAD_CN + (
        "| 指标 | 2025年<br>（/万元营业收入） | 2024年<br>（/万元营业收入） |\n|---|---|---|\n"
        "| 温室气体排放强度<br>（吨二氧化碳当量） | 0.409 | 0.462 |\n| 耗水强度<br>（吨） | 2.03 | 2.23 |\n"
    )
    got = facts(text)
    assert got[("ghg_intensity_revenue", 2025)] == pytest.approx(40.9)
    assert got[("water_intensity_revenue", 2024)] == pytest.approx(223)
    assert ("ghg_intensity_employee", 2025) not in got


def test_a_figure_printed_with_a_percent_sign_is_a_percentage_whatever_its_row_says() -> None:
    text = (
        HEAD_HK
        + "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| 研發投入 | 億元 | 6.04% |\n| 僱員總數 | 人 | 38.6% |\n"
    )
    assert facts(text) == {}


def test_a_unit_counted_in_thousands() -> None:
    """`千瓦時（以千計）`: the multiplier written after the unit."""
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| 能源消耗總量 | 千瓦時（以千計） | 38,920.4 |\n"
        "| 培訓總時數 | 小時（以千計） | 118.6 |\n"
    )
    assert facts(text) == {("energy_total", 2025): 38_920.4, ("training_hours_total", 2025): 118_600}


def test_a_data_appendix_pasted_as_csv() -> None:
    """Comma-separated rows under a header of years; numbers quoted where they hold commas, empty fields
    not disclosed, section rows of empty fields, a notes column; prose with ASCII commas stays prose."""
    text = HEAD_HK + (
        "本年度,本集團持續推進節能減排,溫室氣體排放量為2025年的重點。\n\n"
        "\ufeff指標,單位,2025年,2024年,備註\n社會範疇,,,,\n"
        '僱員總數,人,"2,615","2,548",截至12月31日\n其中：女性僱員,人,"1,213","1,177",\n'
        "僱員流失率,%,14.2,,2024年未有統計\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2_615,
        ("employees_total", 2024): 2_548,
        ("employees_female", 2025): 1_213,
        ("employees_female", 2024): 1_177,
        ("employee_turnover_rate", 2025): 14.2,
    }


def test_ocr_numbers_split_at_the_thousands_and_a_garbled_cell() -> None:
    """`8 412.6`: OCR reads a thousands separator as a space; `0.03 9`: a garbled cell gives the row
    one token too many, and no column can be trusted."""
    text = HEAD_CN + (
        "指标  单位  2025年  2024年  2023年\n"
        "范围一温室气体排放量  吨二氧化碳当量  8 412.6  8，905.3  9，367.1\n"
        "综合能耗强度  吨标准煤/万元  0.0333  0.0356  0.03 9\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 8_412.6,
        ("ghg_scope1", 2024): 8_905.3,
        ("ghg_scope1", 2023): 9_367.1,
    }


def test_footnote_letters_after_values_and_labels() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 | 2024年 |\n| --- | --- | --- | --- |\n"
        "| 直接能源消耗 | 兆瓦時 | 56,812.4a | 58,100.0 |\n| 因工傷損失工作日數c | 日 | 1,026 | 1,148 |\n"
        "| 有害廢棄物 | 噸 | 38.6 | 41.05d |\n"
    )
    assert facts(text) == {
        ("energy_direct", 2025): 56_812.4,
        ("energy_direct", 2024): 58_100.0,
        ("lost_days_work_injury", 2025): 1_026,
        ("lost_days_work_injury", 2024): 1_148,
        ("hazardous_waste", 2025): 38.6,
        ("hazardous_waste", 2024): 41.05,
    }


def test_an_intensity_without_a_scope_in_a_table_that_lists_scope_3_on_its_own_row() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| 溫室氣體排放總量（範圍1及範圍2） | 噸二氧化碳當量 | 28,199.6 |\n"
        "| 其他間接排放（範圍3） | 噸二氧化碳當量 | 2,118.5 |\n| 溫室氣體排放密度 | 噸二氧化碳當量／僱員 | 3.42 |\n"
        "| 溫室氣體排放總量（範圍1至範圍3）密度 | 噸二氧化碳當量／僱員 | 3.68 |\n"
    )
    got = facts(text)
    assert got[("ghg_intensity_employee", 2025)] == 3.42
    assert got[("ghg_scope3", 2025)] == 2_118.5


def test_a_table_drawn_with_full_width_bars_and_a_subsidiary_sentence() -> None:
    text = HEAD_HK + (
        "｜指標｜單位｜2024年｜2025年｜\n｜範疇一（直接排放）｜公噸CO2e｜１２，３４５｜11,872.4｜\n"
        "２０２５永續報告書　｜　４３\n\n"
        "越南子公司2025年度範疇一排放量為862.1公噸CO2e，已納入本公司合計數。\n"
    )
    assert facts(text) == {("ghg_scope1", 2024): 12_345, ("ghg_scope1", 2025): 11_872.4}


def test_a_grand_total_after_a_sections_subtotal_and_measure_then_year_headers() -> None:
    text = HEAD_HK + (
        "| 能源種類 | 單位 | 二零二五年度 |\n| --- | --- | --- |\n| **直接能源消耗** | | |\n"
        "| 汽油 | 兆瓦時 | 5,862.4 |\n| 小計 | 兆瓦時 | 11,484.9 |\n| 外購電力 | 兆瓦時 | 23,610.5 |\n"
        "| 總計 | 兆瓦時 | 35,095.4 |\n\n"
        "| 類別 | 受訓僱員百分比（%）二零二五年度 | 平均受訓時數（小時）二零二五年度 |\n| --- | --- | --- |\n"
        "| 男性 | 91.8 | 27.1 |\n| 整體 | 92.4 | 26.3 |\n"
    )
    got = facts(text)
    assert got[("energy_direct", 2025)] == 11_484.9  # the section's 小計, not the table's 總計
    assert got[("employees_trained_pct", 2025)] == 92.4
    assert got[("training_hours_per_employee", 2025)] == 26.3


def test_a_spreadsheet_pasted_as_tabs_with_a_quoted_cell_over_two_lines() -> None:
    text = HEAD_CN + (
        "类别\t指标\t单位\t2024\t2025\t备注\n"
        "温室气体\t范围一\t吨CO2e\t22,107.5\t21,352.9\t\n"
        '温室气体\t范围二\t吨CO2e\t40,418.3\t39,664.2\t"按全国电网平均排放因子\n0.5703 tCO2/MWh计算"\n'
        "\t合计\t吨CO2e\t62,525.8\t61,017.1\t\n"
        "水资源\t耗水量\t吨\t143,620\t138,905\t\n"
    )
    got = facts(text)
    assert got[("ghg_scope2", 2025)] == 39_664.2
    assert got[("water_consumption", 2025)] == 138_905
    assert got[("water_consumption", 2024)] == 143_620


def test_a_total_row_takes_the_measure_its_caption_names() -> None:
    text = HEAD_HK + (
        "### 按渠道劃分的客戶投訴（單位：宗）\n\n| 投訴渠道 | 2025年 |\n| --- | --- |\n| 客戶服務熱線 | 1,820 |\n"
        "| 線上平台 | 964 |\n| 總計 | 2,784 |\n\n"
        "## 溫室氣體\n\n### 廢棄物與污染物管理\n\n| 類別 | 指標 | 單位 | 2025年 |\n| --- | --- | --- | --- |\n"
        "| 溫室氣體排放 | 萬元營業收入碳排放強度（範圍一、二） | 噸二氧化碳當量/萬元 | 0.370 |\n"
    )
    got = facts(text)
    assert got[("customer_complaints", 2025)] == 2_784
    assert got[("ghg_intensity_revenue", 2025)] == pytest.approx(37.0)


def test_tables_of_one_year_each_and_parts_as_columns_with_their_total() -> None:
    """`#### 2024年…` / `指標 | 數值 | 單位`: the caption says the year; `… | 零售 | 總計`: only the total
    column is the company's, under a caption that names the parts (`按業務分部劃分`)."""
    text = HEAD_HK + (
        "#### 2025年環境關鍵績效\n\n| 指標 | 數值 | 單位 |\n| --- | ---: | --- |\n| 耗水量 | 61,380 | 立方米 |\n\n"
        "#### 2024年環境關鍵績效\n\n| 指標 | 數值 | 單位 |\n| --- | ---: | --- |\n| 耗水量 | 58,000 | 立方米 |\n\n"
        "#### 2025年深圳前海冷庫環境數據\n\n| 指標 | 數值 | 單位 |\n| --- | ---: | --- |\n| 耗水量 | 17,260 | 立方米 |\n\n"
        "#### 2025年排放關鍵績效（按業務分部劃分）\n\n| 指標 | 單位 | 物業發展 | 酒店 | 總計 |\n| --- | --- | ---: | ---: | ---: |\n"
        "| 氮氧化物 | 千克 | 412.5 | 286.3 | 723.3 |\n"
    )
    assert facts(text) == {
        ("water_consumption", 2025): 61_380,
        ("water_consumption", 2024): 58_000,
        ("nox_emissions", 2025): 723.3,
    }


def test_a_three_level_html_header_of_years_over_value_and_unit() -> None:
    text = HEAD_HK + (
        '<table><thead>\n<tr><th rowspan="3">指標</th><th colspan="4">環境</th></tr>\n'
        '<tr><th colspan="2">2025年</th><th colspan="2">2024年</th></tr>\n'
        "<tr><th>數值</th><th>單位</th><th>數值</th><th>單位</th></tr>\n</thead><tbody>\n"
        '<tr><th scope="row">範圍一溫室氣體排放</th><td>8,412.6<sup>(1)</sup></td><td>噸二氧化碳當量</td>'
        "<td>8,957.3</td><td>噸二氧化碳當量</td></tr>\n</tbody></table>\n"
    )
    assert facts(text) == {("ghg_scope1", 2025): 8_412.6, ("ghg_scope1", 2024): 8_957.3}


def test_quarters_beside_the_year_are_no_annual_figures() -> None:
    text = HEAD_CN + (
        "| 指标 | 单位 | 一季度 | 二季度 | 三季度 | 四季度 | 全年 | 上年全年 | 同比 |\n|---|---|---|---|---|---|---|---|---|\n"
        "| 耗水量 | 吨 | 98,120 | 104,336 | 110,452 | 99,898 | 412,806 | 428,930 | -3.8% |\n"
    )
    assert facts(text) == {("water_consumption", 2025): 412_806, ("water_consumption", 2024): 428_930}


def test_a_letter_spaced_title_naming_a_subsidiary_makes_its_text_table_partial() -> None:
    text = HEAD_HK + (
        "        示 例 物 流 （ 廣 州 ） 有 限 公 司 環 境 數 據\n"
        "  指標                 單位          2025年\n  氮氧化物排放量       噸            12.36\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "nox_emissions"]
    assert [row.is_partial_scope for row in rows] == [True]


def test_a_text_table_of_split_fiscal_years_with_english_labels_below() -> None:
    text = (
        "示例物流控股有限公司\n截至2025年3月31日止年度環境、社會及管治報告\n報告期間：2024年4月1日至2025年3月31日。\n\n"
        "                              單位                2024/25      2023/24\n"
        "                              Unit\n"
        "範圍一溫室氣體排放            噸二氧化碳當量      2,184.6      2,301.8\n"
        "Scope 1 GHG emissions         tCO2e\n"
    )
    assert facts(text) == {("ghg_scope1", 2025): 2_184.6, ("ghg_scope1", 2024): 2_301.8}


def test_a_transposed_table_with_a_row_of_units_and_a_subsidiary_named_after_its_quoted_name() -> None:
    text = HEAD_CN + (
        "全资子公司“示例（马鞍山）精细化工有限公司”简称“马鞍山示例”。\n\n"
        "<table><tr><td>年份</td><td>危险废物产生量</td><td>外购电力</td></tr>"
        "<tr><td></td><td>吨</td><td>万千瓦时</td></tr><tr><td>2024</td><td>3,286.9</td><td>9,172.6</td></tr>"
        "<tr><td>2025</td><td>3,105.4</td><td>8,788.4</td></tr></table>\n\n"
        "表4 马鞍山示例主要环境数据\n\n"
        "<table><tr><td>年份</td><td>危险废物产生量</td></tr><tr><td></td><td>吨</td></tr>"
        "<tr><td>2025</td><td>668.7</td></tr></table>\n"
    )
    assert facts(text) == {
        ("hazardous_waste", 2024): 3_286.9,
        ("hazardous_waste", 2025): 3_105.4,
        ("electricity_purchased", 2024): 91_726,
        ("electricity_purchased", 2025): 87_884,
    }


def test_nil_in_words_is_a_zero_and_an_english_gloss_is_no_heading() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 | 2024年 |\n|---|---|---|---|\n| 因工死亡人數 | 人 | 無 | 零 |\n"
        "| 慈善及社區捐款 | 人民幣萬元 | 186.5 | - |\n\n"
        "                                  單位        2025        2024\n"
        "僱員總數                          人          3,126       3,248\n"
        "Total number of employees         persons\n"
        "  按性別劃分\n  By gender\n"
        "    男性                          人          2,214       2,318\n"
        "    Male                          persons\n"
    )
    assert facts(text) == {
        ("work_related_fatalities", 2025): 0,
        ("work_related_fatalities", 2024): 0,
        ("community_donations", 2025): 1_865_000,
        ("employees_total", 2025): 3_126,
        ("employees_total", 2024): 3_248,
        ("employees_male", 2025): 2_214,
        ("employees_male", 2024): 2_318,
    }


def test_child_rows_total_and_density_under_a_parent_row_of_the_metric() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 | 2024年 |\n|---|---|---|---|\n"
        "| **溫室氣體排放（範圍一及範圍二）** | | | |\n| 總量 | 噸二氧化碳當量 | 8,519.2 | 9,002.5 |\n"
        "| 密度 | 噸二氧化碳當量／僱員 | 2.99 | 3.23 |\n"
        "| **溫室氣體排放（範圍一、範圍二及範圍三）** | | | |\n| 總量 | 噸二氧化碳當量 | 8,831.6 | — |\n"
        "| 密度 | 噸二氧化碳當量／僱員 | 3.10 | — |\n"
        "| **耗水量** | | | |\n| 總量 | 立方米 | 186,240 | 198,715 |\n"
        "| **反貪污培訓** | | | |\n| 培訓時數 | 小時 | 1,420 | 1,186 |\n"
    )
    assert facts(text) == {
        ("ghg_scope1_2", 2025): 8_519.2,
        ("ghg_scope1_2", 2024): 9_002.5,
        ("ghg_intensity_employee", 2025): 2.99,
        ("ghg_intensity_employee", 2024): 3.23,
        ("water_consumption", 2025): 186_240,
        ("water_consumption", 2024): 198_715,
    }


def test_a_notes_column_bounds_its_own_row_and_the_years_it_names() -> None:
    text = HEAD_CN + (
        "| GRI 编号 | 指标 | 单位 | 2023年 | 2024年 | 2025年 | 数据说明 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 305-1 | 范围一温室气体排放量 | 吨二氧化碳当量 | 21,406.35 | 20,117.82 | 19,384.07 | 含化石燃料燃烧 |\n"
        "| 306-3 | 危险废物产生量 | 吨 | 412.3 | 486.1 | 471.9 | 2023年数据仅统计常州生产基地；2024年起为全口径 |\n"
        "| 2-7 | 员工志愿服务时长 | 小时 | 2,460 | 3,105 | 3,880 | 仅统计公司本部青年志愿者协会组织的活动 |\n"
    )
    partial = {
        (row.metric_code, row.fiscal_year): row.is_partial_scope for row in parse_report(text).rows if row.metric_code
    }
    assert partial[("ghg_scope1", 2023)] is False
    assert partial[("hazardous_waste", 2023)] is True
    assert partial[("hazardous_waste", 2024)] is False
    assert partial[("volunteer_hours", 2025)] is True


LATEX_TABLE = r"""\begin{tabular}{|c|l|c|c|c|}
\hline \multirow{2}{*}{ 类别 } & \multirow{2}{*}{ 指标 } & \multirow{2}{*}{ 单位 } & \multicolumn{2}{|c|}{ 2025 年 } \\
\cline { 4 - 5 } & & & 数值 & 同比变动 \\
\hline \multirow{2}{*}{温室气体} & 范围一温室气体排放量 ${ }^{1}$ & $\mathrm{tCO}_{2} \mathrm{e}$ & 9,207.51 & $-3.1 \%$ \\
\hline & 范围二温室气体排放量 & $\mathrm{tCO}_{2} \mathrm{e}$ & 33,016.42$^{2}$ & $2.0 \%$ \\
\hline 废气 & 氮氧化物 & $\mathrm{t}$ & 6.15 & - \\
\hline 资源 & 耗水量 & $\mathrm{m}^{3}$ & 438,915 & $-5.67 \%$ \\
\hline
\end{tabular}
"""


def test_a_latex_tabular_of_an_ocr_model_is_a_table() -> None:
    """Nougat and Mathpix write a PDF's tables as LaTeX: multirow and multicolumn headers, math units,
    footnote marks after labels and values, change columns under the year."""
    text = HEAD_CN + "\\section*{环境绩效}\n\n" + LATEX_TABLE
    got = rows_of(text)
    assert facts(text) == {
        ("ghg_scope1", 2025): 9207.51,
        ("ghg_scope2", 2025): 33016.42,
        ("nox_emissions", 2025): 6150,
        ("water_consumption", 2025): 438915,
    }
    assert got[("ghg_scope2", 2025)].source_line == 11  # the row's own line


def test_an_english_first_bilingual_table_reads_its_chinese_labels_and_english_units() -> None:
    text = HEAD_HK + (
        "| Indicator（指標） | Unit | 2025 | 2024 |\n| --- | --- | --- | --- |\n"
        "| Direct GHG emissions (Scope 1) (直接溫室氣體排放（範圍一）) | tCO2e | 1,284.6 | 1,352.9 |\n"
        "| GHG intensity (溫室氣體排放密度) | tCO2e/employee | 2.41 | 2.58 |\n"
        "| Non-hazardous waste (無害廢棄物) | tonnes | 1,846.3 | 1,902.7 |\n"
        "| Total workforce (僱員總數) | persons | 3,404 | 3,333 |\n"
        "| Total water consumption (總耗水量)⁴ | m³ | 186,420 | 179,305 |\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 1284.6,
        ("ghg_scope1", 2024): 1352.9,
        ("ghg_intensity_employee", 2025): 2.41,
        ("ghg_intensity_employee", 2024): 2.58,
        ("non_hazardous_waste", 2025): 1846.3,
        ("non_hazardous_waste", 2024): 1902.7,
        ("employees_total", 2025): 3404,
        ("employees_total", 2024): 3333,
        ("water_consumption", 2025): 186420,
        ("water_consumption", 2024): 179305,
    }


def test_a_row_of_units_under_the_years() -> None:
    text = HEAD_CN + (
        "<table><thead>"
        "<tr><th rowspan='2'>指标</th><th>2024年</th><th>2025年</th><th>2025年较2024年变化</th></tr>"
        "<tr><th>PJ</th><th>PJ</th><th>%</th></tr></thead><tbody>"
        "<tr><td>直接能源消耗量</td><td>0.36</td><td>0.18</td><td>-50.0</td></tr>"
        "</tbody></table>\n"
    )
    assert facts(text) == pytest.approx({("energy_direct", 2024): 100_000, ("energy_direct", 2025): 50_000})


def test_unit_and_category_cells_merged_over_a_category_s_rows() -> None:
    """A Word table through pandoc: a merged category and unit print once, on the category's first row."""
    text = HEAD_HK + (
        "**表二：贛州廠房主要環境數據**\n\n| 關鍵績效指標 | 單位 | 2025年 |\n|:--|:--|--:|\n| 耗水量 | 立方米 | 168,420 |\n\n"
        "## []{#_Toc1 .anchor}6.1 環境\n\n"
        "| 範疇 | 關鍵績效指標 | 單位 | 2025年 | 2024年 |\n|:--|:--|:--|--:|--:|\n"
        "| 廢氣排放 | 氮氧化物（NOx） | 千克 | 2,846.3 | 3,012.8 |\n"
        "|  | 顆粒物（PM） |  | 208.5 | 221.9 |\n"
        "| 溫室氣體 | 範圍一直接排放 | 噸二氧化碳當量 | 8,214.6 | 8,562.1 |\n"
        "|  | 範圍二能源間接排放 |  | 15,930.2 | 16,204.7 |\n"
    )
    got = rows_of(text)
    assert facts(text) == pytest.approx(
        {
            ("nox_emissions", 2025): 2846.3,
            ("nox_emissions", 2024): 3012.8,
            ("pm_emissions", 2025): 208.5,
            ("pm_emissions", 2024): 221.9,
            ("ghg_scope1", 2025): 8214.6,
            ("ghg_scope1", 2024): 8562.1,
            ("ghg_scope2", 2025): 15930.2,
            ("ghg_scope2", 2024): 16204.7,
            ("water_consumption", 2025): 168420,
        }
    )
    assert got[("water_consumption", 2025)].is_partial_scope  # one plant's table


def test_segments_as_columns_with_the_group_total_last() -> None:
    text = HEAD_HK + (
        "表三：2025年按業務分部劃分之資源使用\n\n| 指標 | 單位 | 壽險 | 一般保險 | 集團合計 |\n|:---|:---:|---:|---:|---:|\n"
        "| 購買電力 | 兆瓦時 | 6,842.1 | 3,215.6 | 10,057.7 |\n"
    )
    assert facts(text) == {("electricity_purchased", 2025): 10057.7}


def test_a_cell_in_scientific_notation_is_a_number() -> None:
    text = HEAD_CN + (
        "|    | 指標 | 單位 | 2025 | 2024 |\n"
        "|---:|:-----|:-----|-----:|-----:|\n"
        "|  0 | 营业收入 | 元 | 3.86215e+09 | 3.59618e+09 |\n"
        "|  1 | 耗水量 | 立方米 | 1.02645e+06 | 998712 |\n"
        "|  2 | 包装材料使用量 | 吨 | 3218.5 | nan |\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("revenue", 2025): 3_862_150_000,
            ("revenue", 2024): 3_596_180_000,
            ("water_consumption", 2025): 1_026_450,
            ("water_consumption", 2024): 998_712,
            ("packaging_material", 2025): 3218.5,
        }
    )


def test_a_table_of_targets_after_a_sheet_heading_continues_no_table() -> None:
    row = "<tr><td>{}</td><td>吨二氧化碳当量</td><td>{}</td><td>{}</td></tr>"
    text = HEAD_CN + (
        "<h1>环境</h1>\n<table>\n<tr><td>指标</td><td>单位</td><td>2024年</td><td>2025年</td></tr>\n"
        + row.format("范围一和范围二温室气体排放总量", "61,652.90", "57,903.06")
        + "\n</table>\n<h1>目标</h1>\n<table>\n<tr><td>指标</td><td>单位</td><td>2026年目标</td><td>2030年目标</td></tr>\n"
        + row.format("范围一和范围二温室气体排放总量", "55,000.00", "45,000.00")
        + "\n</table>\n"
    )
    assert facts(text) == {("ghg_scope1_2", 2024): 61652.9, ("ghg_scope1_2", 2025): 57903.06}


def test_a_numbered_title_above_a_sentence_of_prose_is_the_tables_caption() -> None:
    text = HEAD_HK + (
        "<table><tr><td>指標</td><td>單位</td><td>2025年</td></tr>"
        "<tr><td>耗水量</td><td>立方米</td><td>461,090</td></tr></table>\n"
        "<p>表二：江門生產基地主要環境數據</p>\n"
        "<p>江門生產基地為本集團最大的生產設施，其2025年主要資源使用情況如下，相關數據已計入表一的集團總量。</p>\n"
        "<table><tr><td>指標</td><td>單位</td><td>2025年</td></tr>"
        "<tr><td>耗水量</td><td>立方米</td><td>318,260</td></tr></table>\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(461090, False), (318260, True)]


def test_a_sentence_leading_into_a_text_table_may_say_it_holds_one_subsidiarys_figures() -> None:
    text = HEAD_CN + (
        "项目  单位  2025年\n耗水量  立方米  831,204\n\n"
        "子公司江源（南通）新材料有限公司为南通市重点排污单位，其2025年主要环境数据如下（已包含在上表合计数中）：\n"
        "项目  单位  2025年\n耗水量  立方米  526,810\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(831204, False), (526810, True)]


def test_year_columns_of_a_measure_each() -> None:
    text = HEAD_CN + (
        "表2 员工年龄结构\n\n| 类别 | 2025年人数 | 2025年占比 | 2024年人数 | 2024年占比 |\n| --- | --- | --- | --- | --- |\n"
        "| 30岁及以下 | 1,146 | 32.49% | 1,132 | 33.75% |\n| 合计 | 3,527 | 100.00% | 3,354 | 100.00% |\n\n"
        "表4 员工流失情况\n\n"
        "| 类别 | 2025年流失人数 | 2025年流失率 | 2024年流失人数 | 2024年流失率 |\n| --- | --- | --- | --- | --- |\n"
        "| 男性 | 214 | 8.55% | 241 | 9.87% |\n| 合计 | 318 | 8.27% | 356 | 9.60% |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 3527,
        ("employees_total", 2024): 3354,
        ("employee_turnover_rate", 2025): 8.27,
        ("employee_turnover_rate", 2024): 9.6,
    }


def test_a_converter_that_repeats_merged_header_cells_keeps_each_years_column() -> None:
    """Docling prints a merged cell in every column it spans: `2025年 | 2025年 | 2024年` over
    `數值 | 同比變化 | 數值`, the label header repeated in the row below."""
    text = HEAD_CN + (
        "| 类别 | 指标 | 单位 | 2025年 | 2025年 | 2024年 |\n|---|---|---|---|---|---|\n"
        "| 类别 | 指标 | 单位 | 数值 | 同比变化 | 数值 |\n"
        "| 环境绩效 | 环境绩效 | 环境绩效 | 环境绩效 | 环境绩效 | 环境绩效 |\n"
        "| 温室气体 | 范围一温室气体排放量 | 吨二氧化碳当量 | 9,846.72 | +3.51% | 9,512.40 |\n"
    )
    assert facts(text) == {("ghg_scope1", 2025): 9846.72, ("ghg_scope1", 2024): 9512.4}


def test_a_unit_in_the_corner_cell_is_every_rows_unit() -> None:
    text = HEAD_HK + (
        "<table><tr><td>人民幣千元</td><td>2025財年</td><td>2024財年</td></tr>"
        "<tr><td>收益</td><td>1,862,417</td><td>1,768,530</td></tr></table>\n"
    )
    assert facts(text) == {("revenue", 2025): 1_862_417_000, ("revenue", 2024): 1_768_530_000}


def test_an_item_printed_with_its_breakdown_is_read_as_the_item() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 | 2024年 |\n| --- | --- | --- | --- |\n"
        "| 僱員總數 | 人 | 2,486 | 2,552 |\n"
        "| 按性別劃分：男性 | 人 | 1,402 | 1,455 |\n"
        "| 按性別劃分：女性 | 人 | 1,084 | 1,097 |\n"
        "| 按年齡劃分：30歲以下 | 人 | 612 | 655 |\n"
        "| 僱員流失人數－按性別劃分：男性 | 人 | 214 | 241 |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2486,
        ("employees_total", 2024): 2552,
        ("employees_male", 2025): 1402,
        ("employees_male", 2024): 1455,
        ("employees_female", 2025): 1084,
        ("employees_female", 2024): 1097,
    }


def test_a_unit_in_the_brackets_of_a_tables_heading_is_its_rows_unit() -> None:
    text = HEAD_HK + (
        "#### 關鍵績效指標B1.2　僱員流失比率（%）\n\n"
        "| 類別 | 二零二五年度 | 二零二四年度 |\n| --- | --- | --- |\n"
        "| 男性 | 15.6 | 16.2 |\n| 女性 | 12.3 | 13.4 |\n| 整體 | 14.2 | 15.1 |\n"
    )
    assert facts(text) == {("employee_turnover_rate", 2025): 14.2, ("employee_turnover_rate", 2024): 15.1}


def test_measures_that_each_span_their_years_in_the_row_above() -> None:
    text = HEAD_HK + (
        "| 類別 | 受訓僱員百分比（%） | 受訓僱員百分比（%） | 平均受訓時數（小時） | 平均受訓時數（小時） |\n"
        "|---|---|---|---|---|\n"
        "| 類別 | 2025年 | 2024年 | 2025年 | 2024年 |\n"
        "| 男性 | 83.6 | 78.1 | 17.9 | 16.2 |\n"
        "| 整體 | 85.2 | 79.6 | 18.6 | 16.9 |\n"
    )
    assert facts(text) == {
        ("employees_trained_pct", 2025): 85.2,
        ("employees_trained_pct", 2024): 79.6,
        ("training_hours_per_employee", 2025): 18.6,
        ("training_hours_per_employee", 2024): 16.9,
    }


def test_a_total_row_in_a_text_table_is_the_total_of_the_sub_heading_above() -> None:
    text = HEAD_HK + (
        "指標                     2025年      2024年\n"
        "B1.1 僱員總數（人）\n"
        "    男性                  1,402       1,455\n"
        "    女性                  1,084       1,097\n"
        "B1.2 僱員流失率（%）\n"
        "    整體                  14.8        16.2\n"
        "    男性                  16.1        17.5\n"
    )
    assert facts(text) == {
        ("employees_male", 2025): 1402,
        ("employees_male", 2024): 1455,
        ("employees_female", 2025): 1084,
        ("employees_female", 2024): 1097,
        ("employee_turnover_rate", 2025): 14.8,
        ("employee_turnover_rate", 2024): 16.2,
    }


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("2025年 / 2024年", ("1,842.6 / 2,015.3", "8,426.3 / 8,951.0", "— / 148.2")),
        ("2025年（2024年）", ("1,842.6<br>(2,015.3)", "**8,426.3**<br>(8,951.0)", "—<br>(148.2)")),
        ("2025年", ("1,842.6（2024年：2,015.3）", "8,426.3（2024年：8,951.0）", "—（2024年：148.2）")),
    ],
)
def test_two_years_printed_in_one_column(header: str, cells: tuple[str, str, str]) -> None:
    labels = ("氮氧化物（千克）", "範圍一直接排放（噸二氧化碳當量）", "顆粒物（千克）")
    text = HEAD_HK + f"| 指標（單位） | {header} |\n| --- | --- |\n"
    text += "".join(f"| {label} | {cell} |\n" for label, cell in zip(labels, cells, strict=True))
    assert facts(text) == {
        ("nox_emissions", 2025): 1842.6,
        ("nox_emissions", 2024): 2015.3,
        ("ghg_scope1", 2025): 8426.3,
        ("ghg_scope1", 2024): 8951.0,
        ("pm_emissions", 2024): 148.2,
    }


def test_charts_a_converter_left_as_images_with_their_data_labels() -> None:
    """An image's alt text is the chart's title (`![2022-2024年综合能源消耗量（吨标准煤）](p23.png)`); its
    bars follow a bar per line with the year first, or the values before the line of years, and a
    caption `图5 …（万吨）` opens a chart too. An image of no Chinese alt text is nothing."""
    text = HEAD_CN + (
        "![2023-2025年综合能源消耗量（吨标准煤）](images/p23_1.png)\n\n2023年 46,218\n\n2024年 44,903\n\n"
        "2025年 42,611\n\n"
        "![2023-2025年员工总数（人）](images/p34_1.png)\n\n5,842\n\n6,105\n\n6,317\n\n"
        "2023年末 2024年末 2025年末\n\n"
        "图5 2023-2025年用水量（万吨）\n\n12.8 12.1 11.6\n\n2023 2024 2025\n\n"
        "![](images/logo.png)\n"
    )
    assert facts(text) == {
        ("energy_total", 2023): pytest.approx(46_218 * 8.141),
        ("energy_total", 2024): pytest.approx(44_903 * 8.141),
        ("energy_total", 2025): pytest.approx(42_611 * 8.141),
        ("employees_total", 2023): 5_842,
        ("employees_total", 2024): 6_105,
        ("employees_total", 2025): 6_317,
        ("water_consumption", 2023): 128_000,
        ("water_consumption", 2024): 121_000,
        ("water_consumption", 2025): 116_000,
    }


def test_bar_charts_as_pdf_text_prints_their_data_labels() -> None:
    text = HEAD_CN + (
        "综合能源消耗量（单位：兆瓦时）\n0   10,000   20,000   30,000\n2023 2024 2025\n48,215.3\n46,902.7\n44,618.5\n\n"
        "水资源（单位：立方米）\n取水量 耗水量\n2023 2024 2025\n312,560 298,410 285,930\n246,870 238,115 227,460\n\n"
        "温室气体排放强度（单位：吨二氧化碳当量/百万元营业收入）\n2024 2025 2030（目标）\n12.96 11.37 8.42\n\n"
        "示例新材（滁州）有限公司综合能源消耗量（单位：兆瓦时）\n2024 2025\n9,812.4 10,356.1\n\n"
        "员工年龄结构（单位：%）\n30岁及以下 31-50岁 51岁及以上\n38.2 54.6 7.2\n"
    )
    assert mapped_rows(text) == {
        ("energy_total", 2023, 48215.3, False),
        ("energy_total", 2024, 46902.7, False),
        ("energy_total", 2025, 44618.5, False),
        ("water_consumption", 2023, 246870, False),
        ("water_consumption", 2024, 238115, False),
        ("water_consumption", 2025, 227460, False),
        ("ghg_intensity_revenue", 2024, 12.96, False),
        ("ghg_intensity_revenue", 2025, 11.37, False),  # 2030 is a target
        ("energy_total", 2024, 9812.4, True),  # a subsidiary's chart
        ("energy_total", 2025, 10356.1, True),
    }


def test_a_heading_per_metric_over_its_years_and_values() -> None:
    text = HEAD_HK + (
        "### B1.1 僱員總數（人）{#b1-1}\n\n| 年度 | 數值 |\n| --- | --- |\n| 2025 | 2,578 |\n| 2024 | 2,491 |\n\n"
        "### A1.1 顆粒物（PM）排放量（千克）\n\n| 年度 | 數值 |\n| --- | --- |\n| 2025 | 241.7 |\n| 2024 | — |\n\n"
        "### A1.1 硫氧化物（SOx）排放量（千克）\n\n2025年　　2024年　　2023年\n18.6　　19.9　　不適用\n\n"
        "### 董事會成員人數（名）\n\n2025年\n8\n\n"
        "### 溫室氣體排放總量目標值（噸二氧化碳當量）\n\n| 年度 | 數值 |\n| --- | --- |\n| 2030（目標） | 11,800 |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2578,
        ("employees_total", 2024): 2491,
        ("pm_emissions", 2025): 241.7,
        ("sox_emissions", 2025): 18.6,
        ("sox_emissions", 2024): 19.9,
        ("board_size", 2025): 8,
    }


def test_a_table_printed_column_by_column() -> None:
    text = HEAD_CN + (
        "表1 温室气体排放\n指标\n范围一温室气体排放量\n温室气体排放总量（范围一+范围\n二，基于位置）\n综合能耗强度\n\n"
        "单位\n吨二氧化碳当量\n吨二氧化碳当量\n吨标准煤/万元营业\n收入\n\n"
        "2025年\n9,874.12\n48,216.35\n0.0676\n\n2024年\n10,356.47\n/\n0.0766\n\n"
        "表2 南通基地主要环境数据\n指标\n外购电力\n耗水量\n\n单位\n万千瓦时\n吨\n\n2025年\n2,381.06\n152,300\n\n"
        "表3 中长期环境目标\n指标\n综合能耗强度\n温室气体排放强度\n\n单位\n吨标准煤/万元\n吨二氧化碳当量/万元\n\n"
        "2030年目标\n0.050\n0.110\n\n"
        "截至2025年12月31日，公司员工总数为3,862人。\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    got = {(row.metric_code, row.fiscal_year, row.reported_value, row.is_partial_scope) for row in rows}
    assert got == {
        ("ghg_scope1", 2025, 9874.12, False),
        ("ghg_scope1", 2024, 10356.47, False),
        ("ghg_scope1_2", 2025, 48216.35, False),
        ("energy_intensity_revenue", 2025, 0.0676, False),
        ("energy_intensity_revenue", 2024, 0.0766, False),
        ("electricity_purchased", 2025, 2381.06, True),  # one site's table
        ("water_consumption", 2025, 152300, True),
        ("employees_total", 2025, 3862, False),  # the target block ends at its blank line
    }


def test_a_table_drawn_with_aria_roles_is_a_table() -> None:
    """A CMS's `<div role="table">` of `role="row"` and `role="cell"` elements, a group row spanning the
    columns (`aria-colspan`) and a site's table named by its `aria-label`."""
    text = HEAD_CN + (
        '<nav><a href="/">首页</a></nav>\n'
        '<div class="esg-table" role="table" aria-label="环境绩效">\n'
        '  <div role="row"><span role="columnheader">指标</span><span role="columnheader">单位</span>'
        '<span role="columnheader">2024年</span><span role="columnheader">2025年</span></div>\n'
        '  <div role="row"><span role="rowheader" aria-colspan="4">水资源</span></div>\n'
        '  <div role="row"><span role="rowheader">耗水量</span><span role="cell">吨</span>'
        '<span role="cell">1,247,930</span><span role="cell"><b>1,163,820</b></span></div>\n'
        "</div>\n"
        '<div role="grid" aria-label="安徽某某有限公司（全资子公司）">\n'
        '  <div role="row"><div role="columnheader">指标</div><div role="columnheader">2025年</div></div>\n'
        '  <div role="row"><div role="rowheader">耗水量（吨）</div><div role="gridcell">402,310</div></div>\n'
        "</div>\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert [(row.fiscal_year, row.reported_value, row.source_line, row.is_partial_scope) for row in rows] == [
        (2024, 1247930, 9, False),
        (2025, 1163820, 9, False),
        (2025, 402310, 13, True),
    ]


@pytest.mark.parametrize(
    ("cell", "split"),
    [
        ("員工總數(人)", ("員工總數", "人")),
        ("範疇一排放量 公噸CO2e", ("範疇一排放量", "公噸CO2e")),  # a web cell's unit after a space
        ("範疇一排放量 GRI 305-1 公噸CO2e", ("範疇一排放量 GRI 305-1", "公噸CO2e")),
        ("僱員總數 Total number of employees", ("僱員總數 Total number of employees", None)),  # English, no unit
        ("總耗水量 2024年", ("總耗水量 2024年", None)),
        ("外購電力 千度（MWh）", ("外購電力", "千度")),  # a unit glossed in brackets
        ("能源消耗總量 GJ（吉焦耳）", ("能源消耗總量", "GJ")),
        ("平均訓練時數 小時／人", ("平均訓練時數", "小時／人")),  # a whole unit, not its denominator
        ("外購電力 - 千瓦時", ("外購電力", "千瓦時")),
        ("範圍一排放 (噸)", ("範圍一排放", "噸")),
    ],
)
def test_a_label_cell_is_split_from_its_unit(cell: str, split: tuple[str, str | None]) -> None:
    assert split_label(cell) == split


def test_a_grid_of_definition_lists_one_per_row_is_a_table() -> None:
    """A web page's KPI grid: a `<dl>` per row, the label in `<dt>` with its GRI code and its unit in
    `<small>`, a value per year in `<dd>`, the years in a head row of the same shape."""
    text = HEAD_HK + (
        '<div class="kpi-grid">\n'
        '<dl class="row head"><dt>指標</dt><dd>2024年</dd><dd>2025年</dd></dl>\n'
        '<dl class="row">\n  <dt>範疇一 直接溫室氣體排放量<span class="gri">GRI 305-1</span>'
        "<small>公噸CO<sub>2</sub>e</small></dt>\n  <dd>6,102.95<sup>※1</sup></dd>\n  <dd>5,871.40</dd>\n</dl>\n"
        '<dl class="row"><dt>總耗水量<small>百萬公升</small></dt><dd>1,204.6</dd><dd>1,187.2</dd></dl>\n'
        "</div>\n"
    )
    rows = {
        (row.metric_code, row.fiscal_year): (row.reported_value, row.reported_unit) for row in parse_report(text).rows
    }
    assert rows[("ghg_scope1", 2024)] == (6102.95, "公噸CO2e")
    assert rows[("ghg_scope1", 2025)] == (5871.40, "公噸CO2e")
    assert rows[("water_consumption", 2025)] == (1187.2, "百萬公升")


def test_a_sentence_about_the_table_below_that_names_a_subsidiary_bounds_it() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 基準年（2019年） | 2025年 | 2019年至今累計 | 較基準年變化 |\n| --- | --- | --- | --- | --- | --- |\n"
        "| 範圍一排放 | 噸二氧化碳當量 | 9,842.6 | 7,215.3 | 52,104.8 | -26.7% |\n\n"
        "**附屬公司數據：示例（惠州）製品有限公司**\n\n"
        "下表載列本集團全資附屬公司示例（惠州）製品有限公司的主要環境數據，有關數據已包括在上述本集團數據內。\n\n"
        "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| 範圍一排放 | 噸二氧化碳當量 | 2,406.8 |\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "ghg_scope1"]
    assert [(row.fiscal_year, row.reported_value, row.is_partial_scope) for row in rows] == [
        (2019, 9842.6, False),
        (2025, 7215.3, False),
        (2025, 2406.8, True),
    ]


def test_current_and_prior_period_columns_with_counts_and_their_shares() -> None:
    """`本報告期 | 上一報告期` with no year and no unit column; cells that print a count and its share."""
    text = HEAD_HK + (
        "| 物料 | 上一報告期 | 本報告期 |\n|---|---|---|\n| 產品包裝材料（公噸） | 2,314.5 | 2,408.1 |\n\n"
        "| 類別 | 項目 | 本報告期 | 上一報告期 |\n|---|---|---|---|\n"
        "| 性別 | 女性 | 974 (52.3%) | 921 (51.3%) |\n"
        "| 流動 | 離職人數（離職率） | 212 (11.4%) | 226 (12.6%) |\n"
    )
    assert facts(text) == {
        ("packaging_material", 2025): 2408.1,
        ("packaging_material", 2024): 2314.5,
        ("employees_female", 2025): 974,
        ("employees_female", 2024): 921,
        ("employees_female_pct", 2025): 52.3,
        ("employees_female_pct", 2024): 51.3,
        ("employee_turnover_rate", 2025): 11.4,  # the rate its bracket names
        ("employee_turnover_rate", 2024): 12.6,
    }


def test_rows_a_converter_broke_are_mended() -> None:
    """PDF -> Word -> Markdown: a label on a row of its own with its values on the row below, and a row
    with one more (empty) cell before it than the header has."""
    text = HEAD_HK + (
        "| 排放物類別 | 單位 | 2025年 | 2024年 |\n|---|---|---|---|\n"
        "| 氮氧化物（NOx） |  |  |  |\n|  | 千克 | 1,286.4 | 1,354.9 |\n"
        "|  | 範圍一（直接排放） | 噸二氧化碳當量 | 1,184.6 | 1,262.8 |\n"
        "| 溫室氣體排放密度 |  |  |  |\n"
        "|  | 噸二氧化碳當量／人民幣百萬元收益 | 6.23 | 6.78 |\n|  | 噸二氧化碳當量／僱員 | 7.05 | 7.49 |\n"
    )
    assert facts(text) == {
        ("nox_emissions", 2025): 1286.4,
        ("nox_emissions", 2024): 1354.9,
        ("ghg_scope1", 2025): 1184.6,
        ("ghg_scope1", 2024): 1262.8,
        ("ghg_intensity_revenue", 2025): 6.23,
        ("ghg_intensity_revenue", 2024): 6.78,
        ("ghg_intensity_employee", 2025): 7.05,
        ("ghg_intensity_employee", 2024): 7.49,
    }


def test_a_total_column_before_its_parts_and_a_measure_with_its_unit_in_the_corner() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 集團總計 | 其中：物業 | 酒店 | 零售 |\n| --- | --- | --- | --- | --- | --- |\n"
        "| 範圍一溫室氣體排放 | 噸二氧化碳當量 | 6,842.7 | 2,315.4 | 3,902.6 | 596.1 |\n\n"
        "| 廢氣排放（千克） | 集團總計 | 物業 | 酒店 | 零售 |\n| --- | --- | --- | --- | --- |\n"
        "| 氮氧化物 | 1,842.6 | 215.3 | 1,480.7 | 139.4 |\n\n"
        "| 人民幣百萬元 | 2025年 |\n| --- | --- |\n| 收入 | 14,204.9 |\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 6842.7,  # the group's, not a division's
        ("nox_emissions", 2025): 1842.6,
        ("revenue", 2025): 14_204_900_000,  # a bare 收入 is the revenue
    }


def test_text_table_units_printed_under_the_years_or_wrapped_in_their_column() -> None:
    """An annual report's summary prints the unit under each year; a unit column wraps a long unit."""
    text = HEAD_HK + (
        "                                     2025           2024\n"
        "                                 人民幣千元     人民幣千元\n"
        "    收益                           1,286,437      1,188,905\n\n"
        "    指標                                  單位                     2025年       2024年\n"
        "    溫室氣體排放密度（範圍1及範圍2）      噸二氧化碳當量／            19.76        21.97\n"
        "                                          人民幣百萬元收益\n"
    )
    assert facts(text) == {
        ("revenue", 2025): 1_286_437_000,
        ("revenue", 2024): 1_188_905_000,
        ("ghg_intensity_revenue", 2025): 19.76,
        ("ghg_intensity_revenue", 2024): 21.97,
    }


def test_a_numbered_title_above_a_tables_unit_line_is_its_caption() -> None:
    text = HEAD_CN + (
        "表5　嘉兴生产基地2025年耗水量\n\n单位：吨\n\n| 项目 | 2025年 |\n| --- | --- |\n| 耗水量 | 172,858 |\n"
    )
    (row,) = [row for row in parse_report(text).rows if row.metric_code == "water_consumption"]
    assert (row.reported_value, row.reported_unit, row.is_partial_scope) == (172858, "吨", True)


def test_taiwan_parent_and_consolidated_columns_give_the_consolidated_figures() -> None:
    """`113年 本公司 | 113年 合併` (or a second header row `本公司 | 合併`, or `個體`): the group's figures are
    the consolidated ones; a base-year column of the group counts too."""
    head = "示例精密股份有限公司\n113年度永續報告書\n報告期間：民國113年1月1日至113年12月31日。\n\n"
    text = head + (
        "| 項目 | 單位 | 113年 本公司 | 113年 合併 | 111年（基準年） 本公司 | 111年（基準年） 合併 |\n"
        "|---|---|---|---|---|---|\n| 範疇一排放 | 公噸CO2e | 1,203.4 | 4,015.2 | 1,250.0 | 4,287.9 |\n\n"
        "| 項目 | 單位 | 113年 | 113年 |\n|---|---|---|---|\n|  |  | 個體 | 合併 |\n"
        "| 員工總數 | 人 | 1,236 | 4,852 |\n\n"
        "113年度合併採購往來之供應商共計1,126家，其中本公司個體往來供應商412家。\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2024): 4015.2,
        ("ghg_scope1", 2022): 4287.9,
        ("employees_total", 2024): 4852,
        ("suppliers_total", 2024): 1126,
    }


def test_a_sentence_above_a_tables_title_that_bounds_it_to_the_parent() -> None:
    text = HEAD_HK + (
        "本公司湖口廠之固定污染源均依法取得操作許可，下表僅為本公司（個體）之申報數據。\n\n"
        "表4-4　空氣污染物排放量（單位：公噸）\n\n| 項目 | 2025年 |\n|---|---|\n| 氮氧化物 | 3.21 |\n"
    )
    (row,) = [row for row in parse_report(text).rows if row.metric_code == "nox_emissions"]
    assert row.is_partial_scope


def test_restructuredtext_simple_and_grid_tables() -> None:
    """RST simple tables (columns under `=====` rules, long labels far from their units: no two-column
    page) and grid tables whose rules leave a spanning category cell open."""
    text = HEAD_CN + (
        "======================================  ==============  ==========  ==========\n"
        "指标                                    单位            2024年      2025年\n"
        "======================================  ==============  ==========  ==========\n"
        "范围一温室气体排放                      吨二氧化碳当量  13,902.1    13,215.8\n"
        "范围二温室气体排放（基于位置）          吨二氧化碳当量  43,118.7    42,064.9\n"
        "范围一和范围二温室气体排放合计          吨二氧化碳当量  57,020.8    55,280.7\n"
        "温室气体排放总量（范围一、二、三）      吨二氧化碳当量  /           241,700.7\n"
        "======================================  ==============  ==========  ==========\n\n"
        "+--------+--------------+------+--------+--------+\n"
        "| 类别   | 指标         | 单位 | 2024年 | 2025年 |\n"
        "+========+==============+======+========+========+\n"
        "| 雇佣   | 员工总数     | 人   | 4,812  | 5,036  |\n"
        "|        +--------------+------+--------+--------+\n"
        "|        | 其中：女性员工 | 人 | 1,348  | 1,437  |\n"
        "+--------+--------------+------+--------+--------+\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2024): 13902.1,
        ("ghg_scope1", 2025): 13215.8,
        ("ghg_scope2", 2024): 43118.7,
        ("ghg_scope2", 2025): 42064.9,
        ("ghg_scope1_2", 2024): 57020.8,
        ("ghg_scope1_2", 2025): 55280.7,
        ("employees_total", 2024): 4812,
        ("employees_total", 2025): 5036,
        ("employees_female", 2024): 1348,
        ("employees_female", 2025): 1437,
    }


def test_titles_printed_below_tables_and_notes_in_their_tfoot() -> None:
    """A report that prints each table's title after it: the title above a table is the previous
    table's; a `<tfoot>` note that bounds its table, or a row naming a defined subsidiary, is partial."""
    row = "<tr><td>{}</td><td>立方米</td><td>{}</td></tr>"
    head = "<table><thead><tr><th>指標</th><th>單位</th><th>2025年</th></tr></thead><tbody>"
    text = HEAD_HK + (
        f"<p>本集團用水數據如下。</p>\n{head}{row.format('外購電力', '16,402,700').replace('立方米', '千瓦時')}"
        "</tbody></table>\n<p>表3：能源消耗</p>\n"
        f"{head}{row.format('耗水量', '48,260')}</tbody>\n"
        '<tfoot><tr><td colspan="3">註：本表數據僅涵蓋附屬公司示例精密（惠州）有限公司（「惠州示例」）。</td></tr></tfoot>'
        "</table>\n<p>表4：惠州示例資源使用</p>\n"
        f"{head}{row.format('耗水量', '389,760')}{row.format('客戶投訴（惠州示例）', '31').replace('立方米', '件')}"
        "</tbody></table>\n<p>表5：水資源使用</p>\n<div>頁尾 · 18</div>\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert [(row.metric_code, row.reported_value, row.is_partial_scope) for row in rows] == [
        ("electricity_purchased", 16402700, False),
        ("water_consumption", 48260, True),  # its tfoot bounds it
        ("water_consumption", 389760, False),  # titled 表5 below it, not by 表4 above it
        ("customer_complaints", 31, True),
    ]


def test_pipe_tables_without_outer_pipes_and_pandoc_captions() -> None:
    """pandoc's pipe tables may drop the outer pipes; a cell may hold an escaped pipe or a `\\\\` line
    break; a `Table:` caption line above a table names it."""
    text = HEAD_HK + (
        "指標 | 單位 | 2025年 | 2024年\n:--- | :---: | ---: | ---:\n"
        "範圍一 \\| 直接排放 | 噸二氧化碳當量 | 4,826.35 | 5,103.77\n\n"
        "類別 | 2025年\\\\（人） | 2024年\\\\（人）\n:--- | ---: | ---:\n**僱員總數** | **2,518** | **2,436**\n\n"
        "Table: 表七：惠州廠房主要環境數據\n\n"
        "指標 | 單位 | 2025年\n:--- | :---: | ---:\n範圍一排放 | 噸二氧化碳當量 | 2,104.62\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert [(row.metric_code, row.fiscal_year, row.reported_value, row.is_partial_scope) for row in rows] == [
        ("ghg_scope1", 2025, 4826.35, False),
        ("ghg_scope1", 2024, 5103.77, False),
        ("employees_total", 2025, 2518, False),
        ("employees_total", 2024, 2436, False),
        ("ghg_scope1", 2025, 2104.62, True),
    ]


def test_a_cell_that_prints_its_change_after_its_figure() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 | 2024年 |\n|---|---|---:|---:|\n"
        "| 範圍一：直接溫室氣體排放 | 噸二氧化碳當量 | 6,215.3 (▼7.8%) | 6,741.1 |\n"
        "| 女性僱員佔比（%） | % | 68.4 (+1.1ppt) | 67.3 |\n| 供應商總數（家） | 家 | 846（持平） | 846 |\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 6215.3,
        ("ghg_scope1", 2024): 6741.1,
        ("employees_female_pct", 2025): 68.4,
        ("employees_female_pct", 2024): 67.3,
        ("suppliers_total", 2025): 846,
        ("suppliers_total", 2024): 846,
    }


def test_years_spanning_region_columns_give_the_total_column() -> None:
    text = HEAD_HK + (
        "<table><caption>表1　環境績效數據（按地區）</caption><thead>"
        '<tr><th rowspan="2">指標</th><th rowspan="2">單位</th><th colspan="3">2025年</th><th colspan="3">2024年</th></tr>'
        "<tr><th>香港</th><th>中國內地</th><th>合計</th><th>香港</th><th>中國內地</th><th>合計</th></tr></thead>"
        "<tbody><tr><td>直接能源消耗（天然氣、柴油）</td><td>兆瓦時</td><td>1,412.8</td><td>6,105.6</td><td>7,518.4</td>"
        "<td>1,377.2</td><td>6,288.9</td><td>7,666.1</td></tr></tbody></table>\n"
    )
    assert facts(text) == {("energy_direct", 2025): 7518.4, ("energy_direct", 2024): 7666.1}


def test_long_format_rows_and_labels_that_name_their_year() -> None:
    """A database export (`指標 | 財政年度 | 數據`, a not-disclosed row among them) and a table of one value
    column whose labels open with their year, the row below naming only another year
    (`2023年同口徑數據`); a site's table named by a single operating site in its heading is partial."""
    text = HEAD_CN + (
        "| 類別 | 指標 | 財政年度 | 數據 |\n| --- | --- | --- | --- |\n"
        "| 安全 | 因工傷損失工作日數（日） | FY2024 | - |\n| 安全 | 因工傷損失工作日數（日） | FY2025 | 298 |\n"
        "| 培訓 | 培訓總時數（小時） | FY2025 | 74,442 |\n\n"
        "| 指标 | 数据 |\n| --- | --- |\n| 2025年外购电力（万千瓦时） | 4,539.2 |\n| 2024年同口径数据 | 4,822.0 |\n"
        "| 2021年（基准年）温室气体排放总量（范围一+范围二，吨二氧化碳当量） | 36,512 |\n"
        "| 2030年温室气体排放总量目标（吨二氧化碳当量） | 27,000 |\n\n"
        "### 表三：香港中央廚房（單一營運點）\n\n| 指標 | 年度 | 數值 | 單位 |\n| --- | --- | --- | --- |\n"
        "| 耗水量 | 2025 | 21,560 | 立方米 |\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert [(row.metric_code, row.fiscal_year, row.reported_value, row.is_partial_scope) for row in rows] == [
        ("lost_days_work_injury", 2025, 298, False),
        ("training_hours_total", 2025, 74442, False),
        ("electricity_purchased", 2025, 4539.2, False),
        ("electricity_purchased", 2024, 4822.0, False),
        ("ghg_scope1_2", 2021, 36512, False),
        ("water_consumption", 2025, 21560, True),
    ]


def test_indicator_rows_with_a_year_cell_and_the_value_with_its_unit() -> None:
    """`GRI指標 | 年度 | 數據 | 備註`: the indicator (its GRI number no part of the label) on its first year's
    row, the cell left empty on the rows of its other years; a value cell with its unit, whatever unit
    (`1,320 學時`) makes the row no header."""
    text = HEAD_HK + (
        "| GRI指標 | 年度 | 數據 | 備註 |\n| --- | --- | --- | --- |\n"
        "| 302-1 能源消耗總量 | 2025 | 162,418 GJ | 註1 |\n|  | 2024 | 170,305 GJ |  |\n"
        "| 404-1 新進人員職前訓練 | 2025 | 1,320 學時 | 共開設88班 |\n"
        "| 403-9 失能傷害損失日數 | 2025 | 86 日 |  |\n|  | 2024 | 104 日 |  |\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("energy_total", 2025): 162418 / 3.6,
            ("energy_total", 2024): 170305 / 3.6,
            ("lost_days_work_injury", 2025): 86,
            ("lost_days_work_injury", 2024): 104,
        }
    )


def test_english_labels_and_units_in_a_chinese_report() -> None:
    text = HEAD_CN + (
        "| Indicator | Unit | 2025 | 2024 |\n| --- | --- | --- | --- |\n"
        "| Scope 1 GHG emissions | tCO2e | 8,416.3 | 8,905.2 |\n"
        "| Scope 2 GHG emissions (market-based) | tCO2e | 17,920.5 | 19,244.8 |\n"
        "| GHG emission intensity (Scope 1+2) | tCO2e/RMB 10,000 revenue | 0.1598 | 0.1804 |\n"
        "| Female employees | person | 802 | 771 |\n| Number of suppliers | No. | 1,126 | 1,058 |\n"
        "| Charitable donations | RMB 10,000 | 126.50 | 98.30 |\n| NOx emissions | t | 12.46 | 13.81 |\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 8416.3,
        ("ghg_scope1", 2024): 8905.2,  # market-based scope 2 is none
        ("ghg_intensity_revenue", 2025): 15.98,
        ("ghg_intensity_revenue", 2024): 18.04,
        ("employees_female", 2025): 802,
        ("employees_female", 2024): 771,
        ("suppliers_total", 2025): 1126,
        ("suppliers_total", 2024): 1058,
        ("community_donations", 2025): 1_265_000,
        ("community_donations", 2024): 983_000,
        ("nox_emissions", 2025): 12460,
        ("nox_emissions", 2024): 13810,
    }


def test_a_text_table_styled_as_a_financial_statement() -> None:
    """Notes column (`5.1`, `6(a)`), decreases in brackets, `N/M`, a line of units over each section
    (`噸二氧化碳當量  噸二氧化碳當量`, `'000 kWh  '000 kWh`, `%  %  百分點`), a target year's column."""
    text = HEAD_HK + (
        "                                    附註          二零二五年        二零二四年        變動\n"
        "溫室氣體排放\n"
        "                                               噸二氧化碳當量    噸二氧化碳當量\n"
        "  範圍一直接排放(a)                 5.1            8,412.6           8,977.3       (6.3)\n"
        "  範圍三其他間接排放(c)             5.2           46,880.0                 —         N/M\n"
        "能源消耗(f)\n"
        "                                                   '000 kWh          '000 kWh\n"
        "  外購電力                          6(b)            31,204            30,118         3.6\n"
        "                                                         %                 %       百分點\n"
        "  僱員流失率(j)                       9              18.4              21.7       (3.3)\n\n"
        "                                   基準年          報告年度              目標\n"
        "                                   2022年          2025年              2030年\n"
        "  範圍一排放（噸二氧化碳當量）      9,140.8        8,412.6            6,498.6\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 8412.6,
        ("ghg_scope1", 2024): 8977.3,
        ("ghg_scope1", 2022): 9140.8,  # the target year's column gives none
        ("ghg_scope3", 2025): 46880,
        ("electricity_purchased", 2025): 31204,
        ("electricity_purchased", 2024): 30118,
        ("employee_turnover_rate", 2025): 18.4,
        ("employee_turnover_rate", 2024): 21.7,
    }


def test_labels_that_carry_their_unit_after_a_dash_a_bar_or_in_square_brackets() -> None:
    text = HEAD_HK + (
        "| 指標 | 2025財年 | 2024財年 |\n| --- | --- | --- |\n"
        "| 員工總數 - 人 | 3,418 | 3,265 |\n| 按性別：男性 - 人 | 2,187 | 2,114 |\n"
        "| 僱員流失率（整體）- % | 14.8 | 16.2 |\n| 僱員流失率（中國內地）- % | 14.2 | 15.5 |\n"
        "| 耗水量 \\| 立方米 | 412,700 | 431,500 |\n| 有害廢棄物 [噸] | 38.62 | 41.05 |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 3418,
        ("employees_total", 2024): 3265,
        ("employees_male", 2025): 2187,
        ("employees_male", 2024): 2114,
        ("employee_turnover_rate", 2025): 14.8,  # the whole's, not a region's
        ("employee_turnover_rate", 2024): 16.2,
        ("water_consumption", 2025): 412700,
        ("water_consumption", 2024): 431500,
        ("hazardous_waste", 2025): 38.62,
        ("hazardous_waste", 2024): 41.05,
    }


def test_metric_cards_with_a_boundary_row_and_values_on_the_line_below_their_labels() -> None:
    """A KPI as a two-column card with reference and boundary rows; `「甲」指…有限公司` defines a short
    name, a card whose boundary is that company's is partial. pdftotext rows printing each label's values
    on the line below, a note mark after one value (`19,660.12 註2`)."""
    text = HEAD_HK + (
        "「澔運冷鏈」指本公司全資附屬公司澔運冷鏈（廣州）有限公司。\n\n"
        "| 指標 | 直接溫室氣體排放量（範圍一） |\n| --- | --- |\n| 單位 | 噸二氧化碳當量 |\n"
        "| 2025年 | 9,862.4 |\n| 統計範圍 | 本集團 |\n| 對應指引 | 聯交所KPI A1.2；GRI 305-1 |\n\n"
        "| 指標 | 溫室氣體排放總量（範圍一及範圍二） |\n| --- | --- |\n| 單位 | 噸二氧化碳當量 |\n"
        "| 2025年 | 6,418.5 |\n| 統計範圍 | 澔運冷鏈 |\n\n"
        "     指標                                           單位             2025年         2024年\n"
        "     類別2 輸入能源間接排放(範疇二，地點基礎)\n"
        "                                                    公噸CO2e       18,905.44   19,660.12 註2\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    assert [(row.metric_code, row.fiscal_year, row.reported_value, row.is_partial_scope) for row in rows] == [
        ("ghg_scope1", 2025, 9862.4, False),
        ("ghg_scope1_2", 2025, 6418.5, True),
        ("ghg_scope2", 2025, 18905.44, False),
        ("ghg_scope2", 2024, 19660.12, False),
    ]


def test_a_total_row_first_under_a_numbered_caption_naming_the_measure() -> None:
    text = HEAD_CN + (
        "表4 员工流失率（%）\n\n| 类别 | 2025年 | 2024年 |\n|------|--------|--------|\n"
        "| 合计 | 8.46 | 9.12 |\n| 男性 | 7.92 | 8.65 |\n\n"
        "表19 董事会构成（人）\n\n| 类别 | 2025年末 |\n|------|----------|\n| 独立董事 | 3 |\n| 女性 | 2 |\n"
    )
    assert facts(text) == {
        ("employee_turnover_rate", 2025): 8.46,
        ("employee_turnover_rate", 2024): 9.12,
        ("board_independent", 2025): 3,
        ("board_female", 2025): 2,
    }


def test_a_group_and_its_item_joined_by_a_full_width_dash() -> None:
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 |\n|---|---|---|\n| 僱員總數 | 人 | 2,865 |\n"
        "| 按性別劃分－男性 | 人 | 1,734 |\n| 按性別劃分－女性 | 人 | 1,131 |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2865,
        ("employees_male", 2025): 1734,
        ("employees_female", 2025): 1131,
    }


@pytest.mark.parametrize("cell", ["1,234(a)", "1,234 (b)", "1,234（c）", "1,234^", "1,234 R", "1,234*", "1,234a"])
def test_a_footnote_letter_caret_or_restated_mark_after_a_cell_figure(cell: str) -> None:
    text = (
        "示例物業服務控股有限公司\n2024年環境、社會及管治報告\n報告期間：2024年1月1日至2024年12月31日\n\n"
        "| 指標 | 單位 | 2024 | 2023 |\n| --- | --- | --- | --- |\n"
        f"| 範圍一（直接排放） | 噸二氧化碳當量 | {cell} | 1,180 |\n"
    )
    assert facts(text)[("ghg_scope1", 2024)] == 1234


def test_a_text_rows_label_and_unit_both_wrapped_onto_the_line_below() -> None:
    """`pdftotext -layout`: `範圍一及範圍二溫室氣體  噸二氧化碳  33,777.2` / `排放總量  當量`, and a label that
    says what the figure includes, with a footnote mark after its bracket."""
    text = (
        "示例醫療集團控股有限公司\n2024年環境、社會及管治報告\n報告期間：2024年1月1日至2024年12月31日\n\n"
        " 指標                                        單位                          2024            2023\n"
        " 範圍一：直接排放                            噸二氧化碳當量               4,862.5         4,517.3\n"
        " 範圍一及範圍二溫室氣體                      噸二氧化碳                  33,777.2        30,897.5\n"
        " 排放總量                                    當量\n"
        " 每名僱員平均受訓時數（包括繼續醫學教育時數）⑷   小時          59.4            53.2\n"
    )
    found = facts(text)
    assert (found[("ghg_scope1_2", 2024)], found[("ghg_scope1_2", 2023)]) == (33777.2, 30897.5)
    assert found[("training_hours_per_employee", 2024)] == 59.4


def test_a_text_table_of_school_years_under_a_caption_that_names_its_unit() -> None:
    """An education group's columns are school years (`2023/24學年`: its fiscal year 2024), and a caption
    that names one measure with its unit (`僱員流失率（%）`) gives that unit to rows that print none."""
    text = (
        "示例教育集團有限公司\n2024財政年度環境、社會及管治報告\n報告期間：2023年9月1日至2024年8月31日\n\n"
        "僱員流失率（%）\n"
        "指標                    2023/24學年      2022/23學年\n"
        "整體僱員流失率          9.6              8.8\n"
        "\n"
        "僱員關鍵績效指標\n"
        "指標                    2023/24学年      2022/23学年\n"
        "僱員總數（人）          7,826            7,214\n"
    )
    assert facts(text) == {
        ("employee_turnover_rate", 2024): 9.6,
        ("employee_turnover_rate", 2023): 8.8,
        ("employees_total", 2024): 7826,
        ("employees_total", 2023): 7214,
    }


def test_pdf_text_rows_with_a_footnote_mark_after_the_label_and_a_change_column_in_per_cent() -> None:
    """`pdftotext -layout` rows: `能源消耗總量（兆瓦時） 2` prints a footnote's mark after the label, apart
    from the figures; the header's `變動(%)` is a column of changes, read and skipped."""
    text = HEAD_HK + (
        "                                            2025年          2024年        變動(%)\n"
        "外購電力（千瓦時）                           52,486,300     49,872,600          5.2\n"
        "能源消耗總量（兆瓦時） 2                     9,452,019.2    9,309,485.4          1.5\n"
        "範圍二排放（噸二氧化碳當量） 3                    32,542         31,918          2.0\n"
        "派遣船員因工亡故人數（人） 4                          1              0          不適用\n"
    )
    assert facts(text) == pytest.approx(
        {
            ("electricity_purchased", 2025): 52_486.3,
            ("electricity_purchased", 2024): 49_872.6,
            ("energy_total", 2025): 9_452_019.2,
            ("energy_total", 2024): 9_309_485.4,
            ("ghg_scope2", 2025): 32_542,
            ("ghg_scope2", 2024): 31_918,
        }
    )


@pytest.mark.parametrize(
    ("header", "back"),
    [
        ("本年度", 0),
        ("本財政年度", 0),
        ("本期數", 0),
        ("本年實際", 0),
        ("上年度", 1),
        ("去年", 1),
        ("上一財政年度", 1),
        ("上年同期數", 1),
        ("前年", 2),
        ("上上年度", 2),
    ],
)
def test_periods_named_relative_to_the_reports(header: str, back: int) -> None:
    role = column_role(header)
    assert (role.role, role.back if role.role is Role.PRIOR else 0) == (Role.PRIOR if back else Role.CURRENT, back)


def test_relative_period_columns_in_a_statistical_form_and_in_a_grid() -> None:
    """A mainland statistical form names its columns `本年實際 | 上年實際` or `本期數 | 上年同期數`, its rows
    numbered in a 序號 column; an HTML table `本財政年度 | 上一財政年度 | 前一財政年度` runs back a year a column
    (a note under it says so): the report's year, the one before, the one before that."""
    form = HEAD_CN + (
        "指标名称\t计量单位\t本年实际\t上年实际\t同比增减(%)\n"
        "甲\t乙\t1\t2\t3\n"
        "4. 外购电力\t万千瓦时\t21,486.35\t20,317.82\t5.75\n"
        "\n"
        "序号    指标                      单位        本期数      上年同期数    增减幅度\n"
        "1       员工总数                  人          11,283      11,046        2.15%\n"
    )
    assert facts(form) == pytest.approx(
        {
            ("electricity_purchased", 2025): 214_863.5,
            ("electricity_purchased", 2024): 203_178.2,
            ("employees_total", 2025): 11_283,
            ("employees_total", 2024): 11_046,
        }
    )
    grid = HEAD_HK + (
        "<table><thead><tr><th>指標</th><th>單位</th><th>本財政年度</th><th>上一財政年度</th><th>前一財政年度</th></tr>"
        "</thead><tbody><tr><td>耗水量</td><td>立方米</td><td>376,420</td><td>389,150</td><td>362,880</td></tr>"
        "</tbody></table>\n"
    )
    assert facts(grid) == {
        ("water_consumption", 2025): 376_420,
        ("water_consumption", 2024): 389_150,
        ("water_consumption", 2023): 362_880,
    }


def test_a_boundary_column_bounds_its_row_and_a_bracket_names_what_a_row_is() -> None:
    """`資料範疇`: a row of one building (`總部大樓`) is a part, one year bounded in a bracket
    (`台灣及大陸廠區（2022年僅台灣廠區）`) is a part that year only; a bracket giving the row another name
    (`一般事業廢棄物（非有害廢棄物）`) says which measure it is."""
    text = "示例電子股份有限公司\n113年度永續報告書\n報告期間：113年1月1日至113年12月31日\n\n" + (
        "| 指標 | 單位 | 111年 | 112年 | 113年 | 資料範疇 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 外購電力 | 千度 | 91,436.2 | 88,905.7 | 87,214.9 | 台灣及大陸廠區 |\n"
        "| 外購電力 | 千度 | 4,318.6 | 4,205.3 | 4,117.8 | 總部大樓 |\n"
        "| 一般事業廢棄物（非有害廢棄物） | 公噸 | 1,102.45 | 1,715.08 | 1,763.91 | 台灣及大陸廠區（111年僅台灣廠區） |\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code]
    whole = {(row.metric_code, row.fiscal_year): row.reported_value for row in rows if not row.is_partial_scope}
    assert whole == pytest.approx(
        {
            ("electricity_purchased", 2022): 91_436.2,
            ("electricity_purchased", 2023): 88_905.7,
            ("electricity_purchased", 2024): 87_214.9,
            ("non_hazardous_waste", 2023): 1_715.08,
            ("non_hazardous_waste", 2024): 1_763.91,
        }
    )


def test_a_table_under_an_hkex_kpi_title_that_names_its_breakdowns_gives_the_total() -> None:
    text = HEAD_HK + (
        "### KPI B3.1 按性別及僱員類別劃分的受訓僱員百分比\n\n"
        "| 指標 | 2025年 | 2024年 |\n| --- | --- | --- |\n"
        "| 受訓僱員百分比（%） | 92 | 88 |\n| 男性 | 91 | 87 |\n| 女性 | 94 | 90 |\n"
    )
    assert facts(text) == {("employees_trained_pct", 2025): 92, ("employees_trained_pct", 2024): 88}


def test_pandoc_simple_and_multiline_tables_are_read_by_their_column_rules() -> None:
    """pandoc's plain-text tables: columns set by the dash runs of a rule, laid out in display columns
    (a CJK character two wide); a multiline table's cells wrap inside their column, rows apart by a blank
    line, and a remarks column bounds its row (`仅含深圳总部`)."""
    simple = HEAD_CN + (
        "  指标                        2025年 2024年\n"
        "  --------------------------- ------ ------\n"
        "  员工总数（人）              1,928  1,815\n"
        "\n"
    )
    assert facts(simple) == {("employees_total", 2025): 1928, ("employees_total", 2024): 1815}
    multiline = HEAD_CN + (
        "  --------------------------------------------------------------\n"
        "  关键绩效指标       单位       2025年    2024年    备注（数据\n"
        "                                                    覆盖范围）\n"
        "  ------------------ ---------- --------- --------- ------------\n"
        "  温室气体排放总量   吨二氧化碳 23,410.10 22,019.61\n"
        "  （范围一+范围二）  当量\n"
        "\n"
        "  有害废弃物产生量   吨         186.42    171.09    仅含深圳总部\n"
        "  --------------------------------------------------------------\n"
    )
    assert mapped_rows(multiline) == {
        ("ghg_scope1_2", 2025, 23_410.10, False),
        ("ghg_scope1_2", 2024, 22_019.61, False),
        ("hazardous_waste", 2025, 186.42, True),
        ("hazardous_waste", 2024, 171.09, True),
    }


def test_a_banks_own_columns_beside_its_groups_are_the_parents() -> None:
    """`本集團 2025年 | 本集團 2024年 | 本行 2025年 | 本行 2024年`, or `本集團 | | 本行 |` over the years (a
    Markdown row loses the colspan): the group's columns are the facts, the bank's own are a part of
    them; a caption naming customers (`員工、客戶及社區績效`) is no customers' training."""
    one_row = HEAD_CN + (
        "| 指标 | 单位 | 本集团 2025年 | 本集团 2024年 | 本行 2025年 | 本行 2024年 |\n| --- | --- | --- | --- | --- | --- |\n"
        "| 水资源消耗量 | 吨 | 486,215 | 512,634 | 431,870 | 455,902 |\n"
    )
    assert facts(one_row) == {("water_consumption", 2025): 486_215, ("water_consumption", 2024): 512_634}
    two_rows = HEAD_CN + (
        "表2 员工、客户及社区绩效\n\n"
        "| 指标 | 单位 | 本集团 | | 本行 | |\n| --- | --- | --- | --- | --- | --- |\n"
        "| | | 2025年 | 2024年 | 2025年 | 2024年 |\n"
        "| 员工培训覆盖率 | % | 99.62 | 99.41 | 100.00 | 100.00 |\n"
    )
    assert facts(two_rows) == {("employees_trained_pct", 2025): 99.62, ("employees_trained_pct", 2024): 99.41}


def test_a_pdf_tables_label_split_by_a_page_break_meets_its_figures_past_the_running_header() -> None:
    """`pdftotext -layout` pages open with a form feed and a running header and close with a page
    number: between a table's rows they are no row and no heading, so a label cut by the page break
    (`無害廢棄物` / footer / header / `總量（噸） 2,914.6 …`) is whole again."""
    page = "示例紡織集團控股有限公司    2025 環境、社會及管治報告"
    text = HEAD_HK + (
        f"{page}\n\n環境關鍵績效指標\n"
        "                                                     2025年        2024年\n"
        "  有害廢棄物總量（噸）                                  186.42        203.75\n"
        "  無害廢棄物\n\n                         27\n"
        f"\f{page}\n\n"
        "  總量（噸）                                           2,914.6       3,127.9\n"
        "  無害廢棄物密度（千克╱千件成衣）                       102.41        104.72\n\n"
        "                         28\n"
        f"\f{page}\n\n其他\n"
    )
    assert page_furniture(text) == {12, 13, 18, 19}  # the footers and the headers of pages 2 and 3
    assert facts(text) == pytest.approx(
        {
            ("hazardous_waste", 2025): 186.42,
            ("hazardous_waste", 2024): 203.75,
            ("non_hazardous_waste", 2025): 2_914.6,
            ("non_hazardous_waste", 2024): 3_127.9,
        }
    )


def test_a_text_tables_notes_column_of_words_after_the_figures() -> None:
    """`指標 單位 2024年 2025年 備註` printed with single spaces (pdfplumber's text): a note in words after a
    row's figures is no value, and a note that bounds the row marks its figures as a part's."""
    table = (
        "表2 溫室氣體排放\n"
        "指標 單位 2024年 2025年 備註\n"
        "範疇一 直接排放 公噸CO2e 3,402.15 3,288.40 含冷媒逸散\n"
        "範疇二 能源間接排放 公噸CO2e 15,870.02 16,204.77 依能源署公告係數計算\n"
        "耗水量 百萬公升 84.2 86.9 僅含新竹廠區\n"
    )
    rows = rows_of(HEAD_HK + table)
    assert facts(HEAD_HK + table)[("ghg_scope1", 2024)] == 3402.15
    assert facts(HEAD_HK + table)[("ghg_scope2", 2025)] == 16204.77
    assert rows[("water_consumption", 2025)].is_partial_scope, "`僅含新竹廠區` bounds the row"
    assert not rows[("ghg_scope2", 2025)].is_partial_scope


def test_a_text_tables_category_column_its_subtotals_and_its_rest_after_a_page_break() -> None:
    """`廢棄物類別 處理方式 2024年 2025年` with single spaces: the category stands on its first row only,
    `小計` is that category's total, `（公噸） （公噸）` under the years is the unit, and the table goes on
    after a page break under its caption marked `（續）`."""
    table = (
        "表5 廢棄物產生量\n"
        "廢棄物類別 處理方式 2024年 2025年\n"
        "（公噸） （公噸）\n"
        "有害事業廢棄物 焚化 84.6 80.2\n"
        "物理處理 12.4 11.9\n"
        "小計 97.0 92.1\n"
        "一般事業廢棄物 再利用 402.5 415.3\n"
        "小計 402.5 415.3\n"
        "示例環保科技 2025永續報告書\n"
        "31\n"
        "表5 廢棄物產生量（續）\n"
        "事業廢棄物 總計 499.5 507.4\n"
    )
    got = facts(HEAD_HK + table)
    assert (got[("hazardous_waste", 2024)], got[("hazardous_waste", 2025)]) == (97.0, 92.1)
    assert got[("total_waste", 2025)] == 507.4
    assert ("non_hazardous_waste", 2025) not in got, "Taiwan's 一般事業廢棄物 is no non-hazardous waste"


def test_a_text_tables_sub_columns_under_each_year() -> None:
    """`項目 2024年 2025年` over `人數 比率 人數 比率`: each year splits into a count and a rate."""
    table = "表6 員工離職統計\n項目 2024年 2025年\n人數 比率 人數 比率\n新進員工 120 14.2% 131 15.0%\n離職員工 88 10.4% 92 10.6%\n"
    got = facts(HEAD_HK + table)
    assert got[("employee_turnover_rate", 2024)] == 10.4
    assert got[("employee_turnover_rate", 2025)] == 10.6


def test_figures_word_typed_in_two_runs_and_a_tag_cut_by_a_line_break() -> None:
    """Word's filtered HTML: a figure in two `<span>`s is one figure; a `<p>` whose source wraps (even
    inside a tag) is one paragraph."""
    span = "<span lang=EN-US style='font-family:\"Times New Roman\"'>"
    html = (
        "<table>\n"
        f"<tr><td><p class=MsoNormal>指标</p></td><td><p class=MsoNormal>{span}2025</span>年</p></td></tr>\n"
        f"<tr><td><p class=MsoNormal>外购电力（万千瓦时）</p></td><td><p class=MsoNormal>{span}3,</span>"
        f"{span}418.26</span></p></td></tr>\n"
        "</table>\n"
        "<p class=MsoNormal><span style='font-family:宋体'>报告期内，公司组织志愿服务活动</span><span lang=EN-US>36</span><span\n"
        "style='font-family:宋体'>场，员工志愿服务时长累计</span><span lang=EN-US>2,916</span>"
        "<span style='font-family:宋体'>小时。</span></p>\n"
    )
    got = facts(HEAD_CN + html)
    assert got[("electricity_purchased", 2025)] == 34182.6
    assert got[("volunteer_hours", 2025)] == 2916.0
    # a run cut at no separator is a figure and a footnote's mark in a smaller font
    assert clean_text("<span class=f6>24,918,460</span><span class=f8>4</span>") == "24,918,460 4"
    assert clean_text("<span>6,235</span><span>.72</span>") == "6,235.72"


def test_a_change_printed_as_a_bracketed_percentage_holds_its_column() -> None:
    """`(3.7%)`: a decrease in brackets, the per cent inside them, in a change column of PDF text."""
    table = (
        "表3 能源使用統計\n"
        "  項目                單位        2023年        2024年        增減率\n"
        "  外購電力 註1        千度        46,830        45,102        (3.7%)\n"
        "  能源使用總量 註3    GJ         871,524       837,720        (3.9%)\n"
    )
    got = facts(HEAD_HK.replace("2025", "2024") + table)
    assert got[("electricity_purchased", 2024)] == 45102.0
    assert got[("energy_total", 2023)] == round(871524 / 3.6, 6)


def test_the_companys_own_staff_under_a_measure_beside_contractors() -> None:
    """Docling repeats a merged measure cell down its rows: `因工死亡人數 | 員工 | 0` is the company's,
    `因工死亡人數 | 勞務分包人員 | 2` is not."""
    table = (
        "| 安全生產 | 安全生產 | 單位 | 2025年 | 2024年 |\n|---|---|---|---|---|\n"
        "| 因工死亡人數 | 員工 | 人 | 0 | 1 |\n| 因工死亡人數 | 勞務分包人員 | 人 | 2 | 3 |\n"
    )
    got = facts(HEAD_HK + table)
    assert (got[("work_related_fatalities", 2025)], got[("work_related_fatalities", 2024)]) == (0.0, 1.0)


def test_money_in_english_multipliers_and_a_segment_named_a_sentence_before() -> None:
    """`RMB 10k` is 萬元 and `MWh/RMB 10k` per 萬元; a sentence about the business segments before a
    figure does not make it a segment's."""
    table = (
        "<table><thead><tr><th>指标</th><th>单位</th><th>FY2025</th></tr></thead>"
        "<tr><td>公益捐赠总额</td><td>RMB 10k</td><td>4,286.5</td></tr>"
        "<tr><td>综合能源消耗强度</td><td>MWh/RMB 10k</td><td>0.3393</td></tr></table>\n"
        "<p>2025年，公司三大业务板块稳步发展。全年实现营业收入128.64亿元。</p>\n"
    )
    got = facts(HEAD_CN + table)
    assert got[("community_donations", 2025)] == 42865000.0
    assert got[("energy_intensity_revenue", 2025)] == 33.93
    assert round(got[("revenue", 2025)]) == 12864000000


MEASURE_TABLE_TEXT = """僱員人數及流失率（截至2024年12月31日）

                                          僱員人數           僱員流失率3
                                            （人）               （%）
按性別
   男                                        842                 18.4
   女                                        615                 22.0
按僱傭類型
   全職                                     1,210                 16.2
   兼職                                       247                 39.5
總計                                        1,457                 19.9
"""


def test_a_table_of_measures_by_breakdown_printed_as_text() -> None:
    """HKEX B1 and B3 tables: measures as columns (a footnote's mark after one, units on the line below),
    breakdowns as rows. The total row gives each measure, the gender rows the gender codes, and the
    other rows (`全職`: a part) nothing; the year is the caption's."""
    got = facts(HEAD_HK + MEASURE_TABLE_TEXT)
    assert got[("employees_total", 2024)] == 1457.0
    assert got[("employee_turnover_rate", 2024)] == 19.9
    assert (got[("employees_male", 2024)], got[("employees_female", 2024)]) == (842.0, 615.0)
    assert ("employees_total", 2025) not in got, "全職 is no headcount of the whole company"


def test_a_table_of_measures_by_breakdown_as_a_grid() -> None:
    table = (
        "僱員培訓（2025年）\n\n| | 受訓僱員百分比 | 每名僱員平均受訓時數 |\n|---|---|---|\n| | （%） | （小時） |\n"
        "| 按性別 | | |\n| 男 | 87.3 | 14.2 |\n| 女 | 91.6 | 15.8 |\n| 高級管理層 | 100.0 | 22.5 |\n| 總計 | 89.7 | 15.1 |\n"
    )
    got = facts(HEAD_HK + table)
    assert (got[("employees_trained_pct", 2025)], got[("training_hours_per_employee", 2025)]) == (89.7, 15.1)


def test_pymupdf4llms_synthetic_header_row_is_no_header() -> None:
    """`|Col1|Col2|Col3|Col4|` where pymupdf4llm found no header: the table's own header is its first row."""
    table = (
        "|Col1|Col2|Col3|Col4|\n|---|---|---|---|\n|指标|单位|2025年|2024年|\n"
        "|范围一温室气体排放量|吨二氧化碳当量|12,486.3|11,902.7|\n|员工总数|人|6,418|6,135|\n"
    )
    got = facts(HEAD_CN + table)
    assert (got[("ghg_scope1", 2025)], got[("employees_total", 2024)]) == (12486.3, 6135.0)


def test_a_text_table_of_entity_columns_reads_the_groups_column() -> None:
    """A financial holding's `項目 單位 金控合併 銀行 證券 人壽` (one year, the caption's) and `年度 金控合併 …`
    over rows `111年 8,105 …` (Taiwan's years; the caption names the measure): the consolidated column
    is the company's, the others are parts. Commas grouping thousands make no CSV; a 度 of water is a m³."""
    text = (
        "表5-1 環境績效數據（113年度）\n"
        "項目 單位 金控合併 銀行 證券 人壽\n"
        "範疇一溫室氣體排放量 公噸CO2e 1,342.6 856.1 171.8 268.9\n"
        "耗水量 度 37,284 23,752 4,862 7,790\n"
        "表6-1 員工人數（單位：人）\n"
        "年度 金控合併 銀行 證券 人壽\n"
        "112年 8,274 5,520 1,169 1,392\n"
        "113年 8,436 5,612 1,187 1,433\n"
    )
    got = facts(HEAD_HK.replace("2025", "2024") + text)
    assert (got[("ghg_scope1", 2024)], got[("water_consumption", 2024)]) == (1342.6, 37284.0)
    assert (got[("employees_total", 2023)], got[("employees_total", 2024)]) == (8274.0, 8436.0)
    assert len([key for key in got if key[0] == "employees_total"]) == 2, "the subsidiaries' columns give none"


def test_a_gender_table_with_a_share_column_and_its_units_in_a_row() -> None:
    """`| 員工類別 | 男性 | 女性 | 合計 | 占比 |` over `| | （人） | （人） | （人） | （%） |`: the share column
    is no gender's count, and the row of units gives the counts theirs."""
    table = (
        "表6-1 員工結構（統計日：2025年12月31日）\n\n| 員工類別 | 男性 | 女性 | 合計 | 占比 |\n|---|---|---|---|---|\n"
        "| | （人） | （人） | （人） | （%） |\n| 直接人員 | 612 | 1,045 | 1,657 | 66.9 |\n"
        "| 總計 | 1,110 | 1,366 | 2,476 | 100.0 |\n"
    )
    got = facts(HEAD_HK + table)
    assert [got[(code, 2025)] for code in ("employees_male", "employees_female", "employees_total")] == [
        1110.0,
        1366.0,
        2476.0,
    ]


def test_records_on_one_line_as_a_data_platform_exports_them() -> None:
    """`指標名稱：…；單位：…；2025年：…；2024年：…`, `【…】2025年度：9,846人`, `label | 2025: … | 單位: %`;
    a record whose label names one site (`（寧波基地）`) is that part's."""
    text = (
        "指标名称：综合能源消耗量；单位：吨标准煤；2025年：24,658.7；2024年：23,912.4\n"
        "【员工总数】2025年度：9,846人；2024年度：9,512人\n"
        "【男性员工】2025年度：6,013人\n"
        "员工流失率 | 2025: 9.7 | 2024: — | 单位: %\n"
        "【二氧化硫排放量（宁波基地）】2025年度：0.92吨\n"
    )
    rows = rows_of(HEAD_CN + text)
    got = facts(HEAD_CN + text)
    assert round(got[("energy_total", 2025)], 1) == round(24658.7 * 8.141, 1)
    assert (got[("employees_total", 2024)], got[("employees_male", 2025)]) == (9512.0, 6013.0)
    assert got[("employee_turnover_rate", 2025)] == 9.7 and ("employee_turnover_rate", 2024) not in got
    assert rows[("sox_emissions", 2025)].is_partial_scope


def test_a_wrapped_ratio_unit_and_a_metric_after_a_breakdown_in_one_cell_per_line_text() -> None:
    """Acrobat's accessible text, one cell per line: a unit cut after its slash goes on below
    (`噸二氧化碳當量／` / `每間自營門店`), and a metric's own row after `按性別劃分` / `男` / `女` is no breakdown."""
    lines = [
        "指標", "單位", "2025年", "2024年",
        "溫室氣體排放密度", "噸二氧化碳當量／", "每間自營門店", "39.0", "42.2",
        "有害廢棄物總量4", "噸", "3.42", "3.87",
        "受訓僱員百分比", "%", "82.4", "78.9",
        "按性別劃分",
        "男", "%", "80.6", "77.1",
        "女", "%", "83.7", "80.2",
        "每名僱員平均受訓時數", "小時", "16.6", "14.8",
    ]  # fmt: skip
    got = facts(HEAD_HK + "\n".join(lines) + "\n")
    assert got[("hazardous_waste", 2025)] == 3.42
    assert got[("training_hours_per_employee", 2024)] == 14.8


def test_a_web_lists_items_of_one_metric_and_one_year_each() -> None:
    """`<li><span>範疇一排放量</span><span>公噸CO2e</span><span>2024</span><span>3,105.8</span></li>`: a metric,
    its unit, a year and its value on one line (a note in words after it may bound it); a header
    (`單位 2025 2024`) and a targets row under a base year are none."""
    items = "".join(
        f'<li><span class="kpi-name">{name}</span><span class="kpi-unit">{unit}</span>'
        f'<span class="kpi-year">{year}</span><span class="kpi-value">{value}</span>{note}</li>\n'
        for name, unit, year, value, note in [
            ("範疇一排放量", "公噸CO2e", 2024, "3,286.4", ""),
            ("範疇一排放量", "公噸CO2e", 2025, "3,105.8", ""),
            ("氮氧化物排放量", "公噸", 2024, "13.1", '<span class="kpi-note">僅含台中廠</span>'),
        ]
    )
    got = facts(HEAD_HK + '<ul class="kpi-list">\n' + items + "</ul>\n")
    assert (got[("ghg_scope1", 2024)], got[("ghg_scope1", 2025)]) == (3286.4, 3105.8)
    assert rows_of(HEAD_HK + "<ul>\n" + items + "</ul>\n")[("nox_emissions", 2024)].is_partial_scope
    targets = "| 目標項目 | 基準年 | 2027年目標 | 2030年目標 |\n| --- | --- | --- | --- |\n| 耗水量（公噸） | 2022年 | 80,000 | 72,000 |\n"
    assert ("water_consumption", 2022) not in facts(HEAD_HK + targets)


def test_a_word_documents_text_with_bars_between_cells_and_merged_cells_repeated() -> None:
    """A Word table saved as text prints ` | ` between cells, with no outer bars and no delimiter row; a
    merged cell repeats in every cell it spans (`外購電力 | 外購電力 | …`, a section row across the table),
    a section may stand alone on its line (`僱傭`), and a `總計` under a category totals that category."""
    text = HEAD_HK + (
        "下表數據涵蓋本集團在香港的營運及內地全資附屬公司，溫室氣體排放數據見上文。\n"
        "指標 | 指標 | 單位 | 2025年 | 2024年\n"
        "能源 | 能源 | 能源 | 能源 | 能源\n"
        "外購電力 (b) | 外購電力 (b) | 兆瓦時 | 52,600 | 54,900\n"
        "無害廢棄物 | 一般廢物 | 噸 | 1,284 | 1,352\n"
        "無害廢棄物 | 總計 | 噸 | 1,499.9 | 1,522.7\n"
        "僱傭\n"
        "僱員總數 | 僱員總數 | 人 | 3,486 | 3,421\n"
        "按性別劃分 | 女 | 人 | 969 | 939\n"
    )
    got = rows_of(text)
    assert got[("electricity_purchased", 2025)].reported_value == 52600
    assert got[("non_hazardous_waste", 2024)].reported_value == 1522.7
    assert (got[("employees_total", 2025)].reported_value, got[("employees_female", 2024)].reported_value) == (
        3486,
        939,
    )
    assert not any(row.is_partial_scope for row in got.values())  # the group with its subsidiaries, no part
    prose = HEAD_HK + "本集團的使命 | 願景 | 價值觀\n以客為本 | 2025年 | 2024年\n"
    assert facts(prose) == {}


def test_caps_a_joint_ventures_equity_share_and_a_named_source_of_a_scope_are_no_group_totals() -> None:
    """A legal cap printed under the actual emissions, a joint venture's scope 1 at its equity share, and a
    scope's source or category named after a colon (`範圍一排放：發電`) are not the group's figures; a gloss
    after the colon (`範圍一：直接排放`) is the scope itself."""
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 |\n|---|---|---|\n"
        "| 範圍一排放：發電 | 噸二氧化碳當量 | 4,583.2 |\n"
        "| 範圍一排放總量 | 噸二氧化碳當量 | 4,712.6 |\n"
        "| 範圍三排放：售出燃氣的使用 | 噸二氧化碳當量 | 1,596.8 |\n"
        "| 江門合營公司範圍一排放（按49%權益） | 噸二氧化碳當量 | 61.2 |\n"
        "| 氮氧化物 實際排放 | 噸 | 3,215 |\n"
        "| 氮氧化物 法定排放上限 | 噸 | 4,350 |\n"
    )
    assert facts(text) == {("ghg_scope1", 2025): 4712.6, ("nox_emissions", 2025): 3215000}  # (kg)
    glossed = HEAD_HK + "| 指標 | 2025年 |\n|---|---|\n| 範圍一：直接排放（噸二氧化碳當量） | 4,712.6 |\n"
    assert facts(glossed) == {("ghg_scope1", 2025): 4712.6}


def test_a_short_label_that_names_a_kpi_alone_is_read_under_a_section_naming_one() -> None:
    """`耗水量` under a section row `用水` is water consumption, as printed; a bare `密度` under `範圍一` is
    read only with its section (no scope 1 + 2 intensity)."""
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 |\n|---|---|---|\n| 用水 | | |\n| 耗水量 | 立方米 | 186,420 |\n"
        "| 範圍一 | | |\n| 密度 | 噸二氧化碳當量／百萬港元收入 | 0.42 |\n"
    )
    assert facts(text) == {("water_consumption", 2025): 186420}


def test_a_data_frame_printed_as_text_with_its_index_names_below_its_years() -> None:
    """pandas' `DataFrame.to_string()`: the years over the values, the index names (`类别 指标 单位`) on
    a line of their own below them, a category printed on its group's first row only, `NaN` for a
    missing cell (it holds its column)."""
    text = HEAD_CN + (
        "                      2023      2024      2025\n"
        "类别    指标       单位                             \n"
        "雇佣    员工总数     人   18462.0  19735.00  21108.00\n"
        "      女性员工占比   %       NaN     26.91     27.59\n"
        "水资源  耗水量       立方米       NaN  286450.000  301127.000\n"
    )
    assert facts(text) == {
        ("employees_total", 2023): 18462,
        ("employees_total", 2024): 19735,
        ("employees_total", 2025): 21108,
        ("employees_female_pct", 2024): 26.91,
        ("employees_female_pct", 2025): 27.59,
        ("water_consumption", 2024): 286450,
        ("water_consumption", 2025): 301127,
    }


def test_an_hkex_content_index_with_each_years_figures_listed_in_its_cell() -> None:
    """An HKEX content index whose year cells list a KPI's figures over `<br>`s (`範圍1：8,642.3 噸<br>…`), or its
    own figure with an intensity in a bracket (`18,452 立方米（密度：14.18 立方米/僱員）`): each item is a row
    under the KPI's title, and the title reads as the measure it asks for (`所產生有害廢棄物總量（以噸計算）及
    （如適用）密度`: the total; `按性別…劃分的僱員流失比率` over `整體`: the turnover rate)."""
    head = "| 層面 | 關鍵績效指標 | 描述 | 2025年 | 2024年 | 頁碼 |\n|---|---|---|---|---|---|\n"
    rows = [
        "| A1：排放物 | A1.2 | 直接（範圍1）及能源間接（範圍2）溫室氣體排放量及密度 | 範圍1：8,642.3 噸二氧化碳當量<br>"
        "範圍2：2,115.8 噸二氧化碳當量 | 範圍1：9,105.6 噸二氧化碳當量<br>範圍2：2,287.4 噸二氧化碳當量 | P.21 |",
        "| | A1.3 | 所產生有害廢棄物總量（以噸計算）及（如適用）密度 | 42.6 噸<br>密度：0.033 噸/僱員 | "
        "47.9 噸<br>密度：0.036 噸/僱員 | 第22頁 |",
        "| | A2.2 | 總耗水量及密度 | 18,452 立方米（密度：14.18 立方米/僱員） | 19,870 立方米（密度：14.81 立方米/僱員） | P.26 |",
        "| B1：僱傭 | B1.2 | 按性別及年齡組別劃分的僱員流失比率 | 整體：14.8%<br>男：15.3% | 整體：16.2%<br>男：16.9% | P.30 |",
        "| B6：產品責任 | B6.2 | 接獲關於產品及服務的投訴數目以及應對方法 | 37 宗 | 45 宗 | P.37 |",
        "| B8：社區投資 | B8.2 | 在專注範疇所動用資源 | 捐款：港幣1,280,000元<br>義工服務時數：2,360 小時 | "
        "捐款：港幣960,000元<br>義工服務時數：1,975 小時 | P.41 |",
    ]
    got = facts(HEAD_HK + head + "\n".join(rows) + "\n")
    assert (got[("ghg_scope1", 2025)], got[("ghg_scope2", 2024)]) == (8642.3, 2287.4)
    assert (got[("hazardous_waste", 2025)], got[("water_consumption", 2024)]) == (42.6, 19870)
    assert (got[("employee_turnover_rate", 2025)], got[("customer_complaints", 2024)]) == (14.8, 45)
    assert got[("volunteer_hours", 2025)] == 2360
    assert ("water_consumption", 2025) in got and ("hazardous_waste", 2024) in got


def test_mathpix_footnote_marks_and_hong_kong_contractor_rows() -> None:
    """Mathpix prints a footnote mark as a superscript of nothing (`\\text { 僱員總數 }{ }^{3}`); a Hong Kong
    report's contractors are `承辦商`, whose lost days are not the employees'."""
    text = HEAD_HK + (
        "$$\n\\begin{array}{|l|c|r|}\n\\hline 指標 & 單位 & 2025年 \\\\\n"
        "\\hline \\text { 僱員總數 }{ }^{3} & \\text { 人 } & 4,812 \\\\\n"
        "\\hline 因工傷損失工作日數 & 日 & 1,386 \\\\\n"
        "\\hline 承辦商因工傷損失日數{ }^{4} & 日 & 146 \\\\\n\\hline\n\\end{array}\n$$\n"
    )
    assert facts(text) == {("employees_total", 2025): 4812, ("lost_days_work_injury", 2025): 1386}


def test_a_genders_row_under_a_headcount_section_reads_the_gender_before_the_measure() -> None:
    """`男性` / `女性` under a section row `僱員總數` are the male and female headcounts (`男性僱員總數`)."""
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 |\n| --- | --- | --- |\n| **僱員總數** | | |\n| 總計 | 人 | 2,849 |\n"
        "| 男性 | 人 | 1,612 |\n| 女性 | 人 | 1,237 |\n"
    )
    assert facts(text) == {
        ("employees_total", 2025): 2849,
        ("employees_male", 2025): 1612,
        ("employees_female", 2025): 1237,
    }


def test_a_semicolon_separated_export_with_quoted_figures() -> None:
    """Excel's CSV in locales whose decimal mark is a comma parts cells by `;` (`指标名称;单位;2025年;2024年`),
    quoting a figure with thousands separators (`"185,432.6"`); a metadata block above it is no table."""
    text = HEAD_CN + (
        "公司名称;示例新材料股份有限公司\n报告期间;2025年1月1日至2025年12月31日\n\n"
        "指标编码;指标名称;单位;2025年;2024年;备注\n"
        'E01;范围一温室气体排放量;吨二氧化碳当量;"185,432.6";"178,905.2";\n'
        "S01;员工总数;人;6842;6517;\n"
    )
    assert facts(text) == {
        ("ghg_scope1", 2025): 185432.6,
        ("ghg_scope1", 2024): 178905.2,
        ("employees_total", 2025): 6842,
        ("employees_total", 2024): 6517,
    }


def test_a_sasb_table_numbering_a_disclosures_metrics_and_figures_in_one_cell() -> None:
    """SASB tables number a disclosure's metrics and their figures in one cell (`(1) 總能源消耗量 (2) 電網電力
    百分比` beside `(1) 1,623,492 (2) 93.4%`), a unit per part (`GJ；%`), a shared head before `(1)` (`範疇二
    排放量 (1) 地點基礎 (2) 市場基礎`) and a share after a figure (`(2) 912.4；58.1%`)."""
    text = HEAD_HK + (
        "| 主題 | 會計指標 | 代碼 | 2025年 | 單位 |\n|---|---|---|---|---|\n"
        "| 溫室氣體 | (1) 全球範疇一排放總量 (2) 全氟化物排放量 | TC-SC-110a.1 | (1) 18,426 (2) 6,215 | 公噸CO2e |\n"
        "| 溫室氣體 | 範疇二排放量 (1) 地點基礎 (2) 市場基礎 | GRI 305-2 | (1) 199,720 (2) 186,732 | 公噸CO2e |\n"
        "| 能源 | (1) 總能源消耗量 (2) 電網電力百分比 | TC-SC-130a.1 | (1) 1,623,492 (2) 93.4% | GJ；% |\n"
        "| 水資源 | (1) 總取水量 (2) 總耗水量；各項位於高水壓力地區之百分比 | TC-SC-140a.1 | "
        "(1) 3,846.2；62.4% (2) 912.4；58.1% | 千立方公尺；% |\n"
    )
    got = facts(text)
    assert (got[("ghg_scope1", 2025)], got[("ghg_scope2", 2025)]) == (18426, 199720)
    assert got[("energy_total", 2025)] == pytest.approx(1623492 / 3.6)
    assert got[("water_consumption", 2025)] == 912400


def test_web_kpi_cards_give_their_figure_and_the_years_they_compare_with() -> None:
    """A web page's KPI card as text: its title (a heading), the figure and unit, `2024年：8,790.3` below it,
    a change and a note; the year line is no label of the figure, and a note bounding the card makes it partial."""
    cards = (
        "#### 範圍一溫室氣體排放\n8,216.4 噸二氧化碳當量\n2024年：8,790.3\n▼6.5%\n\n"
        "#### 無害廢棄物產生量\n2,846.2 噸\n2024年：3,105.9\n▼8.4%\n只涵蓋本集團五間香港酒店\n"
    )
    got = rows_of(HEAD_HK + cards)
    assert (got[("ghg_scope1", 2025)].reported_value, got[("ghg_scope1", 2024)].reported_value) == (8216.4, 8790.3)
    assert got[("non_hazardous_waste", 2024)].is_partial_scope


def test_a_note_below_a_table_bounding_it_makes_its_rows_partial() -> None:
    """`注：本表仅统计总行办公大楼数据` below a table bounds that table; `以下数据仅涵盖…` below one leads into the next
    table, and `上表数据只涵盖本集团员工` or `仅供参考` bounds nothing."""
    table = "指标          单位      2025年     2024年\n用水量        吨        48,360     50,125\n\n"
    bounded = rows_of(HEAD_CN + table + "注：本表仅统计总行办公大楼数据，不含分支机构。\n")
    assert bounded[("water_consumption", 2025)].is_partial_scope
    for note in ("注：上表数据只涵盖本集团员工，不包括承包商。", "注：上表数据仅供参考。"):
        assert not rows_of(HEAD_CN + table + note + "\n")[("water_consumption", 2025)].is_partial_scope


def test_a_div_table_whose_section_rows_hold_text_alone_and_a_subsidiarys_section() -> None:
    """A CSS-grid table of `<div role="row">`s: a row of text alone (`能源`, `控股子公司：某某冷链物流有限公司`) is a
    section across the table, and a section naming a subsidiary bounds its rows."""
    row = '<div role="row"><div role="cell">{}</div><div role="cell">{}</div><div role="cell">{}</div></div>'
    text = HEAD_CN + (
        '<div role="table">\n' + row.format("指标", "单位", "2025年") + "\n"
        '<div role="row">温室气体排放</div>\n' + row.format("范围一排放", "吨二氧化碳当量", "48,216.5") + "\n"
        '<div role="row">控股子公司：某某冷链物流有限公司</div>\n'
        + row.format("范围一排放", "吨二氧化碳当量", "12,604.3")
        + "\n</div>\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "ghg_scope1"]
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(48216.5, False), (12604.3, True)]


def test_an_annual_reports_accounting_table_with_its_change_column_between_years() -> None:
    """A mainland annual report's `主要会计数据 2025年 2024年 本期比上年同期增减(%) 2023年`: the change column is
    skipped and the years on either side of it are read."""
    text = HEAD_CN + (
        "                                                               单位：元    币种：人民币\n"
        "     主要会计数据                 2025年               2024年          同期增减(%)             2023年\n"
        " 营业收入                 68,246,935,812.47    71,593,204,166.85             -4.67      74,826,117,503.92\n"
    )
    got = facts(text)
    assert (got[("revenue", 2025)], got[("revenue", 2023)]) == (68246935812.47, 74826117503.92)


def test_a_table_drawn_in_box_characters_with_rows_wrapped_inside_their_rules() -> None:
    """A converter's `┌──┬──┐` / `│ 指标 │ … │` / `├──┼──┤` table: the lines between two rules are one row, so a
    label wrapped onto the next line is read whole, and a closing bracket that bounds it (`（仅冷链仓储中心）`,
    `（不含子公司）`) makes the row partial."""
    text = HEAD_CN + (
        "┌──────────┬────────┬────────┐\n│ 指标       │ 单位     │ 2025年   │\n"
        "├──────────┴────────┴────────┤\n│ 能源消耗                     │\n"
        "├──────────┬────────┬────────┤\n│ 综合能源消耗量  │ 吨标准煤   │ 5,236.8 │\n"
        "├──────────┼────────┼────────┤\n│ 综合能源消耗量  │ 吨标准煤   │ 1,456.2 │\n│ （仅冷链仓储中心） │       │        │\n"
        "├──────────┼────────┼────────┤\n│ 范围二温室气体排放 │ 吨二氧化碳当量 │ 17,610.3 │\n│ （基于位置法）  │        │        │\n"
        "└──────────┴────────┴────────┘\n"
    )
    rows = {
        (row.metric_code, row.reported_value): row.is_partial_scope
        for row in parse_report(text).rows
        if row.metric_code
    }
    assert rows == {("energy_total", 5236.8): False, ("energy_total", 1456.2): True, ("ghg_scope2", 17610.3): False}


def test_a_transposed_table_under_two_header_rows_of_categories_and_indicators() -> None:
    """Years down the first column under two header rows (`| 年度 | 温室气体排放 | 温室气体排放 |` over `| | 范围一（吨CO2e） |
    范围二（吨CO2e） |`): each indicator reads with its category; a row of units under one header row is no header."""
    text = HEAD_CN + (
        "表1 环境关键绩效指标\n\n| 年度 | 温室气体排放 | 温室气体排放 | 能源 |\n"
        "| | 范围一（吨CO2e） | 范围二（吨CO2e） | 外购电力（万千瓦时） |\n| --- | --- | --- | --- |\n"
        "| 2026年（目标） | — | — | 100,000 |\n| 2025年 | 8,426,315 | 612,480 | 107,450 |\n| 2024年 | 8,903,772 | 648,215 | 113,820 |\n"
    )
    got = facts(text)
    assert (got[("ghg_scope1", 2025)], got[("ghg_scope2", 2024)]) == (8426315, 648215)
    assert got[("electricity_purchased", 2025)] == 1074500 and ("electricity_purchased", 2026) not in got


def test_a_web_pages_bold_paragraph_over_a_table_is_its_title() -> None:
    """`<p><b>专栏：某某码头有限公司打造“近零碳码头”</b></p>` over a table: its title, which names another company."""
    text = HEAD_CN + (
        "<table><tr><td>指标</td><td>单位</td><td>2025年</td></tr>"
        "<tr><td>外购电力</td><td>万千瓦时</td><td>43,826.5</td></tr></table>\n"
        "<p><b>专栏：临澜国际集装箱码头有限公司打造近零碳码头</b></p>\n"
        "<p>公司控股子公司临澜国际集装箱码头有限公司是港区首个近零碳码头试点单位，主要数据如下。</p>\n"
        "<table><tr><td>指标</td><td>单位</td><td>2025年</td></tr>"
        "<tr><td>外购电力</td><td>万千瓦时</td><td>8,214.6</td></tr></table>\n"
    )
    rows = [row for row in parse_report(text).rows if row.metric_code == "electricity_purchased"]
    assert [(row.reported_value, row.is_partial_scope) for row in rows] == [(43826.5, False), (8214.6, True)]


def test_a_table_word_saved_as_text_a_cell_a_line_and_a_blank_line_after_each_row() -> None:
    """Word's `.txt`: a cell a line, a blank line ending each row, an empty cell an empty line inside its row
    (`僱員總數（人）` / `` / `1,286` …), a merged category printed once; a target column stays no year's."""
    cells = [
        ["指標", "單位", "2025年", "2024年", "2030年目標"],
        ["溫室氣體排放"],
        ["範圍一排放", "噸二氧化碳當量", "8,416.3", "8,902.5", "7,000"],
        ["僱員總數（人）", "", "1,286", "1,244", ""],
        ["因工亡故人數（人）", "", "0", "0", ""],
    ]
    text = HEAD_HK + "\n".join("\n".join(row) + "\n" for row in cells)
    assert facts(text) == {
        ("ghg_scope1", 2025): 8416.3,
        ("ghg_scope1", 2024): 8902.5,
        ("employees_total", 2025): 1286,
        ("employees_total", 2024): 1244,
        ("work_related_fatalities", 2025): 0,
        ("work_related_fatalities", 2024): 0,
    }


def test_a_rotated_header_printed_a_character_a_line_above_its_columns() -> None:
    """`pdftotext -layout` prints a rotated header one character a line, stacked above its columns (`單`/`位`,
    `1`/`1`/`4`/`年`): read top-down it is the table's header."""
    text = HEAD_HK + (
        "                      單          1        1\n"
        "                      位          1        1\n"
        "                                  4        3\n"
        "                                  年       年\n"
        " 項目\n"
        " --------------------------------------------------\n"
        " 範疇一排放量          公噸CO2e   2,618.4  2,702.9\n"
        " 外購電力              千度       98,765.4 95,412.8\n"
    )
    got = facts(text)
    assert (got[("ghg_scope1", 2025)], got[("ghg_scope1", 2024)]) == (2618.4, 2702.9)


def test_a_unit_with_its_multiplier_in_a_bracket_after_it() -> None:
    """`千瓦時（千）`, `立方米（千）`: thousands of the unit, as `千瓦時（以千計）` is; a web page's `5.80M kWh`: millions
    (`MWh` stays a megawatt-hour)."""
    text = HEAD_HK + (
        "| 指標 | 單位 | 2025年 |\n|---|---|---|\n| 購買電力 | 千瓦時（千） | 21,486.7 |\n| 耗水量 | 立方米（千） | 96.4 |\n"
    )
    assert facts(text) == {("electricity_purchased", 2025): 21486.7, ("water_consumption", 2025): 96400}
    web = HEAD_HK + "| 指標 | 2025 |\n|---|---|\n| 外購電力 | 5.80M kWh |\n| 能源消耗總量 | 6,250 MWh |\n"
    assert facts(web) == {("electricity_purchased", 2025): 5800, ("energy_total", 2025): 6250}


def test_a_text_table_of_gender_columns_over_rows_of_measures() -> None:
    """`項目 單位 男性 女性 合計` over rows of measures (`員工人數 人 1,052 688 1,740`): a gender's column is that gender's
    figure, the total's the measure's own, in the report's year; a gender's rate is no company figure."""
    text = HEAD_HK + (
        " 項目              單位        男性        女性        合計\n"
        " ------------------------------------------------------------\n"
        " 員工人數           人         1,052         688       1,740\n"
        " 離職率             %           11.8         9.6        10.9\n"
    )
    assert facts(text) == {
        ("employees_male", 2025): 1052,
        ("employees_female", 2025): 688,
        ("employees_total", 2025): 1740,
        ("employee_turnover_rate", 2025): 10.9,
    }
