#!/usr/bin/env bash
# Prepare Airflow's metadata DB (SQLite under $AIRFLOW_HOME by default) and the DuckDB writer pool.
set -euo pipefail
mkdir -p "$AIRFLOW_HOME"
log="$AIRFLOW_HOME/init.log"
airflow db migrate >"$log" 2>&1 || { cat "$log"; exit 1; }
airflow pools set duckdb_writer 1 "DuckDB allows one writing process per file" >>"$log" 2>&1 || { cat "$log"; exit 1; }
