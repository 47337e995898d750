"""Subject and qualifiers of a figure (:func:`figcheck.parser.subject.find_subject`).

Table-driven: one list per qualifier, examples grouped by origin (the issue and brief, news
copy written for these tests).  Each example is one sentence; the figure is located by its
surface text (``"12#2"`` is the second "12"), the other figures listed in ``others`` are passed
as the other figures of the sentence.  Known misses are strict xfails.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.model import Subject
from figcheck.parser.subject import WINDOW, find_subject, singular


@dataclass(frozen=True)
class Ex:
    text: str
    figure: str
    expected: object
    dimension: str = "count"
    others: tuple[str, ...] = ()
    unit: str | None = None

    def __str__(self) -> str:  # readable test ids
        return f"{self.figure} | {self.text[:60]}"


def _span(text: str, surface: str) -> tuple[int, int]:
    surface, _, nth = surface.partition("#")
    pos = -1
    for _ in range(int(nth or 1)):
        pos = text.find(surface, pos + 1)
        assert pos >= 0, f"{surface!r} not in {text!r}"
    return pos, pos + len(surface)


def subject_of(ex: Ex) -> Subject:
    span = _span(ex.text, ex.figure)
    figures = sorted(_span(ex.text, o) for o in ex.others)
    return find_subject(
        ex.text,
        sentence=(0, len(ex.text)),
        span=span,
        unit=ex.unit,
        dimension=ex.dimension,
        figures=figures,
    )


def xfail(ex: Ex, reason: str) -> object:
    return pytest.param(ex, marks=pytest.mark.xfail(strict=True, reason=reason), id=str(ex))


def ids(ex: object) -> str:
    return str(ex)


# --------------------------------------------------------------------------- head

HEAD_FROM_BRIEF = [
    Ex(
        "Officials said approximately 10,000 to 12,000 North Korean troops had crossed.",
        "approximately 10,000 to 12,000",
        "troop",
    ),
    Ex("The $3.5bn deal was signed on Tuesday.", "$3.5bn", "deal", "currency"),
    Ex("The death toll rose to 52 on Tuesday.", "52", "death toll"),
    Ex("Unemployment fell to 4.1% last month.", "4.1%", "unemployment", "ratio"),
    Ex("12 people were injured in the blast.", "12", "person"),
    Ex("Police said the 15 injured were taken to hospital.", "15", "person"),
    Ex("A 45-year-old man was arrested at the scene.", "45-year-old", "man", "duration"),
    Ex("Temperatures hit 40C in Seville.", "40C", "temperature", "temperature"),
    Ex(
        "More than 10,000 North Korean troops have been deployed to Russia's Kursk region.",
        "More than 10,000",
        "troop",
    ),
    Ex("The ship was carrying 200 children.", "200", "child"),
    Ex("Turnout was 62% in the capital.", "62%", "turnout", "ratio"),
    Ex("The group claimed 500 casualties, a figure officials rejected.", "500", "casualty"),
    Ex("More than 200 passengers were on board.", "More than 200", "passenger"),
    Ex("The central bank raised interest rates to 5.25%.", "5.25%", "interest rate", "ratio"),
    Ex("The party's vote share rose to 34%.", "34%", "share", "ratio"),
    Ex("Interest rates were held at 4.5%.", "4.5%", "interest rate", "ratio"),
]

HEAD_NEWS = [
    # conflict
    Ex("About 3,000 of them had been killed or wounded, officials said.", "About 3,000", None),
    Ex(
        "Officials said 10,000 troops had crossed the border and about 3,000 of them had been killed.",
        "about 3,000",
        "troop",
        others=("10,000",),
    ),
    Ex(
        "The army said its air defences shot down 11 of 15 drones launched overnight.",
        "11",
        "drone",
        others=("15",),
    ),
    Ex(
        "The army said its air defences shot down 11 of 15 drones launched overnight.",
        "15",
        "drone",
        others=("11",),
    ),
    Ex(
        "The alliance will send 36 Leopard 2 tanks and 150 armoured vehicles.",
        "36",
        "tank",
        others=("150",),
    ),
    Ex(
        "The alliance will send 36 Leopard 2 tanks and 150 armoured vehicles.",
        "150",
        "vehicle",
        others=("36",),
    ),
    Ex("Two B-52 bombers will take part in exercises next month.", "Two", "bomber"),
    Ex("A navy destroyer fired warning shots at three patrol boats.", "three", "boat"),
    Ex(
        "About 4,300 soldiers from 11 member states are based in the region.",
        "11",
        "member state",
        others=("About 4,300",),
    ),
    Ex(
        "About 4,300 soldiers from 11 member states are based in the region.",
        "About 4,300",
        "soldier",
        others=("11",),
    ),
    Ex("The UN said 347 of the dead were children.", "347", "child"),
    Ex("The attack killed 12 and injured 30.", "12", "person", others=("30",)),
    Ex("The attack killed 12 and injured 30.", "30", "person", others=("12",)),
    Ex("Rescue teams pulled seven people from the rubble.", "seven", "person"),
    Ex("Food prices in Veresk had risen 35% in a month.", "35%", "food price", "ratio"),
    Ex(
        "The price of a 50kg sack of flour had reached $40.",
        "$40",
        "price",
        "currency",
        others=("50kg",),
    ),
    Ex(
        "The convoy travelled 5 miles (12 km) before stopping.",
        "12 km",
        "convoy",
        "length",
        others=("5 miles",),
    ),
    Ex(
        "Temperatures near the front fell to -15C (5F) overnight.",
        "5F",
        "temperature",
        "temperature",
        others=("-15C",),
    ),
    Ex(
        "Temperatures near the front fell to -15C (5F) overnight.",
        "-15C",
        "temperature",
        "temperature",
        others=("5F",),
    ),
    Ex(
        "The Pentagon's estimate of 10,000 troops is lower than the 12,000 first reported by the agency.",
        "12,000",
        "troop",
        others=("10,000",),
    ),
    # disasters
    Ex(
        "At least six people have died and 27 were taken to hospital.",
        "At least six",
        "person",
        others=("27",),
    ),
    Ex(
        "Two firefighters were injured and a 67-year-old shepherd was missing.",
        "Two",
        "firefighter",
        others=("67-year-old",),
    ),
    Ex(
        "Two firefighters were injured and a 67-year-old shepherd was missing.",
        "67-year-old",
        "shepherd",
        "duration",
        others=("Two",),
    ),
    Ex(
        "The fire had burned more than 12,000 hectares (29,650 acres) of forest by Wednesday.",
        "more than 12,000 hectares",
        "forest",
        "area",
        others=("29,650 acres",),
    ),
    Ex("At least 45 houses and a campsite were destroyed.", "At least 45", "house"),
    Ex(
        "Volunteers handed out water along the 42.2km (26.2-mile) route.",
        "42.2km",
        "route",
        "length",
        others=("26.2-mile",),
    ),
    Ex(
        "Volunteers handed out water along the 42.2km (26.2-mile) route.",
        "26.2-mile",
        "route",
        "length",
        others=("42.2km",),
    ),
    Ex(
        "One crew rescued a woman from a house where water was 1.5 metres deep.",
        "1.5 metres",
        "water",
        "length",
    ),
    Ex(
        "Waters off Ireland were as much as 5C warmer than normal.",
        "as much as 5C",
        "water",
        "temperature",
    ),
    Ex(
        "Sea levels along the south coast have risen about 16cm since 1900.",
        "about 16cm",
        "sea level",
        "length",
    ),
    Ex(
        "Forecasters warned of a storm surge of 10 to 15 feet.",
        "10 to 15 feet",
        "storm surge",
        "length",
    ),
    Ex("Gusts of up to 90km/h fanned the flames.", "up to 90km/h", "gust", "speed"),
    # economy and business
    Ex("Petrol prices fell 6.5% over the month.", "6.5%", "petrol price", "ratio"),
    Ex(
        "The average price of a litre of unleaded dropped by 9p to 138.4p.",
        "9p",
        "price",
        "currency",
        others=("138.4p",),
    ),
    Ex(
        "The average price of a litre of unleaded dropped by 9p to 138.4p.",
        "138.4p",
        "price",
        "currency",
        others=("9p",),
    ),
    Ex(
        "Core inflation, which strips out energy and food, held at 3.5%.",
        "3.5%",
        "inflation",
        "ratio",
    ),
    Ex(
        "Services inflation, watched closely by the central bank, slipped to 4.9% from 5.2%.",
        "4.9%",
        "inflation",
        "ratio",
        others=("5.2%",),
    ),
    Ex(
        "Services inflation, watched closely by the central bank, slipped to 4.9% from 5.2%.",
        "5.2%",
        "inflation",
        "ratio",
        others=("4.9%",),
    ),
    Ex(
        "The unemployment rate edged up to 3.9% from 3.8%.",
        "3.9%",
        "unemployment rate",
        "ratio",
        others=("3.8%",),
    ),
    Ex(
        "Average hourly earnings rose 0.2% to $34.75.",
        "$34.75",
        "earnings",
        "currency",
        others=("0.2%",),
    ),
    Ex(
        "Average hourly earnings rose 0.2% to $34.75.",
        "0.2%",
        "earnings",
        "ratio",
        others=("$34.75",),
    ),
    Ex(
        "Federal government employment was little changed at about 3 million.",
        "about 3 million",
        "employment",
    ),
    Ex(
        "Fuel, which makes up roughly a quarter of costs, rose 8% in the last quarter.",
        "8%",
        "fuel",
        "ratio",
        others=("roughly a quarter",),
    ),
    Ex(
        "Two regional airlines have agreed a $4.6bn (£3.6bn) all-share merger.",
        "$4.6bn",
        "merger",
        "currency",
        others=("£3.6bn",),
    ),
    Ex(
        "It has ordered 60 Boeing 737 MAX jets and 25 Airbus A321neo aircraft.",
        "60",
        "jet",
        others=("25",),
    ),
    Ex(
        "It has ordered 60 Boeing 737 MAX jets and 25 Airbus A321neo aircraft.",
        "25",
        "aircraft",
        others=("60",),
    ),
    Ex(
        "Sales in Greater China dropped 2.5% to $15.1bn.",
        "2.5%",
        "sale",
        "ratio",
        others=("$15.1bn",),
    ),
    Ex("Its 14-inch laptop starts at $1,599.", "$1,599", "laptop", "currency", others=("14-inch",)),
    Ex("It has a battery that lasts up to 22 hours.", "up to 22 hours", "battery", "duration"),
    Ex("Shipments of cars to the US jumped 19%.", "19%", "shipment", "ratio"),
    Ex("Exports to China, Japan's biggest market, rose by 3.1%.", "3.1%", "export", "ratio"),
    Ex("Chip-making equipment sales climbed 28%.", "28%", "sale", "ratio"),
    Ex("The chancellor announced tax rises worth £40bn a year.", "£40bn", "rise", "currency"),
    Ex(
        "Employers' national insurance contributions will go up by 1.2 percentage points.",
        "1.2 percentage points",
        "contribution",
        "ratio",
    ),
    Ex("The duty on a pint of beer will be cut by 1p.", "1p", "duty", "currency"),
    Ex("Fuel duty stays frozen at 52.95p a litre.", "52.95p", "duty", "currency"),
    Ex("Mortgage rates are expected to stay above 4%.", "above 4%", "mortgage rate", "ratio"),
    Ex("Prices were still 1.8% higher than a year earlier.", "1.8%", "price", "ratio"),
    Ex("Northern Ireland had the strongest growth, at 5.1%.", "5.1%", "growth", "ratio"),
    Ex("The prime minister promised €50m in emergency aid.", "€50m", "aid", "currency"),
    Ex("The UN appealed for $12.5m in funding.", "$12.5m", "funding", "currency"),
    Ex("Kiprop takes home $50,000 in prize money.", "$50,000", "prize money", "currency"),
    Ex("Garcia's win is worth £2.7m.", "£2.7m", "win", "currency"),
    Ex("The telescope was launched at a cost of $1.2bn.", "$1.2bn", "cost", "currency"),
    Ex("Mortgage rates of more than 5% deterred buyers.", "more than 5%", "mortgage rate", "ratio"),
    Ex("Rovers won in front of a crowd of 82,314.", "82,314", "crowd"),
    Ex("The scheme would cover up to 90% of losses.", "up to 90%", "loss", "ratio"),
    Ex("Fishing accounts for 70% of exports.", "70%", "export", "ratio"),
    Ex(
        "The WHO says 99% of the world's population breathes polluted air.",
        "99%",
        "population",
        "ratio",
    ),
    # elections, courts, sport, science
    Ex("Santos received 98,215 votes.", "98,215", "vote"),
    Ex("Hurst, who served two terms, conceded.", "two", "term"),
    Ex("The Yes side won in 14 of the 17 districts.", "14", "district", others=("17",)),
    Ex("A motion needs 31 of the 51 seats to pass.", "31", "seat", others=("51",)),
    Ex("The council will be led by a coalition of three parties.", "three", "party"),
    Ex("He pleaded guilty to 14 counts of fraud.", "14", "count"),
    Ex("His company was ordered to pay costs of £126,500.", "£126,500", "cost", "currency"),
    Ex("Newspaper ordered to pay £350,000 libel damages.", "£350,000", "damage", "currency"),
    Ex("The publisher must pay 80% of the former minister's legal costs.", "80%", "cost", "ratio"),
    Ex("He had ignored at least five warnings.", "at least five", "warning"),
    Ex("City's goalkeeper made eight saves.", "eight", "save"),
    Ex(
        "She hit 41 winners and won 78% of points on her first serve.",
        "78%",
        "point",
        "ratio",
        others=("41",),
    ),
    Ex("Garcia saved three match points in the deciding set.", "three", "match point"),
    Ex("He led a group of six runners through halfway.", "six", "runner"),
    Ex(
        "The 10km fun run attracted nearly 9,000 entrants.",
        "nearly 9,000",
        "entrant",
        others=("10km",),
    ),
    Ex(
        "An asteroid about 340 metres wide will pass Earth on Friday.",
        "about 340 metres",
        "asteroid",
        "length",
    ),
    Ex("The glacier's tongue has pulled back 1.4km since 1879.", "1.4km", "tongue", "length"),
    Ex(
        "The agency's spacecraft, which cost $324m, changed the orbit of an asteroid.",
        "$324m",
        "spacecraft",
        "currency",
    ),
    Ex("Floats drift at depths of up to 2km.", "up to 2km", "depth", "length"),
    Ex(
        "Oxygen levels in the upper ocean have fallen 2% since 1960.", "2%", "oxygen level", "ratio"
    ),
    Ex(
        "The upgrade will cut journey times by up to 20 minutes.",
        "up to 20 minutes",
        "journey time",
        "duration",
    ),
    Ex(
        "The 185-mile (298km) route carries about 30 million passengers a year.",
        "about 30 million",
        "passenger",
        others=("185-mile", "298km"),
    ),
    Ex("Punctuality on the line was 71.3% last year.", "71.3%", "punctuality", "ratio"),
    Ex("Fares on the route will rise by 4.6% in March.", "4.6%", "fare", "ratio"),
    Ex(
        "Tickets for the final cost between £45 and £145.",
        "between £45 and £145",
        "ticket",
        "currency",
    ),
    Ex("Voters aged 16 and 17 were allowed to take part.", "16 and 17", "voter", "duration"),
    Ex("The budget documents run to 160 pages.", "160 pages", "page"),
    Ex(
        "The manager signed a new three-year contract last month.",
        "three-year",
        "contract",
        "duration",
    ),
    Ex("The fall was driven by a 22% drop in coal use.", "22%", "coal use", "ratio"),
    Ex(
        "Police forces employ 147,745 officers, about 20,000 more than in 2019.",
        "about 20,000",
        "officer",
        others=("147,745",),
    ),
    Ex("Sales of stoves rose 40% in 2022.", "40%", "sale", "ratio"),
    Ex(
        "Summer temperatures at the site averaged 9.8C last year.",
        "9.8C",
        "temperature",
        "temperature",
    ),
    Ex(
        "Temperatures on court reached 34C (93F).",
        "93F",
        "temperature",
        "temperature",
        others=("34C",),
    ),
    Ex(
        "The minimum wage for workers aged 21 and over will rise 6.7%.",
        "21 and over",
        "worker",
        "duration",
        others=("6.7%",),
    ),
    Ex(
        "His deputy, aged 38, received 16 years.",
        "aged 38",
        "deputy",
        "duration",
        others=("16 years",),
    ),
    Ex(
        "Participants, all aged 45 or over, received the drug.",
        "45 or over",
        "participant",
        "duration",
    ),
    Ex("A further 72-hour walkout is planned.", "72-hour", "walkout", "duration"),
    Ex(
        "One 81-year-old former bus driver said he had been forced to sell.",
        "81-year-old",
        "driver",
        "duration",
    ),
    Ex("Tankers sailed through the 21-mile-wide channel.", "21-mile", "channel", "length"),
    Ex("Tickets for the final cost between £45 and £145.", "£45 and £145", "ticket", "currency"),
    Ex(
        "The provisional toll is 15 soldiers killed and 23 wounded.",
        "23",
        "soldier",
        others=("15",),
    ),
    Ex("Of those evacuated, 1,150 were children.", "1,150", "child"),
    Ex("Schools in Leeds will receive an extra £12m next year.", "£12m", "school", "currency"),
    Ex(
        "A financial adviser has been jailed for 10 years at Bristol Crown Court.",
        "10 years",
        "sentence",
        "duration",
    ),
    Ex(
        "Judge Marsh said his eight-year sentence reflected the harm.",
        "eight-year",
        "sentence",
        "duration",
    ),
    Ex("The number of people killed in Monday's earthquake rose to 52.", "52", "person"),
    Ex(
        "A wildfire in the hills above Ojai had burned 12,000 acres by Wednesday.",
        "12,000 acres",
        "wildfire",
        "area",
    ),
    Ex(
        "The Statement includes savings of £6.4 billion a year.",
        "£6.4 billion",
        "saving",
        "currency",
    ),
    Ex("Gaines County accounts for 57 cases.", "57", "case"),
    Ex(
        "Uptake of the second dose of the MMR vaccine among five-year-olds has fallen to 84.5%.",
        "84.5%",
        "uptake",
        "ratio",
    ),
    Ex(
        "The threshold at which employers start paying will fall from £9,100 to £5,000 a year.",
        "£9,100",
        "threshold",
        "currency",
        others=("£5,000",),
    ),
    Ex("Farm incomes fell by an average of 20%.", "20%", "farm income", "ratio"),
    Ex("Victims had lost an average of £5,200 each.", "£5,200", "average", "currency"),
    Ex(
        "Some 8.5 million jobs were vacant, down from a peak of 12 million.",
        "12 million",
        "peak",
        others=("Some 8.5 million",),
    ),
    Ex(
        "Knives with blades longer than 8 inches were banned.",
        "longer than 8 inches",
        "blade",
        "length",
    ),
    Ex(
        "The total number of crimes recorded by police, excluding fraud, was 6.7 million.",
        "6.7 million",
        "crime",
    ),
    Ex("The World Bank estimated damage at $4bn to $6bn.", "$4bn to $6bn", "damage", "currency"),
    Ex("Entries in computing rose by 11% to 18,000.", "11%", "entry", "ratio", others=("18,000",)),
    Ex("The party will need the support of at least one smaller party.", "at least one", "party"),
    Ex(
        "He spent £640,000 on cars, including three Porsche 911s.",
        "three",
        "porsche",
        others=("£640,000",),
    ),
    Ex("Bus fares in Bristol and Bath will go up by 12%.", "12%", "fare", "ratio"),
    Ex("Rail upgrade to cut journey times by 20 minutes", "20 minutes", "journey time", "duration"),
]

HEAD_KNOWN_MISSES = [
    xfail(
        Ex(
            "The number of patients waiting for planned hospital treatment in England fell to 7.54 million.",
            "7.54 million",
            "patient",
        ),
        "reduced relative clause ('waiting for ...') between the counted noun and the verb",
    ),
    xfail(
        Ex(
            "Knife crime up 7% as police record 50,500 offences.",
            "7%",
            "knife crime",
            "ratio",
            others=("50,500",),
        ),
        "verbless headline 'X up 7%'",
    ),
    xfail(
        Ex("Opener Zak Crawley made 112 from 189 balls.", "112", "run", others=("189",)),
        "implied noun (runs) never written",
    ),
]


@pytest.mark.parametrize("ex", HEAD_FROM_BRIEF + HEAD_NEWS + HEAD_KNOWN_MISSES, ids=ids)
def test_head(ex: Ex) -> None:
    assert subject_of(ex).head == ex.expected


# --------------------------------------------------------------------------- text

TEXT = [
    Ex(
        "Officials said approximately 10,000 to 12,000 North Korean troops had crossed.",
        "approximately 10,000 to 12,000",
        "North Korean troops",
    ),
    Ex("The $3.5bn deal was signed on Tuesday.", "$3.5bn", "deal", "currency"),
    Ex("The death toll rose to 52 on Tuesday.", "52", "death toll"),
    Ex("Unemployment fell to 4.1% last month.", "4.1%", "Unemployment", "ratio"),
    Ex("12 people were injured in the blast.", "12", "people"),
    Ex("A 45-year-old man was arrested.", "45-year-old", "man", "duration"),
    Ex("Temperatures hit 40C in Seville.", "40C", "Temperatures", "temperature"),
    Ex("The country's unemployment rate fell to 4.1%.", "4.1%", "unemployment rate", "ratio"),
    Ex("Food prices in Veresk had risen 35% in a month.", "35%", "Food prices", "ratio"),
    Ex("The attack killed 12.", "12", None),
    Ex("Police said the 15 injured were taken to hospital.", "15", "injured"),
    Ex("The line carries 30 million passengers\na year.", "30 million", "passengers"),
]


@pytest.mark.parametrize("ex", TEXT, ids=ids)
def test_text(ex: Ex) -> None:
    assert subject_of(ex).text == ex.expected


# --------------------------------------------------------------------------- event

EVENT = [
    # brief: the comparator keeps deployed and killed apart
    Ex("10,000 troops deployed to the region.", "10,000", "deploy"),
    Ex("3,000 troops killed in the fighting.", "3,000", "kill"),
    Ex("More than 10,000 troops have been deployed to Kursk.", "More than 10,000", "deploy"),
    Ex("12 people were injured in the blast.", "12", "injure"),
    Ex("Police said the 15 injured were taken to hospital.", "15", "injure"),
    Ex("About 3,000 troops had been killed or wounded.", "About 3,000", "kill or injure"),
    Ex("Twelve people died in the crash.", "Twelve", "kill"),
    Ex("At least 12 dead after the bridge collapsed.", "At least 12", "kill"),
    Ex("The blast killed 12.", "12", "kill"),
    Ex("The storm injured 40.", "40", "injure"),
    Ex("Police arrested 23 after the match.", "23", "arrest"),
    Ex("About 6,500 residents were evacuated.", "About 6,500", "evacuate"),
    Ex("The tremor displaced 20,000 people.", "20,000", "displace"),
    Ex("Four people are missing.", "Four", "missing"),
    Ex("Officials said 30 remain missing.", "30", "missing"),
    Ex(
        "The provisional toll is 15 soldiers killed and 23 wounded.", "23", "injure", others=("15",)
    ),
    Ex("The dam burst, forcing the evacuation of 2,300 people.", "2,300", "evacuate"),
    Ex("Nearly 2,000 people had been evacuated on Tuesday.", "Nearly 2,000", "evacuate"),
    Ex("In Gaines County 42 people have fallen ill.", "42", "ill"),
    Ex("Gaines County accounts for 57 cases.", "57", None),
    Ex("North Korean forces have suffered fewer than 300 casualties.", "fewer than 300", None),
    Ex("The ship was carrying 3,000 tonnes of grain.", "3,000 tonnes", None, "mass"),
    Ex("He has been jailed for 10 years.", "10 years", "jail", "duration"),
    Ex("The glacier has lost about 34% of its volume since 2000.", "about 34%", "fall", "ratio"),
    Ex("Analysts expect a 0.2% rise next month.", "0.2%", "rise", "ratio"),
    # changes vs levels
    Ex("Sales rose 6.5% in March.", "6.5%", "rise", "ratio"),
    Ex("Sales climbed 6.5% in March.", "6.5%", "rise", "ratio"),
    Ex("Output fell by 300 tonnes.", "300 tonnes", "fall", "mass"),
    Ex("Exports slumped 12%.", "12%", "fall", "ratio"),
    Ex("The death toll rose to 52.", "52", None),
    Ex("Unemployment fell to 4.1%.", "4.1%", None, "ratio"),
    Ex("Spending rose from $40bn to $50bn.", "$40bn", "rise from", "currency", others=("$50bn",)),
    Ex("Spending rose from $40bn to $50bn.", "$50bn", None, "currency", others=("$40bn",)),
    Ex("Temperatures hit 40C.", "40C", None, "temperature"),
    Ex("Turnout was 62%.", "62%", None, "ratio"),
    Ex("The death toll stood at 52.", "52", None),
    Ex("The bill totalled £3m.", "£3m", None, "currency"),
    Ex("Inflation is expected to reach 3%.", "3%", None, "ratio"),
    Ex("The convoy travelled 5 miles.", "5 miles", "travel", "length"),
    Ex("The project will cost £2bn.", "£2bn", "cost", "currency"),
    Ex("The ship was carrying 200 passengers.", "200", None),
    Ex(
        "The ship was carrying 200 passengers and 3,000 tonnes of grain.",
        "3,000 tonnes",
        None,
        "mass",
        others=("200",),
    ),
    Ex("The company will cut 500 jobs.", "500", "cut"),
    Ex("A 40% rise in prices.", "40%", "rise", "ratio"),
    Ex("A 22% drop in coal use.", "22%", "fall", "ratio"),
    Ex("Bus fares in Bristol and Bath will go up by 12% on 6 April.", "12%", "rise", "ratio"),
    Ex("The unemployment rate edged down to 3.8%.", "3.8%", None, "ratio"),
    Ex("Rail upgrade to cut journey times by 20 minutes", "20 minutes", "fall", "duration"),
    Ex("Chancellor lifts NHS budget by 3.8%", "3.8%", "rise", "ratio"),
    Ex(
        "Judge Marsh said his eight-year sentence reflected the harm.",
        "eight-year",
        None,
        "duration",
    ),
]


@pytest.mark.parametrize("ex", EVENT, ids=ids)
def test_event(ex: Ex) -> None:
    assert subject_of(ex).event == ex.expected


def test_injured_rewordings_meet() -> None:
    """The brief's pair: "12 people were injured" and "the 15 injured" share head and event."""
    a = subject_of(Ex("12 people were injured in the blast.", "12", None))
    b = subject_of(Ex("Police said the 15 injured were taken to hospital.", "15", None))
    assert (a.head, a.event) == (b.head, b.event) == ("person", "injure")


