"""Closed-class words and news vocabulary used to find a figure's subject and qualifiers.

The subject finder's event families, people adjectives, event and change nouns, compound heads,
level, neutral and human-object verbs, modality, claim and dispute words live in the one
vocabulary (``figcheck/data/vocabulary.toml``, tables ``subject_event``, ``subject_head``,
``subject_verb`` and ``modality``), with examples; :mod:`figcheck.parser.subject` reads them there.
"""

from __future__ import annotations

from . import pairs, wordset

DETERMINERS = wordset(
    """a an the this that these those its their his her our your my some any each every all
    both another other such no whose which what"""
)

PRONOUNS = wordset(
    """i you he she it we they me him us them who whom whose which that this these those one
    ones itself themselves himself herself someone anyone everyone everybody nobody something
    anything everything nothing each all both"""
)

# Pronouns that, after "of", point back to an earlier figure's noun ("3,000 of them").
ANAPHORS = wordset("them those these which whom it they this that us")

PREPOSITIONS = wordset(
    """of in on at to from by for with without into onto over under about around near across
    through throughout during since until till before after between among amid against per
    than as via inside outside within beyond toward towards upon along despite like off up down
    past above below behind beside besides except including excluding plus versus vs"""
)

CONJUNCTIONS = wordset(
    "and or but nor yet so while whereas although though because if unless whether"
)

# Auxiliaries and copulas: skipped inside a verb group.
AUXILIARIES = wordset(
    """be is are was were been being am 's 're have has had having do does did done get got
    gets getting become became becomes"""
)


COPULAS = wordset("be is are was were been being am remain remains remained stay stays stayed")

MODAL_VERBS = wordset("may might could would should will shall can must 'll")

NEGATIONS = wordset("not never n't no nor neither cannot")

# After a negation these words make a hedge, not a negation: "no fewer than", "not less than".
HEDGE_AFTER_NEGATION = wordset("fewer less more later earlier longer greater lower higher than")

ADVERBS = wordset(
    """also already still now just only even reportedly allegedly apparently initially
    originally previously subsequently later earlier then again further almost nearly roughly
    approximately officially sharply steadily slightly
    significantly substantially dramatically modestly broadly largely mostly so far yet ever
    first last"""
)

WH_WORDS = wordset("who whom whose which that where when why how what")

# Words that look like nouns but end a noun phrase.
NP_STOP = (
    DETERMINERS
    | PRONOUNS
    | PREPOSITIONS
    | CONJUNCTIONS
    | AUXILIARIES
    | COPULAS
    | MODAL_VERBS
    | NEGATIONS
    | WH_WORDS
    | wordset(
        """there here not more most less least fewer many much several few very too lot lots
        said says say told according than percent per cent"""
    )
)

# Plural nouns that commonly modify another noun ("arms deal", "sales figures").
MODIFIER_PLURALS = wordset(
    """arms sales savings goods customs earnings arts sports news means species series earnings
    services communications operations affairs works emissions weapons jobs rights claims
    resources assets parks systems"""
)

# Irregular and invariant plurals -> singular.
IRREGULAR_PLURALS = pairs(
    """people=person persons=person children=child men=man women=woman mice=mouse
    feet=foot teeth=tooth geese=goose oxen=ox lives=life wives=wife knives=knife
    wolves=wolf halves=half leaves=leaf loaves=loaf thieves=thief shelves=shelf selves=self
    calves=calf criteria=criterion phenomena=phenomenon data=data media=media
    analyses=analysis crises=crisis theses=thesis bases=base diagnoses=diagnosis
    hypotheses=hypothesis oases=oasis axes=axis buses=bus gases=gas viruses=virus
    statuses=status censuses=census bonuses=bonus campuses=campus focuses=focus
    heroes=hero potatoes=potato tomatoes=tomato echoes=echo vetoes=veto torpedoes=torpedo
    indices=index appendices=appendix matrices=matrix vertices=vertex
    policemen=policeman firemen=fireman fishermen=fisherman spokesmen=spokesman
    servicemen=serviceman gentlemen=gentleman chairmen=chairman businessmen=businessman
    congressmen=congressman gunmen=gunman militiamen=militiaman countrymen=countryman
    dice=die pence=penny houses=house horses=horse nurses=nurse courses=course
    purposes=purpose promises=promise premises=premises responses=response
    expenses=expense licenses=license licences=licence"""
)

