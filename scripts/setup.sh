#!/usr/bin/env bash
# One-time and repeatable set-up: system packages, the virtual environment with pinned
# dependencies, compiled translations and static files. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
bash scripts/system-packages.sh
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
.venv/bin/python manage.py compilemessages --ignore=.venv >/dev/null
.venv/bin/python manage.py collectstatic --noinput >/dev/null