# --------------------------------------------------------------------------- place

PLACE = [
    Ex("About 8,000 troops are in Kursk.", "About 8,000", "Kursk"),
    Ex("Some 11,000 troops are stationed in Russia.", "Some 11,000", "Russia"),
    Ex(
        "About 8,000 troops are in Kursk and 11,000 in Russia.",
        "11,000",
        "Russia",
        others=("About 8,000",),
    ),
    Ex(
        "About 8,000 troops are in Kursk and 11,000 in Russia.",
        "About 8,000",
        "Kursk",
        others=("11,000",),
    ),
    Ex(
        "More than 10,000 troops have been deployed to Russia's Kursk region.",
        "More than 10,000",
        "Russia's Kursk region",
    ),
    Ex("Officials in Seoul said 10,000 troops had crossed.", "10,000", None),
    Ex("Temperatures hit 40C in Seville.", "40C", "Seville", "temperature"),
    Ex("The blast killed 12 in Kabul on Monday.", "12", "Kabul"),
    Ex("House prices in London fell 3%.", "3%", "London", "ratio"),
    Ex("Unemployment fell to 4.1% nationwide.", "4.1%", "nationwide", "ratio"),
    Ex("Sales rose 5% worldwide.", "5%", "worldwide", "ratio"),
    Ex("A crowd of 82,314 watched at Wembley.", "82,314", "Wembley"),
    Ex("The quake killed 300 near the border town of Kahramanmaras.", "300", None),
    Ex("The Yes side took almost 60% in the capital.", "almost 60%", None, "ratio"),
    Ex("Unemployment fell to 4.1% in March.", "4.1%", None, "ratio"),
    Ex(
        "Rainfall of 310mm was recorded at the Brockley weather station.",
        "310mm",
        "Brockley weather station",
        "length",
    ),
    Ex(
        "Staff noticed deaths among the 24,000 birds on the Driffield farm, off the B1249.",
        "24,000",
        "Driffield farm",
    ),
    Ex(
        "Officers seized 1.2 tonnes of cocaine at the Port of Southampton.",
        "1.2 tonnes",
        "Port of Southampton",
        "mass",
    ),
    Ex(
        "The marathon was won by more than a minute from Ethiopia's Tadese Bekele.",
        "more than a minute",
        None,
        "duration",
    ),
    Ex("Bus fares in Bristol and Bath will go up by 12% on 6 April.", "12%", "Bristol", "ratio"),
    Ex(
        "Rovers lost 2-0 to Rovers United, a side that signed 12 players.",
        "12",
        None,
        others=("2-0",),
    ),
    Ex("Entries in English literature fell 4.5%.", "4.5%", None, "ratio"),
    Ex("Hurst won 48% in Hurst's home ward.", "48%", None, "ratio"),
    Ex("Fares rose 5% over Easter.", "5%", None, "ratio"),
    Ex("About 4,000 troops were sent to Estonia.", "About 4,000", "Estonia"),
    Ex("In England alone, 28,000 registered nurse posts are vacant.", "28,000", "England"),
]


