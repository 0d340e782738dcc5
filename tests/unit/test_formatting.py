"""Replies in Slack's mrkdwn and Teams' markdown."""

from bot.contacts import CONTACTS
from bot.formatting import slack_mrkdwn, teams_markdown

OFFICE = CONTACTS.office_line.number
EMAIL = CONTACTS.support_email


def test_slack_links_numbers_and_addresses_and_escapes_the_rest():
    text = f"Ring nå: {OFFICE} <kontortid> & skriv til {EMAIL}."
    assert slack_mrkdwn(text) == (
        f"Ring nå: <tel:{OFFICE.replace(' ', '')}|{OFFICE}> &lt;kontortid&gt; &amp; "
        f"skriv til <mailto:{EMAIL}|{EMAIL}>."
    )


def test_teams_links_escapes_markup_and_keeps_each_line():
    text = f"🔴 Dette er en A-feil\n📞 Ring nå: {OFFICE} (*vakt_telefon*)\n\nSkriv til {EMAIL}"
    assert teams_markdown(text) == (
        "🔴 Dette er en A-feil\n\n"
        f"📞 Ring nå: [{OFFICE}](tel:{OFFICE.replace(' ', '')}) (\\*vakt\\_telefon\\*)\n\n"
        f"Skriv til [{EMAIL}](mailto:{EMAIL})"
    )
