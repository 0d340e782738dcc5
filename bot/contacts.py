"""The single source of truth for every contact fact the assistant states.

Every value is taken from Aidn's "Hjelp og kontakt" page
(docs/source/hjelp-og-kontakt.txt); tests check each one against that page.
No other file in the project may contain a phone number or an e-mail address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time


@dataclass(frozen=True)
class PhoneLine:
    label: str  # Norwegian, as shown to users
    number: str  # as printed on the help page

    @property
    def tel_uri(self) -> str:
        """RFC 3966 URI, so a phone or tablet can dial with one tap."""
        return "tel:" + self.number.replace(" ", "")


@dataclass(frozen=True)
class Contacts:
    office_line: PhoneLine
    on_call_line: PhoneLine
    support_email: str
    office_opens: time
    office_closes: time  # exclusive: at this minute the on-call line takes over
    timezone: str
    operations_manager_name: str
    operations_manager_phone: PhoneLine
    help_button: str
    help_button_fault: str
    help_button_support: str
    help_button_suggestion: str
    article_ask_internally: str
    article_how_to_suggest: str
    article_roadmap: str

    @property
    def office_day_hours(self) -> str:
        return f"{self.office_opens:%H:%M}–{self.office_closes:%H:%M}"

    @property
    def office_hours(self) -> str:
        return f"hverdager {self.office_day_hours}"

    @property
    def on_call_hours(self) -> str:
        return (
            f"hverdager {self.office_closes:%H:%M}–{self.office_opens:%H:%M}, "
            "hele døgnet i helger og på helligdager"
        )

    def placeholders(self) -> dict[str, str]:
        """Values for the `{name}` placeholders of every response in domain.yml."""
        return {
            "office_phone": self.office_line.number,
            "on_call_phone": self.on_call_line.number,
            "office_hours": self.office_hours,
            "office_day_hours": self.office_day_hours,
            "on_call_hours": self.on_call_hours,
            "support_email": self.support_email,
            "ops_manager_name": self.operations_manager_name,
            "ops_manager_phone": self.operations_manager_phone.number,
            "help_button": self.help_button,
            "help_button_fault": self.help_button_fault,
            "help_button_support": self.help_button_support,
            "help_button_suggestion": self.help_button_suggestion,
            "article_ask_internally": self.article_ask_internally,
            "article_how_to_suggest": self.article_how_to_suggest,
            "article_roadmap": self.article_roadmap,
        }


CONTACTS = Contacts(
    office_line=PhoneLine("support, kontortid", "+47 97 32 86 34"),
    on_call_line=PhoneLine("vakttelefonen, utenom arbeidstid", "+47 75 98 80 62"),
    support_email="support@aidn.no",
    office_opens=time(8, 0),
    office_closes=time(16, 0),
    timezone="Europe/Oslo",
    operations_manager_name="Ivy Lotarev",
    operations_manager_phone=PhoneLine("driftsansvarlig", "+47 47 36 28 27"),
    help_button="Hjelp-knappen i Aidn",
    help_button_fault="Meld inn feil",
    help_button_support="Brukerstøtte",
    help_button_suggestion="Forslag til forbedring",
    article_ask_internally="Når kontakter du Aidn – og når bør du spørre internt?",
    article_how_to_suggest="Hvordan sender jeg inn forslag?",
    article_roadmap="Hva kommer i Aidn fremover?",
)
