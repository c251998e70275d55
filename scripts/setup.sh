#!/usr/bin/env bash
# Install everything childsafe needs on a fresh Debian machine, every time (idempotent):
# Debian packages vPDQ builds against, PostgreSQL and Chromium for the service tests, a virtualenv in .venv, and the package with its extras.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(ffmpeg pkg-config libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
      libavdevice-dev libavfilter-dev libswresample-dev
      postgresql chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${debs[@]}" >/dev/null

# PostgreSQL on loopback with a disposable test database, so the store and API suites also run there.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
pg_version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
pg_lsclusters -h | grep -q "^$pg_version main" || $sudo pg_createcluster "$pg_version" main >/dev/null
pg_lsclusters -h | grep -q "^$pg_version main .* online" || $sudo pg_ctlcluster "$pg_version" main start
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'childsafe'\"" | grep -q 1 \
  || as_postgres "psql -qc \"CREATE ROLE childsafe LOGIN PASSWORD 'childsafe'\""
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'childsafe_test'\"" | grep -q 1 \
  || as_postgres "createdb -O childsafe childsafe_test"

python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev,triage,server]' 2>&1 | grep -v '^WARNING: Location' || true
# pip's exit status is hidden by the filter above: check the install really happened.
.venv/bin/python -c "import childsafe, pdqhash, vpdq, faiss, dlib, cv2, nudenet, sklearn, pytest, igraph, alembic, fastapi, playwright, py3langid, importlinter, build, pre_commit, jinja2, matplotlib, weasyprint, pypdf, skimage" || { echo "setup: install failed" >&2; exit 1; }
