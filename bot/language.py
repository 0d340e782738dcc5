"""Whether a message is written in English (the assistant answers in Norwegian, and says so
in one English line, with the number for critical faults), and whether it is keyboard mash."""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"[a-zæøå']+")
# Common English words that are not also Norwegian words ("i", "to", "for" are both).
_ENGLISH_LINES = (
    "the is are am was our we can't cannot can not don't doesn't didn't won't isn't how what",
    "when where why who does do you your my me it it's this that there they their with any",
    "nobody anyone everyone someone please hello hi hey thanks thank help system down working",
    "works work open opening hours log login logged send sent messages message call number",
    "slow error fault broken crashed patient patients doctor doctors all also afterwards",
    "write need should would could have has been still again today tomorrow weekend",
)
_NORWEGIAN_LINES = (
    "er ikke ikkje jeg eg æ vi det og på som har til med hva kva hvordan korleis åssen meg",
    "dere dokker dykk får fikk noe noko når nå no ein en et av om så men være kan skal vil",
    "må litt helt alle ingen noen nokon bare berre",
)
_ENGLISH = frozenset(word for line in _ENGLISH_LINES for word in line.split())
_NORWEGIAN = frozenset(word for line in _NORWEGIAN_LINES for word in line.split())


def looks_english(text: str) -> bool:
    """True for a message in (simple) English: at least two English words and clearly
    more English than Norwegian ones."""
    words = _WORD.findall(text.lower())
    english = sum(word in _ENGLISH for word in words)
    norwegian = sum(word in _NORWEGIAN for word in words)
    return english >= 2 and english > 2 * norwegian


# A Norwegian keyboard's letter rows: "asdfgh", "qwerty zxcvb" run along one of them.
_KEYBOARD_ROWS = ("qwertyuiopå", "asdfghjkløæ", "zxcvbnm")
_MASH_MIN_LETTERS = 4


def is_keyboard_mash(text: str, known_word: Callable[[str], bool]) -> bool:
    """ "asdfgh", "qwerty zxcvb", "fdsjkl ææ": every word unknown (`known_word`) and typed
    along one keyboard row, one of them at least four letters long. "ruter" is a word of
    one row, so a word the classifier knows is never mash."""
    words = _WORD.findall(text.lower())
    if not words or max(len(word) for word in words) < _MASH_MIN_LETTERS:
        return False
    return all(
        not known_word(word) and any(set(word) <= set(row) for row in _KEYBOARD_ROWS)
        for word in words
    )
