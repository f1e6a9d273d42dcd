"""Time ``govkg extract`` on 1,000 reports of about 3 KB, made by varying the team's test reports.

Each report is one of ``tests/data/articles/*.txt`` with its signatories renamed, a
``Published:`` line (the gold record's date) and background paragraphs (written for this
benchmark) added until it is about 3 KB. The reports are written once to
``benchmarks/.cache/extract-<count>-<seed>/``.

Run from the repository root::

    .venv/bin/python benchmarks/bench_extract.py            # 1,000 reports
    .venv/bin/python benchmarks/bench_extract.py --count 200
    .venv/bin/python benchmarks/bench_extract.py --write    # also update benchmarks/RESULTS.md

``--write`` also scores the team's reports (``tests/data/articles``) and the held-out ones
(``tests/data/articles-heldout``) with ``govkg extract --evaluate`` and puts both tables with
the timings in the ``bench_extract`` section of ``benchmarks/RESULTS.md``.

It prints a Markdown table: the library in one process (the gazetteer index built once), and
the command line end to end (one ``govkg extract r*.txt -o DIR``: start-up, extraction, the
record loader's check of every file, atomic writes), with wall and CPU seconds (the machine may
be shared) and the number of agreements extracted.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"
HELD_OUT = ROOT / "tests" / "data" / "articles-heldout"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
CACHE = ROOT / "benchmarks" / ".cache"
TARGET_BYTES = 3000

FIRST_NAMES = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko",
               "Kartika", "Lukman", "Maya", "Nanda", "Oki", "Putri", "Rizal", "Sari", "Taufik",
               "Umi", "Wahyu", "Yanti", "Zainal"]  # fmt: skip
LAST_NAMES = ["Pratama", "Saputra", "Wibisono", "Kusuma", "Hidayat", "Lestari", "Nugraha",
              "Santoso", "Permana", "Rahmawati", "Siregar", "Harahap", "Simanjuntak", "Wijaya",
              "Handoko", "Suharto", "Gunawan", "Setiawan"]  # fmt: skip
FILLER = [
    "Acara tersebut diawali dengan laporan panitia mengenai persiapan kegiatan yang telah "
    "berlangsung sejak awal bulan. Panitia menyebut seluruh rangkaian acara disiapkan bersama "
    "oleh tim dari kedua instansi.",
    "Dalam sambutannya, pejabat yang hadir menekankan pentingnya koordinasi antarinstansi agar "
    "program yang disepakati tidak berhenti di atas kertas. Evaluasi akan dilakukan secara "
    "berkala setiap enam bulan.",
    "Sejumlah warga yang ditemui di lokasi mengaku berharap kerja sama itu segera dirasakan "
    "manfaatnya, terutama dalam hal pelayanan yang lebih cepat dan mudah dijangkau.",
    "Menurut data yang disampaikan dalam acara itu, jumlah penerima manfaat program serupa pada "
    "tahun sebelumnya mencapai ribuan orang dan diperkirakan terus bertambah tahun ini.",
    "Kegiatan ditutup dengan sesi foto bersama dan peninjauan singkat ke beberapa fasilitas yang "
    "akan dimanfaatkan dalam pelaksanaan program tersebut.",
    "Para peserta juga mengikuti diskusi kelompok yang membahas langkah-langkah teknis, jadwal "
    "pelaksanaan, serta pembagian tugas di antara unit kerja yang terlibat.",
]


def make_reports(count: int, seed: int = 0) -> Path:
    """``count`` varied reports with their publication dates (generated once, then reused)."""
    folder = CACHE / f"extract-{count}-{seed}"
    if (folder / ".done").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    templates = []
    for path in sorted(ARTICLES.glob("*.txt")):
        gold = yaml.safe_load(path.with_name(path.stem + ".gold.yaml").read_text("utf-8"))
        names = {s["name"] for e in gold["events"] for a in e["agreements"]
                 for s in a.get("signatories", ())}  # fmt: skip
        templates.append((path.read_text("utf-8"), gold["source"], sorted(names)))
    published = {}
    for i in range(count):
        text, source, names = templates[i % len(templates)]
        for name in names:
            new = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            text = text.replace(name, new).replace(name.split()[0] + " ", new.split()[0] + " ")
        lines = text.rstrip("\n").split("\n")
        lines.insert(2, f"Published: {source['published']}")
        while len("\n".join(lines).encode("utf-8")) < TARGET_BYTES:
            lines.insert(rng.randrange(4, len(lines) + 1), rng.choice(FILLER))
        name = f"r{i:04d}.txt"
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        published[name] = (str(source["published"]), source["language"])
    (folder / "published.yaml").write_text(yaml.safe_dump(published), encoding="utf-8")
    (folder / ".done").write_text("ok")
    return folder


def run_library(folder: Path) -> tuple[tuple[float, float], tuple[float, float], int, int]:
    """((wall, cpu) of the indexes, (wall, cpu) of extraction, reports, agreements)."""
    from govkg.extract import extract_file
    from govkg.extract.fields import _labels
    from govkg.extract.orgs import gazetteer_index
    from govkg.extract.people import _posts

    meta = yaml.safe_load((folder / "published.yaml").read_text("utf-8"))
    wall, cpu = time.perf_counter(), time.process_time()
    gazetteer_index(), _labels(), _posts()
    warm = (time.perf_counter() - wall, time.process_time() - cpu)
    agreements = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for name, (_, lang) in sorted(meta.items()):
        result = extract_file(folder / name, lang=lang)  # the date from the Published: line
        result.yaml()
        agreements += sum(len(e["agreements"]) for e in result.record["events"])
    spent = (time.perf_counter() - wall, time.process_time() - cpu)
    return warm, spent, len(meta), agreements


def run_cli(folder: Path, out: Path) -> tuple[float, float]:
    """(wall, cpu) of one ``govkg extract`` over every report, writing one record each."""
    files = sorted(str(p) for p in folder.glob("r*.txt"))
    govkg = Path(sys.executable).with_name("govkg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run([str(govkg), "extract", *files, "-o", str(out)], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return time.perf_counter() - wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line timing")
    parser.add_argument("--write", action="store_true", help="also update benchmarks/RESULTS.md")
    args = parser.parse_args()
    folder = make_reports(args.count)
    sizes = [p.stat().st_size for p in folder.glob("r*.txt")]
    warm, spent, reports, agreements = run_library(folder)
    rows = [
        ("library: gazetteer, roles and fields indexes (once)", warm, "—"),
        (f"library: extract {reports} reports → YAML", spent, f"{reports / spent[0]:.0f}/s"),
    ]
    if not args.no_cli:
        out = CACHE / f"extract-{args.count}-out"
        cli = run_cli(folder, out)
        rows.append((f"CLI: `govkg extract r*.txt -o DIR` ({reports} files)", cli,
                     f"{reports / cli[0]:.0f}/s"))  # fmt: skip
    command = " ".join(["python", "benchmarks/bench_extract.py", *sys.argv[1:]])
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    mean = sum(sizes) / len(sizes) / 1000
    lines = [
        f"`{command}` on {machine}; {reports} reports, mean {mean:.1f} KB; "
        f"{agreements} agreements extracted",
        "",
        "| step | wall s | CPU s | throughput (wall) |",
        "|---|---|---|---|",
        *(f"| {label} | {wall:.2f} | {cpu:.2f} | {rate} |" for label, (wall, cpu), rate in rows),
    ]
    print("\n".join(lines))
    if args.write:
        write_results(lines)


def write_results(timings: list[str]) -> None:
    """Put the timings and both evaluation tables in RESULTS.md's bench_extract section."""
    from govkg.extract.evaluate import evaluate_dir

    team, held_out = evaluate_dir(ARTICLES), evaluate_dir(HELD_OUT)
    report = "\n".join(
        [
            "<!-- bench_extract -->",
            "## govkg extract: accuracy and speed",
            "",
            f"Team set (`govkg extract --evaluate tests/data/articles`, {team.articles} reports "
            "written with the rules):",
            "",
            team.markdown(),
            "",
            f"Held-out set (`govkg extract --evaluate tests/data/articles-heldout`, "
            f"{held_out.articles} reports written after the rules, in two rounds; the rules "
            "were then corrected for the phenomena they missed, so these figures are now "
            "optimistic too — see docs/extract.md for the scores before the corrections):",
            "",
            held_out.markdown(),
            "",
            "Speed:",
            "",
            *timings,
            "<!-- /bench_extract -->",
            "",
        ]
    )
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    pattern = re.compile(r"<!-- bench_extract -->.*?<!-- /bench_extract -->\n", re.DOTALL)
    text = pattern.sub(lambda _: report, text) if pattern.search(text) else text + "\n" + report
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