@pytest.mark.parametrize("ex", PLACE, ids=ids)
def test_place(ex: Ex) -> None:
    assert subject_of(ex).place == ex.expected


# --------------------------------------------------------------------------- time

TIME = [
    Ex("Unemployment fell to 4.1% last month.", "4.1%", "last month", "ratio"),
    Ex("Inflation averaged 6.7% in 2023.", "6.7%", "2023", "ratio"),
    Ex("In 2022, unemployment averaged 3.7%.", "3.7%", "2022", "ratio"),
    Ex("The death toll rose to 52 on Tuesday.", "52", "Tuesday"),
    Ex("The government wants 600,000 heat pumps installed a year by 2028.", "600,000", "by 2028"),
    Ex("Officials said 10,000 troops had crossed since October.", "10,000", "since October"),
    Ex("Inflation is expected to reach 3% by 2030.", "3%", "by 2030", "ratio"),
    Ex("The economy grew 2.4% in the third quarter.", "2.4%", "third quarter", "ratio"),
    Ex("Sales rose 5% this year.", "5%", "this year", "ratio"),
    Ex("The index fell 2% yesterday.", "2%", "yesterday", "ratio"),
    Ex("Prices rose 3% in March 2024.", "3%", "March 2024", "ratio"),
    Ex("Output was 2% lower than a year earlier.", "2%", None, "ratio"),
    Ex("There were 300 cases in 2022 and 400 in 2023.", "300", "2022", others=("400",)),
    Ex("There were 300 cases in 2022 and 400 in 2023.", "400", "2023", others=("300",)),
    Ex("In 2022 there were 300 cases, and in 2023 there were 400.", "300", "2022", others=("400",)),
    Ex("In 2022 there were 300 cases, and in 2023 there were 400.", "400", "2023", others=("300",)),
    Ex("Temperatures fell to -15C overnight.", "-15C", "overnight", "temperature"),
    Ex(
        "Temperatures fell to -15C overnight, and the convoy travelled 5 miles.",
        "5 miles",
        None,
        "length",
        others=("-15C",),
    ),
    Ex("The company may cut 500 jobs.", "500", None),
    Ex("Sales rose 5% in the year to March.", "5%", "year to March", "ratio"),
    Ex("Unemployment stood at 4.1% last\nmonth.", "4.1%", "last month", "ratio"),
    Ex("Temperatures were 2.3C above the 1961-1990 mean.", "2.3C", "1961-1990", "temperature"),
    Ex("Analysts expect a 0.2% rise next month.", "0.2%", "next month", "ratio"),
]


