"""The suite's checks at benchmark scale: too long for ``make test``, run by ``make test-scale``.

``tests/reasoning/test_fastreason.py::test_synthetic_10k`` runs the same comparison on 10k
triples in the suite; here it runs on 101k (owlrl takes 3–4 minutes on a 2-CPU machine).
Synthetic records are cached under ``benchmarks/.cache/`` like the benchmarks'.

    cd benchmarks && ../.venv/bin/python -m pytest -p no:cacheprovider test_scale.py
"""

from __future__ import annotations

from _common import synthetic_records
from bench_reasoning import asserted_triples
from rdflib import Literal

from govkg.fastreason import infer_fast
from govkg.namespaces import GOVKG
from govkg.reason import infer

AGREEMENTS, SEED = 1850, 11  # 101k asserted triples


def test_infer_fast_equals_owlrl_on_100k_triples() -> None:
    asserted = asserted_triples(synthetic_records(AGREEMENTS, SEED))
    assert len(asserted) >= 100_000
    expected, got = infer(asserted), infer_fast(asserted)
    missing, extra = sorted(expected - got)[:20], sorted(got - expected)[:20]
    assert got == expected, f"missing {missing}\nextra {extra}"
    assert not any(isinstance(s, Literal) for s, _, _ in got)
    assert not any(p == GOVKG.cooperatesWith and s == o for s, p, o in got)
