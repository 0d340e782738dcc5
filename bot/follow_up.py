"""What a follow-up refers to: answers that depend on what the conversation is about.

The dialogue keeps a small state (`Context`): the topic of the last answer and the
severity class last given. A follow-up ("kan jeg ringe dem nå?", "når får jeg svar da?",
"kan jeg sende e-post i stedet?", "hva er nummeret hennes?") is answered from it. Pure
functions: context and `now` in, the response to send out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from bot import hours
from bot.contacts import CONTACTS, Contacts
from bot.day_mentions import asked_time
from bot.replies import (
    ABOUT_CALLING,
    Reply,
    asked_instant,
    call_at,
    closed_values,
    current_line,
    day_asked,
    day_reply,
    fault_reply,
    mentioned_classes,
    names_another_day,
    opening_hours_reply,
    severity_info_reply,
    when_values,
)
from bot.report import corrects
from bot.severity import Severity
from bot.symptoms import asks_what_if, describes_symptom, says_emergency_care_works

# Topics: the route of the last answer that a follow-up can refer to.
FAULT, USAGE, ESCALATION, OPENING_HOURS, SUGGESTION = (
    "fault",
    "usage",
    "escalation",
    "opening_hours",
    "suggestion",
)


@dataclass(frozen=True)
class Context:
    topic: str | None = None
    severity: Severity | None = None  # the class last given, if the topic is a fault
    # The day (and time of day) the previous answer was about, when it answered a question
    # about another day or a time ("er dere åpne mandag klokka åtte?").
    day: date | None = None
    at: time | None = None


# "de kom fram nå", "det virker igjen", "nå virker aidn igjen", "løste seg": the fault is gone.
_WORKS = r"(?:virker|virka|virket|fungerer|fungerte|funker|funka|verkar|verka|fungerar|går|gikk)"
_RESOLVED = re.compile(
    rf"\b{_WORKS}(?: (?!ikke|ikkje|itj)\w+){{0,2}} (?:nå|no|igjen|att|som normalt)\b"
    rf"|\b(?:nå|no) {_WORKS} (?:alt|det|aidn)\b"
    rf"|\balt {_WORKS}\b|\bløst(?:e)? seg\b|\bløyste seg\b"
    r"|\bkom (?:fram|frem)\b|\ber tilbake\b"
)


def says_it_works_again(text: str) -> bool:
    """ "nå virka det plutselig igjen, alt er sendt": the fault is gone, not only in part."""
    lowered = text.lower()
    return bool(_RESOLVED.search(lowered)) and not _STILL_WRONG.search(lowered)


# "prøver igjen:", "uten nummer da:": the same report said again, not a correction.
_REPHRASED = re.compile(
    r"\b(?:prøver igjen|prøver på nytt|prøvar igjen|med andre ord|uten (?:person)?nummer"
    r"|utan (?:person)?nummer|sier det igjen|seier det igjen)\b"
)
# "det var nettet vårt", "wifien": the cause was not Aidn.
# "virker igjen, men tregt", "det var bare én melding som feilet": works only in part.
_STILL_WRONG = re.compile(
    r"\b(?:men|bortsett|unntatt|utenom|fortsatt|fremdeles|framleis|enda|ennå|treg\w*|treig\w*"
    r"|seig\w*|sakte|seint|delvis|noen|nokre|feilet|feila|feilte|fast|henger|heng)\b"
)
_NOT_AIDN = re.compile(r"\b(?:nett\w*|wifi\w*|wi-fi|internett\w*|strøm\w*|ruter\w*|router\w*)\b")
# "kan det vente?", "holder det om vi venter til i morgen?"
_WAIT = re.compile(r"\b(?:vente|venta|vent|venter|utsette|utsetje)\b")


class Channel(Enum):
    PHONE = "phone"
    WRITING = "writing"


_CHANNEL_WORDS = {
    Channel.PHONE: re.compile(r"\b(?:ring\w*|telefon\w*)", re.IGNORECASE),
    Channel.WRITING: re.compile(
        r"\b(?:skriv\w*|skriftl\w*|e-?post\w*|epost|mail\w*|meld\w* inn)", re.IGNORECASE
    ),
}


def first_channel_named(text: str) -> Channel | None:
    """ "kan jeg ikke bare ringe i stedet?" is about ringing; "kan jeg skrive i stedet for
    å ringe?" about writing: the channel named first."""
    found = {channel: pattern.search(text) for channel, pattern in _CHANNEL_WORDS.items()}
    named = [(match.start(), channel) for channel, match in found.items() if match]
    return min(named, key=lambda position: position[0])[1] if named else None