@pytest.mark.parametrize("ex", TIME, ids=ids)
def test_time(ex: Ex) -> None:
    assert subject_of(ex).time == ex.expected


# --------------------------------------------------------------------------- attribution

ATTRIBUTION = [
    Ex(
        "More than 10,000 troops have been deployed, according to the Pentagon.",
        "More than 10,000",
        "Pentagon",
    ),
    Ex("About 3,000 troops were killed, officials said.", "About 3,000", "officials"),
    Ex("Officials said about 3,000 troops were killed.", "about 3,000", "Officials"),
    Ex("Officials in Seoul said 10,000 troops had crossed.", "10,000", "Officials in Seoul"),
    Ex("The group claimed 500 casualties.", "500", "group"),
    Ex("Spending rose 40%, the ministry said.", "40%", "ministry", "ratio"),
    Ex("Spending rose 40%, said the ministry.", "40%", "ministry", "ratio"),
    Ex("The Pentagon's estimate of 10,000 troops is lower.", "10,000", "Pentagon"),
    Ex("The 12,000 troops first reported by the agency.", "12,000", "agency"),
    Ex("The regulator said it had fined the firm £1.25m.", "£1.25m", "regulator", "currency"),
    Ex("Unemployment fell to 4.1%, the ONS reported.", "4.1%", "ONS", "ratio"),
    Ex("Unemployment fell to 4.1% in March.", "4.1%", None, "ratio"),
    Ex("Inflation could reach 3%, economists warned.", "3%", "economists", "ratio"),
    Ex("He said 40 people were hurt.", "40", "He"),
    Ex(
        "Finance minister Rachel Reeves on Wednesday announced cuts worth £14 billion.",
        "£14 billion",
        "Finance minister Rachel Reeves",
        "currency",
    ),
]


