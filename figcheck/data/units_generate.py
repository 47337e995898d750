"""Generate ``figcheck/data/units.json`` from quantulum3's unit catalogue plus figcheck's news layer.

    python -m figcheck.data.units_generate          # rewrite units.json
    python -m figcheck.data.units_generate --check  # exit 1 if units.json is out of date

Sources, in order of precedence:

1. ``units_news.json`` (hand-written data): figcheck's unit names, dimensions, conversions
   (``base``, ``factor``, ``offset``) and the news spellings quantulum3 lacks ("bn"-style money
   symbols, "C$", "kroner", "Y=" for yen, "points"...).  A unit named here keeps its entry; the
   catalogue adds surfaces to it.
2. quantulum3's catalogue (``quantulum3.load.units("en_US")``: ``units.json`` and
   ``entities.json`` of the installed package, with its SI-prefixed units and plural surfaces):
   every unit of a dimension figcheck reads (:data:`ENTITY_DIM`) with its surfaces and symbols.
   A prefixed unit ("kilowatt") gets its conversion from its stem ("watt") and the prefix.

Surfaces that would misread ordinary English after a number ("5 in", "10 s", "2 min", "3 pair",
a lone quote mark) are left out (:data:`UNSAFE`).  quantulum3 is a test/bench dependency only: the
generated file is committed, so a cold start reads one small JSON file and never imports it.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NEWS = HERE / "units_news.json"
OUT = HERE / "units.json"

ENTITY_DIM: dict[str, str] = {
    "length": "length", "area": "area", "volume": "volume", "mass": "mass", "time": "duration",
    "temperature": "temperature", "speed": "speed", "energy": "energy", "power": "power",
    "frequency": "frequency", "data storage": "data storage", "currency": "currency", "angle": "angle",
    "pressure": "pressure", "force": "force", "torque": "torque", "current": "current",
    "electric potential": "electric potential", "acceleration": "acceleration", "density": "density",
    "volumetric flow": "volumetric flow", "data transfer rate": "data transfer rate",
    "radioactivity": "radioactivity", "radiation absorbed dose": "radiation dose", "sound level": "sound level",
}
"""quantulum3 entity -> figcheck dimension (entities not listed are not read)."""

DIMENSIONLESS: frozenset[str] = frozenset({"parts-per-million", "parts-per-billion", "parts-per-trillion", "per mille"})
"""The dimensionless catalogue units figcheck reads (as ratios); "pair", "dozen"... are counts."""

BASES: dict[str, str] = {
    "length": "metre", "area": "square metre", "volume": "cubic metre", "mass": "kilogram",
    "duration": "second", "speed": "metre per second", "energy": "joule", "power": "watt",
    "frequency": "hertz", "data storage": "byte", "pressure": "pascal", "force": "newton",
    "torque": "newton metre", "ratio": "ratio",
}

PREFIX: dict[str, Decimal] = {
    "yotta": Decimal("1e24"), "zetta": Decimal("1e21"), "exa": Decimal("1e18"), "peta": Decimal("1e15"),
    "tera": Decimal("1e12"), "giga": Decimal("1e9"), "mega": Decimal("1e6"), "kilo": Decimal("1e3"),
    "hecto": Decimal("1e2"), "deca": Decimal("1e1"), "deci": Decimal("1e-1"), "centi": Decimal("1e-2"),
    "milli": Decimal("1e-3"), "micro": Decimal("1e-6"), "nano": Decimal("1e-9"), "pico": Decimal("1e-12"),
    "femto": Decimal("1e-15"), "atto": Decimal("1e-18"),
}

UNSAFE: frozenset[str] = frozenset(
    """in at am pm a an as is it of on or to by be do go he if me my no so up us we s m h d g t l
    min sec mins secs second seconds minute minutes point points pair pairs set sets unit units
    dozen dozens score scores gross ' " ′ ″ ” ’ ‘ “ ` c f k p r n b x y e mi ha are ares bar bars
    cal cals pound pounds ton tons dram drams grain grains line lines stone stones hand hands
    pace paces foot feet inch inches quarter quarters nail nails chain chains rod rods league
    leagues fathom fathoms link links block blocks mark marks crown crowns real reals rand
    rands won yuan peso pesos lira lire franc francs dollar dollars cent cents pence penny euro
    euros yen rupee rupees grand tick ticks shot shots cup cups drop drops stick sticks
    bit bits barn barns byte bytes gal gals mo yr yrs wk wks hr hrs day days week weeks month
    months year years hour hours night nights in. ft. s. m. h.""".split()
)
"""Surfaces never taken from the catalogue: English words and letters that follow numbers in
news without being units there, and surfaces the news layer already decides (it wins)."""

UNSAFE_SYMBOLS: frozenset[str] = frozenset(
    """kb mb Mb MB gb Gb KB bp ms TV CT GA MA PA VA TR TA EA Ha Rd pt ct Ct. d. Fr FS ly ac AU au
    UA ua Da ab Ba Bd Dm dam Em Ea Ey fb Gal kp ka ky lea Mm My nt Pb pk qr sr Ta Ty tf TW tb hs
    gm Pm Tm Ws nb pb yb Yb zb Zb Cal Ci bu ft. Py Eh MOA SOA thm""".split()
)
"""Catalogue symbols that are words, abbreviations or US states in news ("5 TV channels", "GA",
"Rd"), or that news uses for more than one unit (kilobyte/kilobit, megabyte/megabit...)."""


def _dec(x: str | Decimal) -> str:
    d = Decimal(x)
    return format(d.normalize(), "f") if d == d.to_integral_value() else str(d.normalize())


def catalogue() -> list[dict[str, Any]]:
    """quantulum3's units of the read dimensions: name, dim, surfaces (lower-case, plurals
    included) and symbols, sorted by name."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load  # type: ignore[import-untyped, import-not-found, unused-ignore]

        units = load.units("en_US")
    surfaces: dict[str, set[str]] = {}
    for surface, us in units.surfaces.items():
        for u in us:
            surfaces.setdefault(u.name, set()).add(surface.lower())
    out: list[dict[str, Any]] = []
    for name, u in sorted(units.names.items()):
        entity = u.entity.name
        if entity == "dimensionless":
            if name not in DIMENSIONLESS:
                continue
            dim = "ratio"
        elif entity in ENTITY_DIM:
            dim = ENTITY_DIM[entity]
        else:
            continue
        words = sorted(surfaces.get(name, set()) | {s.lower() for s in u.surfaces})
        originals = sorted({s.lower() for s in u.surfaces})
        out.append({"name": name, "dim": dim, "words": words, "symbols": sorted(set(u.symbols)), "originals": originals})
    return out


