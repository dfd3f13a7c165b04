#!/usr/bin/env bash
# The whole test suite, on SQLite unless DATABASE_URL points elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
