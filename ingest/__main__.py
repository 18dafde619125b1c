"""`python -m ingest <command>`: see `ingest.cli.main`."""

from ingest.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
