# Sourced by the Makefile: the environment every step (pipeline, Airflow UI, tests) runs in.
# ESG_* follow ../shared/CONTRACT.md; everything Airflow writes lives under ESG_WORKDIR.
ESG_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ESG_REPO
export ESG_LANDING_DIR="${ESG_LANDING_DIR:-$ESG_REPO/samples}"
export ESG_WORKDIR="${ESG_WORKDIR:-$ESG_REPO/.work}"
export ESG_WAREHOUSE="${ESG_WAREHOUSE:-$ESG_WORKDIR/warehouse.duckdb}"
# Relative paths are taken from where make was called, then made absolute for Airflow's subprocesses.
mkdir -p "$ESG_WORKDIR" "$(dirname "$ESG_WAREHOUSE")"
ESG_LANDING_DIR="$(cd "$ESG_LANDING_DIR" 2>/dev/null && pwd || echo "$ESG_LANDING_DIR")"
ESG_WORKDIR="$(cd "$ESG_WORKDIR" && pwd)"
ESG_WAREHOUSE="$(cd "$(dirname "$ESG_WAREHOUSE")" && pwd)/$(basename "$ESG_WAREHOUSE")"

# Airflow and dbt start a Python process per task and per command; where the environment sets
# PYTHONDONTWRITEBYTECODE each would compile this project's modules again, so their bytecode is kept
# (in the git-ignored __pycache__ folders; the venv's packages were compiled when pip installed them).
unset PYTHONDONTWRITEBYTECODE
export PATH="$ESG_REPO/.venv/bin:$PATH"
export PYTHONPATH="$ESG_REPO${PYTHONPATH:+:$PYTHONPATH}"
export AIRFLOW_HOME="${AIRFLOW_HOME:-$ESG_WORKDIR/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$ESG_REPO/dags"
export AIRFLOW__CORE__PLUGINS_FOLDER="$ESG_REPO/plugins"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=False
export AIRFLOW__LOGGING__BASE_LOG_FOLDER="$AIRFLOW_HOME/logs"
export DBT_PROFILES_DIR="$ESG_REPO/dbt_project"
export DBT_SEND_ANONYMOUS_USAGE_STATS=False
export GX_ANALYTICS_ENABLED=False
