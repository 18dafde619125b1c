"""The report's own note on a figure, read at parse time (ingest.read.notes), on texts we wrote."""

from __future__ import annotations

from ingest.read.notes import explaining_notes
from ingest.read.parser import parse_report

TABLE = """\
示例科技有限公司 2024年環境、社會及管治報告
報告期：2024年1月1日至2024年12月31日

指標 單位 2024年 2023年
總耗水量 立方米 9,000 3,000
員工總數 人 120 100
{note}
"""


def notes_of(note: str) -> dict[tuple[str, int], str]:
    text = TABLE.format(note=note)
    return explaining_notes(text.splitlines(), parse_report(text, "notes.txt").rows)


def test_a_note_that_names_a_figure_is_that_figures_only() -> None:
    notes = notes_of("註：1. 總耗水量增加，因2024年新增廠房。")
    assert set(notes) == {("water_consumption", 2024), ("water_consumption", 2023)}
    assert "新增廠房" in notes[("water_consumption", 2024)] and "line 7" in notes[("water_consumption", 2024)]


def test_a_note_on_the_tables_scope_belongs_to_every_figure_above_it() -> None:
    notes = notes_of("註：1. 2024年統計範圍增加兩間附屬公司。")
    assert {key[0] for key in notes} == {"water_consumption", "employees_total"}


def test_a_note_that_gives_no_change_is_no_explanation() -> None:
    assert notes_of("註：1. 數據由物業管理處提供。") == {}
