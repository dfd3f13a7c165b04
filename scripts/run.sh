#!/usr/bin/env bash
# Serve Karjera with demo content on the embedded SQLite database (or DATABASE_URL if set).
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
bash scripts/setup.sh
.venv/bin/python manage.py migrate --noinput >/dev/null
.venv/bin/python manage.py load_occupations
.venv/bin/python manage.py load_featured
.venv/bin/python manage.py import_education data/education/demo
.venv/bin/python manage.py sync_instruments
# Demonstration data of the staff modules; every loader is idempotent. The demo accounts get the
# documented demo password (docs/counselling.md, docs/competitions.md) only here, never in production.
DEMO_PASSWORD=${DEMO_PASSWORD:-Karjera-demo-2026}
.venv/bin/python manage.py load_methods
DEBUG=1 .venv/bin/python manage.py load_counselling_demo
.venv/bin/python manage.py load_competitions_demo --expert-password "$DEMO_PASSWORD"
.venv/bin/python manage.py load_monitoring
.venv/bin/python manage.py load_excursions_demo
echo
echo "Karjera is running at http://$HOST:$PORT/  (Ctrl+C stops it)"
echo
exec .venv/bin/gunicorn karjera.wsgi:application --config scripts/gunicorn.conf.py --bind "$HOST:$PORT" --workers "${WORKERS:-4}" \
  --access-logfile - --pythonpath src
