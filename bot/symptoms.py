"""Whether a message describes a symptom: what does not work, or how badly.

An A- or B-feil verdict ("ring nå") needs a described fault. "hjelp!!", "legemidler" or
"har en ide til aidn" describe none, however a classifier ranks them; they get the
question "Hva er det som skjer?" with the number as a condition instead. The words below
are what Norwegian (Bokmål, Nynorsk, dialect) and English fault descriptions are made of:
negations, failure verbs and states, slowness. (C-feil are told to write, so a guess
costs less there, and small faults are described in too many ways for a word list.)
"""

from __future__ import annotations

import re
from difflib import get_close_matches

_SYMPTOM_WORDS = (
    # negations and absence: "får ikke", "kjem ikkje inn", "ingen kommer inn", "ingenting"
    r"ikke|ikkje|ikkj|itj|inga|ingen|ingenting|null|uten|mangler|manglar|mangle|aldri"
    r"|verken|hverken|korkje"
    # failure states and verbs
    r"|nede|nere|nedetid|(?:gått|gikk|går|gjekk|gått helt|gikk helt) ned"
    r"|utfall|utestengt\w*|\w*feil\w*|stopp\w*|stans\w*|står|sto|stått|stående"
    r"|fast|heng\w*|hang|frys\w*|frøs|frosse\w*|sliter"
    r"|krasj\w*|kræsj\w*|kresj\w*|kollaps\w*|død\w*|daua|dauda|svart|blank\w*|hvit|kvit|tom|tomme"
    r"|borte|vekk|forsv\w*|forsvann|forsvinn\w*|sletta|slettet|slettes|mista|mistet|tapt"
    r"|ute av|kast\w* ut|logg\w* ut|fall\w* ut|falt ut|datt ut|detta ut"
    r"|låst|låses|utilgjengelig\w*|utilgjengeleg\w*"
    r"|umulig|umogleg|nekt\w*|avvis\w*"
    # slowness and degradation
    r"|\w*treg\w*|\w*treig\w*|sein\w*|sent|sakte|evig\w*|lang tid|minutt\w*|lagg\w*"
    r"|snegle\w*"
    r"|flere ganger|fleire gonger|dobbelt"
    r"|rar\w*|skeiv\w*|skjev\w*|galt|gale|forkjert"
    # English
    r"|not|nobody|can't|cannot|won't|doesn't|isn't|down|error\w*|fail\w*|crash\w*|broken|slow"
    r"|stuck|frozen|gone|missing|lost|dead|unavailable|outage"
)
_SYMPTOM = re.compile(rf"\b(?:{_SYMPTOM_WORDS})\b", re.IGNORECASE)


# Typed in a hurry ("ingn kommer inn", "ikek"): words this close to one of these count.
_TYPO_PRONE = ("ikke", "ikkje", "ingen", "ingenting", "nede", "borte", "feilmelding", "henger")
_TYPO_CUTOFF = 0.85
_MIN_TYPO_LENGTH = 4


_TYPO_WORDS_READ = 60  # a hurried message is short; a long paste is not read for typos


def _has_a_misspelt_symptom_word(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text[:2000].lower())[:_TYPO_WORDS_READ]
    return any(
        get_close_matches(word, _TYPO_PRONE, n=1, cutoff=_TYPO_CUTOFF)
        for word in words
        if len(word) >= _MIN_TYPO_LENGTH
    )


def describes_symptom(text: str) -> bool:
    """True when the message says something does not work, or how badly."""
    return _SYMPTOM.search(text) is not None or _has_a_misspelt_symptom_word(text)


# A message this short that the classifier does not understand is a bare topic
# ("pasientjournal", "utskrift"): ask what happens rather than asking to rephrase.
BARE_TOPIC_WORDS = 2


def is_bare_topic(text: str) -> bool:
    """A word or two that names something but says nothing about what is wrong (not
    "aaaaa ;;;": a word has three letters or more, not all the same)."""
    words = text.split()
    named = [w for w in re.findall(r"[^\W\d_]{3,}", text) if len(set(w.lower())) > 1]
    return 0 < len(words) <= BARE_TOPIC_WORDS and bool(named) and not describes_symptom(text)


