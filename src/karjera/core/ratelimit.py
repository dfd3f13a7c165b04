"""Fixed-window rate limits kept in the cache (Redis in production, shared by all workers)."""
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The address of the client, for rate limits and the daily visitor hash.

    Behind reverse proxies every request arrives from the proxy, so one school's limit would become
    the whole country's. With TRUSTED_PROXIES = n the address is the n-th entry from the right of
    X-Forwarded-For (the one the outermost trusted proxy saw); entries further left are the client's
    own claims and are never trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "unknown")
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if len(hops) < proxies:
        return remote
    return hops[-proxies][:64]


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
