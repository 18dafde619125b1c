"""The characters a regular expression's match can start with.

A text that holds none of them cannot match, so a caller with many patterns (the lexicon's) tests
only those whose first characters occur in the text. Read off the parsed pattern: assertions
(`^`, look-arounds) consume nothing, so what they allow is over-counted, never missed.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the opcodes of Python's own pattern parser
from re import _parser

_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})
_MAX_RANGE = 256

# (first characters or None for "any", whether the part can match the empty string)
_Start = tuple[set[str] | None, bool]


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every character a match of `pattern` can start with; None when it may start with any (or be empty)."""
    if pattern.flags & re.IGNORECASE:
        return None
    chars, nullable = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    return None if chars is None or nullable else frozenset(chars)


def _sequence(items) -> _Start:
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(op, av) -> _Start:
    if op in _ZERO_WIDTH:
        return set(), True
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        return _charset(av), False
    if op is sre.SUBPATTERN:
        _, add_flags, _, sub = av
        return (None, False) if add_flags & re.IGNORECASE else _sequence(sub)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _sequence(branch)
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return found, nullable
    if op in _REPEATS:
        low, _, sub = av
        chars, nullable = _sequence(sub)
        return chars, nullable or low == 0
    return None, False  # any character, a back reference, a negated literal


def _charset(items) -> set[str] | None:
    found: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            found.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_RANGE:
            found.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # a negated set, a category (`\d`, `\w`) or a wide range
    return found
