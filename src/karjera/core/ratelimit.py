"""Fixed-window rate limits kept in the cache (Redis in production, shared by all workers)."""
import time

from django.core.cache import cache


def client_address(request) -> str:
    # Behind a trusted proxy the deployment sets REMOTE_ADDR through its WSGI server config.
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope: str, key: str, limit: int, window: int) -> bool:
    """Count one attempt; return False once the limit for the current window is exceeded."""
    bucket = int(time.time() // window)
    cache_key = f"rl:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window + 5):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=window + 5)
            count = 1
    return count <= limit
