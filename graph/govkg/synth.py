"""Deterministic synthetic records, shaped like the domain, for scale tests and benchmarks.

Real gazetteer bodies sign with each other; a few hubs sign with many (party choice
follows a Zipf-like weight over a seeded ranking); agreements have 2–5 parties, one
signatory per party in a post that fits the body's kind, 1–4 cooperation fields, dates
over 2005–2025, and are grouped into sources (news reports, press releases) of 1–4
agreements each. Some cooperation agreements (PKS) implement an earlier MoU of the same
parties. Names of people are invented from common Indonesian name parts; publishers and
URLs are fictional (``example.org``). Same ``seed`` → byte-identical files.

>>> import tempfile
>>> from pathlib import Path
>>> out = Path(tempfile.mkdtemp())
>>> written = write_synthetic(out, agreements=12, seed=7)
>>> len(written) > 2 and all(p.suffix == ".json" for p in written)
True
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from govkg.files import write_atomic
from govkg.gazetteer import Entry, Gazetteer
from govkg.vocab import Vocabulary

GIVEN = [
    "Adi",
    "Agus",
    "Ahmad",
    "Andi",
    "Arief",
    "Bambang",
    "Budi",
    "Dedi",
    "Dewi",
    "Dian",
    "Eko",
    "Endang",
    "Fajar",
    "Fitri",
    "Hadi",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Muhammad",
    "Nur",
    "Putri",
    "Rahmat",
    "Ratna",
    "Rina",
    "Rudi",
    "Sari",
    "Siti",
    "Slamet",
    "Sri",
    "Taufik",
    "Teguh",
    "Wahyu",
    "Wayan",
    "Yanti",
    "Yudi",
    "Yusuf",
    "Zainal",
]
FAMILY = [
    "Abdullah",
    "Hakim",
    "Harahap",
    "Hidayat",
    "Kurniawan",
    "Lubis",
    "Nasution",
    "Nugroho",
    "Pangaribuan",
    "Permana",
    "Pratama",
    "Purnomo",
    "Rahman",
    "Saputra",
    "Setiawan",
    "Siregar",
    "Simanjuntak",
    "Sitompul",
    "Susanto",
    "Syahputra",
    "Tanjung",
    "Utomo",
    "Wibowo",
    "Wijaya",
    "Winata",
    "Yulianto",
    "Gunawan",
    "Hasibuan",
    "Manurung",
    "Tambunan",
]
PUBLISHERS = ("Warta Sintetis", "Kabar Contoh", "Berita Uji Coba", "Humas Sintetis")
POSTS = {
    "Ministry": (("Menteri", 6), ("Sekretaris Jenderal", 3), ("Direktur Jenderal", 1)),
    "NonMinisterialAgency": (("Kepala", 7), ("Sekretaris Utama", 2), ("Deputi", 1)),
    "StateInstitution": (("Ketua", 6), ("Sekretaris Jenderal", 4)),
    "ProvincialGovernment": (("Gubernur", 7), ("Sekretaris Daerah", 2), ("Wakil Gubernur", 1)),
    "RegencyGovernment": (("Bupati", 7), ("Sekretaris Daerah", 2), ("Wakil Bupati", 1)),
    "CityGovernment": (("Wali Kota", 7), ("Sekretaris Daerah", 2), ("Wakil Wali Kota", 1)),
}
KINDS = (("mou", 55), ("pks", 40), ("moa", 3), ("soi", 2))
PARTY_COUNTS = ((2, 75), (3, 13), (4, 8), (5, 4))
FIRST_DAY, LAST_DAY = date(2005, 1, 1), date(2025, 12, 31)


def _pick(rng: random.Random, weighted: tuple[tuple, ...]):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


class _Bodies:
    """Gazetteer bodies with a skewed, seeded chance of signing (a few hubs sign with many)."""

    def __init__(self, gazetteer: Gazetteer, rng: random.Random) -> None:
        self.entries = [e for e in gazetteer.entries() if e.kind in POSTS and e.until is None]
        rng.shuffle(self.entries)
        weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(self.entries))]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random, count: int) -> list[Entry]:
        chosen: dict[str, Entry] = {}
        while len(chosen) < count:
            if chosen and rng.random() < 0.6:
                entry = rng.choice(self.entries)
            else:
                index = bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])
                entry = self.entries[min(index, len(self.entries) - 1)]
            chosen.setdefault(entry.key, entry)
        return list(chosen.values())


def _person(seed: int, body: str, post: str, day: date, taken: set[str]) -> str:
    """The holder of ``post`` in ``body`` during the 5-year term around ``day`` (stable)."""
    term = (day.year - 2004) // 5
    rng = random.Random(f"{seed}:{body}:{post}:{term}")
    name = f"{rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    while name in taken:  # two signers of one agreement are never namesakes
        name = f"{rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    return name


def _agreement(
    rng: random.Random,
    seed: int,
    number: int,
    day: date,
    bodies: _Bodies,
    field_labels: list[str],
    earlier: dict,
) -> dict:
    kind = _pick(rng, KINDS)
    parties = bodies.draw(rng, _pick(rng, PARTY_COUNTS))
    implements = None
    if kind == "pks" and earlier and rng.random() < 0.5:
        implements, parties = earlier[rng.choice(sorted(earlier))]
    names = [p.acronyms[0] if p.acronyms and rng.random() < 0.5 else p.name for p in parties]
    signatories: list[dict] = []
    for party, name in zip(parties, names, strict=True):
        post = _pick(rng, POSTS[party.kind])
        person = _person(seed, party.key, post, day, {s["name"] for s in signatories})
        signatories.append({"name": person, "post": post, "party": name})
    record = {
        "id": f"syn-{number:07d}",
        "kind": kind,
        "parties": names,
        "signatories": signatories,
        "fields": rng.sample(field_labels, rng.randint(1, 4)),
    }
    if implements:
        record["implements"] = implements
    if kind == "mou":
        earlier[record["id"]] = (record["id"], parties)
    return record


def synthetic_records(agreements: int, seed: int = 0) -> Iterator[dict]:
    """Record trees (the JSON/YAML form), one per source, holding ``agreements`` in all."""
    rng = random.Random(seed)
    bodies = _Bodies(Gazetteer.bundled(), rng)
    fields = Vocabulary.fields()
    field_labels = sorted(fields.label(c, "id") for c in fields.concepts())
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted(FIRST_DAY + timedelta(days=rng.randrange(span)) for _ in range(agreements))
    earlier: dict[str, tuple] = {}
    number, source = 0, 0
    while number < agreements:
        size = min(rng.randint(1, 4), agreements - number)
        day = days[number]
        items = []
        for _ in range(size):
            number += 1
            items.append(_agreement(rng, seed, number, day, bodies, field_labels, earlier))
        source += 1
        yield {
            "govkg": 1,
            "source": {
                "id": f"synthetic-{seed}-{source:07d}",
                "kind": rng.choice(("news", "press-release")),
                "title": f"Penandatanganan kerja sama ({source})",
                "url": f"https://example.org/synthetic/{seed}/{source}",
                "publisher": rng.choice(PUBLISHERS),
                "published": (day + timedelta(days=rng.randint(0, 3))).isoformat(),
                "language": "id",
            },
            "events": [{"date": day.isoformat(), "city": "Jakarta", "agreements": items}],
        }


def write_synthetic(out_dir: str | Path, agreements: int, seed: int = 0) -> list[Path]:
    """Write synthetic records as JSON files (one per source) into ``out_dir``; returns them."""
    out = Path(out_dir)
    written = []
    for tree in synthetic_records(agreements, seed):
        path = out / f"{tree['source']['id']}.json"
        write_atomic(
            path, json.dumps(tree, ensure_ascii=False, indent=1).encode("utf-8"), sync=False
        )
        written.append(path)
    return written
