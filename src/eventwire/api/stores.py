"""Read-only store connections for the API's worker threads.

FastAPI runs plain ``def`` endpoints on a pool of threads, and a store connection must not be
used by two threads at once. Each worker thread therefore opens its own read-only store the
first time it needs one and keeps it for the server's lifetime (opening per request would cost
a connection and a schema check each time); the pool closes them all at shutdown. Streamed
downloads get a connection of their own, closed when the stream ends, because a streaming
response is iterated on whichever thread is free.
"""

from __future__ import annotations

import threading

from eventwire.store import Store, open_store


class ReaderPool:
    """One read-only store per thread, all opened on ``db_url``."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def reader(self) -> Store:
        """This thread's read-only store (opened on first use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self.open()
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def open(self) -> Store:
        """A new read-only store the caller owns and closes."""
        return open_store(self.db_url, read_only=True)

    def close_all(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()
        self._local = threading.local()