def about_a_fault(context: Context) -> bool:
    """True when the conversation is about an A- or B-feil (a class was given)."""
    return _a_or_b(context) is not None


def _a_or_b(context: Context) -> Severity | None:
    """The class last given, when the conversation is about an A- or B-feil."""
    if context.topic == FAULT and context.severity in (Severity.A, Severity.B):
        return context.severity
    return None


_NOW = re.compile(r"\b(?:nå|no|akkurat nå|i dag)\b")
# "kan jeg ringe?", "får vi ringe dere?": asks leave to ring (not "noen må ringe meg").
_MAY_I_CALL = re.compile(
    r"\b(?:kan|kann|får|skal|bør|må) (?:jeg|eg|vi|æ|me|man|ein) (?:\w+ )?ring"
    r"|\b(?:går det an|er det mulig|er det lov|er det greit|er det ok) å ring"
)
# "er det greit å ringe dere for brukerstøtte?": ringing about how to use Aidn.
_ABOUT_USAGE = re.compile(
    r"\b(?:brukerstøtte|brukarstøtte|opplæring|opplæringa?|brukerspørsmål\w*"
    r"|spørsmål om (?:bruk|hvordan|korleis)\w*|hjelp til å bruke|hjelp med å bruke)\b"
    # "om et spørsmål om rapporter", not "et spørsmål om feilen"
    r"|\b(?:et|eit|noen|nokre|eitt) spørsmål\b(?! om (?:en |ei |ein |denne |den )?feil)"
)
# "og på mandag samme tid?", "i morgen da?": another day at the time asked before.
_SAME_TIME = re.compile(r"\b(?:samme|same|sama) (?:tid|klokkeslett|tidspunkt)\b")
_ELLIPTICAL_WORDS = 4
_DAY_BEFORE_OR_AFTER = re.compile(r"\bdagen (etter|før|fyre|derpå)\b")


def _asked_before(asked: str, now: datetime, context: Context, contacts: Contacts) -> Reply | None:
    """ "Kan jeg ringe da?" right after an answer about another day or a time: that day's
    lines, or yes/no for that time. A question that says "nå" is about now."""
    if context.day is None or _NOW.search(asked.lower()):
        return None
    if context.at is None:
        return day_reply(context.day, now, contacts)
    instant = datetime.combine(context.day, context.at, tzinfo=hours.zone(contacts.timezone))
    return call_at(instant, now, contacts)


def _same_time_another_day(
    asked: str, now: datetime, context: Context, contacts: Contacts
) -> Reply | None:
    """ "I morgen da?" after "kl 15.30 i dag?": tomorrow at 15.30."""
    if context.at is None or asked_time(asked) is not None:
        return None
    day = day_asked(asked, now, contacts)
    short = len(asked.split()) <= _ELLIPTICAL_WORDS
    if day is None or not (short or _SAME_TIME.search(asked.lower())):
        return None
    instant = datetime.combine(day, context.at, tzinfo=hours.zone(contacts.timezone))
    return call_at(instant, now, contacts)


def _ring_now(severity: Severity, now: datetime, contacts: Contacts) -> Reply:
    return Reply(
        "utter_severity_ab_is_called", {"severity": severity.value} | current_line(now, contacts)
    )


