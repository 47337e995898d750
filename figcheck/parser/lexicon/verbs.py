"""Verb forms -> lemma, for the news verbs that tie a figure to its subject.

``lemma(word)`` knows the inflections of :data:`BASE_VERBS` exactly (regular forms are
generated from the base with English spelling rules, irregular ones are listed) and falls back
to suffix rules for other ``-ed`` / ``-ing`` words.  ``is_verb_form`` says whether a word is a
known inflected verb form (used to end a noun phrase).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from . import pairs, wordset

# News verbs (base forms).  Regular inflections are generated; irregular ones are below.
BASE_VERBS = wordset(
    """kill injure wound hurt die deploy evacuate rescue arrest detain displace flee cross
    send move travel arrive return leave enter attack bomb shell strike hit destroy damage
    rise climb jump increase grow surge soar rocket gain advance spike swell rally leap
    balloon mount boost raise fall drop decline slump plunge sink slide decrease shrink
    tumble dip slip ease plummet crash contract lower reduce cut lose shed retreat reach
    total top exceed near approach amount number stand remain stay sit hover peak average
    equal register record report say tell claim announce confirm state add estimate allege
    insist warn note write acknowledge admit suggest show indicate disclose reveal expect
    forecast project predict plan target aim hope propose budget pledge promise vow cost
    spend pay earn sell buy borrow lend owe invest raise fund donate give receive collect
    vote elect win beat score run employ hire sack fire dismiss recruit infect hospitalise
    hospitalize treat vaccinate test abduct kidnap capture deport execute charge convict
    sentence jail imprison fine strand trap free release save shoot stab murder massacre
    slaughter die perish survive burn flood destroy build produce export import ship
    deliver supply carry transport bring take make hold host attend visit watch sign join
    register enrol enroll graduate apply approve reject accept offer owe double triple
    quadruple halve tally count measure weigh last span stretch cover affect displace
    strike protest march gather rally queue wait miss vanish disappear go come see find
    open close launch fly drive sail swim walk ride climb expand widen narrow lengthen
    shorten extend pass exceed outnumber account comprise include involve contain use
    consume generate emit house shelter feed treat admit discharge lay start breathe begin
    end finish require allow let serve face hold lift order award grant ban block"""
)

# Irregular forms -> base.
IRREGULAR = pairs(
    """rose=rise risen=rise rising=rise fell=fall fallen=fall grew=grow grown=grow
    shrank=shrink shrunk=shrink sank=sink sunk=sink slid=slide stood=stand sat=sit
    left=leave took=take taken=take fled=flee sent=send brought=bring caught=catch
    made=make paid=pay sold=sell spent=spend won=win lost=lose struck=strike
    stricken=strike fought=fight drove=drive driven=drive shot=shoot held=hold found=find
    said=say told=tell hurt=hurt cut=cut put=put set=set spread=spread beat=beat
    beaten=beat bought=buy built=build withdrew=withdraw withdrawn=withdraw swept=sweep
    froze=freeze frozen=freeze rang=ring ran=run run=run came=come come=come went=go
    gone=go saw=see seen=see flew=fly flown=fly rode=ride ridden=ride swam=swim
    wrote=write written=write gave=give given=give got=get gotten=get became=become
    began=begin begun=begin broke=break broken=break chose=choose chosen=choose
    drew=draw drawn=draw fed=feed felt=feel forecast=forecast forecasted=forecast
    hid=hide hidden=hide kept=keep knew=know known=know laid=lay led=lead
    lent=lend met=meet overtook=overtake quit=quit read=read shed=shed shut=shut
    sought=seek spoke=speak spoken=speak stole=steal stolen=steal stuck=stick
    swore=swear sworn=swear threw=throw thrown=throw understood=understand woke=wake
    wore=wear worn=wear dealt=deal meant=mean heard=hear
    is=be are=be was=be were=be been=be being=be am=be has=have had=have having=have
    does=do did=do done=do
    totalled=total totalling=total travelled=travel travelling=travel
    cancelled=cancel cancelling=cancel labelled=label modelled=model fuelled=fuel
    signalled=signal levelled=level channelled=channel quarrelled=quarrel
    patrolled=patrol controlled=control compelled=compel expelled=expel propelled=propel
    excelled=excel enrolled=enrol enrolling=enrol"""
)

# Words ending in -ed / -ing / -s that are not verb forms.
NOT_VERBS = wordset(
    """bed bed shed seed speed need breed creed deed feed greed reed steed weed red bred
    fled hundred thousand kindred sacred naked wicked rugged ragged wretched beloved
    learned aged tired
    thing things king kings ring rings string strings wing wings spring springs morning
    mornings evening evenings building buildings ceiling ceilings meeting meetings
    funding spending ranking rankings rating ratings earnings savings housing shipping
    clothing training bombing bombings shooting shootings killing killings landing
    landings offering offerings sibling siblings during nothing something anything
    everything ping ding wedding weddings setting settings heading headings warning
    warnings finding findings hearing hearings sentencing polling voting lending
    borrowing pricing lightning outing"""
)


def _regular_forms(base: str) -> tuple[str, ...]:
    """Third person, past / past participle and present participle of a regular verb."""
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
        if base.endswith(("ee", "ye", "oe")):
            ing = base + "ing"
        if base.endswith("ie"):
            ing = base[:-2] + "ying"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    elif (
        len(base) >= 3
        and base[-1] not in "aeiouwxy"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
        and _stressed_last(base)
    ):
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith(("s", "x", "z", "ch", "sh")):
        third = base + "es"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return third, past, ing


# Short verbs ending consonant-vowel-consonant that double (drop -> dropped); longer ones
# double only when listed (the stress falls on the last syllable: "occurred", "admitted").
_DOUBLING_LONG = wordset(
    "admit commit occur refer prefer permit submit control patrol compel expel propel excel enrol"
)


def _stressed_last(base: str) -> bool:
    vowels = sum(
        1 for i, ch in enumerate(base) if ch in "aeiou" and (i == 0 or base[i - 1] not in "aeiou")
    )
    return vowels <= 1 or base in _DOUBLING_LONG


# Verb forms that are verbs even where the bare base would be read as a noun.
ALWAYS_VERBS = wordset(
    "is are was were be been am has had have do does did said hit cut cost hurt shed spread set put quit beat forecast let"
)


@cache
def forms() -> Mapping[str, str]:
    """Every known inflected form (and base) -> base.  Built once, on first use."""
    table: dict[str, str] = {}
    for base in BASE_VERBS:
        table[base] = base
        for form in _regular_forms(base):
            table.setdefault(form, base)
    table.update(IRREGULAR)
    return table


def is_verb_form(word: str) -> bool:
    """True for a known inflected verb form (not the bare base, which is often a noun too:
    "rise", "cut", "increase")."""
    base = forms().get(word)
    return base is not None and (word != base or word in ALWAYS_VERBS)


# Final vowel + consonant pairs whose verbs end in a silent e ("combined", "declared",
# "ignored", "distributed", "imposed", "decided"), unlike "opened", "visited", "offered".
_E_ENDINGS = (
    "in",
    "ar",
    "or",
    "ul",
    "ut",
    "os",
    "ir",
    "ok",
    "id",
    "ad",
    "am",
    "ab",
    "ib",
    "ot",
    "ap",
    "ip",
    "us",
    "as",
    "ir",
    "ov",
)
_NO_E = wordset(
    """open visit limit edit benefit target exit credit audit deposit profit inherit inhabit
    exhibit prohibit vomit orbit merit posit habit transit solicit elicit spirit gossip
    worship develop envelop gallop equip ship dip focus bias canvas harass"""
)


def _needs_e(stem: str) -> bool:
    if len(stem) < 3 or stem in _NO_E:
        return False
    if stem[-1] in "aeiouwxy" or stem[-2] not in "aeiou" or stem[-3] in "aeiou":
        return False  # "rain", "claim", "avoid": a vowel pair takes no e
    if len(stem) <= 4:
        return True  # "blam", "bas", "trad", "fil", "lin", "hop"
    return stem.endswith(_E_ENDINGS)


def lemma(word: str) -> str:
    """Base form of a (lower-case) verb form: "killed" -> "kill", "rose" -> "rise"."""
    known = forms().get(word)
    if known is not None:
        return known
    if word in NOT_VERBS:
        return word
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem.endswith("e") and suffix == "ed":
                return stem + "e"  # "guaranteed", "agreed"
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsze":
                return stem[:-1]
            if suffix == "ing" and stem.endswith(("ing", "ong")):
                return stem  # "singing", "bringing", "belonging"
            if stem.endswith(
                ("at", "iz", "is", "ur", "ag", "uc", "v", "c", "g", "u", "dl", "bl", "pl", "tl")
            ):
                return stem + "e"
            if stem.endswith(
                ("ps", "ud", "ng", "rs", "ns", "ls", "rc", "rg", "aus", "eas", "ais", "ois", "uis")
            ) or _needs_e(stem):
                return stem + "e"  # "collapsed", "included", "changed", "combined", "declared"
            return stem
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
