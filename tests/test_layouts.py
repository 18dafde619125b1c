"""Parser tests for the layouts beyond plain tables: HTML and Markdown tables, transposed cells,
key figures and prose. Small texts written here; each trap has its own test."""

from __future__ import annotations

import pytest

from ingest.read.layout import logical_lines
from ingest.read.parser import parse_report
from ingest.read.rows import KpiRow
from ingest.read.selection import primary_rows

HEAD_2023 = "示例醫療有限公司\n2023 環境、社會及管治報告\n報告時間範圍：2023年1月1日至2023年12月31日\n\n"
HEAD_2024 = "示例健康股份有限公司\n2024年度环境、社会和公司治理报告\n本报告涵盖期间为2024年1月1日至2024年12月31日。\n\n"


def primary(text: str) -> dict[tuple[str, int], KpiRow]:
    return {(row.metric_code, row.fiscal_year): row for row in primary_rows(parse_report(text).rows)}  # type: ignore[misc]


def facts(text: str) -> dict[tuple[str, int], float]:
    return {key: row.reported_value * row.unit_factor for key, row in primary(text).items()}  # type: ignore[operator]


def test_html_table_rows_become_tab_rows_on_their_source_line() -> None:
    text = HEAD_2023 + (
        "<table><tr><th>指標</th><th>單位</th><th>2023年</th><th>2022年</th></tr>\n"
        "<tr><td>員工總數<sup>1</sup></td><td>人</td><td>742</td><td>605</td></tr>\n"
        "<tr><td>耗水量</td><td>噸</td><td>/</td><td>1,823</td></tr></table>\n"
    )
    rows = primary(text)
    assert facts(text) == {
        ("employees_total", 2023): 742,
        ("employees_total", 2022): 605,
        ("water_consumption", 2022): 1823,
    }, "the footnote <sup>1</sup> is no value and '/' is not disclosed"
    assert rows[("employees_total", 2023)].source_line == 6
    assert rows[("employees_total", 2023)].raw_label == "員工總數"


def test_html_table_spread_over_lines() -> None:
    text = HEAD_2024 + "<table>\n<tr>\n<td>指标</td>\n<td>单位</td>\n<td>2024年</td>\n</tr>\n<tr>\n<td>总耗水量</td>\n"
    text += "<td>吨</td>\n<td>2,400.71</td>\n</tr>\n</table>\n"
    assert facts(text) == {("water_consumption", 2024): pytest.approx(2400.71)}


def test_markdown_table() -> None:
    text = HEAD_2024 + "| 指标 | 单位 | 2024年 | 2023年 |\n|---|:---:|---:|---:|\n| 外购电力 | 千瓦时 | 567,700 | - |\n"
    assert facts(text) == {("electricity_purchased", 2024): pytest.approx(567.7)}


def test_logical_lines_keep_text_outside_tables() -> None:
    lines = logical_lines("前言<table><tr><td>甲</td><td>1</td></tr></table>後記\n\n**粗體**")
    assert [(line.number, line.text) for line in lines] == [(1, "甲\t1"), (1, "前言 後記"), (3, "粗體")]


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("前言\n<table>\n<tr><td>甲</td><td>1</td></tr>\n</table>\n後記 2 噸", {2, 3, 4}),
        # the last taken line opens another table: read as usual, so its rows still come out
        (
            "<table><tr><td>甲</td></tr></table>\n<tr><td>乙</td></tr></table><table>\n<tr><td>丙</td><td>3</td></tr>",
            {1, 2},
        ),
        ("| 甲 | 1 |\n|---|---|\n說明\n<table><tr><td>丁</td></tr>", {1, 2, 4}),  # a table left open
    ],
)
def test_logical_lines_leave_out_taken_lines_as_if_read(text: str, taken: set[int]) -> None:
    """Lines a grid reader took are not read again; every other line reads as it would have."""
    every = [line for line in logical_lines(text) if line.number not in taken]
    assert logical_lines(text, taken) == every
    assert every, "the test text has lines outside the taken ones"


