"""Synthetic ESG reports (fictional companies, our own text) for load tests and benchmarks.

Each report mixes the layouts the parser reads: a three-year appendix table (space-separated in
Traditional script, tab-separated in Simplified), key figures and a prose paragraph; companies and
their report years vary. Values are deterministic per (company, year),
so a company's later report repeats its earlier years unchanged unless asked to restate one.
"""

from __future__ import annotations

import random
from pathlib import Path

_TABLE_ROWS_TRAD = [
    ("直接溫室氣體排放量（範疇一）", "噸二氧化碳當量", "ghg", 50, 900),
    ("間接溫室氣體排放量（範疇二）", "噸二氧化碳當量", "ghg", 200, 9000),
    ("外購電力", "兆瓦時", "energy", 300, 15000),
    ("總耗水量", "噸", "water", 1000, 90000),
    ("有害廢棄物總量", "噸", "waste", 1, 60),
    ("無害廢棄物總量", "噸", "waste", 20, 900),
    ("員工總數", "人", "people", 100, 9000),
    ("因工亡故人數", "人", "zero", 0, 0),
    ("供應商總數", "家", "count", 50, 800),
]
_TABLE_ROWS_SIMP = [
    ("直接温室气体排放量（范围一）", "吨二氧化碳当量", "ghg", 50, 900),
    ("间接温室气体排放量（范围二）", "吨二氧化碳当量", "ghg", 200, 9000),
    ("外购电力", "千瓦时", "energy_kwh", 300_000, 15_000_000),
    ("总耗水量", "吨", "water", 1000, 90000),
    ("有害废弃物总量", "吨", "waste", 1, 60),
    ("无害废弃物总量", "吨", "waste", 20, 900),
    ("员工总数", "人", "people", 100, 9000),
    ("因工死亡人数", "人", "zero", 0, 0),
    ("供应商总数", "家", "count", 50, 800),
]


def _value(company: int, year: int, row: int, low: float, high: float) -> float:
    return random.Random(company * 100_003 + year * 101 + row).uniform(low, high)


def _format(kind: str, value: float) -> str:
    if kind in {"people", "count", "zero", "energy_kwh"}:
        return f"{round(value):,}"
    return f"{value:,.2f}"


def synthetic_report(company: int, year: int, restate: dict[int, float] | None = None) -> str:
    """Report of fictional company `company` for calendar `year`, with columns year, year-1, year-2.

    `restate` maps a table row index to a factor applied to its prior-year value (a restatement).
    """
    traditional = company % 2 == 0
    rows = _TABLE_ROWS_TRAD if traditional else _TABLE_ROWS_SIMP
    name = f"合成測試{company:04d}醫療有限公司" if traditional else f"合成测试{company:04d}医疗股份有限公司"
    years = [year, year - 1, year - 2]
    lines = [
        f"{year}",
        "環境、社會及管治報告" if traditional else "环境、社会及治理报告",
        "",
        name,
        f"股份代號：{9000 + company % 999:04d}" if traditional else f"股票代码：{600000 + company:06d}",
        "",
        f"報告時間範圍：{year}年1月1日至{year}年12月31日。"
        if traditional
        else f"本报告时间范围为{year}年1月1日至{year}年12月31日。",
        "",
    ]
    people = round(_value(company, year, 6, 100, 9000))
    female_share = _value(company, year, 50, 30, 70)
    donation = _value(company, year, 51, 10, 900)
    if traditional:
        lines += [
            "員工總數",
            "",
            f"{people:,}",
            "",
            f"截至{year}年12月31日，本集團共有員工{people:,}人，其中女性員工佔比{female_share:.1f}%。"
            f"報告期內，本集團慈善捐款達{donation:.2f}萬元。",
            "",
            "附錄：關鍵績效表",
            "指標 單位 " + " ".join(f"{y} 年數據" for y in years),
        ]
    else:
        lines += [
            "员工总数",
            "",
            f"{people:,}",
            "",
            f"截至{year}年12月31日，公司共有员工{people:,}人，其中女性员工占比{female_share:.1f}%。"
            f"报告期内，公司公益捐赠额达{donation:.2f}万元。",
            "",
            "附录：关键绩效表",
            "指标\t单位\t" + "\t".join(f"{y}年" for y in years),
        ]
    lines += _table_lines(rows, company, years, people, restate, " " if traditional else "\t")
    return "\n".join(lines) + "\n"


def _table_lines(
    rows: list, company: int, years: list[int], people: int, restate: dict[int, float] | None, separator: str
) -> list[str]:
    """The key performance table's rows: label, unit and one value per year (the current year's
    headcount is the one the text states; `restate` scales a row's prior-year value)."""
    lines = []
    for index, (label, unit, kind, low, high) in enumerate(rows):
        values = []
        for offset, column_year in enumerate(years):
            value = people if kind == "people" and offset == 0 else _value(company, column_year, index, low, high)
            if kind == "zero":
                value = 0
            if offset == 1 and restate and index in restate:
                value *= restate[index]
            values.append(_format(kind, value))
        lines.append(separator.join([label, unit, *values]))
    return lines


def write_reports(folder: Path, companies: range, year: int, vary_years: bool = False) -> list[Path]:
    """One report per company for `year` (with `vary_years`, for year, year-1 or year-2 by company)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for company in companies:
        report_year = year - company % 3 if vary_years else year
        path = folder / f"synthetic_{company:04d}_{report_year}.txt"
        path.write_text(synthetic_report(company, report_year), "utf-8")
        paths.append(path)
    return paths
