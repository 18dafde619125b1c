#!/usr/bin/env bash
# Debian packages the tests need, installed when missing (as root, with apt-get), else named:
# chromium (the Airflow UI and the data-quality page open in headless Chromium), docker-compose (a
# real compose parser validates docker-compose.yml; no Docker engine is needed), postgresql (the
# metadata-DB and Celery tests start a server), redis-server (the Celery test's broker), fonts-wqy-zenhei (legible CJK screenshots; tests pass without).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages the tests need: ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null 2>&1 \
    || echo "warning: could not install ${missing[*]}; the tests that need them will fail"
else
  echo "warning: the tests need these Debian packages: ${missing[*]} (apt-get install them as root)"
fi
