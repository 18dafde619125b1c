"""Prose hard-wrapped at a fixed column width (PDF text without layout): joined into paragraphs for
the statement reader, with each value's lineage still the line it is printed on. Texts written here."""

from __future__ import annotations

from ingest.read.layout import logical_lines
from ingest.read.paragraphs import join_wrapped, number_at
from ingest.read.parser import parse_report
from ingest.read.rows import KpiRow
from ingest.read.selection import primary_rows

HEAD = "示例製造控股有限公司\n二零二四年環境、社會及管治報告\n報告期間為2024年1月1日至2024年12月31日。\n\n"


def primary(text: str) -> dict[tuple[str | None, int], KpiRow]:
    return {(row.metric_code, row.fiscal_year): row for row in primary_rows(parse_report(text).rows)}


def test_label_value_and_unit_wrapped_over_lines_are_one_statement() -> None:
    text = HEAD + (
        "本集團的廢氣主要來自自有車輛及生產設備，\n"  # line 5
        "本年度本集團的氮氧化物、硫氧化物排放量分\n"
        "別約為2,345.6千克及41.2千克（2023年：\n"
        "分別約為2,101.9千克及38.8千克）。溫室\n"
        "氣體排放總量（範圍一及範圍二）為9,876.5\n"
        "噸二氧化碳當量。\n"  # line 10
    )
    rows = primary(text)
    assert rows[("nox_emissions", 2024)].reported_value == 2345.6
    assert rows[("sox_emissions", 2024)].reported_value == 41.2
    assert rows[("nox_emissions", 2023)].reported_value == 2101.9
    assert rows[("sox_emissions", 2023)].reported_value == 38.8
    ghg = rows[("ghg_scope1_2", 2024)]
    assert (ghg.reported_value, ghg.reported_unit) == (9876.5, "噸二氧化碳當量"), "the unit wrapped onto the next line"
    assert rows[("nox_emissions", 2023)].source_line == 8, "lineage: the line the value is printed on"
    assert ghg.source_line == 9


def test_intensity_per_person_printed_before_the_value() -> None:
    text = HEAD + "按僱員人數計算，溫室氣體排放密度為每名僱員3.21噸二氧化碳當量。\n"
    row = primary(text)[("ghg_intensity_employee", 2024)]
    assert (row.reported_value, row.unit_factor) == (3.21, 1.0)


def test_short_lines_of_key_figure_tiles_are_not_joined() -> None:
    text = "員工總數\n1,280 人\n女性員工\n530 人\n"
    lines = logical_lines(text)
    assert join_wrapped(lines) == lines


def test_sentence_end_hard_break_bullet_and_table_row_end_a_paragraph() -> None:
    wide = "本公司持續推動節能減排工作並定期檢討各項環境目標的進度"  # 27 CJK characters
    cases = {
        "sentence end": f"{wide}。\n{wide}\n",
        "markdown hard break": f"{wide}  \n{wide}\n",
        "bullet": f"{wide}\n• {wide}\n",
        "table row": f"{wide}\n指標\t2024年\t2023年\n",
        "page number": f"{wide}\n12\n",
        "label-value records": "員工總數：8,316人（2023年：8,105人）\n女性員工人數：2,703人（2023年：2,529人）\n"
        "男性員工人數：5,613人（2023年：5,576人）\n",
        "text table rows": "溫室氣體排放總量（範圍一及範圍二） 噸二氧化碳當量 10,472.4 9,876.5\n"
        "能源間接溫室氣體排放量（範圍二） 噸二氧化碳當量 8,211.6 8,402.3\n",
    }
    for case, text in cases.items():
        lines = logical_lines(text)
        assert len(join_wrapped(lines)) == len(lines), case


def test_wrapped_lines_joined_keep_each_source_line() -> None:
    text = (
        "本集團一直致力於減少營運對環境造成的影響，並\n"
        "透過節約能源措施降低溫室氣體排放。本年度的總\n"
        "耗電量為1,234兆瓦時。\n"
    )
    joined = join_wrapped(logical_lines(text))
    assert len(joined) == 1
    paragraph = joined[0]
    assert paragraph.text.endswith("本年度的總耗電量為1,234兆瓦時。")
    assert (paragraph.number, paragraph.last_number) == (1, 3)
    assert number_at(paragraph, paragraph.text.index("1,234")) == 3
    assert number_at(paragraph, paragraph.text.index("降低")) == 2
    assert number_at(paragraph, 0) == 1


def test_latin_words_split_at_a_line_end_keep_their_space() -> None:
    text = (
        "本報告依據全球報告倡議組織發佈的可持續發展報告標準 GRI\n"
        "Standards 編寫，並參考聯合國可持續發展目標及香港聯\n"
        "交所的指引。\n"
    )
    joined = join_wrapped(logical_lines(text))
    assert "GRI Standards" in joined[0].text


def test_a_summary_line_of_each_hkex_kpi_is_its_own_paragraph() -> None:
    """`B2.1 因工亡故人數：0人（0人）；2022/23財政年度：0人` / `B2.2 因工傷損失工作日數：1,126日`: a line that
    opens with a KPI's code starts a new item, so the year the line above names is no year of it."""
    text = HEAD + (
        "B1.1 僱員總數：3,268名（3,415名）\n"
        "B2.1 因工亡故人數：0人（0人）；2022年：0人\n"
        "B2.2 因工傷損失工作日數：1,126日\n"
        "B3.2 每名僱員平均受訓時數：14.8小時\n"
    )
    assert primary(text)[("lost_days_work_injury", 2024)].reported_value == 1_126
    assert ("lost_days_work_injury", 2022) not in primary(text)
