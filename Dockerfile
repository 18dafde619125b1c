# Airflow image for docker-compose.yml: the official Airflow 3.3.2 image (which already brings the
# Celery and PostgreSQL providers at versions built for it) plus the project's pins.
FROM apache/airflow:3.3.2-python3.11
COPY requirements.lock /tmp/requirements.lock
RUN pip install --no-cache-dir --no-deps -r /tmp/requirements.lock