# "hvis vi ikke når dere før fire", "om eg ikkje rekk det før kl 16": the line after then.
_MISSES_BEFORE = re.compile(
    r"\b(?:ikke|ikkje|itj)\s+(?:rekker|rekk|rekke|når|nå|får ringt|kommer gjennom|kjem gjennom)"
    r"\b[^?]*?\bfør\s+(?:kl\.?\s*|klokka\s+)?(\d{1,2}(?:[:.]\d{2})?|[a-zæøå]+)",
    re.IGNORECASE,
)


def clock_missed(asked: str) -> time | None:
    """ "hvis vi ikke når dere før fire, hvilket nummer?": the time after which the
    question is asked (16:00), or None."""
    missed = _MISSES_BEFORE.search(asked)
    return asked_time(f"kl {missed.group(1)}") if missed else None


def time_missed(asked: str, now: datetime, contacts: Contacts = CONTACTS) -> datetime | None:
    """The moment of `clock_missed`, today."""
    at = clock_missed(asked)
    if at is None:
        return None
    today = hours.local_time(now, contacts).date()
    return datetime.combine(today, at, tzinfo=hours.zone(contacts.timezone))


# "jeg har ringt men ingen svarte", "de svarer ikke på vakttelefonen"
_NOT_ANSWERED = re.compile(
    r"\b(?:ingen (?:svarte|svarer|svarar|tok|tar|tek)|(?:svarer|svarte|svarar|tar|tok|tek)"
    r" (?:ikke|ikkje|itj)|(?:kom|kommer|kjem) (?:ikke|ikkje|itj) gjennom|ikke svar|ikkje svar"
    r"|(?:er |var )?opptatt)\b",
    re.IGNORECASE,
)
# "eg har alt ringt vakttelefonen", "har ringt dere nå"
_HAS_CALLED = re.compile(
    r"\b(?:har|hev|ha|e|er) (?:alt |allerede |nettopp |akkurat |jo |no |nå )?"
    r"(?:ringt|ringa|ringd)\b",
    re.IGNORECASE,
)


def phone_not_answered(text: str) -> bool:
    """ "jeg har ringt men ingen svarte": the call did not get through."""
    return bool(_NOT_ANSWERED.search(text)) and bool(
        _HAS_CALLED.search(text) or re.search(r"telefon|\bring\w*", text, re.IGNORECASE)
    )


def has_called(text: str) -> bool:
    """ "eg har alt ringt vakttelefonen": phoned in, and got through."""
    return bool(_HAS_CALLED.search(text)) and not phone_not_answered(text)


