"""WCAG AA contrast (4.5:1 for text) for every text/background pair the widget uses."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "web" / "static" / "widget.css").read_text()
COLOURS = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", CSS)) | {"white": "#ffffff"}


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        ("text", "white"),  # page text
        ("brand", "white"),  # links, quick-reply buttons, headings
        ("white", "brand"),  # header, launcher, user messages, send button
        ("text", "brand-light"),  # bot messages
        ("brand", "brand-light"),  # links inside bot messages
        ("muted", "white"),  # typing indicator, answered buttons
        ("error-text", "error-bg"),  # the offline alert
    ],
)
def test_text_contrast_meets_wcag_aa(foreground, background):
    assert contrast(COLOURS[foreground], COLOURS[background]) >= 4.5
