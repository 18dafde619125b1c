"""The parser's version: a fingerprint of exactly what decides a parse.

A staged parse is reused while the version is unchanged. The version covers the reading and mapping
code (`ingest/read`, `ingest/map`) and the seeds the parser reads (`PARSER_SEEDS`), and nothing else:
a change to the checks, the page, the loader or the CLI leaves every staged parse valid.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.config import SEEDS_DIR
from ingest.map.reference import PARSER_SEEDS

_PACKAGE = Path(__file__).resolve().parent.parent
PARSER_PACKAGES = ("read", "map")


def parser_inputs(package: Path = _PACKAGE, seeds_dir: Path = SEEDS_DIR) -> list[Path]:
    """The files whose bytes make the parser version, in a stable order."""
    code = [path for name in PARSER_PACKAGES for path in sorted((package / name).rglob("*.py"))]
    return [*code, *(seeds_dir / name for name in PARSER_SEEDS)]


def parser_version(package: Path = _PACKAGE, seeds_dir: Path = SEEDS_DIR) -> str:
    digest = hashlib.sha256()
    for path in parser_inputs(package, seeds_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"0.4+{digest.hexdigest()[:10]}"


PARSER_VERSION = parser_version()
