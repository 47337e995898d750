"""Score :func:`figcheck.extract` against the gold corpus in ``corpus/extract/``."""

from __future__ import annotations

from types import MappingProxyType

UNITS = MappingProxyType({
    # currency (quantulum3 names)
    "dollar": "currency", "united states dollar": "currency", "australian dollar": "currency",
    "canadian dollar": "currency", "new zealand dollar": "currency", "pound sterling": "currency",
    "penny": "currency", "euro": "currency", "cent": "currency", "japanese yen": "currency",
    "indian rupee": "currency", "swiss franc": "currency", "chinese yuan": "currency",
    "south african rand": "currency", "south korean won": "currency", "mexican peso": "currency",
    # ratio
    "percentage": "ratio", "percentage point": "ratio", "basis point": "ratio",
    # length
    "kilometre": "length", "mile": "length", "metre": "length", "centimetre": "length",
    "millimetre": "length", "foot": "length", "inch": "length", "yard": "length",
    # area
    "square kilometre": "area", "square mile": "area", "hectare": "area", "acre": "area",
    "square metre": "area", "square foot": "area",
    # volume
    "litre": "volume", "cubic kilometre": "volume", "gallon": "volume", "barrel": "volume", "cubic metre": "volume",
    # mass
    "tonne": "mass", "kilogram": "mass", "gram": "mass", "milligram": "mass", "pound-mass": "mass",
    # temperature
    "degree Celsius": "temperature", "degree fahrenheit": "temperature",
    # duration (also ages)
    "year": "duration", "month": "duration", "week": "duration", "day": "duration",
    "hour": "duration", "decade": "duration", "minute": "duration", "second": "duration",
    # speed
    "kilometre per hour": "speed", "mile per hour": "speed", "knot": "speed",
    "metre per second": "speed",
    # power, energy, data
    "megawatt": "power", "gigawatt": "power", "kilowatt hour": "energy",
    "gigawatt hour": "energy", "gigabyte": "data",
})
"""Every unit the gold may use, with its dimension.  A plain count has unit ``None`` and dimension
``count``; a factor ("doubled") has unit ``None`` and dimension ``ratio``."""

DIMENSIONS = frozenset(UNITS.values()) | {"count"}
