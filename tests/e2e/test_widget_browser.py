"""The help page and chat widget in Debian's chromium, driven by Playwright, against the
real page, socketio channel, Rasa server and action server (started by scripts/serve.sh).
Screenshots go to test-artifacts/.
"""

import json
import re
import sqlite3
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from bot.contacts import CONTACTS
from bot.hours import line_for
from devtools.assistant import Assistant

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    running = Assistant(tmp_path_factory.mktemp("widget-var"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: scripts/setup.sh installs it")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, assistant):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nb-NO")
    opened = context.new_page()
    opened.goto(assistant.web_url)
    yield opened
    context.close()


def open_widget(page):
    page.get_by_role("button", name="Chat med hjelpeassistenten").click()
    expect(page.locator(".aidn-msg--bot").first).to_contain_text("chatbot", timeout=60_000)


def say(page, text):
    page.get_by_label("Skriv en melding").fill(text)
    page.get_by_label("Skriv en melding").press("Enter")


def test_a_feil_reply_has_the_number_for_now_as_a_tel_link(page):
    open_widget(page)
    expect(page.locator(".aidn-msg--bot").first).to_contain_text("pasientopplysninger")
    say(page, "Aidn er helt nede")
    reply = page.locator(".aidn-msg--bot", has_text="A-feil")
    expect(reply).to_be_visible(timeout=60_000)
    line = line_for(datetime.now(timezone.utc))
    expect(reply.locator(f'a[href="{line.tel_uri}"]')).to_have_text(line.number)
    expect(reply.locator(f'a[href="mailto:{CONTACTS.support_email}"]')).to_have_count(1)
    other = ({CONTACTS.office_line, CONTACTS.on_call_line} - {line}).pop()
    expect(reply.locator(f'a[href="{other.tel_uri}"]')).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "widget-desktop.png"))


def test_quick_reply_advances_the_triage_and_history_survives_a_reload(page):
    open_widget(page)
    say(page, "jeg vil melde en feil")
    page.get_by_role("button", name="Nei – vi kan gi øyeblikkelig hjelp").click(timeout=60_000)
    expect(page.locator(".aidn-msg--bot", has_text="vesentlig redusert")).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_role("button", name="Nei – vi kan gi øyeblikkelig hjelp")).to_be_disabled()
    page.reload()
    expect(page.locator(".aidn-msg--user", has_text="jeg vil melde en feil")).to_be_visible()
    expect(page.locator(".aidn-msg--bot", has_text="vesentlig redusert")).to_be_visible()
    page.get_by_role("button", name="Ja – stor påvirkning").click()
    expect(page.locator(".aidn-msg--bot", has_text="B-feil")).to_be_visible(timeout=60_000)


def test_older_quick_replies_are_disabled_once_the_user_types_something_else(page):
    open_widget(page)
    say(page, "jeg vil melde en feil")
    yes = page.get_by_role("button", name="Ja – øyeblikkelig hjelp er hindret")
    expect(yes).to_be_enabled(timeout=60_000)
    say(page, "hva mener du med øyeblikkelig hjelp?")
    expect(page.locator(".aidn-msg--bot", has_text="Spørsmålet er")).to_be_visible(timeout=60_000)
    expect(yes.first).to_be_disabled()  # the earlier question's buttons
    expect(yes.last).to_be_enabled()  # the question asked again
    page.reload()
    expect(
        page.get_by_role("button", name="Ja – øyeblikkelig hjelp er hindret").first
    ).to_be_disabled()


def test_the_tablet_keeps_no_identity_number_and_forgets_the_chat_when_it_ends(page):
    """Shared tablets: what the user typed is kept in sessionStorage with identity numbers
    removed (shown so too), and "Avslutt samtalen" forgets the conversation."""
    open_widget(page)
    say(page, "pasient 27894228771 og fnr-118380 43331 får ikke opp journalen")
    expect(page.locator(".aidn-msg--bot", has_text="⚠️ Ikke del")).to_be_visible(timeout=60_000)
    stored = page.evaluate("sessionStorage.getItem('aidn-help-widget')")
    assert "fjernet" in stored
    assert "27894228771" not in stored and "43331" not in stored
    expect(page.locator(".aidn-msg--user")).to_contain_text("[fødselsnummer fjernet]")
    page.get_by_role("button", name="Avslutt samtalen").click()
    assert page.evaluate("sessionStorage.getItem('aidn-help-widget')") in (None, "null") or (
        "journalen" not in page.evaluate("sessionStorage.getItem('aidn-help-widget')")
    )
    page.reload()
    open_widget(page)  # a new conversation: the greeting, nothing of the old one
    expect(page.locator(".aidn-msg--user")).to_have_count(0)


