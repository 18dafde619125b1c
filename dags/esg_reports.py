"""
### ESG reports: landed report text -> raw rows of the DuckDB warehouse

Starts when new report files arrive in the landing folder (the Asset watcher `new_report_files`,
run by the triggerer, polls it every `ESG_LANDING_POLL_SECONDS`, default 30 s), daily as a safety
net, or by hand. Its last task updates the Asset
`esg_raw_reports`, which starts the Dag **esg_warehouse** (dbt build, Great Expectations, the
data-quality page).

| task | what it does | when it fails |
| --- | --- | --- |
| `land` | copies new files from `ESG_LANDING_DIR` into the content-addressed raw zone and the manifest; bad files go to quarantine with a reason | check the folder exists and is readable; quarantined files are listed in `raw.quarantine` and never fail the run |
| `plan_batches` | splits the landed reports into batches of `ESG_INGEST_BATCH` (default 50), so that a thousand reports are twenty tasks, not a thousand | rerun |
| `ingest` (mapped, one per batch) | parses each report of its batch into a staging file (values, units, periods, source lines) | a report the parser cannot read is quarantined; the others go on. Rerun a failed batch alone |
| `load` | replaces each report's rows in the `raw` schema of the warehouse; updates the Asset when a report is new or parsed again, else is skipped (and esg_warehouse does not start) | rerun: loading is idempotent per report |

Tasks that write the DuckDB warehouse share the one-slot pool `duckdb_writer` (DuckDB allows one
writing process per file); every step also holds the warehouse's file lock, so a `make run` beside
the scheduler waits its turn. The logic lives in the `ingest` package (`ingest.pipeline`).
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset, AssetOrTimeSchedule, AssetWatcher, CronTriggerTimetable, dag, task
from airflow.sdk.exceptions import AirflowSkipException

from ingest import pipeline
from ingest.config import Settings
from ingest.land.arrival import LandingFolderTrigger

WAREHOUSE_POOL = "duckdb_writer"
RAW_REPORTS = Asset(name="esg_raw_reports", uri="file:///esg/warehouse/raw")
_settings = Settings.from_env()
LANDING_FOLDER = Asset(
    name="esg_landing_folder",
    watchers=[
        AssetWatcher(
            name="new_report_files",
            trigger=LandingFolderTrigger(
                landing_dir=str(_settings.landing_dir),
                workdir=str(_settings.workdir),
                poke_interval=_settings.landing_poll_seconds,
            ),
        )
    ],
)

default_args = {
    "retries": 2,
    "retry_delay": timedelta(seconds=20),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=5),
}
common = {
    "start_date": pendulum.datetime(2026, 1, 1, tz="UTC"),
    "catchup": False,
    "max_active_runs": 1,
    "default_args": default_args,
    "tags": ["esg"],
}


@dag(
    dag_id="esg_reports",
    schedule=AssetOrTimeSchedule(
        timetable=CronTriggerTimetable("@daily", timezone="UTC"),
        assets=[LANDING_FOLDER],
    ),
    doc_md=__doc__,
    **common,
)
def esg_reports() -> None:
    @task(pool=WAREHOUSE_POOL, doc_md="Land new report files into the raw zone and the manifest.")
    def land() -> list[dict]:
        return pipeline.land(Settings.from_env())["reports"]

    @task(doc_md="Split the landed reports into batches: one mapped ingest task per batch.")
    def plan_batches(reports: list[dict]) -> list[list[dict]]:
        return pipeline.plan_batches(reports)

    @task(doc_md="Parse the reports of one batch into staging files; unreadable reports are quarantined.")
    def ingest(reports: list[dict]) -> list[str]:
        return pipeline.ingest(Settings.from_env(), reports)

    @task(
        pool=WAREHOUSE_POOL,
        outlets=[RAW_REPORTS],
        doc_md="Replace each report's rows in the raw schema (idempotent); starts esg_warehouse.",
    )
    def load(staged_batches: list[list[str]]) -> dict:
        counts = pipeline.load(Settings.from_env(), [path for batch in staged_batches for path in batch])
        if not counts["changed"]:
            # A skipped task updates no Asset: esg_warehouse runs only when there is new data.
            raise AirflowSkipException(f"no new or re-parsed report ({counts}); esg_warehouse is not started")
        return counts

    load(ingest.expand(reports=plan_batches(land())))


@dag(
    dag_id="esg_warehouse",
    schedule=[RAW_REPORTS],
    doc_md="""
### ESG warehouse: raw rows -> star schema -> data-quality findings and page

Runs whenever **esg_reports** has loaded reports (Asset `esg_raw_reports`).

Review the results on the [data-quality page](/esg/data-quality/) and in the
[Great Expectations Data Docs](/esg/data-docs/) (served by this Airflow, plugin `esg_pages`; also in
the Browse menu). Record a decision on a finding with
`make review ARGS='FINDING_ID --status explained --note "…"'`.

| task | what it does | when it fails |
| --- | --- | --- |
| `transform` | `dbt build` of `dbt_project/` (seeds, facts, views, the dbt checks, tests) | read the dbt output in the task log: a failing dbt test names the model and column |
| `validate` | Great Expectations suites of `expectations/` (staging contract, plausible ranges per unit); unexpected rows to `raw.gx_results`, Data Docs updated | unexpected rows never fail the task; an exception means the warehouse could not be read |
| `findings` | `dbt build --select tag:after_validation`: every failed check of every family -> `marts.dq_findings` | read the dbt output in the task log |
| `publish` | writes the data-quality HTML page; the log names it and the GX Data Docs | rerun |
""",
    **common,
)
def esg_warehouse() -> None:
    @task(pool=WAREHOUSE_POOL, doc_md="dbt build: staging, intermediate and marts models with their tests.")
    def transform() -> None:
        pipeline.transform(Settings.from_env())

    @task(pool=WAREHOUSE_POOL, doc_md="Great Expectations suites of expectations/; unexpected rows to raw.gx_results.")
    def validate() -> dict:
        return pipeline.validate(Settings.from_env())

    @task(pool=WAREHOUSE_POOL, doc_md="dbt builds marts.dq_findings from dbt's checks and the GX results.")
    def findings() -> None:
        pipeline.findings(Settings.from_env())

    @task(doc_md="Write the data-quality report and point to the GX Data Docs.")
    def publish() -> dict:
        return pipeline.publish(Settings.from_env())

    transform() >> validate() >> findings() >> publish()


esg_reports()
esg_warehouse()
