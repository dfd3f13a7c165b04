"""Per-process caches of derived data (search index, profile matrix) that follow changes everywhere.

Each cache is rebuilt when its version in the shared cache (Redis in production) changes; writers call
`bump()` after changing the underlying data. Processes look at the shared version at most every
`check_every` seconds, so a change reaches every worker within that time without a restart.
"""
from __future__ import annotations

import threading
import time
from typing import Callable, Generic, TypeVar

from django.core.cache import cache

T = TypeVar("T")


class ProcessCache(Generic[T]):
    def __init__(self, name: str, build: Callable[[], T], check_every: float = 10.0):
        self.name = name
        self.build = build
        self.check_every = check_every
        self._lock = threading.Lock()
        self._value: T | None = None
        self._version = None
        self._checked = 0.0

    def _shared_version(self):
        return cache.get(f"pcache:{self.name}")

    def get(self) -> T:
        with self._lock:
            now = time.monotonic()
            if self._value is not None and now - self._checked < self.check_every:
                return self._value
            version = self._shared_version()
            self._checked = now
            if self._value is None or version != self._version:
                self._value = self.build()
                self._version = version
            return self._value

    def bump(self) -> None:
        """Mark the data changed for every process, and drop this process's copy now."""
        cache.set(f"pcache:{self.name}", time.time_ns(), timeout=None)
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._value = None
            self._checked = 0.0