_DIMENSIONLESS_FACTOR: dict[str, str] = {
    "parts-per-million": "1e-6", "parts-per-billion": "1e-9", "parts-per-trillion": "1e-12", "per mille": "0.001",
}


def build() -> dict[str, Any]:
    news = json.loads(NEWS.read_text("utf-8"))
    entries: list[dict[str, Any]] = [dict(e) for e in news["units"]]
    by_name = {str(e["name"]): e for e in entries}
    # a catalogue unit the news layer renames ("metric horsepower" -> its own entry) maps here
    aliases: dict[str, str] = dict(news.get("aliases", {}))
    taken: set[str] = set()
    for e in entries:
        taken.update(str(w) for w in e["words"])
        taken.update(str(s) for s in e["symbols"])
        taken.update(str(s) for s in e["tight"])
    cat = catalogue()
    contested = _contested_symbols(cat)
    for c in cat:
        name = aliases.get(str(c["name"]), str(c["name"]))
        found = by_name.get(name)
        if found is not None:
            e = found
        else:
            base, factor, offset = _conversion(name, str(c["dim"]), by_name)
            e = {"name": name, "dim": c["dim"], "base": base, "factor": factor, "offset": offset,
                 "words": [], "symbols": [], "tight": [], "source": "quantulum3"}
            entries.append(e)
            by_name[name] = e
        for sym in c.get("own", []):
            if sym not in taken:
                e["symbols"].append(sym)
                taken.add(sym)
        for key in ("words", "symbols"):
            have: list[str] = e[key]
            for s in c[key]:
                s = str(s)
                if s in taken or not s.strip():
                    continue
                if key == "words" and (s in UNSAFE or s.lower() in UNSAFE):
                    continue
                if key == "symbols" and (s in UNSAFE or s in UNSAFE_SYMBOLS or s in contested):
                    continue
                if key == "words" and any(w.endswith("ss") for w in s.replace("-", " ").split()) and s not in c["originals"]:
                    continue  # quantulum3's plural of a compound: "partss per billion"
                if key == "symbols" and len(s) < 2:
                    continue  # single letters only where the news layer says so ("tight")
                have.append(s)
                taken.add(s)
    for e in entries:
        e["words"] = sorted(set(e["words"]))
        e["symbols"] = sorted(set(e["symbols"]))
        e.pop("source", None)
    return {"version": 2, "generated_by": "python -m figcheck.data.units_generate", "units": entries}


def _prefixed(name: str) -> bool:
    return any(name.startswith(p) and len(name) > len(p) for p in PREFIX)


def _contested_symbols(cat: list[dict[str, Any]]) -> set[str]:
    """Symbols two catalogue units share, left to the plain unit when exactly one is plain
    ("Gy": gray, not gigayear), else to neither ("kb"...)."""
    owners: dict[str, list[str]] = {}
    for c in cat:
        for sym in c["symbols"]:
            owners.setdefault(str(sym), []).append(str(c["name"]))
    contested: set[str] = set()
    for sym, names in owners.items():
        if len(names) > 1:
            contested.add(sym)
            plain = [n for n in names if not _prefixed(n)]
            if len(plain) == 1:
                for c in cat:
                    if c["name"] == plain[0]:
                        c["own"] = [*c.get("own", []), sym]
    return contested


def _conversion(name: str, dim: str, by_name: dict[str, dict[str, Any]]) -> tuple[str | None, str, str]:
    """(base, factor, offset) for a catalogue unit the news layer does not name."""
    if name in _DIMENSIONLESS_FACTOR:
        return "ratio", _DIMENSIONLESS_FACTOR[name], "0"
    base = BASES.get(dim)
    if base is not None and name == base:
        return base, "1", "0"
    for prefix, scale in PREFIX.items():
        if name.startswith(prefix) and name[len(prefix) :] in by_name:
            stem = by_name[name[len(prefix) :]]
            if stem["base"] is not None and stem["dim"] == dim and Decimal(str(stem["offset"])) == 0:
                return str(stem["base"]), _dec(scale * Decimal(str(stem["factor"]))), "0"
        if name.startswith(prefix) and BASES.get(dim) == name[len(prefix) :]:
            return name[len(prefix) :], _dec(scale), "0"
    return None, "1", "0"


def render(table: dict[str, Any]) -> str:
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in table["units"]]
    head = json.dumps({k: v for k, v in table.items() if k != "units"}, ensure_ascii=False)[:-1]
    return head + ', "units": [\n' + ",\n".join(lines) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 if units.json is out of date")
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        if OUT.read_text("utf-8") != text:
            sys.stderr.write("figcheck/data/units.json is out of date: run python -m figcheck.data.units_generate\n")
            return 1
        return 0
    OUT.write_text(text, "utf-8")
    sys.stderr.write(f"wrote {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
