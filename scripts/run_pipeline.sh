#!/usr/bin/env bash
# One run of the esg_reports DAG through Airflow (`airflow dags test`), then a summary.
# Expects the environment of scripts/env.sh (the Makefile sources it).
set -euo pipefail
scripts/airflow_init.sh
mkdir -p "$ESG_WORKDIR/logs"
log="$ESG_WORKDIR/logs/run-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "Running DAG esg_reports on $ESG_LANDING_DIR (Airflow log: $log)"
started=$(date +%s)
peak="$ESG_WORKDIR/logs/peak_rss_kb"
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%M" -o "$peak"); fi
if ! "${timer[@]}" airflow dags test esg_reports >"$log" 2>&1; then
  tail -n 60 "$log"; echo "airflow dags test failed; full log: $log"; exit 1
fi
# `dags test` reports the run's final state in its log; a failed task must fail `make run`.
if ! grep -qE "DagRun Finished: dag_id=esg_reports,.* state=success" "$log"; then
  grep -E "ERROR|Traceback|failed" "$log" | tail -n 40; echo "the DAG run did not succeed; full log: $log"; exit 1
fi
memory=""
if [ -s "$peak" ]; then memory=" (peak memory $(( $(tail -n 1 "$peak") / 1024 )) MB, largest process)"; fi
echo "DAG run succeeded in $(( $(date +%s) - started )) s$memory"
python -m ingest summary
