"""
### ESG reports: landed report text -> DuckDB star schema -> data-quality report

| task | what it does | when it fails |
| --- | --- | --- |
| `land` | copies new files from `ESG_LANDING_DIR` into the content-addressed raw zone and the manifest; bad files go to quarantine with a reason | check the folder exists and is readable; quarantined files are listed in `raw.quarantine` and never fail the run |
| `ingest` | parses each landed report into a staging file (values, units, periods, source lines) | a report the parser cannot read is quarantined; the others go on |
| `load` | replaces each report's rows in the `raw` schema of the warehouse | rerun: loading is idempotent per report |
| `transform` | `dbt build` of `dbt_project/` (seeds, models, tests) | read the dbt output in the task log: a failing dbt test names the model and column |
| `validate` | Great Expectations range suite over `marts.metric_observations`; writes `marts.dq_findings` | findings never fail the task; an exception means the warehouse could not be read |
| `publish` | writes the data-quality HTML page; the log names it and the GX Data Docs | rerun |

Tasks that write the DuckDB warehouse share the one-slot pool `duckdb_writer`: DuckDB allows one
writing process per file. The logic lives in the `ingest` package (`ingest.pipeline`).
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, task

from ingest import pipeline
from ingest.config import Settings

WAREHOUSE_POOL = "duckdb_writer"

default_args = {
    "retries": 2,
    "retry_delay": timedelta(seconds=20),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=5),
}


@dag(
    dag_id="esg_reports",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    doc_md=__doc__,
    tags=["esg"],
)
def esg_reports() -> None:
    @task(pool=WAREHOUSE_POOL, doc_md="Land new report files into the raw zone and the manifest.")
    def land() -> dict:
        return pipeline.land(Settings.from_env())

    @task(doc_md="Parse each landed report into a staging file; unreadable reports are quarantined.")
    def ingest(landed: dict) -> list[str]:
        return pipeline.ingest(Settings.from_env(), landed["reports"])

    @task(pool=WAREHOUSE_POOL, doc_md="Replace each report's rows in the raw schema (idempotent).")
    def load(staged: list[str]) -> dict:
        return pipeline.load(Settings.from_env(), staged)

    @task(pool=WAREHOUSE_POOL, doc_md="dbt build: staging, intermediate and marts models with their tests.")
    def transform() -> None:
        pipeline.transform(Settings.from_env())

    @task(pool=WAREHOUSE_POOL, doc_md="Great Expectations suites over the marts; findings to marts.dq_findings.")
    def validate() -> dict:
        return pipeline.validate(Settings.from_env())

    @task(doc_md="Write the data-quality report and point to the GX Data Docs.")
    def publish() -> dict:
        return pipeline.publish(Settings.from_env())

    loaded = load(ingest(land()))
    built = transform()
    validated = validate()
    loaded >> built >> validated >> publish()


esg_reports()
