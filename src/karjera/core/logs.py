"""Logs carry no personal data: a test session's id is the key to a pupil's answers, so it is cut out
of every logged path, and nothing else that identifies a pupil is logged (no addresses, no agents)."""
import logging
import re

# /s/<id>/..., /api/v1/sessions/<id>/..., /counselling/m/<id>/... and similar capability links
CAPABILITY = re.compile(r"(/(?:s|sessions|m|member|join|r)/)[A-Za-z0-9_-]{12,}")


def redact(text: str) -> str:
    return CAPABILITY.sub(r"\1…", text)


class RedactCapabilities(logging.Filter):
    """Removes capability ids from a record's message and arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in args)
        if hasattr(record, "request"):
            record.request = None  # the request object would bring addresses and cookies along
        return True


try:  # gunicorn is installed wherever the service runs; the filter above works without it
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover
    _GunicornLogger = None

if _GunicornLogger is not None:

    class GunicornLogger(_GunicornLogger):
        """Access log without client addresses, user agents, referrers or capability ids."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for key in ("r", "U", "q"):
                if key in atoms and isinstance(atoms[key], str):
                    atoms[key] = redact(atoms[key])
            atoms["h"] = "-"
            atoms["a"] = "-"
            atoms["f"] = "-"
            return atoms
