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


def post_worker_init(worker):
    """Load the PDF engine and its fonts before the first pupil asks for a report."""
    from karjera.core.pdf import warm_up

    warm_up()
