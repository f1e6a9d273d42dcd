"""The answer cache (issue 17): a repeated query is answered without a worker, the same
bytes; nothing is kept for failed queries, nor with ``--cache-mb 0``."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlencode

from govkg.server.capacity import Lanes
from govkg.server.policy import Limits
from govkg.server.runner import Server

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def get(server: Server, text: str) -> tuple[int, bytes]:
    url = server.url + "sparql?" + urlencode({"query": text})
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_a_repeated_query_is_answered_from_the_cache_with_the_same_bytes(seed_out):
    with Server([seed_out], port=0) as server:
        first = get(server, QUERY)
        runs = server.pool.stats.queries
        assert get(server, QUERY) == first and first[0] == 200
        assert server.pool.stats.queries == runs  # no worker ran it again
        assert server.app.answers.hits == 1
        canned = "api/queries/partners?" + urlencode({"agency": "LAN"})
        bodies = {urllib.request.urlopen(server.url + canned, timeout=30).read() for _ in "ab"}
        assert len(bodies) == 1 and server.app.answers.hits == 2


def test_a_stopped_query_is_not_kept_and_no_cache_keeps_nothing(seed_out):
    limits = Limits(timeout=1.0)
    with Server([seed_out], port=0, limits=limits, lanes=Lanes(cache_mb=0)) as server:
        assert server.app.answers is None
        get(server, QUERY)
        get(server, QUERY)
        assert server.pool.stats.queries == 2
    with Server([seed_out], port=0, limits=limits) as server:
        assert get(server, HEAVY)[0] == 503
        assert get(server, HEAVY)[0] == 503  # ran (and was stopped) again
        assert server.pool.stats.timeouts == 2 and server.app.answers.size == 0
