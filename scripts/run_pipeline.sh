#!/usr/bin/env bash
# One run of the Dags esg_reports and esg_warehouse through Airflow (`airflow dags test`), then a summary.
# Expects the environment of scripts/env.sh (the Makefile sources it).
set -euo pipefail
scripts/airflow_init.sh
mkdir -p "$ESG_WORKDIR/logs"
log="$ESG_WORKDIR/logs/run-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "Running Dags esg_reports and esg_warehouse on $ESG_LANDING_DIR (Airflow log: $log)"
started=$(date +%s)
peak="$ESG_WORKDIR/logs/peak_rss_kb"
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -a -f "%M" -o "$peak"); fi
rm -f "$peak"
# esg_reports lands and loads; the Asset it updates schedules esg_warehouse under a scheduler.
# `dags test` runs one Dag in-process and starts nothing downstream, so both run here in turn.
for dag_id in esg_reports esg_warehouse; do
  if ! "${timer[@]}" airflow dags test "$dag_id" >>"$log" 2>&1; then
    tail -n 60 "$log"; echo "airflow dags test $dag_id failed; full log: $log"; exit 1
  fi
  # `dags test` reports the run's final state in its log; a failed task must fail `make run`.
  if ! grep -qE "DagRun Finished: dag_id=$dag_id,.* state=success" "$log"; then
    grep -E "ERROR|Traceback|failed" "$log" | tail -n 40; echo "the $dag_id run did not succeed; full log: $log"; exit 1
  fi
done
memory=""
if [ -s "$peak" ]; then memory=" (peak memory $(( $(sort -n "$peak" | tail -n 1) / 1024 )) MB, largest process)"; fi
echo "DAG runs succeeded in $(( $(date +%s) - started )) s$memory"
python -m ingest summary