@pytest.mark.parametrize("ex", ATTRIBUTION, ids=ids)
def test_attribution(ex: Ex) -> None:
    assert subject_of(ex).attribution == ex.expected


# --------------------------------------------------------------------------- modality

MODALITY = [
    Ex("Inflation is expected to reach 3%.", "3%", "expected", "ratio"),
    Ex("Inflation came in at 2.4%.", "2.4%", None, "ratio"),
    Ex("The death toll may rise to 100.", "100", "may"),
    Ex("As many as 500 people may have died.", "As many as 500", "may"),
    Ex("The plant could employ up to 2,000 people.", "up to 2,000", "could"),
    Ex("The company will cut 500 jobs.", "500", "will"),
    Ex("The company plans to cut 500 jobs.", "500", "planned"),
    Ex("The bank forecast growth of 1.5% next year.", "1.5%", "forecast", "ratio"),
    Ex("Growth is forecast to slow to 1.5%.", "1.5%", "forecast", "ratio"),
    Ex("Sales are projected to reach $100bn.", "$100bn", "projected", "currency"),
    Ex("Analysts predicted a 3% rise.", "3%", "forecast", "ratio"),
    Ex("Inflation is likely to fall to 2%.", "2%", "likely", "ratio"),
    Ex("Inflation is set to fall to 2%.", "2%", "expected", "ratio"),
    Ex("The government aims to build 300,000 homes a year.", "300,000", "target"),
    Ex("The government has a target of 300,000 homes a year.", "300,000", "target"),
    Ex("The group claimed 500 casualties.", "500", "claimed"),
    Ex("The group claimed 500 casualties, a figure officials rejected.", "500", "disputed"),
    Ex("Rebels claimed to have shot down 11 jets, which the army denied.", "11", "disputed"),
    Ex("The figure of 500 could not be independently verified.", "500", "unverified"),
    Ex("Garcia saves three match points to claim first Grand Slam title.", "three", None),
    Ex("Insurers estimated that claims could reach £120m.", "£120m", "could", "currency"),
    Ex("The government has pledged £11.6bn in climate finance.", "£11.6bn", "pledged", "currency"),
    Ex("An estimated 10,000 people attended.", "An estimated 10,000", None),
    Ex("About 3,000 troops were killed, officials said.", "About 3,000", None),
    Ex("The council met in May and approved 300 homes.", "300", None),
    Ex(
        "Inflation fell to 2.4% in March, and is expected to reach 3% by June.",
        "2.4%",
        None,
        "ratio",
        others=("3%",),
    ),
    Ex(
        "Inflation fell to 2.4% in March, and is expected to reach 3% by June.",
        "3%",
        "expected",
        "ratio",
        others=("2.4%",),
    ),
    Ex("Bus fares in Bristol to rise by 15% in April", "15%", "will", "ratio"),
    Ex("Bus fares in Bristol and Bath will go up by 12% on 6 April.", "12%", "will", "ratio"),
    Ex("Bus fares rose by 15% in April.", "15%", None, "ratio"),
    Ex(
        "A jury ordered Gulfstar Chemicals to pay $4.5 million in damages.",
        "$4.5 million",
        None,
        "currency",
    ),
    Ex(
        "Jury orders chemical maker to pay $4.5 million over factory fire",
        "$4.5 million",
        None,
        "currency",
    ),
]


