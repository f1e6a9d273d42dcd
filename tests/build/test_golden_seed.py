"""The seed record's build compared, as a graph, with the reviewed golden graph.

Regenerate after a deliberate change with ``pytest tests/build --update-golden`` and review the
diff of ``tests/data/golden/seed.ttl`` before committing it.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

GOLDEN = Path(__file__).parents[1] / "data" / "golden" / "seed.ttl"


def readable(triples: Graph, sign: str, limit: int = 20) -> list[str]:
    """Up to ``limit`` triples as sorted N-Triples lines, each after ``sign``."""
    lines = sorted(f"{sign} {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
    return lines[:limit] + ([f"{sign} … {len(lines) - limit} more"] if len(lines) > limit else [])


def test_the_seed_build_equals_the_golden_graph(seed_out: Path, update_golden: bool) -> None:
    built = Graph().parse(seed_out / "govkg.ttl", format="turtle")
    if update_golden:
        GOLDEN.write_text(built.serialize(format="turtle"), encoding="utf-8")
    golden = Graph().parse(GOLDEN, format="turtle")
    _, missing, extra = graph_diff(to_isomorphic(golden), to_isomorphic(built))
    diff = readable(missing, "-") + readable(extra, "+")
    assert not diff, "the seed build differs from the golden graph:\n" + "\n".join(diff)
