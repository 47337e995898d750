"""Word tables for the grammar (immutable module constants: frozensets and read-only mappings)."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

D = Decimal

UNITS_WORDS = MappingProxyType(
    {
        "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19,
    }
)
TENS_WORDS = MappingProxyType(
    {
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    }
)
SCALE_WORDS = MappingProxyType(
    {
        "hundred": D(100), "thousand": D(1000), "million": D(10) ** 6, "billion": D(10) ** 9,
        "trillion": D(10) ** 12,
    }
)
# abbreviations written after digits: "3.5bn", "$40k", "£2.5m", "10tn"
SCALE_ABBREV = MappingProxyType(
    {
        "k": D(1000), "m": D(10) ** 6, "mn": D(10) ** 6, "mln": D(10) ** 6, "mil": D(10) ** 6,
        "b": D(10) ** 9, "bn": D(10) ** 9, "bln": D(10) ** 9, "tn": D(10) ** 12,
        "trn": D(10) ** 12, "thousand": D(1000), "million": D(10) ** 6, "billion": D(10) ** 9,
        "trillion": D(10) ** 12, "lakh": D(10) ** 5, "lakhs": D(10) ** 5, "crore": D(10) ** 7,
        "crores": D(10) ** 7,
    }
)
# "a dozen", "two dozen", "a score of"
DOZEN = MappingProxyType({"dozen": D(12), "score": D(20)})
UNICODE_FRACTIONS = MappingProxyType(
    {
        "½": D("0.5"), "¼": D("0.25"), "¾": D("0.75"), "⅓": D(1) / 3, "⅔": D(2) / 3,
        "⅕": D("0.2"), "⅖": D("0.4"), "⅗": D("0.6"), "⅘": D("0.8"), "⅛": D("0.125"),
        "⅜": D("0.375"), "⅝": D("0.625"), "⅞": D("0.875"), "⅙": D(1) / 6, "⅚": D(5) / 6,
    }
)
# denominators of spelled fractions: "two-thirds", "a quarter of", "three fifths"
FRACTION_DENOMS = MappingProxyType(
    {
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
        "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
    }
)

# hedges: token sequence (lower case) -> (bound, lean)
HEDGES = MappingProxyType(
    {
        **{k: ("lower", "both") for k in (
            "over", "more than", "at least", "upwards of", "upward of", "in excess of",
            "above", "greater than", "exceeding", "no fewer than", "no less than",
            "not less than", "well over", "well above", "higher than", "north of",
            "a minimum of", "at minimum", "well in excess of", "longer than", "or more than",
            "older than", "as old as", "taller than", "nearly more than",
            "more than about", "some more than", "over and above", "+", ">",
            "larger than", "bigger than", "not fewer than", "at the least",
            "greater than or equal to", "more than or equal to", "at least or equal to",
            "higher or equal than", "bigger or equal than", "larger or equal than",
            "greater or equal than", "more or equal than", "greater than or equal",
            "no lower than", ">=", "> =", "=>", "≥")},
        **{k: ("upper", "both") for k in (
            "under", "less than", "fewer than", "up to", "as many as", "as much as",
            "at most", "no more than", "just under", "below", "not more than",
            "a maximum of", "at the most", "well under", "well below", "lower than",
            "not exceeding", "<", "smaller than", "just below", "only up to", "within",
            "within roughly", "within about", "as long as", "as high as", "as little as",
            "shorter than", "younger than", "as young as", "as much as about",
            "less than or equal to", "fewer than or equal to", "smaller or equal than",
            "lower or equal than", "less or equal than", "less than or equal", "no higher than",
            "<=", "< =", "=<", "≤")},
        **{k: ("approximate", "both") for k in (
            "about", "around", "approximately", "roughly", "some", "an estimated",
            "estimated", "close to", "closer to", "nearer to", "nearer", "~", "c.", "circa", "approx.", "approx", "around about",
            "in the region of", "an approximate", "a approximate", "more or less",
            "or so", "roughly about", "about some", "just about", "give or take",
            "the equivalent of", "≈")},
        **{k: ("approximate", "below") for k in (
            "nearly", "almost", "just shy of", "not quite", "close on", "nigh on",
            "just short of", "a little under", "slightly under", "slightly less than",
            "a little less than", "just less than", "just fewer than", "a shade under")},
        **{k: ("approximate", "above") for k in (
            "just over", "just above", "slightly more than", "a little over",
            "slightly over", "just more than", "a little more than", "a shade over",
            "just north of")},
    }
)
HEDGE_MAX = 6  # longest hedge in tokens

# suffix hedges: "10,000 or more", "5,000-plus", "50 or so", "20 or fewer"
SUFFIX_HEDGES = MappingProxyType(
    {
        "or more": ("lower", "both"), "and more": ("lower", "both"), "or above": ("lower", "both"), "and above": ("lower", "both"),
        "and over": ("lower", "both"), "or over": ("lower", "both"), "or older": ("lower", "both"), "plus": ("lower", "both"), "+": ("lower", "both"),
        "-plus": ("lower", "both"), "and up": ("lower", "both"), "or greater": ("lower", "both"),
        "or fewer": ("upper", "both"), "or less": ("upper", "both"), "or under": ("upper", "both"),
        "and under": ("upper", "both"), "or below": ("upper", "both"),
        "or so": ("approximate", "both"), "odd": ("approximate", "above"),
        "-odd": ("approximate", "above"), "or thereabouts": ("approximate", "both"),
        "and counting": ("lower", "both"),
    }
)

CHANGE_UP = frozenset(
    "rose rise rises rising risen climbed climb climbs climbing jumped jump jumps jumping "
    "increased increase increases increasing up gained gain gains gaining grew grow grows growing "
    "grown surged surge surges surging soared soar soars soaring rallied rally rallies "
    "advanced spiked spike boosted swelled widened expanded "
    "leapt leaped leap leaps accelerated increment higher hike hiked hikes ballooned edged "
    "crept ticked".split()
)
CHANGE_DOWN = frozenset(
    "fell fall falls falling fallen dropped drop drops dropping slumped slump slumps slumping "
    "declined decline declines declining down decreased decrease decreases decreasing "
    "plunged plunge plunges plunging tumbled tumble tumbles slid slide slides sliding "
    "shrank shrink shrinks shrunk contracted contract eased ease eases "
    "cut cuts cutting reduced reduce reduces reducing lowered slashed slash dipped dip dips "
    "sank sink sinks sunk plummeted plummet plummets retreated shed sheds lower narrowed "
    "crashed tanked slipped slip slips".split()
)
# a change noun after the figure: "a 40% rise", "a 3% fall", "5% higher"
CHANGE_NOUN_UP = frozenset(
    "rise increase jump gain growth hike surge climb uplift boost improvement higher "
    "uptick rises increases gains".split()
)
CHANGE_NOUN_DOWN = frozenset(
    "fall drop decline decrease cut reduction slump loss plunge dip contraction lower "
    "falls drops declines cuts reductions slide".split()
)
CHANGE_GLUE = frozenset(
    {"by", "a", "another", "further", "an", "additional", "extra", "of", "average", "total", "combined"}
)

FACTORS = MappingProxyType(
    {
        "doubled": (D(2), "up"), "doubling": (D(2), "up"), "doubles": (D(2), "up"),
        "tripled": (D(3), "up"), "trebled": (D(3), "up"), "tripling": (D(3), "up"),
        "triples": (D(3), "up"), "trebles": (D(3), "up"), "quadrupled": (D(4), "up"),
        "quadrupling": (D(4), "up"), "halved": (D("0.5"), "down"), "halving": (D("0.5"), "down"),
        "triple": (D(3), "up"), "double": (D(2), "up"), "quadruple": (D(4), "up"),
        "halve": (D("0.5"), "down"), "twice": (D(2), None), "thrice": (D(3), None),
    }
)

# vague plural scale words: "dozens of" -> [24, 99]; see VAGUE docs in grammar
VAGUE = MappingProxyType(
    {
        "dozens": (D(24), D(99)), "scores": (D(40), D(99)), "hundreds": (D(200), D(999)),
        "thousands": (D(2000), D(9999)), "millions": (D(2000000), D(999999999)),
        "billions": (D(2000000000), D(999999999999)),
    }
)
VAGUE_COMPOUND = MappingProxyType(
    {
        ("tens", "of", "thousands"): (D(20000), D(99999)),
        ("hundreds", "of", "thousands"): (D(200000), D(999999)),
        ("tens", "of", "millions"): (D(20000000), D(99999999)),
        ("hundreds", "of", "millions"): (D(200000000), D(999999999)),
        ("tens", "of", "billions"): (D(20000000000), D(99999999999)),
        ("hundreds", "of", "billions"): (D(200000000000), D(999999999999)),
    }
)
# "a few hundred" -> [200, 500]; "several thousand" -> [3000, 9000]
FEW = MappingProxyType({"few": (D(2), D(5)), "several": (D(3), D(9)), "many": (D(3), D(9))})

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun".split()
)
TIME_SUFFIX = frozenset(
    "am pm gmt bst utc est edt pst pdt cet cest et pt ct mt ist aest".split()
)
ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
# words after which a number is an identifier, not a figure
LABELS = frozenset(
    "no nos number section sections page pages row rows chapter chapters article articles room "
    "flight route platform gate seat paragraph clause item exhibit verse line bus channel "
    "version season episode volume vol pp p phase stage level category grade tier "
    "act scene rule junction highway interstate lane apartment apt suite floor "
    "station stations junctions issue issues table tables court question amendment bill resolution proposition prop district ward precinct "
    "exit terminal pier berth courtroom division squadron regiment battalion "
    "brigade corps fleet model mark mk no. id code tel telephone phone fax ext mobile "
    "hotline helpline dial sms ref reference docket schedule "
    "appendix annex part psalm number. "
    "track disc vol. sec. art. para. ch. fig. tab. covid sars mh".split()
)
STREET_TYPES = frozenset(
    "street st road rd avenue ave lane ln boulevard blvd drive dr way place pl court ct terrace "
    "crescent close parkway square sq highway hwy row mews gardens grove walk hill wall quay wharf "
    "embankment view".split()
)
SCORE_CONTEXT = frozenset(
    "won win wins winning beat beats beating lost lose loses losing defeat defeated defeats "
    "victory victories draw drew drawn score scored scores scoreline lead led leading trailing "
    "trailed vote votes voted voting margin thrashing thrashed halftime half-time goals "
    "game match final ruling decision majority tie tied triumph triumphed edged routed "
    "thumped hammered loss record split verdict sets set beating beaten draws series level "
    "levelled leveled".split()
)
# function words that may precede a number while being capitalised at a sentence start
NOT_PRODUCT = frozenset(
    "the a an and but or nor so yet for of in on at by to from with about around some over under "
    "nearly almost only just more less fewer than up down another all these those its his her "
    "their our your my this that since after before during between roughly approximately "
    "about estimated average total including included includes another another each every "
    "least most no not some when while as if then there here it they we he she i you who "
    "what which where how why said says say according per cent percent until till through "
    "into onto upon across against among amid within without toward towards via plus minus "
    "negative positive be been being is are was were has have had do does did will would "
    "could should may might must can shall than also even still already aged age ages "
    "age. just another other net gross total overall official officials police authorities "
    "figures data reports report statistics"
    .split()
) | MONTHS | WEEKDAYS


ROUND_IDIOMS = MappingProxyType({"last": ("the", "in", "into", "to"), "final": ("the",), "of": ("round",)})
"""Sports rounds named by the number of teams left: "(in) the last eight", "the final four",
"the round of 16".  Word before the number -> the words allowed before that (headlines drop the article: "in Last Eight")."""
ROUND_SIZES = frozenset("four eight sixteen 4 8 16 32 64".split())
ROUND_AFTER = frozenset("stage stages tie ties draw clash clashes match matches round showdown berth spot place".split())
"""Words after "the last eight" that keep it a round ("the last-eight stage"), not a count."""


RATE_NOUNS = MappingProxyType({
    "share": "share", "shares": "share", "person": "person", "people": "person", "head": "head", "capita": "capita", "passenger": "passenger", "passengers": "passenger", "student": "student", "students": "student", "pupil": "pupil", "pupils": "pupil", "household": "household", "households": "household", "resident": "resident", "residents": "resident", "worker": "worker", "workers": "worker", "employee": "employee", "employees": "employee", "user": "user", "users": "user", "customer": "customer", "customers": "customer", "patient": "patient", "patients": "patient", "bed": "bed", "beds": "bed", "seat": "seat", "seats": "seat", "visitor": "visitor", "visitors": "visitor", "ticket": "ticket", "tickets": "ticket", "unit": "unit", "units": "unit", "vehicle": "vehicle", "vehicles": "vehicle", "car": "car", "cars": "car", "barrel": "barrel", "barrels": "barrel", "ounce": "ounce", "ounces": "ounce", "pound": "pound", "kilo": "kilo", "kilos": "kilo", "tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "gallon": "gallon", "gallons": "gallon", "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "bottle": "bottle", "bottles": "bottle", "pack": "pack", "packs": "pack", "annum": "year", "night": "night", "nights": "night", "game": "game", "games": "game", "match": "match", "matches": "match", "episode": "episode", "episodes": "episode", "dose": "dose", "doses": "dose"
})
"""Counted nouns a rate is "per" ("C$6 per share", "$40 a head", "$90 a barrel"), -> singular.
Units of time, volume, mass... come from the unit table."""


RATE_ADVERBS = MappingProxyType({
    "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
    "nightly": "night", "hourly": "hour",
})
"""Adverbs that make an amount a rate ("$2,500 annually" is dollars per year)."""

DEGREE_ADJECTIVES = frozenset(
    "sure certain right wrong correct true false confident convinced committed behind honest "
    "accurate positive clear serious focused fit healthy ready happy satisfied guaranteed".split()
)
"""Adjectives after which "100 percent" is a degree ("100 percent sure"), not a share."""

OVER_PARTICLE_VERBS = frozenset(
    "kick kicks kicked kicking slot slots slotted slotting knock knocks knocked knocking "
    "boot boots booted booting stroke strokes stroked stroking hand hands handed handing "
    "take takes took taken taking put puts putting roll rolls rolled rolling land lands "
    "landed landing send sends sent sending fire fires fired firing".split()
)
"""Verbs whose "over" is a particle, not a hedge: "slotted over four penalties" (kicked four),
"handed over 12 files"; unlike "killed over 100", "raised over $5m"."""


STOCK_INDEXES = frozenset(
    "dow djia nasdaq ftse s&p nikkei dax cac hang seng sensex nifty kospi asx tsx stoxx ibex "
    "topix index indexes indices".split()
)
"""Words naming a stock index: its moves and levels are in index points."""
INDEX_LEVEL_VERBS = frozenset(
    "closed close closes closing ended end ends ending finished finish finishes stood stands "
    "opened opens settled settles fell falls dropped drops slipped rose rises climbed jumped "
    "surged slumped tumbled plunged sank".split()
)
"""Verbs before "at"/"to" that give an index's level ("the Dow closed at 8,574")."""
