"""The assistant's replies in the markup of each chat platform: phone numbers as tap-to-call
links, e-mail addresses as mailto: links, and every other character shown as written."""

from __future__ import annotations

import re
from collections.abc import Callable

# "+47" and eight digits in pairs, as bot.contacts writes the numbers; an e-mail address.
_LINKABLE = re.compile(r"(\+47(?: ?\d){8})|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#])")


def _rewrite(text: str, plain: Callable[[str], str], link: Callable[[str, str], str]) -> str:
    """`text` with each phone number or e-mail address made a link and the rest escaped."""
    parts, last = [], 0
    for match in _LINKABLE.finditer(text):
        phone, email = match.group(1), match.group(2)
        target = f"tel:{phone.replace(' ', '')}" if phone else f"mailto:{email}"
        parts += [plain(text[last : match.start()]), link(match.group(0), target)]
        last = match.end()
    return "".join([*parts, plain(text[last:])])


def slack_mrkdwn(text: str) -> str:
    """Slack's mrkdwn: &, < and > escaped; <tel:…|number> and <mailto:…|address>."""
    return _rewrite(
        text,
        lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        lambda shown, target: f"<{target}|{shown}>",
    )


def teams_markdown(text: str) -> str:
    """Teams' markdown: markup characters escaped, [number](tel:…) links, and each line a
    paragraph of its own (Teams joins lines separated by a single line break)."""
    linked = _rewrite(
        text,
        lambda s: _MARKDOWN_SPECIAL.sub(r"\\\1", s),
        lambda shown, target: f"[{shown}]({target})",
    )
    return "\n\n".join(line for line in linked.split("\n") if line.strip())
