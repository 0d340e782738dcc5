import re

import pytest

from bot.contacts import CONTACTS
from bot.privacy import find_national_ids, is_national_id, redact

# Synthetic numbers (month + 80): valid check digits, never issued to a person.
SYNTHETIC = "27894228771"
SYNTHETIC_SPACED = "118380 43331"


@pytest.mark.parametrize(
    "text",
    [
        f"pasient {SYNTHETIC} får ikke lagret journalen",
        f"fnr: {SYNTHETIC_SPACED}",
        "beboer 118380-43331 mangler",
        "fnr 27 89 42 28771 i journalen",
        "født 27.89.42 28771",
        # punctuation beside the number (issue 10): stored as typed before
        f"… fnr {SYNTHETIC}.",
        f"fnr-{SYNTHETIC}",
        f"pasienten ({SYNTHETIC}) og {SYNTHETIC}-saken",
        f"{SYNTHETIC}, {SYNTHETIC}! {SYNTHETIC}?",
    ],
)
def test_identity_numbers_are_found(text):
    found = find_national_ids(text)
    assert found and set(found) <= {SYNTHETIC, SYNTHETIC_SPACED.replace(" ", "")}
    assert not set(re.findall(r"\d", redact(text)))


@pytest.mark.parametrize(
    "text",
    [
        f"ring {CONTACTS.office_line.number}",  # a phone number
        "saksnummer 12345678901",  # 11 digits, wrong check digits
        "ordre 278942287710",  # 12 digits: not an identity number
        f"versjon 1.{SYNTHETIC}",  # part of a longer number
        f"{SYNTHETIC}-5",
        f"{SYNTHETIC}.5",
        "vi har 3 pasienter på rom 12",
        "",
    ],
)
def test_other_numbers_are_not_flagged(text):
    assert find_national_ids(text) == []


def test_check_digits():
    assert is_national_id(SYNTHETIC)
    assert not is_national_id(SYNTHETIC[:-1] + "2")
    assert not is_national_id("2789422877a")


@pytest.mark.parametrize(
    "text",
    [
        "fødselsnummer 01019912345 får ikke opp medisinlista",  # wrong check digits
        "Fødselsnr: 010199 12345",
        "pasienten med personnummer 01019912345",
        "personnummer 31129912399. får ikke sendt e-melding om henne",
        "fnr-01019912345",
        "fnr 01019912345",
        "f.nr. 01019912345",
        "D-nummer: 41019912345",
    ],
)
def test_a_number_labelled_as_an_identity_number_counts_whatever_its_check_digits(text):
    assert len(find_national_ids(text)) == 1
    assert "12345" not in redact(text)


def test_redact_replaces_only_identity_numbers():
    assert redact(f"pasient {SYNTHETIC} rom 12") == "pasient [fødselsnummer fjernet] rom 12"
    assert redact("saksnummer 12345678901") == "saksnummer 12345678901"
