#!/usr/bin/env bash
# Airflow UI on http://localhost:${AIRFLOW_PORT:-8080} (airflow standalone: api-server, scheduler,
# dag-processor, triggerer). Its subprocesses call `airflow` by name, so the venv's bin is on PATH.
set -euo pipefail
scripts/airflow_init.sh
export AIRFLOW__API__PORT="${AIRFLOW_PORT:-8080}"
# Task processes reach the Execution API on the same server: its URL must follow the port.
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="http://localhost:${AIRFLOW__API__PORT}/execution/"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated"
echo "Starting Airflow at http://localhost:${AIRFLOW__API__PORT} (Ctrl-C stops it)."
echo "Login: user 'admin', password in $AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE (also printed below by Airflow)."
exec airflow standalone
