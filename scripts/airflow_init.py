"""Prepare Airflow's metadata DB and the DuckDB writer pool in one process: `airflow db migrate` and
`airflow pools set` as two CLI calls import Airflow twice, 6 s more on every `make run`."""

from airflow.models.pool import Pool
from airflow.utils.db import upgradedb

WRITER_POOL = "duckdb_writer"  # dags/esg_reports.py WAREHOUSE_POOL; docker-compose.yml's init sets the same

upgradedb()
Pool.create_or_update_pool(WRITER_POOL, 1, "DuckDB allows one writing process per file", include_deferred=False)
