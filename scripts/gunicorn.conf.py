"""gunicorn settings shared by `make run` and the benchmarks; the command line sets the rest."""
preload_app = True
graceful_timeout = 5
# A worker that a request keeps busy longer than this is replaced; nothing acknowledged is lost because
# every answer is committed before its response is sent.
timeout = 30
# Recycle workers now and then so that memory stays flat over a long day.
max_requests = 20000
max_requests_jitter = 2000
# Access log lines without addresses, user agents or test-session ids (src/karjera/core/logs.py).
logger_class = "karjera.core.logs.GunicornLogger"
access_log_format = '%(t)s "%(r)s" %(s)s %(B)s %(M)sms'


def when_ready(server):
    """In the master, before the workers fork (they share these pages): every URL's views imported,
    the tests parsed, and the PDF engine loaded with its fonts."""
    from django.urls import get_resolver

    from karjera.assessments import engine
    from karjera.core.pdf import warm_up

    get_resolver().url_patterns
    engine.available()
    warm_up()


def post_worker_init(worker):
    """Freeze or read the tests' versions before the first pupil starts one."""
    from django.db import connection

    from karjera.assessments import engine

    try:
        for slug in engine.available():
            engine.current_version(slug).instrument
    except Exception as exc:  # the database may still be starting; the first request will do it then
        worker.log.warning("tests not preloaded: %s", exc)
    finally:
        connection.close()
