"""Write a synthetic Alliance Atlas dataset N times larger than the real one, with the same schema.

    python benchmarks/make_synthetic.py FOLDER [--factor 50] [--network-factor 5] [--check]

FOLDER receives ``datapackage.json`` and ``tables/*.csv``; point the app at it with
``ATLAS_DATA_DIR=FOLDER streamlit run app.py``. What grows and how:

* institutions: every institution gets ``factor - 1`` copies (ids ``<id>-x<k>``) in the same city and
  country, with a distinct made-up campus word in the name (so no two copies read as one institution),
  coordinates jittered by at most ``--jitter-km`` (default 8 km, so they stay well within the data-quality
  rule of 30 km from their city), no ROR or Wikidata id (those would point at the original), and
  the same coordinate source. Aliases and coordinate exceptions are copied along;
* networks: every network gets ``network-factor - 1`` copies (ids ``<id>-n<j>``, acronym ``<ACR> <j+1>``),
  with their themes, partner regions and links (a copy links to the same copy of the other network,
  a copy's parent is the same copy of the parent);
* memberships: copy ``k`` of every membership row joins copy ``k`` of the institution to copy
  ``k mod network-factor`` of the network, so memberships grow ``factor`` times and each network
  (original or copy) lists about ``factor / network-factor`` times as many members as the original;
  official member counts grow by the same number, so coverage labels read as in the real data;
* sources, kinds, themes and region groups are the real ones (every fact still cites a real source).

The output is deterministic for a given ``--seed``. ``--check`` validates it with the app's own reader.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "data"

_ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"]
_VOWELS = ["a", "e", "i", "o", "u"]
_SYLLABLES = [onset + vowel for onset in _ONSETS for vowel in _VOWELS]  # 70 syllables
_STEPS = [(3, 5), (11, 40), (13, 21), (17, 63), (23, 8)]  # (step, offset) per syllable; steps coprime to 70


def campus_word(k: int) -> str:
    """A made-up, pronounceable word, different for every k and far from the word of any other k.

    Each of its five syllables steps through the 70 syllables at its own pace (coprime to 70), so two
    k below 70 differ in every syllable; k of 70 and more get extra syllables from k // 70.
    """
    count = len(_SYLLABLES)
    syllables = [_SYLLABLES[(k * step + offset) % count] for step, offset in _STEPS]
    extra = k // count
    while extra:
        syllables.append(_SYLLABLES[extra % count])
        extra //= count
    return "".join(syllables).capitalize()


def read_table(folder: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (folder / "tables" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_table(folder: Path, name: str, header: list[str], rows: Iterable[dict[str, str]]) -> int:
    count = 0
    with (folder / "tables" / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def jitter(lat: float, lon: float, max_km: float, rng: random.Random) -> tuple[float, float]:
    """A point at most ``max_km`` from (lat, lon), kept inside the valid latitude and longitude ranges."""
    distance = max_km * math.sqrt(rng.random())
    bearing = rng.uniform(0, 2 * math.pi)
    new_lat = lat + distance * math.cos(bearing) / 111.32
    new_lat = max(-89.9, min(89.9, new_lat))
    new_lon = lon + distance * math.sin(bearing) / (111.32 * max(math.cos(math.radians(new_lat)), 0.01))
    new_lon = (new_lon + 180) % 360 - 180
    return round(new_lat, 5), round(new_lon, 5)


def institution_id(original: str, k: int) -> str:
    return original if k == 0 else f"{original}-x{k}"


def network_id(original: str, j: int) -> str:
    return original if j == 0 else f"{original}-n{j}"


def make(
    out: Path,
    factor: int = 50,
    network_factor: int = 5,
    jitter_km: float = 8.0,
    seed: int = 20261121,
    source: Path = REAL,
) -> dict[str, int]:
    """Write the synthetic dataset into ``out``; return the number of rows per table."""
    if factor < 1 or network_factor < 1 or network_factor > factor:
        raise ValueError("need 1 <= network_factor <= factor")
    rng = random.Random(seed)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "datapackage.json", out / "datapackage.json")
    for path in (source / "tables").glob("*.csv"):
        shutil.copy(path, out / "tables" / path.name)
    counts: dict[str, int] = {}

    header, institutions = read_table(source, "institutions")

    def institution_rows() -> Iterable[dict[str, str]]:
        yield from institutions
        for k in range(1, factor):
            word = campus_word(k)
            for row in institutions:
                lat, lon = jitter(float(row["lat"]), float(row["lon"]), jitter_km, rng)
                yield {
                    **row,
                    "id": institution_id(row["id"], k),
                    "name": f"{row['name']}, {word} Campus",
                    "short_name": f"{row['short_name']} {word}" if row["short_name"] else "",
                    "lat": f"{lat}",
                    "lon": f"{lon}",
                    "ror": "",
                    "wikidata": "",
                }

    counts["institutions"] = write_table(out, "institutions", header, institution_rows())

    header, aliases = read_table(source, "institution_aliases")
    counts["institution_aliases"] = write_table(
        out,
        "institution_aliases",
        header,
        (
            {**row, "institution_id": institution_id(row["institution_id"], k), "alias": f"{row['alias']} {word}"}
            if k
            else row
            for k, word in ((k, campus_word(k)) for k in range(factor))
            for row in aliases
        ),
    )

    header, distinct = read_table(source, "distinct_institutions")
    counts["distinct_institutions"] = write_table(
        out,
        "distinct_institutions",
        header,
        (
            {
                **row,
                "institution_id": institution_id(row["institution_id"], k),
                "other_id": institution_id(row["other_id"], k),
            }
            for k in range(factor)
            for row in distinct
        ),
    )

    header, exceptions = read_table(source, "coordinate_exceptions")
    counts["coordinate_exceptions"] = write_table(
        out,
        "coordinate_exceptions",
        header,
        (
            {**row, "institution_id": institution_id(row["institution_id"], k)}
            for k in range(factor)
            for row in exceptions
        ),
    )

    # How many institution copies land in network copy j: the k in [0, factor) with k % network_factor == j.
    share = [len(range(j, factor, network_factor)) for j in range(network_factor)]

    header, networks = read_table(source, "networks")

    def network_rows() -> Iterable[dict[str, str]]:
        for j in range(network_factor):
            for row in networks:
                official = row["member_count_official"]
                yield {
                    **row,
                    "id": network_id(row["id"], j),
                    "acronym": f"{row['acronym']} {j + 1}" if j and row["acronym"] else row["acronym"],
                    "name": f"{row['name']} (synthetic copy {j})" if j else row["name"],
                    "member_count_official": str(int(official) * share[j]) if official else "",
                    "parent": network_id(row["parent"], j) if row["parent"] else "",
                }

    counts["networks"] = write_table(out, "networks", header, network_rows())

    header, memberships = read_table(source, "memberships")
    counts["memberships"] = write_table(
        out,
        "memberships",
        header,
        (
            {
                **row,
                "network_id": network_id(row["network_id"], k % network_factor),
                "institution_id": institution_id(row["institution_id"], k),
            }
            for k in range(factor)
            for row in memberships
        ),
    )

    for name, columns in (
        ("network_themes", ("network_id",)),
        ("partner_regions", ("network_id",)),
        ("network_links", ("from_id", "to_id")),
    ):
        header, rows = read_table(source, name)
        counts[name] = write_table(
            out,
            name,
            header,
            ({**row, **{c: network_id(row[c], j) for c in columns}} for j in range(network_factor) for row in rows),
        )
    return counts


def check(folder: Path) -> None:
    """Validate ``folder`` with the app's own reader; raises DatasetError listing every problem."""
    sys.path.insert(0, str(ROOT))
    from data.dataset import read_dataset

    read_dataset(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write datapackage.json and tables/")
    parser.add_argument("--factor", type=int, default=50, help="how many times more institutions and memberships")
    parser.add_argument("--network-factor", type=int, default=5, help="how many times more networks")
    parser.add_argument("--jitter-km", type=float, default=8.0, help="largest move of a copied institution")
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--check", action="store_true", help="validate the result with data.dataset.read_dataset")
    args = parser.parse_args(argv)
    counts = make(args.folder, args.factor, args.network_factor, args.jitter_km, args.seed)
    print(f"wrote {args.folder}: " + ", ".join(f"{name} {rows:,}" for name, rows in counts.items()))
    if args.check:
        check(args.folder)
        print("valid: data.dataset.read_dataset accepts it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
