"""The conversation suite: whole conversations through the real servers over REST, with the
clock fixed per conversation (format: tests/conversations/README.md).

    python -m devtools.conversations [--half tuned heldout] [--only TEXT (in the name or file)]

starts the assistant with scripts/serve.sh on ports of its own, runs every conversation of
the chosen halves, and prints the pass rate of each half and every failure. The clock
reaches the action server as message metadata, which it reads only when started with
AIDN_CLOCK_FROM_METADATA=1 (this suite and the tests; never production).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import urllib.error
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from bot.contacts import CONTACTS
from bot.hours import zone
from devtools.assistant import Assistant

SUITE = Path(__file__).resolve().parents[1] / "tests" / "conversations"
HALVES = ("tuned", "heldout")
PORTS = (16005, 16055, 16080)
CLOCK_ENV = {"AIDN_CLOCK_FROM_METADATA": "1"}

# Every response of domain.yml, and the route(s) of the README's table it belongs to.
ROUTES: dict[str, tuple[str, ...]] = {
    "utter_fault_a": ("fault_a",),
    "utter_fault_b": ("fault_b",),
    "utter_fault_c_open": ("fault_c",),
    "utter_fault_c_closed": ("fault_c",),
    "utter_fault_unsure": ("fault_unsure",),
    "utter_what_happens": ("ask_symptom",),
    "utter_what_happens_again": ("ask_symptom",),
    "utter_start_triage": ("triage",),
    "utter_ask_emergency_care_blocked": ("triage",),
    "utter_ask_substantially_reduced": ("triage",),
    "utter_help_emergency_care_blocked": ("explain",),
    "utter_help_substantially_reduced": ("explain",),
    "utter_severity_info": ("severity_info", "explain"),
    "utter_severity_c_is_written": ("severity_info", "call_answer"),
    "utter_severity_ab_is_called": ("severity_info", "call_answer"),
    "utter_usage_help": ("usage",),
    "utter_suggestion_intro": ("suggestion",),
    "utter_ask_suggestion_text": ("suggestion",),
    "utter_ask_suggestion_email": ("suggestion",),
    "utter_suggestion_too_short": ("suggestion",),
    "utter_suggestion_or_fault": ("suggestion",),
    "utter_suggestion_invalid_email": ("suggestion",),
    "utter_suggestion_cancelled": ("cancelled",),
    "utter_suggestion_delivered": ("suggestion_saved",),
    "utter_suggestion_pending": ("suggestion_saved",),
    "utter_suggestion_stored": ("suggestion_saved",),
    "utter_suggestion_contact_by_email": ("suggestion_saved",),
    "utter_roadmap": ("roadmap",),
    "utter_escalation": ("escalation",),
    "utter_opening_hours_open": ("opening_hours",),
    "utter_opening_hours_closed": ("opening_hours",),
    # A day's answer also says which line to ring that day ("kan jeg ringe på lørdag?").
    "utter_opening_hours_day_open": ("opening_hours", "call_answer"),
    "utter_opening_hours_day_not_on_page": ("opening_hours", "call_answer"),
    "utter_opening_hours_day_closed": ("opening_hours", "call_answer"),
    "utter_opening_hours_period": ("opening_hours",),
    "utter_opening_hours_period_closed": ("opening_hours",),
    "utter_contact_info": ("contact",),
    "utter_contact_now": ("contact",),
    "utter_personal_data_warning": ("personal_data",),
    "utter_greet": ("greeting",),
    "utter_goodbye": ("goodbye",),
    "utter_you_are_welcome": ("thanks",),
    "utter_how_can_i_help": ("smalltalk",),
    "utter_iamabot": ("bot_challenge",),
    "utter_out_of_scope": ("out_of_scope",),
    "utter_fallback": ("fallback",),
    "utter_fallback_menu": ("fallback",),
    "utter_menu_after_confusion": ("fallback",),
    "utter_technical_problem": ("fallback",),
    "utter_triage_reask": ("triage",),
    "utter_triage_cancelled": ("cancelled",),
    "utter_cancelled": ("cancelled",),
    "utter_acknowledged": ("smalltalk",),
    "utter_smalltalk": ("smalltalk",),
    "utter_usage_next_step": ("usage_next_step",),
    "utter_call_usage_no": ("call_answer",),
    "utter_call_general": ("call_answer",),
    "utter_call_at_time_open": ("call_answer", "opening_hours"),  # open or not at a time
    "utter_call_at_time_closed": ("call_answer", "opening_hours"),
    "utter_call_c_no": ("call_answer",),
    "utter_call_resolved": ("call_answer",),
    "utter_severity_ab_call_at": ("call_answer",),
    "utter_call_ops_manager": ("call_answer", "contact"),
    "utter_ops_manager_contact": ("contact", "escalation"),  # the operations manager
    "utter_ops_manager_no_email": ("contact", "escalation"),
    "utter_written_channel": ("written_channel",),
    "utter_written_after_call": ("written_channel", "call_answer"),
    "utter_call_not_answered": ("call_answer", "written_channel"),
    "utter_contact_after_c": ("contact", "call_answer", "written_channel"),
    "utter_response_time": ("response_time",),
    "utter_response_time_a": ("response_time",),
    "utter_response_time_b": ("response_time",),
    "utter_response_time_written_open": ("response_time",),
    "utter_response_time_written_closed": ("response_time",),
    "utter_regrade_not_a": (),
    "utter_regrade_to_c": (),
    "utter_severity_unchanged": (),
    "utter_call_if_worse": ("call_answer",),
    "utter_regrade_single_user": ("usage",),
    "utter_single_user": ("usage",),
    "utter_offer_report": ("report",),
    "utter_report_declined": ("written_channel",),
    "utter_report_needs_a_fault": ("ask_symptom",),
    "utter_report_start": ("report",),
    "utter_ask_report_what": ("report",),
    "utter_report_what_too_short": ("report",),
    "utter_ask_report_since": ("report",),
    "utter_ask_report_affected": ("report",),
    "utter_ask_report_called": ("report",),
    "utter_report_called_yes_or_no": ("report",),
    "utter_report_call_first": ("report", "call_answer"),
    "utter_ask_report_contact": ("report",),
    "utter_report_invalid_contact": ("report",),
    "utter_report_summary": ("report",),
    "utter_report_what_to_change": ("report",),
    "utter_report_delivered": ("report_saved",),
    "utter_report_pending": ("report_saved",),
    "utter_report_stored": ("report_saved",),
    "utter_report_next_a": ("report_saved",),
    "utter_report_next_b": ("report_saved",),
    "utter_report_next_c_open": ("report_saved",),
    "utter_report_next_c_closed": ("report_saved",),
    "utter_report_cancelled": ("cancelled",),
    "utter_report_now_a": ("report",),
    "utter_report_why_we_ask": ("report", "explain"),
    "utter_resolved_correction": ("written_channel",),
    "utter_message_too_long": ("fallback",),
    "utter_english_note": ("english_note",),  # inside another reply's text: ENGLISH_NOTE
    "utter_english_note_written": ("english_note",),
}
# The English note is added to another response's text, so it is found by its words.
ENGLISH_NOTE = "I reply in Norwegian"
VERDICTS = {"fault_a": "A", "fault_b": "B", "fault_c": "C"}


@dataclass(frozen=True)
class Turn:
    user: str | None
    button: str | None
    expect: dict[str, Any]


@dataclass(frozen=True)
class Conversation:
    name: str
    source: str
    at: datetime
    turns: list[Turn]


@dataclass(frozen=True)
class BotReply:
    """Everything the bot sent for one user turn."""

    texts: list[str]
    responses: list[str]
    buttons: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def routes(self) -> set[str]:
        routes = {route for name in self.responses for route in ROUTES.get(name, ())}
        return routes | ({"english_note"} if ENGLISH_NOTE in self.text else set())

    @property
    def verdicts(self) -> set[str]:
        return {VERDICTS[route] for route in self.routes if route in VERDICTS}

    @property
    def line(self) -> str:
        office = CONTACTS.office_line.number in self.text
        on_call = CONTACTS.on_call_line.number in self.text
        return {(True, True): "both", (True, False): "office", (False, True): "on_call"}.get(
            (office, on_call), "none"
        )


@dataclass
class Result:
    conversation: Conversation
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def load(half: str) -> list[Conversation]:
    conversations = []
    for path in sorted((SUITE / half).glob("*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            local = datetime.strptime(str(entry["at"]), "%Y-%m-%d %H:%M")
            turns = [
                Turn(turn.get("user"), turn.get("button"), turn.get("expect") or {})
                for turn in entry["turns"]
            ]
            conversations.append(
                Conversation(
                    entry["name"],
                    f"{half}/{path.name}",
                    local.replace(tzinfo=zone("Europe/Oslo")),
                    turns,
                )
            )
    return conversations


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def check(expect: dict[str, Any], reply: BotReply) -> list[str]:
    """What the reply gets wrong against `expect` (empty when it holds)."""
    wrong = []
    lowered = reply.text.lower()
    if "route" in expect and not reply.routes & set(as_list(expect["route"])):
        wrong.append(f"route {expect['route']}, got {sorted(reply.routes) or 'none'}")
    if "class" in expect:
        allowed = {str(value) for value in as_list(expect["class"])}
        got = reply.verdicts or {"none"}
        if not got <= allowed:
            wrong.append(f"class {expect['class']}, got {sorted(got)}")
    if "line" in expect and reply.line != expect["line"]:
        wrong.append(f"line {expect['line']}, got {reply.line}")
    wrong += [f"says {text!r}" for text in expect.get("says", []) if text.lower() not in lowered]
    wrong += [
        f"must not say {text!r}" for text in expect.get("not_says", []) if text.lower() in lowered
    ]
    unknown = [name for name in reply.responses if name not in ROUTES]
    if unknown:
        wrong.append(f"responses without a route in devtools/conversations.py: {unknown}")
    return wrong


def bot_reply_since_last_user_message(events: list[dict[str, Any]]) -> BotReply:
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    uttered = [e for e in events[last_user + 1 :] if e.get("event") == "bot"]
    return BotReply(
        texts=[e.get("text") or "" for e in uttered],
        responses=[(e.get("metadata") or {}).get("utter_action", "") for e in uttered],
        buttons=[b for e in uttered for b in (e.get("data") or {}).get("buttons") or []],
    )


def without_contacts(text: str) -> str:
    """Reply text for reports, with the numbers and e-mail named instead of written out
    (only bot/contacts.py may hold them)."""
    for phone, name in (
        (CONTACTS.office_line, "<office line>"),
        (CONTACTS.on_call_line, "<on-call line>"),
        (CONTACTS.operations_manager_phone, "<operations manager>"),
    ):
        # As printed, or as a conversation file writes it (without +47, spaces or both)
        digits = phone.number.replace(" ", "")[-8:]
        text = re.sub(r"(?:\+47 ?)?" + r" ?".join(digits), name, text)
    text = text.replace(CONTACTS.support_email, "<support e-mail>")
    return re.sub(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "<an e-mail address>", text)  # users' own


def run_conversation(assistant: Assistant, conversation: Conversation) -> Result:
    result = Result(conversation)
    sender = f"suite-{uuid.uuid4().hex[:12]}"
    clock = {"aidn_clock": conversation.at.astimezone(timezone.utc).isoformat()}
    previous = BotReply([], [], [])
    for number, turn in enumerate(conversation.turns, 1):
        message = turn.user
        if turn.button is not None:
            wanted = turn.button.lower()
            button = next(
                (b for b in previous.buttons if str(b.get("title", "")).lower().startswith(wanted)),
                None,
            )
            if button is None:
                titles = [b.get("title") for b in previous.buttons]
                result.failures.append(f"turn {number}: no button {turn.button!r} in {titles}")
                return result
            message = str(button["payload"])
        try:
            assistant.say(sender, message or "", clock)
        except urllib.error.HTTPError as error:  # a refused message fails this conversation only
            result.failures.append(f"turn {number} {message!r}: HTTP {error.code} {error.read()!r}")
            return result
        reply = bot_reply_since_last_user_message(assistant.tracker(sender)["events"])
        wrong = check(turn.expect, reply)
        if wrong:
            shown = " | ".join(without_contacts(t).replace("\n", " ")[:160] for t in reply.texts)
            result.failures.append(
                f"turn {number} {message!r}: " + "; ".join(wrong) + f"\n      bot: {shown}"
            )
        previous = reply
    return result


def run_all(assistant: Assistant, conversations: list[Conversation]) -> list[Result]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda c: run_conversation(assistant, c), conversations))


def report(half: str, results: list[Result]) -> str:
    passed = sum(r.passed for r in results)
    lines = [
        f"{half}: {passed}/{len(results)} conversations passed "
        f"({passed / max(len(results), 1):.1%})"
    ]
    for result in results:
        if not result.passed:
            c = result.conversation
            lines.append(f"  FAIL {c.source}: {c.name} (at {c.at:%Y-%m-%d %H:%M})")
            lines += [f"    {failure}" for failure in result.failures]
    return without_contacts("\n".join(lines))


def start_assistant(var_dir: Path, model: Path | None = None) -> Assistant:
    extra = CLOCK_ENV | ({"AIDN_MODEL": str(model)} if model else {})
    return Assistant(var_dir, ports=PORTS, extra_env=extra)


def pass_rates(model: Path | None = None) -> dict[str, list[Result]]:
    """Both halves against one model (default: the trained models/aidn.tar.gz)."""
    with tempfile.TemporaryDirectory() as var_dir:
        assistant = start_assistant(Path(var_dir), model)
        try:
            return {half: run_all(assistant, load(half)) for half in HALVES}
        finally:
            assistant.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", nargs="*", default=list(HALVES), choices=HALVES)
    parser.add_argument("--only", help="run only conversations whose name or file contains this")
    parser.add_argument(
        "--write",
        action="store_true",
        help="also write the figures and failures into BENCHMARKS.md",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        assistant = start_assistant(Path(var_dir))
        try:
            reports = []
            for half in args.half:
                conversations = [
                    c for c in load(half) if not args.only or args.only in f"{c.source} {c.name}"
                ]
                reports.append(report(half, run_all(assistant, conversations)))
                print(reports[-1], flush=True)
        finally:
            assistant.stop()
    if args.write:
        write_benchmarks(reports)


def write_benchmarks(reports: list[str]) -> None:
    from benchmarks.report import machine, write_section

    intro = (
        f"Command: `make conversations`. Measured {machine()}. The tuned half is what "
        "the developers tune on; the held-out half was written by a helper who saw neither "
        "the training data nor the tuned half, and its failures are listed, not fixed."
    )
    write_section(
        "conversations", "\n".join(["## Conversations", "", intro, "", "```", *reports, "```"])
    )


if __name__ == "__main__":
    main()
