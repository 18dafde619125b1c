"""One bound for the parser's caches of pure readings of a text (a cell, a line, a label, a unit).

A report repeats the same cells and lines many times, so reading each once pays; the bound keeps a
long-running worker's memory flat however many reports it parses.
"""

from __future__ import annotations

from functools import lru_cache

memo = lru_cache(maxsize=16_384)
