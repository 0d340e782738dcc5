"""Detection of Norwegian national identity numbers (fødselsnummer, D- and H-numbers).

Health workers sometimes paste a patient's identity number into a support chat. The
assistant must recognise it and ask them not to; it must not flag phone numbers or
case numbers. An 11-digit number counts when both of its mod-11 check digits hold, or
when the user labels it as one ("fødselsnummer 01019912345"): mistyped, it is still a
person's number.
"""

from __future__ import annotations

import re

# 11 digits, as written by hand: "27894228771", "278942 28771", "27.89.42-28771",
# "27 89 42 28771"; never part of a longer number ("1.27894228771", "27894228771-5"), but
# a full stop or hyphen beside it is punctuation ("fnr 27894228771.", "fnr-27894228771").
_CANDIDATE = re.compile(
    r"(?<!\d)(?<!\d[.-])(\d{2}[ .]?\d{2}[ .]?\d{2})[ .-]?(\d{5})(?!\d)(?![.-]\d)"
)
# "fødselsnummer", "fødselsnr.", "personnummeret", "fnr", "f.nr", "d-nummer", "pnr" right
# before the number (with ":", "#", "-" or spaces between).
_LABEL_BEFORE = re.compile(
    r"(?:(?:fødsels|person|d-?)n(?:umme)?r\w*|f\.?\s?nr|pnr|dnr)\.?[\s:#-]*$", re.IGNORECASE
)
_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    remainder = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    if remainder == 11:
        return 0
    return None if remainder == 10 else remainder


def is_national_id(number: str) -> bool:
    """True when `number` (11 digits) has valid fødselsnummer check digits."""
    if len(number) != 11 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    return (
        _check_digit(digits[:9], _WEIGHTS_1) == digits[9]
        and _check_digit(digits[:10], _WEIGHTS_2) == digits[10]
    )


def _digits(match: re.Match[str]) -> str:
    return re.sub(r"\D", "", match.group(0))


def _is_identity(text: str, match: re.Match[str]) -> bool:
    labelled = _LABEL_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
    return labelled is not None or is_national_id(_digits(match))


def find_national_ids(text: str) -> list[str]:
    """Every identity number in `text` (valid, or labelled as one), as 11 digits."""
    return [_digits(m) for m in _CANDIDATE.finditer(text) if _is_identity(text, m)]


REDACTED = "[fødselsnummer fjernet]"


def redact(text: str, mask: str = REDACTED) -> str:
    """`text` with every identity number replaced by `mask`."""
    return _CANDIDATE.sub(lambda m: mask if _is_identity(text, m) else m.group(0), text)
