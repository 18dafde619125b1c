#!/usr/bin/env bash
# Prepare Airflow's metadata DB (SQLite under $AIRFLOW_HOME by default) and the DuckDB writer pool.
set -euo pipefail
mkdir -p "$AIRFLOW_HOME"
log="$AIRFLOW_HOME/init.log"
python scripts/airflow_init.py >"$log" 2>&1 || { cat "$log"; exit 1; }
