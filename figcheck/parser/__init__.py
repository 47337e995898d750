"""figcheck's parser: text -> :class:`~figcheck.model.Quantity`.

``extract(text, title=None)`` returns every figure; ``segment(text)`` the sentences with their
paragraph index.  The grammar is in :mod:`figcheck.parser.grammar` (rules as data in priority
registries, linear time), the unit table in ``figcheck/data/units.json`` (one unit per line; see
:mod:`figcheck.parser.units` for the fields), generated from quantulum3's unit catalogue with the
news layer ``units_news.json`` on top by ``python -m figcheck.data.units_generate`` (a test keeps
it in sync).  Headlines (the ``title`` field) are read by :mod:`figcheck.parser.headline`.  Unit names are quantulum3's where quantulum3 has
the unit ("dollar", "pound sterling", "euro", "japanese yen", "percentage", "kilometre", "mile",
"degree Celsius", "degree fahrenheit"...), plus "percentage point" and "basis point".  "$",
"US$", "USD" and "US dollars" are all "dollar", so US$5m and $7m compare; the other dollars keep
their own names ("australian dollar" for A$, "canadian dollar" for C$, "hong kong dollar"...).

Dimension vocabulary (``Quantity.dimension``, with ``base_unit`` where a conversion exists):

========================  ==============================================================
``count``                 a plain count ("12 people"), ``unit`` None
``currency``              money; ``base_unit`` is the currency itself (pence -> pound sterling,
                          x0.01); currencies are never converted into each other
``ratio``                 percentages (``base_unit`` "ratio", 40% -> 0.4), fractions
                          ("two-thirds", "half"), "one in five"; and factors ("doubled")
``ratio difference``      percentage points and basis points (``base_unit`` "percentage point")
``length``                metre
``area``                  square metre
``volume``                cubic metre
``mass``                  kilogram
``temperature``           degree Celsius (F and kelvin converted; a change such as "warming of
                          2.7F" converts without the offset); bare "degrees" has no base
``duration``              second (a year is 365.25 days, a month a twelfth of that); ages ("a
                          45-year-old", "aged 45", "Mark Dunne, 49,", "in their 70s") are
                          durations in ``year`` too (the gold corpus convention)
``angle``                 "rotate 90 degrees", radians, turns (no base)
``speed``                 metre per second
``energy`` / ``power``    joule / watt
``frequency``             hertz
``data storage``          byte
``pressure`` / ``force``  pascal / newton ("80 ksi", "5 psi"); ``torque`` newton metre
``index``                 stock-index points ("the Dow fell 157 points", "closed at 8,574"),
                          unit "index point", no base
========================  ==============================================================

Vague quantities are ranges (bound "range"): "dozens of" [24, 99], "scores of" [40, 99],
"hundreds of" [200, 999], "thousands of" [2000, 9999], "tens of thousands" [20000, 99999],
"hundreds of thousands" [200000, 999999], "millions of" [2000000, 999999999]; "a few hundred"
[200, 500]; "several thousand" [3000, 9000].  Sports scores and vote tallies ("won 3-1",
"52-48 vote") have ``kind`` "score" with ``value.low``/``value.high`` as written (first, second)
and an interval from the smaller to the larger.  "doubled"/"tripled"/"halved" have ``kind``
"factor" and value 2/3/0.5 ("more than three times", "0.78 times", "twice the average" too; a
bare "scored twice" is a count).  Compound amounts are one figure: "six years and eight months" ->
80 month, "2 hours 4 minutes" -> 124 minute (the smaller unit), "5 feet 2 inches" -> 5.1666 foot,
"3 dollars 50 cents" -> 3.5 dollar.  A rate keeps its amount's unit and names the denominator
in ``per``: "800,000 barrels a day" is unit "barrel", per "day"; "C$6 per share" per "share".
Scientific notation reads as one number ("1.99×10−30 kg", "6 x 10^23", "4.2e6").  Invisible
format characters (zero-width space, soft hyphen...) are read as absent.

Not figures (never returned): years and year spans ("in 2023", "2023-24"), dates ("12 March"),
clock times ("10:30", "3pm"), ordinals ("22nd", "third", "one hundred twenty fifth"), model and
product names ("B-52", "G7", "5G", "Boeing 737", "iPhone 15"), phone and text numbers, street
addresses, labels ("section 3", "No. 10", "junctions 4 and 7"), decades ("the 1990s"), web
addresses, and number-word adjectives ("a five-set epic", "the two sides").

The grammar's cost is bounded per token; :func:`work` returns a deterministic count of rule
attempts and window steps so tests can assert it is linear in the input's length.
"""

from __future__ import annotations

from .extract import extract, work
from .segment import Sentence, segment

__all__ = ["Sentence", "extract", "segment", "work"]
