"""Start and stop a whole endpoint: the store, the worker pool, the app, the HTTP server.

>>> import tempfile
>>> from govkg.build import build
>>> out = Path(tempfile.mkdtemp()) / "out"
>>> _ = build(None, out)
>>> with Server([out], port=0) as server:
...     server.url.startswith("http://127.0.0.1:")
True
"""

from __future__ import annotations

import contextlib
import gc
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from govkg.engines import STORE_DIR, data_files, load_store
from govkg.errors import GovkgError
from govkg.server.answers import AnswerCache
from govkg.server.app import App, ServerConfig
from govkg.server.capacity import Connections, Lanes
from govkg.server.errors import HttpError
from govkg.server.httpd import GovkgHTTPServer, make_server
from govkg.server.policy import Limits
from govkg.server.pool import WorkerPool

if TYPE_CHECKING:
    from govkg.server.proxy import ProxyPool

log = logging.getLogger("govkg.serve")
WARM_UP_PAUSE = 0.05  # seconds between two warm-up parses (a request's parse goes between)


def prepare_store(paths: Sequence[Path]) -> tuple[Path, Path | None]:
    """The store to serve: a build folder's own, or a temporary one loaded from RDF files.

    Returns the store folder and the temporary folder to delete afterwards (or None).

    :raises GovkgError: when a path is missing, holds no build, or is not RDF.
    """
    paths = [Path(p) for p in paths]
    if len(paths) == 1 and (paths[0] / STORE_DIR).is_dir():
        return paths[0] / STORE_DIR, None
    files = data_files(paths)
    temp = Path(tempfile.mkdtemp(prefix="govkg-serve-"))
    try:
        store = load_store(files, temp / STORE_DIR)
        del store
        gc.collect()  # closes the store before the workers open it read-only
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return temp / STORE_DIR, temp


def write_remote_page(endpoint: str, target: Path) -> None:
    """The network page of a remote store (a notice is served instead when this fails)."""
    from govkg.network import network_from_data, write_network

    try:
        write_network(network_from_data(endpoint=endpoint), target, "html")
    except GovkgError as err:
        log.warning("no network page for %s: %s", endpoint, err.message)


def _warm_up(limits: Limits) -> None:
    """Load the canned queries, the gazetteer and the SPARQL parser now, then read every
    canned text through the policy (a cold read costs 30-100 ms of CPU; the verdict is
    cached), one at a time with pauses: parses take turns, and a request's parse must not
    wait behind all of them."""
    from govkg.canned import canned_queries
    from govkg.gazetteer import Gazetteer
    from govkg.server import entities
    from govkg.server.policy import check_query

    check_query("ASK {}", limits)
    Gazetteer.bundled()
    for query in canned_queries().values():
        names = {p.name for p in query.params}
        for given in (set(), *({n} for n in names), names):
            time.sleep(WARM_UP_PAUSE)
            with contextlib.suppress(HttpError):
                check_query(query.text_for(given), limits)
    entities.warm_up(limits, WARM_UP_PAUSE)


class Server:
    """A running ``govkg serve``; use as a context manager, or call :meth:`serve_forever`."""

    def __init__(
        self,
        data: Sequence[str | Path],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        limits: Limits | None = None,
        lanes: Lanes | None = None,
        connections: Connections | None = None,
        allowed_hosts: Sequence[str] = (),
        cors_origins: Sequence[str] = (),
        audit_log: Path | None = None,
        endpoint: str | None = None,
    ) -> None:
        self.data = [] if endpoint else [Path(d) for d in data]
        self.config = ServerConfig(
            store=Path(),
            data=self.data,
            limits=limits or Limits(),
            host=host,
            port=port,
            allowed_hosts=tuple(allowed_hosts),
            cors_origins=tuple(cors_origins),
            audit_log=audit_log,
        )
        self.endpoint = endpoint
        self.lanes, self.connections = lanes or Lanes(), connections or Connections()
        self.pool: WorkerPool | ProxyPool | None = None
        self.app: App | None = None
        self.httpd: GovkgHTTPServer | None = None
        self._temp: Path | None = None
        self._thread: threading.Thread | None = None
        self.hubs_done = threading.Event()  # set when the hub index is complete (or failed)
        self._stopping = threading.Event()

    def start(self) -> Server:
        """Open the data, start the workers and bind the socket (not yet serving)."""
        if self.config.audit_log:
            from govkg.server.audit import install

            install(self.config.audit_log)
        try:
            self.pool = self._open_pool()
            self.app = App(self.config, self.pool, self._answers())
            threading.Thread(
                target=_warm_up, args=(self.config.limits,), name="govkg-warm-up", daemon=True
            ).start()
            if self.endpoint is None:
                threading.Thread(target=self._index_hubs, name="govkg-hubs", daemon=True).start()
            else:
                self.hubs_done.set()
            try:
                self.httpd = make_server(
                    self.app, self.config.host, self.config.port, self.connections
                )
            except OSError as err:
                raise GovkgError(
                    f"cannot listen on {self.config.host}:{self.config.port}: {err.strerror}",
                    fix="pick another --port",
                ) from err
        except BaseException:
            self.stop()
            raise
        return self

    def _index_hubs(self) -> None:
        """Fill the app's hub index (:mod:`govkg.site.hubs`) from the store, read here once
        (read-only, beside the workers): hub bodies' pages are then read by their items.
        Until a hub is in, its pages are read as before (the same bytes, slower)."""
        from govkg.engines import OxigraphEngine
        from govkg.site.hubs import HubIndex, build_index

        started, index = time.perf_counter(), HubIndex()
        self.app.hubs = index
        try:
            engine = OxigraphEngine.open(self.config.store)
            build_index(engine.select, into=index, stop=self._stopping)
            del engine
            gc.freeze()  # kept for the server's life: collections need not walk the index
            log.info("hub index: %d hubs in %.1f s", len(index.hubs), time.perf_counter() - started)
        except Exception as err:  # pages stay right without it, only slower
            if not self._stopping.is_set():
                log.warning("no hub index (%s): hub pages are read as before", err)
        finally:
            self.hubs_done.set()

    def _answers(self) -> AnswerCache | None:
        """The answer cache: for the local store only (a remote one may change)."""
        if self.endpoint is not None or not self.lanes.cache_mb:
            return None
        return AnswerCache(self.lanes.cache_mb * 1024 * 1024)

    def _open_pool(self) -> WorkerPool | ProxyPool:
        """Worker processes over the local store, or a proxy to the remote endpoint."""
        if self.endpoint is None:
            self.config.store, self._temp = prepare_store(self.data)
            return WorkerPool(
                self.config.store,
                self.config.limits,
                lanes=self.lanes,
                audit_log=self.config.audit_log,
            )
        from govkg.server.proxy import ProxyPool  # the HTTP client only when there is a store

        pool = ProxyPool(self.endpoint, self.config.limits)
        self.config.endpoint = pool.url
        self._temp = Path(tempfile.mkdtemp(prefix="govkg-proxy-"))
        self.config.data = [self._temp]
        write_remote_page(pool.url, self._temp / "network.html")
        return pool

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:8000/``."""
        host = self.config.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.config.port}/"

    def serve_forever(self) -> None:
        """Serve until interrupted, then stop the workers."""
        try:
            self.httpd.serve_forever()
        finally:
            self.stop()

    def __enter__(self) -> Server:
        self.start()
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, name="govkg-httpd", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop serving, kill the workers, remove a temporary store."""
        self._stopping.set()
        if self.httpd is not None:
            if self._thread is not None:
                self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