def test_a_b_feil_written_report_taken_in_the_widget_with_quick_replies(page, assistant):
    """The issue-11 flow in the browser: the verdict, the offer, the form by typing and by
    quick replies, one answer changed at the summary, sent, and the row in the database."""
    open_widget(page)

    def bot_says(text):
        expect(page.locator(".aidn-msg--bot", has_text=text).last).to_be_visible(timeout=60_000)

    say(page, "vi får ikke sendt e-meldinger til legekontoret")
    bot_says("B-feil")
    page.get_by_role("button", name="Ja, skriv den her").click()
    bot_says("Hva skjer?")
    say(page, "e-meldingene blir liggende i utboksen på hele avdelingen")
    bot_says("Siden når")
    page.get_by_role("button", name="Vet ikke").click()
    bot_says("Hvor mange er berørt")
    say(page, "avdeling 2, Eksempel kommune")
    bot_says("Har du ringt inn feilen?")
    page.get_by_role("button", name="Ja, har ringt").click()
    bot_says("e-postadresse eller hvilket telefonnummer")
    say(page, "kari@example.org")
    bot_says("Kontakt: kari@example.org")
    page.get_by_role("button", name="Endre kontakten").last.click()
    bot_says("e-postadresse eller hvilket telefonnummer")
    say(page, "kari.nordmann@example.org")
    bot_says("Kontakt: kari.nordmann@example.org")
    page.get_by_role("button", name="Send tilbakemeldingen").last.click()
    bot_says("referanse")
    bot_says("prioriterer")
    page.screenshot(path=str(ARTIFACTS / "widget-report.png"))
    database = assistant.log.parent / "inbox.sqlite3"
    rows = (
        sqlite3.connect(database)
        .execute("SELECT severity, what, since, contact, called, channel FROM reports")
        .fetchall()
    )
    assert rows == [
        (
            "B",
            "e-meldingene blir liggende i utboksen på hele avdelingen",
            None,
            "kari.nordmann@example.org",
            1,
            "hjelpewidgeten",
        )
    ]


@pytest.mark.parametrize("width", [1280, 1000])
def test_the_open_panel_leaves_the_pages_contact_list_readable(browser, assistant, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    desktop = context.new_page()
    desktop.goto(assistant.web_url)
    open_widget(desktop)
    panel = desktop.locator(".aidn-panel").bounding_box()
    for item in desktop.locator(".page li, .page h1, .page p").all():
        box = item.bounding_box()
        assert box["x"] + box["width"] <= panel["x"], item.inner_text()
    desktop.screenshot(path=str(ARTIFACTS / f"widget-open-{width}.png"))
    context.close()


def test_hostile_text_is_shown_as_text(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_widget(page)
    hostile = "<img src=x onerror=alert(1)>"
    say(page, hostile)
    expect(page.locator(".aidn-msg--user", has_text=hostile)).to_be_visible()
    expect(page.locator(".aidn-msg--bot").nth(1)).to_be_visible(timeout=60_000)
    assert page.locator(".aidn-log img").count() == 0
    assert dialogs == []


def test_keyboard_only(page):
    page.keyboard.press("Tab")  # the page's first link, then on to the launcher
    launcher = page.get_by_role("button", name="Chat med hjelpeassistenten")
    for _ in range(10):
        if launcher.evaluate("node => node === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name="Aidn hjelpeassistent")).to_be_visible()
    expect(page.get_by_label("Skriv en melding")).to_be_focused()
    page.keyboard.type("er dere åpne nå?")
    page.keyboard.press("Enter")
    expect(page.locator(".aidn-msg--bot", has_text="Kundesenteret")).to_be_visible(timeout=60_000)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Aidn hjelpeassistent")).to_be_hidden()
    expect(page.get_by_role("button", name="Chat med hjelpeassistenten")).to_be_focused()


def test_phone_layout_360px(browser, assistant):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(assistant.web_url)
    open_widget(phone)
    box = phone.locator(".aidn-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    phone.screenshot(path=str(ARTIFACTS / "widget-phone-360.png"))
    context.close()


def test_lost_connection_shows_both_numbers_as_links(browser, assistant):
    context = browser.new_context()
    offline = context.new_page()
    offline.route(re.compile(r".*/socket\.io/.*"), lambda route: route.abort())
    offline.route_web_socket(re.compile(r".*/socket\.io/.*"), lambda socket: socket.close())
    offline.goto(assistant.web_url)
    offline.get_by_role("button", name="Chat med hjelpeassistenten").click()
    alert = offline.get_by_role("alert")
    expect(alert).to_contain_text("Mistet forbindelsen", timeout=30_000)
    for line in (CONTACTS.office_line, CONTACTS.on_call_line):
        expect(alert.locator(f'a[href="{line.tel_uri}"]')).to_have_count(1)
    context.close()


def socketio_handshake(assistant: Assistant, origin: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{assistant.rasa_port}/socket.io/?EIO=4&transport=polling",
        headers={"Origin": origin},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_socketio_accepts_only_the_configured_origins(assistant):
    assert socketio_handshake(assistant, assistant.web_url) == 200
    assert socketio_handshake(assistant, "https://attacker.example") == 400


def test_page_sends_no_request_off_this_machine(browser, assistant):
    context = browser.new_context()
    visited = context.new_page()
    hosts = set()
    visited.on(
        "request", lambda request: hosts.add(re.sub(r"^\w+://([^/:]+).*", r"\1", request.url))
    )
    visited.goto(assistant.web_url)
    open_widget(visited)
    context.close()
    assert hosts <= {"127.0.0.1", "localhost"}


def test_health(assistant):
    with urllib.request.urlopen(assistant.web_url + "/health", timeout=10) as response:
        assert json.load(response) == {"status": "ok"}