@pytest.mark.parametrize("ex", MODALITY, ids=ids)
def test_modality(ex: Ex) -> None:
    assert subject_of(ex).modality == ex.expected


# --------------------------------------------------------------------------- negation

NEGATION = [
    Ex("Sales did not rise 5% last year.", "5%", True, "ratio"),
    Ex("Sales didn't rise 5% last year.", "5%", True, "ratio"),
    Ex("Sales rose 5% last year.", "5%", False, "ratio"),
    Ex("There were no fewer than 300 people.", "no fewer than 300", False),
    Ex("The fine was not more than £500.", "not more than £500", False, "currency"),
    Ex("12 people were not injured.", "12", True),
    Ex("The target has never been 5%.", "5%", True, "ratio"),
    Ex("Not only did 300 people attend, but 40 more queued outside.", "300", False, others=("40",)),
    Ex("Officials did not say why 40 people were arrested.", "40", False),
    Ex("The death toll rose to 52.", "52", False),
]


@pytest.mark.parametrize("ex", NEGATION, ids=ids)
def test_negated(ex: Ex) -> None:
    assert subject_of(ex).negated is ex.expected


# --------------------------------------------------------------------------- singular

SINGULAR = [
    ("people", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("casualties", "casualty"),
    ("troops", "troop"),
    ("passengers", "passenger"),
    ("buses", "bus"),
    ("taxes", "tax"),
    ("churches", "church"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("lives", "life"),
    ("halves", "half"),
    ("heroes", "hero"),
    ("species", "species"),
    ("series", "series"),
    ("news", "news"),
    ("aircraft", "aircraft"),
    ("police", "police"),
    ("losses", "loss"),
    ("status", "status"),
    ("virus", "virus"),
    ("data", "data"),
    ("earnings", "earnings"),
    ("five-year-olds", "five-year-old"),
    ("deaths", "death"),
    ("houses", "house"),
    ("policemen", "policeman"),
    ("gases", "gas"),
]


@pytest.mark.parametrize(("plural", "expected"), SINGULAR)
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


# --------------------------------------------------------------------------- robustness


@given(
    st.text(max_size=300),
    st.integers(-5, 400),
    st.integers(-5, 400),
    st.integers(-5, 400),
    st.integers(-5, 400),
)
@settings(max_examples=300, deadline=None)
def test_never_raises(text: str, a: int, b: int, s0: int, s1: int) -> None:
    """Any text and any (even nonsensical) offsets give a Subject, never a traceback."""
    subject = find_subject(
        text,
        sentence=(s0, s1),
        span=(a, b),
        unit=None,
        dimension="count",
        figures=[(b, b + 3), (a - 4, a)],
    )
    assert isinstance(subject, Subject)


@given(
    st.lists(
        st.sampled_from(
            [
                "troops",
                "the",
                "of",
                "1,000",
                ",",
                "in",
                "Kursk",
                "said",
                "rose",
                "to",
                "not",
                "may",
                "(",
                ")",
                "2023",
                "which",
                "-",
            ]
        ),
        max_size=120,
    )
)
@settings(max_examples=200, deadline=None)
def test_word_salad(words: list[str]) -> None:
    text = " ".join(words) + " 12 people"
    a = text.rindex("12")
    subject = find_subject(
        text, sentence=(0, len(text)), span=(a, a + 2), unit=None, dimension="count"
    )
    assert subject.head == "person"


def test_only_a_window_is_read() -> None:
    """Context beyond WINDOW characters never changes the result (bounded work per figure)."""
    core = "the death toll rose to 52 on Tuesday, officials said"
    pad = "x " * (2 * WINDOW)
    a = core.index("52")
    near = find_subject(
        core, sentence=(0, len(core)), span=(a, a + 2), unit=None, dimension="count"
    )
    far_text = pad + core + " " + pad
    shift = len(pad)
    far = find_subject(
        far_text,
        sentence=(0, len(far_text)),
        span=(a + shift, a + shift + 2),
        unit=None,
        dimension="count",
    )
    assert far.head == near.head == "death toll"
    assert far.time == near.time == "Tuesday"


def test_many_figures_in_one_sentence() -> None:
    """A sentence with thousands of figures: each call looks only at its own window."""
    text = ", ".join(f"{i} troops" for i in range(1, 3000))
    spans = []
    pos = 0
    for i in range(1, 3000):
        s = text.index(f"{i} troops", pos)
        spans.append((s, s + len(str(i))))
        pos = s + 1
    mid = spans[1500]
    others = [sp for sp in spans if sp != mid]
    subject = find_subject(
        text, sentence=(0, len(text)), span=mid, unit=None, dimension="count", figures=others
    )
    assert subject.head == "troop"


# --------------------------------------------------------------------------- rewordings
# Pairs the comparator must be able to match (same head and event) or keep apart (different
# head, event, place, time or modality).  Checked directly, one sentence each.

SAME_FACT = [
    (
        Ex("12 people were injured in the blast.", "12", None),
        Ex("Police said the 15 injured were taken to hospital.", "15", None),
    ),
    (
        Ex("Twelve people died in the crash.", "Twelve", None),
        Ex("The crash killed 14 people.", "14", None),
    ),
    (
        Ex("The death toll rose to 52 on Wednesday.", "52", None),
        Ex("The death toll stood at 30.", "30", None),
    ),
    (
        Ex("More than 200 passengers were on board.", "More than 200", None),
        Ex("The plane was carrying 148 passengers.", "148", None),
    ),
    (
        Ex("Unemployment fell to 4.1%.", "4.1%", None, "ratio"),
        Ex("Unemployment was 4.3%.", "4.3%", None, "ratio"),
    ),
    (
        Ex("Turnout was 62%.", "62%", None, "ratio"),
        Ex("Voter turnout reached 58%.", "58%", None, "ratio"),
    ),
    (
        Ex("Food prices in Veresk had risen 35% in a month.", "35%", None, "ratio"),
        Ex("Food prices rose 30%.", "30%", None, "ratio"),
    ),
    (
        Ex("Temperatures hit 40C.", "40C", None, "temperature"),
        Ex("Temperatures reached 41C.", "41C", None, "temperature"),
    ),
    (
        Ex("About 3,000 troops were killed.", "About 3,000", None),
        Ex("3,000 troops killed in the fighting.", "3,000", None),
    ),
]


SAME_FACT_MISSES = [
    pytest.param(
        Ex("At least 30 people were killed.", "At least 30", None),
        Ex("The death toll rose to 52.", "52", None),
        marks=pytest.mark.xfail(
            strict=True,
            reason="head 'death toll' (corpus convention) vs person+kill: the comparator has to bridge them",
        ),
    ),
]


@pytest.mark.parametrize(("a", "b"), [*SAME_FACT, *SAME_FACT_MISSES], ids=lambda e: str(e))
def test_rewordings_meet(a: Ex, b: Ex) -> None:
    sa, sb = subject_of(a), subject_of(b)
    assert sa.head is not None
    assert (sa.head, sa.event) == (sb.head, sb.event)


DIFFERENT_FACT = [
    (
        Ex("10,000 troops deployed to the region.", "10,000", None),
        Ex("3,000 troops killed in the fighting.", "3,000", None),
    ),
    (
        Ex("About 8,000 troops are in Kursk.", "About 8,000", None),
        Ex("About 11,000 troops are in Russia.", "About 11,000", None),
    ),
    (
        Ex("Unemployment averaged 4.1% in 2022.", "4.1%", None, "ratio"),
        Ex("Unemployment averaged 3.7% in 2023.", "3.7%", None, "ratio"),
    ),
    (
        Ex("Inflation is expected to reach 3%.", "3%", None, "ratio"),
        Ex("Inflation came in at 2.4%.", "2.4%", None, "ratio"),
    ),
    (
        Ex("The group claimed 500 casualties, a figure officials rejected.", "500", None),
        Ex("Officials said there were 120 casualties.", "120", None),
    ),
    (
        Ex("Sales rose 6.5%.", "6.5%", None, "ratio"),
        Ex("Sales rose to 6.5%.", "6.5%", None, "ratio"),
    ),
    (
        Ex("Spending rose from $40bn to $50bn.", "$40bn", None, "currency", ("$50bn",)),
        Ex("Spending rose from $40bn to $50bn.", "$50bn", None, "currency", ("$40bn",)),
    ),
    (
        Ex("The company will cut 500 jobs.", "500", None),
        Ex("The company cut 300 jobs.", "300", None),
    ),
    (Ex("Sales did not rise 5%.", "5%", None, "ratio"), Ex("Sales rose 5%.", "5%", None, "ratio")),
]


def _key(s: Subject) -> tuple[object, ...]:
    return (s.head, s.event, s.place, s.time, s.modality, s.negated)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_FACT, ids=lambda e: str(e))
def test_different_facts_stay_apart(a: Ex, b: Ex) -> None:
    assert _key(subject_of(a)) != _key(subject_of(b))


# --------------------------------------------------------------------------- through extract
# The whole pipeline: figcheck.extract finds the figure, the sentence and the other figures.

ARTICLE = """More than 10,000 North Korean troops have been deployed to Russia's Kursk region, according to
the Pentagon, in the first such deployment since the Korean war.

Officials in Seoul said approximately 10,000 to 12,000 troops had crossed the border since
October, and that about 3,000 of them had been killed or wounded.

Military spending rose from 40 billion dollars to 50 billion dollars, the ministry said.

Temperatures near the front fell to -15C (5F) overnight.

The group claimed 500 casualties, a figure officials rejected. Inflation is expected to reach 3% by 2030.
"""

THROUGH_EXTRACT = [
    ("More than 10,000", "head", "troop"),
    ("More than 10,000", "event", "deploy"),
    ("More than 10,000", "attribution", "Pentagon"),
    ("More than 10,000", "place", "Russia's Kursk region"),
    ("approximately 10,000 to 12,000", "head", "troop"),
    ("approximately 10,000 to 12,000", "attribution", "Officials in Seoul"),
    ("approximately 10,000 to 12,000", "time", "since October"),
    ("approximately 10,000 to 12,000", "place", None),
    ("about 3,000", "head", "troop"),
    ("about 3,000", "event", "kill or injure"),
    ("40 billion dollars", "head", "spending"),
    ("40 billion dollars", "event", "rise from"),
    ("50 billion dollars", "event", None),
    ("-15C", "head", "temperature"),
    ("5F", "head", "temperature"),
    ("5F", "time", "overnight"),
    ("500", "head", "casualty"),
    ("500", "modality", "disputed"),
    ("3%", "head", "inflation"),
    ("3%", "modality", "expected"),
    ("3%", "time", "by 2030"),
]


@pytest.fixture(scope="module")
def extracted() -> dict[str, Subject]:
    import figcheck

    return {q.text: q.subject for q in figcheck.extract(ARTICLE)}


@pytest.mark.parametrize(("surface", "attr", "expected"), THROUGH_EXTRACT)
def test_through_extract(
    extracted: dict[str, Subject], surface: str, attr: str, expected: object
) -> None:
    assert surface in extracted, f"parser did not return {surface!r}: {sorted(extracted)}"
    assert getattr(extracted[surface], attr) == expected


def test_title_subject_through_extract() -> None:
    import figcheck

    quantities = figcheck.extract(
        "Officials said 10,000 troops had crossed.",
        title="12,000 North Korean troops sent to Kursk, officials say",
    )
    title = [q for q in quantities if q.field == "title"]
    assert [(q.text, q.subject.head, q.subject.place, q.subject.event) for q in title] == [
        ("12,000", "troop", "Kursk", "send")
    ]


# --------------------------------------------------------------------------- lemmas

LEMMAS = [
    ("killed", "kill"),
    ("deployed", "deploy"),
    ("evacuated", "evacuate"),
    ("injured", "injure"),
    ("rose", "rise"),
    ("fell", "fall"),
    ("risen", "rise"),
    ("hit", "hit"),
    ("stood", "stand"),
    ("dropped", "drop"),
    ("slipped", "slip"),
    ("totalled", "total"),
    ("travelled", "travel"),
    ("combined", "combine"),
    ("collapsed", "collapse"),
    ("declared", "declare"),
    ("distributed", "distribute"),
    ("imposed", "impose"),
    ("decided", "decide"),
    ("included", "include"),
    ("caused", "cause"),
    ("changing", "change"),
    ("singing", "sing"),
    ("opened", "open"),
    ("visited", "visit"),
    ("offered", "offer"),
    ("rained", "rain"),
    ("claimed", "claim"),
    ("guaranteed", "guarantee"),
    ("carried", "carry"),
    ("won", "win"),
]


@pytest.mark.parametrize(("form", "expected"), LEMMAS)
def test_lemma(form: str, expected: str) -> None:
    from figcheck.parser.lexicon.verbs import lemma

    assert lemma(form) == expected


# Sentences where a verb of saying has no real source in front of it.
NO_ATTRIBUTION = [
    Ex("The fall was driven by a 22% drop in coal use.", "22%", None, "ratio"),
    Ex("Delays reported on Monday affected 300 flights.", "300", None),
    Ex(
        "Apple, which reports on 2 November, said revenue would be $90.1bn.",
        "$90.1bn",
        "Apple",
        "currency",
    ),
    Ex(
        "The airport said the strike would cost it more than £6m.",
        "more than £6m",
        "airport",
        "currency",
    ),
    Ex("June's figure was revised to show a loss of 13,000 jobs.", "13,000", None),
]


@pytest.mark.parametrize("ex", NO_ATTRIBUTION, ids=ids)
def test_no_attribution(ex: Ex) -> None:
    assert subject_of(ex).attribution == ex.expected


def test_window_edge_never_splits_a_word() -> None:
    """A window cut inside a word must not leak a word fragment into a qualifier."""
    head = "British finance minister Rachel Reeves on Wednesday announced "
    filler = "welfare cuts and spending restraint " * 12
    text = head + filler + "worth £14 billion a year."
    a = text.index("£14 billion")
    for s0 in (0, 3, 12):  # a caller may clip the sentence inside a word too
        subject = find_subject(
            text, sentence=(s0, len(text)), span=(a, a + 11), unit=None, dimension="currency"
        )
        assert subject.attribution is None or subject.attribution.split()[0] in head.split()