# Nouns that end in -s in the singular or do not change in the plural.
INVARIANT_NOUNS = wordset(
    """series species news sheep fish deer aircraft spacecraft hovercraft personnel staff
    earnings police cattle livestock offspring headquarters means economics politics physics
    athletics mathematics statistics measles diabetes mumps rabies herpes lens gas bus
    status virus census bonus campus focus corpus crisis analysis basis thesis diagnosis
    chassis bias atlas canvas iris boss class glass grass mass pass loss cross press
    process access address success business witness illness progress congress kiss
    stress dress chess plus minus surplus nexus consensus apparatus prospectus stimulus
    bus genus gross us yes this is was has his its gps hiv aids covid isis rss sars mers
    vs alps andes philippines netherlands bahamas maldives seychelles comoros barbados
    honduras cyprus mauritius texas kansas arkansas illinois paris athens brussels
    glasgow wales mars venus uranus"""
)

# Generic measure words keep the noun before them ("food price", "mortgage rate", "sea level",
# "coal use", "journey time", "defence spending"), but not an adjective ("average price").
MEASURE_WORDS = wordset(
    """rate level price toll total use time spending money weight index production income
    margin fee"""
)

# Modifiers that are adjectives, not nouns, before a measure word.
MODIFIER_ADJECTIVES = wordset(
    """average annual monthly weekly daily hourly yearly quarterly total overall new old high
    low higher lower real core headline current official national local global regional
    public private minimum maximum basic standard typical median mean net gross full top
    record peak overall initial final latest previous former further extra additional
    underlying effective nominal actual estimated expected projected combined total
    military federal"""
)

# Words after which "to" introduces a level and "from" the previous level.
ATTRIBUTION_VERBS = wordset(
    """say says said tell tells told report reports reported claim claims claimed announce
    announces announced confirm confirms confirmed state states stated add adds added
    estimate estimates estimated allege alleges alleged insist insists insisted warn warns
    warned note notes noted write writes wrote according acknowledge acknowledged admit
    admitted suggest suggests suggested show shows showed indicate indicates indicated
    disclose disclosed reveal reveals revealed"""
)

# Nouns that name a source when they stand before "in <Place>" ("officials in Seoul").
SOURCE_NOUNS = wordset(
    """official officials source sources authority authorities spokesman spokeswoman
    spokesperson spokespeople diplomat diplomats analyst analysts minister ministers ministry
    government police military army officer officers expert experts economist economists
    correspondent correspondents reporter reporters agency agencies embassy envoy observers
    monitors monitor activists activist residents witnesses witness doctors doctor"""
)

PLACE_PREPOSITIONS = wordset(
    """in at near across throughout inside outside around within to into off on"""
)

# Lower-case geographic nouns that may follow a capitalised name ("Kursk region").
PLACE_NOUNS = wordset(
    """region province state county city district oblast area border coast island islands
    valley river sea ocean peninsula strip bank basin mountains desert town village capital
    territory territories prefecture governorate department municipality borough
    metropolitan airport port station farm site plant factory mine base camp school hospital
    prison stadium"""
)

MONTHS = wordset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)

WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")

SEASONS = wordset("spring summer autumn fall winter")

TIME_NOUNS = wordset(
    """year years month months week weeks day days decade decades quarter quarters century
    weekend weekends morning mornings afternoon evening night nights period half fortnight
    hour hours season term session season"""
)

TIME_PREPOSITIONS = wordset(
    "in on during by since until till before after through throughout as at from between"
)

TIME_DEICTICS = wordset("last this next past previous coming current following preceding same")

TIME_ADVERBS = wordset(
    "yesterday today tomorrow tonight overnight currently recently nowadays annually"
)

TIME_LEADERS = wordset("early late mid end start beginning middle first second third fourth final")

# Kept in a time phrase; any other leading preposition is dropped ("in 2023" -> "2023").
TIME_KEPT_PREPOSITIONS = wordset("by since until till before after from between through")

# Nouns naming the dimension of a measurement when the figure has no noun of its own.
DIMENSION_NOUNS = pairs(
    """temperature=temperature temperatures=temperature heat=temperature
    heatwave=temperature mercury=temperature thermometer=temperature
    wind=wind winds=wind gust=wind gusts=wind rainfall=rainfall rain=rainfall
    snowfall=snowfall snow=snowfall magnitude=magnitude earthquake=earthquake
    quake=earthquake"""
)

# Nouns that are never the subject head on their own (units, time words, etc.).
NON_HEAD_NOUNS = (
    MONTHS
    | WEEKDAYS
    | wordset(
        """percent cent times time number numbers total amount lot lots kind sort type way
        part rest today yesterday tomorrow tonight"""
    )
)
