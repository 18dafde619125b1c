"""docker-compose.yml's Airflow deployment, run from Debian's packages instead of containers.

`docker-compose config` resolves the compose file; every Airflow service is then started with its
own command and environment, with three translations a host without Docker needs: the services'
host names become loopback ports (`postgres`, `redis`, `airflow-apiserver`), container paths become
the host folders the compose volumes mount (a named volume becomes a temporary folder), and
PostgreSQL and Redis are Debian's `postgresql` and `redis-server`. What the test adds on top is listed
in `TEST_SETTINGS` and in `start_worker`.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from conftest import REPO, VENV_BIN

COMPOSE_SECRETS = {
    "POSTGRES_PASSWORD": "test-only",
    "AIRFLOW_FERNET_KEY": "uJ0yVh1x4SCVdGzWcJ0J5m1rVbq2lJ0iVZ9vX3cQ0nA=",  # a valid key, for this test only
    "AIRFLOW_JWT_SECRET": "test-only-jwt-secret-of-enough-length",
}
# Faster polling for a test that waits on the scheduler, and batches small enough to spread the
# seeds and the corpus over both workers.
TEST_SETTINGS = {
    "ESG_LANDING_POLL_SECONDS": "2",
    "ESG_INGEST_BATCH": "5",
    "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
    "AIRFLOW__SCHEDULER__TRIGGER_TIMEOUT_CHECK_INTERVAL": "5",
}
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def compose_services(landing: Path, secrets: Path) -> dict[str, dict]:
    """The services of docker-compose.yml as `docker-compose config` resolves them."""
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose (Debian package) is not installed; make test installs it"
    env = {
        **os.environ,
        **COMPOSE_SECRETS,
        "ESG_LANDING_HOST_DIR": str(landing),
        "ESG_SECRETS_HOST_DIR": str(secrets),
    }
    result = subprocess.run(
        [compose, "-f", "docker-compose.yml", "config"], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)["services"]


@dataclass
class PostgresServer:
    """Debian's PostgreSQL in a temporary folder, on a loopback port, with trust authentication."""

    folder: Path
    port: int

    def psql(self, sql: str, database: str = "postgres") -> None:
        result = as_postgres(
            str(Path(PG_BIN[-1]) / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database,
            "-v", "ON_ERROR_STOP=1", "-c", sql,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr

    def fresh_database(self, name: str, owner: str) -> None:
        self.psql(f"drop database if exists {name} with (force)")
        self.psql(f"do $$ begin create role {owner} login; exception when duplicate_object then null; end $$")
        self.psql(f"create database {name} owner {owner}")


def as_postgres(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *command], capture_output=True, text=True, check=False, timeout=120
    )


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    assert PG_BIN, "PostgreSQL server not installed: apt-get install postgresql (make test does)"
    assert os.geteuid() == 0, "the test starts PostgreSQL as the postgres user, which needs root"
    bin_dir = Path(PG_BIN[-1])
    folder = Path(tempfile.mkdtemp(prefix="esg-pg-"))
    shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    init = as_postgres(str(bin_dir / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres")
    assert init.returncode == 0, init.stdout + init.stderr
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
    start = as_postgres(
        str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"
    )
    assert start.returncode == 0, start.stdout + start.stderr
    try:
        yield PostgresServer(folder, port)
    finally:
        as_postgres(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def redis_server(folder: Path) -> Iterator[int]:
    """Debian's redis-server on a loopback port, in memory only."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server not installed: apt-get install redis-server (make test does)"
    port = free_port()
    log = open(folder / "redis.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: _answers(port), 30, "redis-server did not start", folder / "redis.log")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _answers(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        try:
            sock.connect(("127.0.0.1", port))
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False


def wait_for(condition, seconds: float, message: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(1)
    tail = log.read_text("utf-8", errors="replace")[-4000:] if log and log.exists() else ""
    raise AssertionError(f"{message} within {seconds:.0f} s\n{tail}")


@dataclass
class AirflowStack:
    """The Airflow services of docker-compose.yml as processes on this host."""

    services: dict[str, dict]
    folder: Path
    ports: dict[str, int]
    executor: str
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def host_env(self, service: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        """The service's compose environment, translated to this host."""
        spec = self.services[service]
        mounts = _mounts(spec.get("volumes", []), self.folder)
        env = {key: value for key, value in os.environ.items() if not key.startswith(("AIRFLOW", "ESG_", "DBT_"))}
        for key, value in spec.get("environment", {}).items():
            env[key] = _localize(str(value), mounts, self.ports)
        env.update(TEST_SETTINGS)
        env.update(
            {
                "AIRFLOW__CORE__EXECUTOR": self.executor,
                "AIRFLOW_HOME": str(self.folder / "airflow_home"),
                "AIRFLOW__API__PORT": str(self.ports["airflow-apiserver"]),
                "PATH": f"{VENV_BIN}:{env.get('PATH', '/usr/bin:/bin')}",
                **(extra or {}),
            }
        )
        for key in ("ESG_WORKDIR", "AIRFLOW_HOME"):
            Path(env[key]).mkdir(parents=True, exist_ok=True)
        return env

    def command(self, service: str) -> list[str]:
        """The service's command as its container runs it (the image's entrypoint runs `airflow`)."""
        spec = self.services[service]
        command = spec.get("command", [])
        command = shlex.split(command) if isinstance(command, str) else list(command)
        entrypoint = spec.get("entrypoint")
        if entrypoint:
            entrypoint = shlex.split(entrypoint) if isinstance(entrypoint, str) else list(entrypoint)
            return [*entrypoint, *command]
        return ["airflow", *command]

    def run_once(self, service: str) -> None:
        result = subprocess.run(
            self.command(service), env=self.host_env(service), cwd=self.folder, capture_output=True, text=True
        )
        assert result.returncode == 0, f"{service}: {result.stdout[-3000:]}{result.stderr[-3000:]}"

    def start(self, service: str, name: str | None = None, cwd: Path | None = None, **extra: str) -> None:
        name = name or service
        workdir = cwd or self.folder
        workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115 - the process owns it until stop()
        command = self.command(service)
        if name != service:
            command += ["--celery-hostname", f"{name}@%h"]
        self.processes[name] = subprocess.Popen(
            command,
            env=self.host_env(service, extra),
            cwd=workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_worker(self, name: str, cwd: Path) -> None:
        """One more `celery worker` of the compose service, from its own working directory. Two
        workers on one host need their own Celery node names and log-server ports; in compose each
        container has its own host name and network."""
        self.start("airflow-worker", name, cwd, AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT=str(free_port()))

    def check_alive(self) -> None:
        """Fail at once, with its log, when a service has exited (a wrong setting, a failed import)."""
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise AssertionError(f"{name} exited with {process.returncode}\n{self.log(name)[-4000:]}")

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text("utf-8", errors="replace")

    def wait_until_served(self, seconds: float = 240) -> None:
        url = f"http://127.0.0.1:{self.ports['airflow-apiserver']}/api/v2/monitor/health"
        wait_for(lambda: _http_ok(url), seconds, "the api-server did not answer", self.folder / "airflow-apiserver.log")

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _mounts(volumes: list, folder: Path) -> list[tuple[str, str]]:
    """(container path, host path), longest first; a named volume becomes a folder of the test."""
    mounts = []
    for volume in volumes:
        source, target = (volume["source"], volume["target"]) if isinstance(volume, dict) else volume.split(":")[:2]
        host = source if source.startswith("/") else str(folder / "volumes" / source)
        Path(host).mkdir(parents=True, exist_ok=True)
        mounts.append((target, host))
    # A folder the compose file fills with mounted subfolders (the project folder on PYTHONPATH) is
    # their common parent on the host, when every such mount agrees on it.
    parents = {
        (str(Path(target).parent), str(Path(host).parent))
        for target, host in mounts
        if Path(target).name == Path(host).name
    }
    by_target: dict[str, set[str]] = {}
    for target, host in parents:
        by_target.setdefault(target, set()).add(host)
    mounts += [(target, hosts.pop()) for target, hosts in by_target.items() if len(hosts) == 1]
    return sorted(mounts, key=lambda mount: -len(mount[0]))


def _localize(value: str, mounts: list[tuple[str, str]], ports: dict[str, int]) -> str:
    for service, port in ports.items():
        # `@postgres/db`, `@redis:6379/0`, `//airflow-apiserver:8080/`: a service's address in a URL
        value = re.sub(rf"(?<=[@/]){re.escape(service)}(:\d+)?(?=/)", f"127.0.0.1:{port}", value)
    for target, host in mounts:
        if value == target or value.startswith(target + "/"):
            return host + value[len(target) :]
    return value
