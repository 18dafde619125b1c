"""ESG report ingestion: landing, parsing, loading and validating; shared by the DAG and the CLI."""

import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_PARSER_INPUTS = [
    *sorted(_PACKAGE.rglob("*.py")),
    *sorted((_PACKAGE.parent / "dbt_project" / "seeds").glob("*.csv")),
]


def _fingerprint() -> str:
    """Changes whenever the parser code or its reference data does, so staged parses are redone."""
    digest = hashlib.sha256()
    for path in _PARSER_INPUTS:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


PARSER_VERSION = f"0.3+{_fingerprint()}"
