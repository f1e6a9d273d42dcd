"""``govkg serve``: a read-only SPARQL 1.1 endpoint and web UI over a built graph.

Modules: :mod:`~govkg.server.policy` (what is refused, the limits), :mod:`~govkg.server.protocol`
(requests, negotiation), :mod:`~govkg.server.workers` (killable query processes),
:mod:`~govkg.server.pool` (the supervisor: lanes, timeouts, hang-ups; with
:mod:`~govkg.server.owned`, :mod:`~govkg.server.spawn`, :mod:`~govkg.server.clocks`),
:mod:`~govkg.server.capacity` (lane and connection settings), :mod:`~govkg.server.peer`
(the client and its hang-up),
:mod:`~govkg.server.sandbox` (no network in those processes),
:mod:`~govkg.server.encode` (result bodies), :mod:`~govkg.server.app` (routes),
:mod:`~govkg.server.ui` (pages), :mod:`~govkg.server.httpd` (the HTTP server).
"""
