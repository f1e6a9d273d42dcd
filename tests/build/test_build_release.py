"""``build(keep_triples=False)`` (what ``govkg build`` runs) writes the same files and
returns the same counts as a build that keeps its triples, and keeps no triples."""

from __future__ import annotations

from govkg.build import build
from govkg.resources import seed_record

FILES = ("govkg.trig", "govkg.ttl", "govkg-inferred.ttl", "names.tsv")


def test_a_build_that_frees_its_triples_writes_the_same_files(tmp_path):
    kept = build([seed_record()], tmp_path / "kept")
    freed = build([seed_record()], tmp_path / "freed", keep_triples=False)
    for name in FILES:
        assert (tmp_path / "freed" / name).read_bytes() == (tmp_path / "kept" / name).read_bytes()
    assert freed.counts() == kept.counts() and sum(freed.counts().values()) > 0
    assert freed.graphs == {} and kept.graphs
    assert freed.findings == kept.findings
