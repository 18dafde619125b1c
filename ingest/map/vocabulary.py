"""The domain words the readers' rules use (the `label_vocabulary` seed): words that compare or aim
(`同比`, `目標`), filler around labels, column headers of changes, targets and remarks, and the like.

The grammar of numbers, years, periods, units and markup stays in code; the words are data, one row
per word under the role of the rule that uses them, in the order the rule tries them. A row is a word
(matched literally) or, where the seed says so, a regex pattern.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.map.reference import read_seed

SEED = "label_vocabulary.csv"


@cache
def _roles() -> dict[str, tuple[tuple[str, bool], ...]]:
    roles: dict[str, list[tuple[str, bool]]] = {}
    for row in read_seed(SEED):
        if row["match"] not in ("word", "pattern"):
            raise ValueError(f"{SEED}: match must be `word` or `pattern`, not {row['match']!r}")
        roles.setdefault(row["role"], []).append((row["word"], row["match"] == "pattern"))
    return {role: tuple(entries) for role, entries in roles.items()}


def words(role: str) -> tuple[str, ...]:
    """The role's words and patterns as the seed lists them."""
    if role not in _roles():
        raise KeyError(f"{SEED} has no role {role!r}")
    return tuple(text for text, _ in _roles()[role])


@cache
def alternation(role: str) -> str:
    """The role as a regex alternation, in the seed's order: a word escaped, a pattern as it is."""
    if role not in _roles():
        raise KeyError(f"{SEED} has no role {role!r}")
    return "|".join(text if is_pattern else re.escape(text) for text, is_pattern in _roles()[role])


_WORD_BOUNDARY = re.compile(r"\\b")


@cache
def required_words(role: str) -> tuple[str, ...] | None:
    """One literal per entry that the text must hold for the entry to match (a word, or a pattern that
    is a word between `\\b`s), or None if some entry is a wider pattern. A cheap `in` test before a
    search of a whole report: a pattern that opens with `\\b` makes the regex engine try every position."""
    needed = []
    for text, is_pattern in _roles()[role]:
        bare = _WORD_BOUNDARY.sub("", text) if is_pattern else text
        if is_pattern and re.escape(bare) != bare:
            return None
        needed.append(bare)
    return tuple(needed)


@cache
def role_pattern(role: str, flags: int = 0) -> re.Pattern[str]:
    """The role's alternation compiled: `(?:w1|w2|…)` searched anywhere."""
    return re.compile(f"(?:{alternation(role)})", flags)