def test_transposed_cells_take_their_column_header_as_context() -> None:
    text = HEAD_2024 + (
        "### 2024 年员工数据\n"
        "按职级划分\t按性别划分\t按年龄划分\n"
        "高级管理者 27\t女性员工 1,947\t30岁及以下 3,408\n"
        "普通员工 6,897\t男性员工 5,493 名\t\n"
    )
    got = facts(text)
    assert got == {("employees_female", 2024): 1947, ("employees_male", 2024): 5493}
    assert primary(text)[("employees_female", 2024)].section.endswith("按性别划分")


def test_key_figure_label_value_unit_on_separate_lines() -> None:
    text = HEAD_2024 + (
        "## 环境指标\n\n范围一及范围二温室气体排放量\n\n75,875.97\n\n吨二氧化碳当量\n\n"
        "耗水强度\n\n23.32 吨 / 百万元人民币收入\n\n员工总数\n\n7,440\n"
    )
    rows = primary(text)
    assert facts(text) == {
        ("ghg_scope1_2", 2024): pytest.approx(75875.97),
        ("water_intensity_revenue", 2024): pytest.approx(23.32),
        ("employees_total", 2024): 7440,
    }
    scope = rows[("ghg_scope1_2", 2024)]
    assert (scope.label_line, scope.source_line, scope.reported_unit, scope.layout) == (
        7,
        9,
        "吨二氧化碳当量",
        "key_figure",
    )


def test_key_figure_label_wrapped_over_two_lines() -> None:
    text = HEAD_2024 + "2024 年，示例健康員工培\n訓覆蓋率達到\n\n100%\n\n員工平均學習時長為\n\n26.83 小時\n"
    assert facts(text) == {("employees_trained_pct", 2024): 100, ("training_hours_per_employee", 2024): 26.83}


def test_prose_statements() -> None:
    text = HEAD_2024 + (
        "截至2024年12月31日，示例健康共有員工1,849人，其中女性員工佔比43.05%。\n"
        "报告期内,公司研发投入金额2,984.99万元。本集团公益捐赠额达 848.65 万元。\n"
        "报告期内,公司万元营收综合能耗为0.0020吨标准煤/万元。截至2024年底,公司拥有供应商275家。\n"
    )
    got = facts(text)
    assert got == {
        ("employees_total", 2024): 1849,
        ("employees_female_pct", 2024): 43.05,
        ("rd_investment", 2024): pytest.approx(29_849_900),
        ("community_donations", 2024): pytest.approx(8_486_500),
        ("energy_intensity_revenue", 2024): pytest.approx(0.002 * 8.141 * 100),
        ("suppliers_total", 2024): 275,
    }
    assert all(row.layout == "prose" for row in primary(text).values())


def test_share_takes_the_subject_of_the_clause_before() -> None:
    text = HEAD_2024 + "截至报告期末，全职员工总数为 742 人，其中女性员工\n\n492 人，占比达 66.3%；\n"
    assert facts(text) == {
        ("employees_total", 2024): 742,
        ("employees_female", 2024): 492,
        ("employees_female_pct", 2024): 66.3,
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度温室气体排放总量较上年下降 120 吨。",  # a change, not a level
        "温室气体排放总量同比减少 8.5%。",
        "到 2035 年，实现范围一及范围二温室气体排放总量降低 50%。",  # a target
        "本年度公益捐赠超过 300 万元。",  # an approximation
        "本集团公益捐赠额达 300 余万元。",
        "累计员工培训总时长 12,000 小时。",  # a sum over years
        "B5.1 按地區劃分的供應商數目。 38",  # a page number in a content index
        "员工总数 2",  # a bare number in a sentence has no unit: not a value
    ],
)
def test_statements_that_state_no_level_give_no_value(sentence: str) -> None:
    assert parse_report(HEAD_2024 + sentence + "\n").observations == []


