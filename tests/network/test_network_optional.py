"""igraph and matplotlib are optional extras (``govkg[fast]``, ``govkg[pictures]``): without
them the network, its metrics and its page are still made, and a picture format says what to
install."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
sys.modules["igraph"] = None        # import igraph -> ImportError, as when not installed
sys.modules["matplotlib"] = None
from govkg.errors import GovkgError
from govkg.network import network_from_data, write_network
from govkg.network.metrics import _igraph_or_sampled
graph = network_from_data([sys.argv[1]])
page = write_network(graph, sys.argv[2] + "/page.html", "html")
try:
    write_network(graph, sys.argv[2] + "/picture.png", "png")
    picture = "written"
except GovkgError as err:
    picture = str(err)
print(json.dumps({"nodes": len(graph), "large graphs": _igraph_or_sampled(),
                  "page": page.exists(), "picture": picture}))
"""


def test_without_igraph_and_matplotlib(seed_out: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(seed_out), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(out.stdout.splitlines()[-1])
    assert found["nodes"] >= 5 and found["page"] is True
    assert found["large graphs"] == "sampled"  # betweenness without igraph
    assert "matplotlib" in found["picture"] and not (tmp_path / "picture.png").exists()
