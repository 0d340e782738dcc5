"""Contact facts: each one is on the help page, and none is written anywhere else."""

import re
import subprocess
from pathlib import Path

import pytest

from bot.contacts import CONTACTS

ROOT = Path(__file__).resolve().parents[2]
HELP_PAGE = "docs/source/hjelp-og-kontakt.txt"  # the page the facts come from
SOURCE_OF_TRUTH = "bot/contacts.py"  # the only code that holds them
# The conversation suite asserts what a user reads, written from the page ("says: the
# support e-mail"): it checks the assistant's replies against the page, not the code.
CONVERSATIONS = "tests/conversations/"

PHONE = re.compile(r"(?:\+47[\s-]?)?(?<![\d.])\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}(?![\d.])")
PHONE_SHAPE = re.compile(r"\+47|\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EXAMPLE_EMAIL_DOMAINS = ("example.org", "example.com", "example.net")


@pytest.fixture(scope="module")
def seed() -> str:
    return (ROOT / HELP_PAGE).read_text(encoding="utf-8")


def test_every_contact_fact_is_on_the_help_page(seed):
    facts = [
        CONTACTS.office_line.number,
        CONTACTS.on_call_line.number,
        CONTACTS.operations_manager_phone.number,
        CONTACTS.support_email,
        CONTACTS.operations_manager_name,
        CONTACTS.help_button,
        CONTACTS.help_button_fault,
        CONTACTS.help_button_support,
        CONTACTS.help_button_suggestion,
        CONTACTS.article_ask_internally,
        CONTACTS.article_how_to_suggest,
        CONTACTS.article_roadmap,
        f"{CONTACTS.office_opens:%H:%M}–{CONTACTS.office_closes:%H:%M}",
    ]
    missing = [fact for fact in facts if fact not in seed]
    assert missing == []


def test_the_office_and_on_call_numbers_are_the_pages_pair(seed):
    office_line = next(line for line in seed.splitlines() if "innenfor normal arbeidstid" in line)
    on_call_line = next(line for line in seed.splitlines() if "utenfor normal arbeidstid" in line)
    assert CONTACTS.office_line.number in office_line
    assert CONTACTS.on_call_line.number in on_call_line


def test_tel_uri_has_no_spaces():
    assert CONTACTS.office_line.tel_uri == "tel:" + CONTACTS.office_line.number.replace(" ", "")


def project_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def test_no_phone_number_or_email_literal_outside_the_source_of_truth():
    known_digits = {
        re.sub(r"\D", "", line.number)[-8:]
        for line in (CONTACTS.office_line, CONTACTS.on_call_line, CONTACTS.operations_manager_phone)
    }
    offenders = []
    for path in project_files():
        relative = path.relative_to(ROOT).as_posix()
        if relative in (SOURCE_OF_TRUTH, HELP_PAGE) or relative.startswith(CONVERSATIONS):
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")  # binary files too
        for match in PHONE.finditer(text):
            digits = re.sub(r"\D", "", match.group())[-8:]
            if digits in known_digits or PHONE_SHAPE.search(match.group()):
                offenders.append(f"{relative}: {match.group()}")
        for match in EMAIL.finditer(text):
            if not match.group().lower().endswith(EXAMPLE_EMAIL_DOMAINS):
                offenders.append(f"{relative}: {match.group()}")
    assert offenders == []
