"""Figures spelt in Chinese numerals (read.numerals)."""

from __future__ import annotations

import pytest

from ingest.read.numerals import arabic_numbers, chinese_number, spelt_value
from ingest.read.parser import parse_report
from ingest.read.selection import primary_rows


@pytest.mark.parametrize(
    ("numeral", "number"),
    [
        ("七千零一十九", "7019"),
        ("二億八千六百四十萬", "286400000"),
        ("十二萬五千", "125000"),
        ("一百二十六點四", "126.4"),
        ("十一", "11"),
        ("一二", None),  # two digits with no place between them: no numeral
    ],
)
def test_chinese_numerals_as_numbers(numeral: str, number: str | None) -> None:
    assert chinese_number(numeral) == number


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("僱員四百三十六名", "僱員436名"),
        ("氮氧化物一百二十六點四千克", "氮氧化物126.4千克"),  # the 千 of 千克 is the unit's
        ("收益二億八千六百四十萬港元", "收益286400000港元"),
        ("佔僱員總數百分之五十四點六", "佔僱員總數54.6%"),
        ("一次性餐具", "一次性餐具"),  # no unit after it: a word
        ("三十歲以下", "三十歲以下"),
        ("於十二月三十一日", "於十二月三十一日"),  # a date, not 31 days
        ("12.5百萬元", "12.5百萬元"),  # after an Arabic number: its unit
    ],
)
def test_figures_spelt_out_in_text(text: str, read: str) -> None:
    assert arabic_numbers(text) == read


def test_spelt_cells_and_prose_give_facts() -> None:
    assert (spelt_value("一百九十八名"), spelt_value("九十二"), spelt_value("一")) == ("198", "92", None)
    head = "示例飲食集團有限公司\n2024年環境、社會及管治報告\n報告期間：2024年1月1日至2024年12月31日。\n\n"
    text = head + (
        "於二〇二四年十二月三十一日，本集團共有僱員四百三十六名（二零二三年：四百零八名）。\n\n"
        "| 類別 | 單位 | 二〇二四年 | 二零二三年 |\n|---|---|---|---|\n| 無害廢棄物總量 | 噸 | 六百二十四 | 五百九十八 |\n\n"
        "本年度，車隊排放氮氧化物一百二十六點四千克、硫氧化物一點九千克（二零二三年：分別為一百三十一點二千克及二點一千克）。\n"
    )
    facts = {(row.metric_code, row.fiscal_year): row.reported_value for row in primary_rows(parse_report(text).rows)}
    assert facts == {
        ("employees_total", 2024): 436,
        ("employees_total", 2023): 408,
        ("non_hazardous_waste", 2024): 624,
        ("non_hazardous_waste", 2023): 598,
        ("nox_emissions", 2024): 126.4,
        ("nox_emissions", 2023): 131.2,
        ("sox_emissions", 2024): 1.9,
        ("sox_emissions", 2023): 2.1,
    }