def can_i_call(asked: str, context: Context, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """A yes or no to "kan jeg ringe …?", for the time, day, class or topic it refers to;
    "ingen svarte" gets the line again with the written channel meanwhile, and "har
    ringt" with an A or B at hand the written channel next."""
    a_or_b = _a_or_b(context)
    if phone_not_answered(asked):
        return Reply("utter_call_not_answered", current_line(now, contacts))
    if a_or_b and has_called(asked):
        return Reply("utter_written_after_call", current_line(now, contacts))
    if a_or_b and _RESOLVED.search(asked.lower()):  # "de kom fram nå, må jeg fortsatt ringe?"
        return Reply("utter_call_resolved", current_line(now, contacts))
    if a_or_b is Severity.A and _WAIT.search(asked.lower()):
        # "kan vi ikke vente til dere åpner klokka åtte?": no, an A is handled immediately
        return _ring_now(a_or_b, now, contacts)
    instant = time_missed(asked, now, contacts) or asked_instant(asked, now, contacts)
    if instant is not None and a_or_b:  # "selv om klokka er ti på kvelden?": yes, this line
        line = hours.line_for(instant, contacts)
        return Reply(
            "utter_severity_ab_call_at",
            {"severity": a_or_b.value, "line_number": line.number, "line_label": line.label}
            | when_values(instant, now, contacts),
        )
    if instant is not None:
        return call_at(instant, now, contacts)
    if a_or_b and _WAIT.search(asked.lower()):  # "kan det ikke vente til i morgen?": no
        return _ring_now(a_or_b, now, contacts)
    another_day = context.day is not None or names_another_day(asked, now, contacts)
    if asks_what_if(asked) and not another_day:
        # "hvis det blir verre, hvem ringer vi?": the number for now, as a condition; on a
        # day asked about ("og hvis det blir krise den dagen?"), that day's line below
        return Reply("utter_call_if_worse", current_line(now, contacts))
    if _ABOUT_USAGE.search(asked.lower()):  # "kan jeg ringe for brukerstøtte?": no, in writing
        return Reply("utter_call_usage_no")
    if context.topic == FAULT and context.severity is Severity.C and not mentioned_classes(asked):
        return Reply("utter_call_c_no")  # "kan jeg ringe i morgen tidlig heller?": no
    if names_another_day(asked, now, contacts):  # "på langfredag": that day's lines
        return opening_hours_reply(now, asked, contacts)
    if (before := _asked_before(asked, now, context, contacts)) is not None:
        return before
    if mentioned_classes(asked):
        about_class = severity_info_reply(asked, now, contacts)
        if about_class.response != "utter_severity_info":
            return about_class
    if context.topic == ESCALATION:
        return Reply("utter_call_ops_manager")
    if a_or_b:
        return _ring_now(a_or_b, now, contacts)
    if context.topic in (USAGE, SUGGESTION):
        return Reply("utter_call_usage_no")
    asks_leave = _MAY_I_CALL.search(asked.lower())
    if context.topic is None and not asks_leave and not describes_symptom(asked):
        # "noen må ringe meg ang aidn": nothing described yet; ask what happens.
        return Reply("utter_what_happens", current_line(now, contacts))
    # "kan jeg ringe nå?": yes for A and B on the line for now, the rest in writing.
    return Reply("utter_call_general", current_line(now, contacts))


def written_instead(context: Context, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """ "Kan jeg sende e-post i stedet?": yes, except that A and B are phoned in first."""
    if _a_or_b(context):
        return Reply("utter_written_after_call", current_line(now, contacts))
    return Reply("utter_written_channel")


def response_time(
    context: Context, now: datetime, asked: str = "", contacts: Contacts = CONTACTS
) -> Reply:
    """How fast Aidn answers, for the class named ("og hvis det var en A-feil?") or else
    the class at hand; the page names no SLA times."""
    named = mentioned_classes(asked)
    if not named and (
        asked_instant(asked, now, contacts) or names_another_day(asked, now, contacts)
    ):
        return opening_hours_reply(now, asked, contacts)  # "svarer dere i helgene?"
    if len(named) == 1:
        context = Context(FAULT, named[0])
    if context.topic == FAULT and context.severity is Severity.A:
        return Reply("utter_response_time_a", current_line(now, contacts))
    if context.topic == FAULT and context.severity is Severity.B:
        return Reply("utter_response_time_b", current_line(now, contacts))
    if context.topic in (FAULT, USAGE) and context.severity in (Severity.C, None):
        if hours.office_is_open(now, contacts):
            return Reply("utter_response_time_written_open")
        return Reply("utter_response_time_written_closed", closed_values(now, contacts))
    return Reply("utter_response_time")


# "det var bare meg", "bare jeg som ikke kom inn", "gjelder bare min bruker", "dei andre
# er inne og jobbar", "kollegaene mine kommer inn"
_ONLY_ME = re.compile(
    r"\b(?:bare|berre|bærre|bære) (?:meg|jeg|eg|æ|mæ|min bruker|brukeren min|en bruker|én bruker)\b"
    r"|\b(?:de|dei|dem|alle) andre (?:er inne|kommer inn|kjem inn|jobber|jobbar|får jobbet)"
    r"|\bkollega\w* (?:mine |mi )?(?:er inne|kommer inn|kjem inn)"
)


# What a correction says about the fault itself, before the classifier's ranking: the
# page's examples of a C-feil (a button pressed several times) and of a B-feil (extremely
# slow, e-meldinger not sent).
_SOUNDS_MINOR = re.compile(
    r"\b(?:to ganger|flere ganger|to gonger|fleire gonger|trykk\w* (?:to|flere|fleire)"
    r"|kosmetisk|bare litt|litt treg\w*|litt seig\w*|bare treg\w*|berre treig\w*"
    r"|ser (?:rar|rart|rare|merkelig\w*|snodig\w*|annerledes) ut|ikon\w*|farge\w*|skrifttype\w*)"
)
_E_MESSAGES = re.compile(r"\be-?meldinge\w*|\bmeldingane\b|\bplo-meld\w*")
_ONE_MESSAGE = re.compile(r"\b(?:én|en|ei|ein|ett|eitt) (?:e-?)?melding\b")
_SOUNDS_MAJOR = re.compile(
    r"\b(?:ekstremt|(?:veldig|sykt|svært|utrolig|forferdelig) tr[e]i?g\w*|kjempetreg\w*"
    r"|minutt\w*|e-melding\w*|går ikke ut"
    r"|laster ikke|lastar ikkje)"
)


# "unnskyld, overdrev litt", "de kommer inn igjen nå", "det er bare søkefeltet".
_TAKES_IT_BACK = re.compile(
    r"\b(?:overdr\w*|unnskyld\w*|beklager|sorry|igjen|att|bare|berre|litt|ellers)\b"
)


def _restates_a_b(lowered: str) -> bool:
    """ "akutt hjelp går fint", "det er bare e-meldingene": what a B is, not less."""
    what_a_b_is = says_emergency_care_works(lowered) or (
        _E_MESSAGES.search(lowered) and not _ONE_MESSAGE.search(lowered)
    )
    return bool(what_a_b_is) and not (_SOUNDS_MINOR.search(lowered) or _ONLY_ME.search(lowered))


def keeps_the_higher_class(new: Severity | None, context: Context, text: str) -> bool:
    """ "har prøvd å sende på nytt tre ganger" right after a B-feil reads like a C on its
    own, but adds to the fault at hand: the A or B stands unless the user says it is less
    serious (a correction, only one user, it works again, only a little)."""
    lowered = text.lower()
    takes_it_back = bool(
        corrects(lowered)
        or _TAKES_IT_BACK.search(lowered)
        or _SOUNDS_MINOR.search(lowered)
        or _ONLY_ME.search(lowered)
        or _RESOLVED.search(lowered)
    )
    if _a_or_b(context) is Severity.B and _restates_a_b(lowered):
        takes_it_back = False  # "det er bare e-meldingene": what a B is
    return new is Severity.C and _a_or_b(context) is not None and not takes_it_back


@dataclass(frozen=True)
class Regrade:
    """A correction to a less severe fault: what to say, and the class now given."""

    replies: list[Reply]
    severity: Severity | None  # None: no class was given, so there is nothing to re-grade
    unchanged: bool = False  # the class at hand stands (its offer and reason too)


def less_severe(
    text: str,
    context: Context,
    now: datetime,
    sounds_major: bool = False,
    contacts: Contacts = CONTACTS,
) -> Regrade:
    """The user says it is less serious than the class last given: a re-graded class and
    its advice (ring or not) at once. After an A it is B when the correction still
    describes substantially reduced function (`sounds_major`: the classifier ranks B above
    C), else C; only one user locked out is C, with the hint that it is often the user's
    own access."""
    lowered = text.lower()
    if context.severity is None and _ONLY_ME.search(lowered):
        # "det er bare meg som får feil passord": nothing to ring about, and no class to
        # take back; usually the user's own access.
        return Regrade([Reply("utter_single_user")], Severity.C)
    if context.severity is None:
        # "det er kritisk, akkurat nå" after "Hva er det som skjer?": no verdict to soften,
        # and never a C-feil without a described fault.
        return Regrade([Reply("utter_what_happens_again", current_line(now, contacts))], None)
    if _SOUNDS_MINOR.search(lowered):
        sounds_major = False
    if _REPHRASED.search(lowered):
        # "ok sorry, prøver igjen: vi får ikke lagret målinger …" after the warning about
        # patient data: the fault said again, no correction.
        severity = Severity.B if sounds_major else Severity.C
        return Regrade([fault_reply(severity, now, contacts)], severity)
    elif _SOUNDS_MAJOR.search(lowered):
        sounds_major = True
    if says_it_works_again(lowered) or (_RESOLVED.search(lowered) and _NOT_AIDN.search(lowered)):
        # "det var nettet vårt, no går alt", "funker igjen, falsk alarm": it works, so there
        # is no class to give and nothing to ring about.
        return Regrade([Reply("utter_resolved_correction")], None)
    if context.severity is Severity.B and _restates_a_b(lowered):
        # "glemte å si, akutt hjelp går fint", "det er bare e-meldingene, resten går greit"
        # after a B: that is what a B is (the page's own example); the class stands.
        unchanged = [Reply("utter_severity_unchanged"), fault_reply(Severity.B, now, contacts)]
        return Regrade(unchanged, Severity.B, unchanged=True)
    if context.severity is Severity.C and sounds_major:
        # Nothing is less severe than a C: "vent, jeg trykket feil, vi får ikke sendt noe
        # til legene" after a C from the triage is a B.
        return Regrade([fault_reply(Severity.B, now, contacts)], Severity.B)
    if _ONLY_ME.search(lowered):
        severity, intro = Severity.C, "utter_regrade_single_user"
    elif context.severity is Severity.A and sounds_major:
        severity, intro = Severity.B, "utter_regrade_not_a"
    elif context.severity is Severity.A:
        severity, intro = Severity.C, "utter_regrade_not_a"
    else:
        severity, intro = Severity.C, "utter_regrade_to_c"
    return Regrade([Reply(intro), fault_reply(severity, now, contacts)], severity)


# "hva gjør jeg nå?", "kva gjer eg då?" with an A or B at hand: ring now.
_WHAT_NOW = re.compile(r"\b(?:hva gjør|kva gjer|ka gjør|hva skal) (?:jeg|vi|eg|me|æ)\b")
# "hvilket nummer ringer jeg nå?", "det er krise": the one number for now, not the list.
_ASKS_ABOUT_NOW = re.compile(r"\b(?:nå|no|akkurat nå|i natt|i kveld|krise|akutt\w*|haster)\b")
_ABOUT_HER = re.compile(r"\b(?:henne|hennes|driftsansvarlig\w*|ivy|lotarev)\b", re.IGNORECASE)
# After the escalation answer, "har hun e-post?" / "hva heter hun igjen?" is about her.
_ABOUT_HER_AFTER_ESCALATION = re.compile(
    r"\b(?:hun|ho|hu|heter|heiter|navn\w*|namn\w*|nummer\w*|telefon\w*|e-?post\w*|epost"
    r"|mail\w*)\b",
    re.IGNORECASE,
)
_ABOUT_EMAIL = re.compile(r"\b(?:e-?post\w*|epost|mail\w*|adresse\w*)\b", re.IGNORECASE)


def about_the_ops_manager(asked: str, context: Context) -> bool:
    """ "hva er nummeret hennes?", "har hun e-post?" after the escalation answer."""
    return bool(
        _ABOUT_HER.search(asked)
        or (context.topic == ESCALATION and _ABOUT_HER_AFTER_ESCALATION.search(asked))
    )


def contact_reply(
    asked: str, context: Context, now: datetime, contacts: Contacts = CONTACTS
) -> Reply:
    """Contact details; "hva er nummeret hennes?" after the escalation answer is hers (the
    page gives her a phone number only)."""
    if about_the_ops_manager(asked, context):
        if _ABOUT_EMAIL.search(asked):
            return Reply("utter_ops_manager_no_email")
        return Reply("utter_ops_manager_contact")
    about_a_class = severity_info_reply(asked, now, contacts)
    if about_a_class.response != "utter_severity_info":
        return about_a_class
    if asked_instant(asked, now, contacts):  # "hvilket nummer ringer jeg klokka fem?"
        return can_i_call(asked, context, now, contacts)
    if names_another_day(asked, now, contacts):  # "… i morgen formiddag?": that day's lines
        return opening_hours_reply(now, asked, contacts)
    if _a_or_b(context):  # "hvilket nummer?" with an A or B at hand: ring now, this one
        return Reply("utter_contact_now", current_line(now, contacts))
    if (before := _asked_before(asked, now, context, contacts)) is not None:
        return before  # "hvilket nummer da?" after an answer about another day
    if context.topic == FAULT and context.severity is Severity.C:
        # "hva er nummeret deres?" after a C: not for this fault, in writing
        return Reply("utter_contact_after_c", current_line(now, contacts))
    about_a_fault = context.topic == FAULT
    if about_a_fault or _ASKS_ABOUT_NOW.search(asked.lower()):  # "hvilket nummer var det?"
        return Reply("utter_contact_now", current_line(now, contacts))
    return Reply("utter_contact_info", current_line(now, contacts))


def opening_hours(
    asked: str, context: Context, now: datetime, contacts: Contacts = CONTACTS
) -> Reply:
    """The opening hours for the time, day or period asked about (they name the line for
    A- and B-feil); right after an A- or B-feil, a question about waiting, ringing or a
    time ("kan vi ikke vente til dere åpner klokka åtte?") is one about ringing."""
    about_ringing = _WAIT.search(asked.lower()) or ABOUT_CALLING.search(asked)
    if _a_or_b(context) and (about_ringing or asked_instant(asked, now, contacts)):
        return can_i_call(asked, context, now, contacts)  # "selv om klokka er ti i kveld?"
    if (same_time := _same_time_another_day(asked, now, context, contacts)) is not None:
        return same_time
    shift = _DAY_BEFORE_OR_AFTER.search(asked.lower())
    if shift and context.day is not None:  # "dagen etter da?" after "17. mai?"
        after = shift.group(1) in ("etter", "derpå")
        return day_reply(context.day + timedelta(days=1 if after else -1), now, contacts)
    return opening_hours_reply(now, asked, contacts)


# Up to this many words after "Hva er det som skjer?" without a symptom ("medisinering sa
# jeg"): ask again, more concretely, rather than "say it in other words".
_SHORT_REPLY_WORDS = 4


def not_understood(
    asked: str,
    context: Context,
    now: datetime,
    after_symptom_question: bool,
    contacts: Contacts = CONTACTS,
) -> Reply | None:
    """A message the classifier did not understand, read in its context: a day or time
    after an opening-hours answer ("enn onsdagen før?"), a time with calling or right after
    an answer about a moment ("og hvis jeg ringer om fem minutter?"), or a topic repeated
    after the question for a symptom; a class named with calling, whichever of
    severity_info and can_i_call it was torn between. None when neither helps."""
    if mentioned_classes(asked) and ABOUT_CALLING.search(asked):  # "må en B-feil ringes inn?"
        return severity_info_reply(asked, now, contacts)
    if asked_instant(asked, now, contacts) and (
        ABOUT_CALLING.search(asked) or context.day or _a_or_b(context)
    ):
        return can_i_call(asked, context, now, contacts)  # "og hvis jeg ringer om fem min?"
    if _a_or_b(context) and ABOUT_CALLING.search(asked):  # "må den ringast inn?"
        return can_i_call(asked, context, now, contacts)
    if _ONLY_ME.search(asked.lower()) and describes_symptom(asked):
        return Reply("utter_single_user")  # "innlogginga feiler for meg, kollegaene kommer inn"
    if about_the_ops_manager(asked, context):  # "hva heter hun igjen?"
        return contact_reply(asked, context, now, contacts)
    if (a_or_b := _a_or_b(context)) and _WHAT_NOW.search(asked.lower()):
        return _ring_now(a_or_b, now, contacts)  # "hva gjør jeg nå?" after an A or B
    if context.topic == OPENING_HOURS and (
        asked_instant(asked, now, contacts) or names_another_day(asked, now, contacts)
    ):
        return opening_hours_reply(now, asked, contacts)
    if (
        after_symptom_question
        and len(asked.split()) <= _SHORT_REPLY_WORDS
        and not describes_symptom(asked)
    ):
        return Reply("utter_what_happens_again", current_line(now, contacts))
    return None
