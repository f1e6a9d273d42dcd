"""Choose the corpus reports set aside for scoring the extractor, reproducibly.

The choice is ``random.Random(seed).sample`` of the sorted source ids, so the same corpus and
seed give the same list. It is made once, before any extraction work, and then kept:

    python scripts/corpus_heldout.py --seed 20261207 --count 30
"""

from __future__ import annotations

import argparse
import random
import sys

from govkg.files import write_atomic
from govkg.resources import corpus_records_dir

HELDOUT = corpus_records_dir().parent / "heldout.txt"


def choose(ids: list[str], seed: int, count: int) -> list[str]:
    """``count`` ids drawn from ``ids`` with ``seed``, in sorted order.

    >>> choose(["c", "a", "b", "d"], seed=1, count=2)
    ['b', 'c']
    """
    return sorted(random.Random(seed).sample(sorted(ids), count))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=30)
    args = parser.parse_args(argv)
    ids = [p.stem for p in corpus_records_dir().glob("*.yaml")]
    chosen = choose(ids, args.seed, args.count)
    header = [
        f"# {args.count} of {len(ids)} corpus reports set aside to score `govkg extract`.",
        f"# Chosen with: python scripts/corpus_heldout.py --seed {args.seed} --count {args.count}",
    ]
    write_atomic(HELDOUT, ("\n".join(header + chosen) + "\n").encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
