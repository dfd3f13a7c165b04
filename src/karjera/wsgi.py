import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "karjera.settings")
application = get_wsgi_application()

# Parse and validate the test definitions once, before workers fork (gunicorn --preload), instead of
# in each worker's first request.
from karjera.assessments.engine import available  # noqa: E402

available()