def test_topic_training_in_key_figures_is_not_all_employee_training() -> None:
    text = HEAD_2024 + "反腐敗和商業道德\n培訓覆蓋率\n\n100%\n\n知識產權培訓\n\n培訓總時長\n\n1,000 小時\n"
    assert parse_report(text).observations == []


def test_footnote_marker_glued_to_a_label_in_a_one_column_table() -> None:
    text = (
        HEAD_2023
        + "資源類型 單位 數據\n\n綜合能源消耗量4 噸標煤 43.81\n\n溫室氣體排放總量（範圍一及範圍二）5 噸二氧化碳當量 290.23\n"
    )
    got = facts(text)
    assert got == {
        ("energy_total", 2023): pytest.approx(43.81 * 8.141),
        ("ghg_scope1_2", 2023): pytest.approx(290.23),
    }, "the markers 4 and 5 are never values"


def test_superscript_footnote_on_a_key_figure_label() -> None:
    text = (
        HEAD_2024
        + "间接（范围三）温室气体排放量<sup>2</sup>\n\n204,947.41 吨二氧化碳当量\n\n<sup>2</sup> 数据包括商务旅行。\n"
    )
    assert facts(text) == {("ghg_scope3", 2024): pytest.approx(204947.41)}


def test_prose_about_an_earlier_year_and_a_future_target() -> None:
    text = HEAD_2024 + "2023年，公司员工总数为1,200人。到2030年，公司员工总数为3,000人。\n"
    assert facts(text) == {("employees_total", 2023): 1200}


def test_a_table_value_wins_over_prose_for_the_same_fact() -> None:
    text = HEAD_2024 + "公司共有员工1,850人。\n\n指标\t单位\t2024年\n员工总人数\t人\t1,849\n"
    rows = primary(text)
    assert rows[("employees_total", 2024)].reported_value == 1849
    assert rows[("employees_total", 2024)].layout == "table"


def test_years_spelt_in_chinese_numerals_and_a_change_column() -> None:
    text = "示例醫藥控股有限公司\n二零二三年環境、社會及管治報告\n截至二零二三年十二月三十一日止年度\n\n"
    text += "指標 單位 二零二三年 二零二二年 變化率\n僱員總數 人 1,200 1,100 +9.1%\n用水量 立方米 350 400 -12.5%\n"
    parsed = parse_report(text)
    assert (parsed.metadata.fiscal_year, str(parsed.metadata.period_end)) == (2023, "2023-12-31")
    got = {key: value for key, value in facts(text).items()}
    assert got == {
        ("employees_total", 2023): 1200,
        ("employees_total", 2022): 1100,
        ("water_consumption", 2023): 350,
        ("water_consumption", 2022): 400,
    }, "the change column is read past, never taken as a year's value"


def test_year_ended_march_sets_a_non_calendar_period() -> None:
    text = "示例健康科技有限公司\n2023 環境、社會及管治報告\n本報告涵蓋截至2023年3月31日止年度。\n\n"
    text += "指標 單位 FY2023 FY2022\n僱員總數 人 500 450\n"
    parsed = parse_report(text)
    meta = parsed.metadata
    assert (str(meta.period_start), str(meta.period_end), meta.fiscal_year) == ("2022-04-01", "2023-03-31", 2023)
    assert facts(text) == {("employees_total", 2023): 500, ("employees_total", 2022): 450}


def test_noun_after_the_unit_is_the_label_unless_the_clause_compares() -> None:
    text = HEAD_2024 + "截至报告期末，本集团共计拥有7,440名员工。董事會共有 8 名董事，其中\n2 名為女性董事。\n"
    text += "磁共振系统每年可减少 71,540 千瓦时用电量。\n"
    assert facts(text) == {("employees_total", 2024): 7440, ("board_size", 2024): 8, ("board_female", 2024): 2}
