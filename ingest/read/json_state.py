"""KPI data a saved single-page web app holds only in its state script (`<script id="__NEXT_DATA__"
type="application/json">`, `window.__NUXT__={…}`), the page itself drawing nothing until it runs:

    {"name": "範疇一溫室氣體排放量", "unit": "公噸CO2e", "values": {"2024": 8421.7, "2023": 8903.2}}
    {"name": "員工總人數", "scope": "新竹廠", "unit": "人", "values": {"113": 1104, "112": 1068}}

Every object of a name, maybe a unit, and a mapping of years (Gregorian or Taiwan's `113`) to figures
is a metric's row; a `scope` or site key bounds it (one plant's), a true `target` key makes it none,
and a null figure is no observation. Each figure's line is the line its object's values stand on.
"""

from __future__ import annotations

import json
import re

from ingest.read.periods import year_of
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import Scope
from ingest.read.text import HAN

# an object holding a mapping of values and no other nested object (most apps' KPI records)
_RECORD = re.compile(r"\{[^{}]*\"(?:values|data|yearValues)\"\s*:\s*\{[^{}]*\}[^{}]*\}")
_VALUES = re.compile(r"\"(?:values|data|yearValues)\"\s*:")
_NAME_KEYS = ("name", "label", "title", "indicator", "metric", "kpi", "指標", "指标")
_UNIT_KEYS = ("unit", "單位", "单位")
_PART_KEYS = ("scope", "site", "plant", "entity", "facility", "boundary", "廠區", "厂区")
_TARGET_KEYS = ("target", "isTarget", "is_target")
_YEAR_KEY = re.compile(r"^(?:19|20)\d{2}$|^1[01]\d$")  # `2024`, Taiwan's `113`


def parse_json_state(text: str, fiscal_year: int) -> list[KpiRow]:
    """Rows of the KPI records in a saved web app's state scripts (none in a text without `<script`)."""
    if "<script" not in text or ('"values"' not in text and '"data"' not in text and '"yearValues"' not in text):
        return []
    rows: list[KpiRow] = []
    for match in _RECORD.finditer(text):
        try:
            record = json.loads(match.group())
        except ValueError:
            continue
        name = next((record[key] for key in _NAME_KEYS if isinstance(record.get(key), str)), "")
        values = next(record[key] for key in ("values", "data", "yearValues") if key in record)
        if not HAN.search(name) or not isinstance(values, dict) or any(record.get(key) is True for key in _TARGET_KEYS):
            continue
        unit = next((record[key] for key in _UNIT_KEYS if isinstance(record.get(key), str)), None)
        site = next((record[key] for key in _PART_KEYS if isinstance(record.get(key), str) and record[key]), "")
        found = _VALUES.search(match.group())
        line = text.count("\n", 0, match.start() + (found.start() if found else 0)) + 1
        for key, value in values.items():
            year = _year(str(key))
            if year is None or year > fiscal_year or isinstance(value, bool) or not isinstance(value, int | float):
                continue
            row = build_row(
                layout=Layout.TABLE,
                source_line=line,
                label_line=line,
                labels=[(name, name)],
                section=name,
                raw_value=repr(value) if isinstance(value, float) else str(value),
                unit=unit,
                fiscal_year=year,
            )
            row.bound_by(Scope(f"{name}（{site}）", True) if site else None)
            rows.append(row)
    return rows


def _year(key: str) -> int | None:
    """`2024`, or Taiwan's `113` (2024): a year key."""
    return year_of(key if len(key) == 4 else f"{key}年") if _YEAR_KEY.match(key) else None