# "hjelp meg", "sos", "panikk": a call for help. Not understood, it gets "Hva er det som
# skjer?" with the number as a condition, not "say it in other words".
_CALL_FOR_HELP = re.compile(
    r"(?<!øyeblikkelig )(?<!øyeblikkeleg )(?<!akutt )\b(?:hjelp\w*|help|sos|panikk|krise)\b",
    re.IGNORECASE,
)
# "øyeblikkelig hjelp går fint", "vi får gitt akutthjelp": the user says an A's condition
# does not hold.
_EMERGENCY_CARE_WORKS = re.compile(
    r"\b(?:øyeblikkelig|øyeblikkeleg|akutt) ?hjelp\w* (?:går|gikk|fungerer|virker|er mulig)"
    r"|\b(?:får|kan|fikk) (?:gitt|gi|gje|gjeve|gjort|gjøre|gjere|utført|utføre)"
    r" (?:øyeblikkelig |øyeblikkeleg |akutt ?)hjelp"
    # "akutt hjelp får vi gitt som vanleg"
    r"|\b(?:øyeblikkelig|øyeblikkeleg|akutt) ?hjelp\w* (?:får|kan|fikk)"
    r" (?:vi|me|dei|de|dere|dokker) (?:gitt|gi|gje|gjeve)\b",
    re.IGNORECASE,
)


_NEGATED = re.compile(r"\b(?:ingen|ikke|ikkje|aldri)\b[\w ]{0,12}$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(r"^\W*(?:ikke|ikkje|ikkj|ik|ente|inte|lenger)\b", re.IGNORECASE)


def says_emergency_care_works(text: str) -> bool:
    """ "vi får gitt akutthjelp", not "ingen får gitt akutt hjelp" nor "øyeblikkelig hjelp
    går ikke"."""
    return any(
        not _NEGATED.search(text[max(0, m.start() - 20) : m.start()])
        and not _NEGATED_AFTER.search(text[m.end() :])
        for m in _EMERGENCY_CARE_WORKS.finditer(text)
    )


def without_emergency_care_phrase(text: str) -> str:
    """The text without "vi kan gi akutt hjelp" and the like: what else it describes."""
    return _EMERGENCY_CARE_WORKS.sub(" ", text)


def calls_for_help(text: str) -> bool:
    return _CALL_FOR_HELP.search(text) is not None


# "hvis det blir verre, hvem ringer vi da?": a fault that may come, and a question about
# whom to ring; no fault is reported.
_IF = r"\b(?:hvis|viss|om|dersom|i tilfelle)\b"
_WHAT_IF = re.compile(
    _IF + r" (?:det|den|feilen|dette|problemet|aidn|systemet)"
    r" (?:skulle|blir|vert|begynner|kommer tilbake|kjem tilbake|skjer igjen|går ned|dett ut"
    r"|er (?:helt )?nede)\b"
    # "og hvis vi får en A-feil da?"
    r"|" + _IF + r" (?:vi|me|dere|de|man|en) (?:får|skulle få|fær) (?:en |ei |ein )?"
    r"(?:[ab]-?feil|kritisk\w*|krise|stans|nedetid|feil)",
    re.IGNORECASE,
)
# A crisis that may come is about ringing even without asking whom: "og hvis det blir
# krise den dagen?"
_SEVERE = re.compile(r"\b(?:krise|kritisk\w*|[ab]-?feil|nede|stans|nedetid)\b", re.IGNORECASE)
_ASKS_ABOUT_RINGING = re.compile(
    r"\b(?:ring\w*|nummer\w*|telefon\w*|kontakt\w*|gjør vi|gjer vi|gjør jeg|gjer eg)\b",
    re.IGNORECASE,
)


# "hvis ingen får logget inn 1. juledag, …": a clause that describes a fault after "if".
_IF_CLAUSE = re.compile(
    _IF + r" (?P<clause>(?:hele |heile )?(?:aidn|systemet|ingen|alle|vi|me|det)\b[^,?]*)",
    re.IGNORECASE,
)


def asks_what_if(text: str) -> bool:
    """ "om det blir verre og vi ikke får jobbet, hvem ringer vi da?", "og hvis det blir
    krise den dagen?", "og hvis hele aidn går ned den dagen, hvem ringer vi da?": a fault
    that may come, and whom to ring then."""
    if _WHAT_IF.search(text) and (_ASKS_ABOUT_RINGING.search(text) or _SEVERE.search(text)):
        return True
    clause = _IF_CLAUSE.search(text)
    return bool(
        clause
        and describes_symptom(clause.group("clause"))
        and _ASKS_ABOUT_RINGING.search(text[: clause.start()] + text[clause.end() :])
    )
