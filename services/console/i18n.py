"""German and English: the browser's language picks, a `lang` cookie overrides.

Messages are keyed by their English text; German lives in `GERMAN`. Dates, numbers and money
are formatted for the reader's locale by Babel.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

LANGUAGES = ("en", "de")
LOCALES = {"en": "en_GB", "de": "de_DE"}

GERMAN: dict[str, str] = {
    "Requests": "Anfragen",
    "Network": "Netzwerk",
    "Reports": "Berichte",
    "Models": "Modelle",
    "Admin": "Verwaltung",
    "Sign in": "Anmelden",
    "Sign out": "Abmelden",
    "E-mail": "E-Mail",
    "Password": "Passwort",
    "Signed in as": "Angemeldet als",
    "Language": "Sprache",
    "Open requests": "Offene Anfragen",
    "All statuses": "Alle Status",
    "open": "offen",
    "filled": "besetzt",
    "cancelled": "storniert",
    "Client": "Kunde",
    "All clients": "Alle Kunden",
    "Skill": "Skill",
    "Filter": "Filtern",
    "Start": "Start",
    "Must-have skills": "Muss-Skills",
    "Status": "Status",
    "Shortlisted": "Vorgemerkt",
    "Presented": "Vorgestellt",
    "No requests match these filters.": "Keine Anfragen passen zu diesen Filtern.",
    "New request": "Neue Anfrage",
    "Title": "Titel",
    "Paste the client's text": "Text des Kunden einfügen",
    "Suggest skills from the text": "Skills aus dem Text vorschlagen",
    "Skills (one per line; add ! for a must-have)": "Skills (einer pro Zeile; ! für Muss-Skill)",
    "Start date": "Startdatum",
    "Duration (months)": "Dauer (Monate)",
    "Max. day rate (EUR)": "Max. Tagessatz (EUR)",
    "Remote": "Remote",
    "onsite": "vor Ort",
    "hybrid": "hybrid",
    "remote": "remote",
    "Create request": "Anfrage anlegen",
    "Ranked matches": "Gerankte Kandidaten",
    "Rank again": "Neu ranken",
    "Model version": "Modellversion",
    "Not ranked yet.": "Noch nicht gerankt.",
    "No candidate passes the filters for this request yet.": "Noch kein Kandidat erfüllt die Filter dieser Anfrage.",
    "Rank": "Rang",
    "Name": "Name",
    "Score": "Score",
    "Skills": "Skills",
    "Availability": "Verfügbarkeit",
    "Day rate": "Tagessatz",
    "Trust": "Vertrauen",
    "Decision": "Entscheidung",
    "Shortlist": "Vormerken",
    "Reject": "Ablehnen",
    "Present": "Vorstellen",
    "Interview": "Interview",
    "Place": "Platzieren",
    "Decline": "Absage",
    "Reason": "Grund",
    "Details": "Details",
    "Why this score": "Warum dieser Score",
    "only in the CV": "nur im Lebenslauf",
    "missing": "fehlt",
    "level": "Level",
    "from": "ab",
    "now": "sofort",
    "request": "Anfrage",
    "Why not …?": "Warum nicht …?",
    "Freelancer id or name": "Freelancer-ID oder Name",
    "Look up": "Nachsehen",
    "Excluded by": "Ausgeschlossen durch",
    "Would rank": "Würde auf Rang",
    "Keyboard: j/k move, s shortlist, p present, r reject, Enter details.": "Tastatur: j/k bewegen, s vormerken, p vorstellen, r ablehnen, Enter Details.",
    "Profile": "Profil",
    "CV text": "Lebenslauf-Text",
    "Confirmed skills": "Bestätigte Skills",
    "Skills read from the CV": "Aus dem Lebenslauf gelesene Skills",
    "Source": "Quelle",
    "Vouches": "Empfehlungen",
    "Meetings": "Treffen",
    "Considered for": "Berücksichtigt für",
    "Upload CV": "Lebenslauf hochladen",
    "Upload": "Hochladen",
    "Log a meeting": "Treffen erfassen",
    "Contact": "Kontakt",
    "Channel": "Kanal",
    "Date": "Datum",
    "Context": "Kontext",
    "Save": "Speichern",
    "in_person": "persönlich",
    "worked_together": "zusammengearbeitet",
    "video": "Video",
    "phone": "Telefon",
    "online": "online",
    "Contacts": "Kontakte",
    "Network trust": "Netzwerkvertrauen",
    "Cooling relationships": "Abkühlende Beziehungen",
    "Last met": "Zuletzt getroffen",
    "Days since": "Tage seitdem",
    "Nothing is cooling. Well kept!": "Nichts kühlt ab. Gut gepflegt!",
    "Referral sources": "Empfehlungsquellen",
    "Added": "Aufgenommen",
    "Placed": "Platziert",
    "Placement rate": "Platzierungsquote",
    "Referrers": "Empfehlungsgeber",
    "Track record": "Erfolgsbilanz",
    "Download CSV": "CSV herunterladen",
    "No data yet.": "Noch keine Daten.",
    "Active": "Aktiv",
    "Train a model": "Modell trainieren",
    "Activate": "Aktivieren",
    "Users": "Benutzer",
    "Invite": "Einladen",
    "Deactivate": "Deaktivieren",
    "Reactivate": "Reaktivieren",
    "Reset password": "Passwort zurücksetzen",
    "Role": "Rolle",
    "Organisations": "Organisationen",
    "Create organisation": "Organisation anlegen",
    "Shown once — copy it now:": "Nur einmal angezeigt — jetzt kopieren:",
    "Something went wrong": "Etwas ist schiefgegangen",
    "The {service} service is not answering. Try again in a moment.": "Der Dienst {service} antwortet nicht. Bitte gleich noch einmal versuchen.",
    "Your session has ended. Please sign in again.": "Ihre Sitzung ist abgelaufen. Bitte erneut anmelden.",
    "The form was not accepted (security token missing or wrong). Reload the page and try again.": "Das Formular wurde nicht angenommen (Sicherheitstoken fehlt oder ist falsch). "
    "Seite neu laden und erneut versuchen.",
    "Too many failed sign-ins. Try again in {seconds} seconds.": "Zu viele fehlgeschlagene Anmeldungen. In {seconds} Sekunden erneut versuchen.",
    "E-mail or password is wrong.": "E-Mail oder Passwort ist falsch.",
    "Loading …": "Lädt …",
    "Back": "Zurück",
    "No matches": "Keine Treffer",
    "Saved.": "Gespeichert.",
    "meets {met} of {total} must-have skills": "erfüllt {met} von {total} Muss-Skills",
    "{met} of {total} nice-to-have": "{met} von {total} Kann-Skills",
    "No must-have skills in this request": "Diese Anfrage nennt keine Muss-Skills",
    "strongest: {reasons}": "am stärksten: {reasons}",
    "main drawback: {reason}": "größter Nachteil: {reason}",
    "shortlisted": "vorgemerkt",
    "presented": "vorgestellt",
    "interviewed": "Interview geführt",
    "placed": "platziert",
    "rejected": "abgelehnt",
    "declined": "abgesagt",
    "not a fit: skills": "passt nicht: Skills",
    "not a fit: rate": "passt nicht: Tagessatz",
    "not available": "nicht verfügbar",
    "client preference": "Kundenwunsch",
    "other": "Sonstiges",
    "must-have skills": "Muss-Skills",
    "nice-to-have skills": "Kann-Skills",
    "level above the minimum": "Level über dem Minimum",
    "level below the minimum": "Level unter dem Minimum",
    "years of experience": "Berufsjahre",
    "recent use of the skills": "aktuelle Nutzung der Skills",
    "related skills": "verwandte Skills",
    "profile text": "Profiltext",
    "day rate": "Tagessatz",
    "late availability": "späte Verfügbarkeit",
    "location": "Ort",
    "languages": "Sprachen",
    "in-person vouch": "persönliche Empfehlung",
    "several in-person vouchers": "mehrere persönliche Empfehlungen",
    "online-only vouches": "reine Online-Empfehlungen",
    "a trusted voucher": "ein vertrauenswürdiger Empfehlungsgeber",
    "what trusted people say": "was Vertrauenspersonen sagen",
    "warnings from trusted contacts": "Warnungen von Vertrauenspersonen",
    "referrer's track record": "Erfolgsbilanz des Empfehlungsgebers",
    "earlier placements": "frühere Platzierungen",
    "earlier placement results": "Ergebnisse früherer Platzierungen",
    "missing must-have skills": "fehlende Muss-Skills",
    "base score": "Grundwert",
    "Passes every filter.": "Erfüllt alle Filter.",
    "Freelancer": "Freelancer",
    "Holdout NDCG@10": "Holdout-NDCG@10",
    "Created": "Erstellt",
    "Request": "Anfrage",
    "Outcome": "Ergebnis",
    "Placements": "Platzierungen",
}


# Stored codes shown to people: (English, German).
CODES: dict[str, tuple[str, str]] = {
    "referral": ("Referral", "Empfehlung"),
    "event": ("Event", "Veranstaltung"),
    "former_colleague": ("Former colleague", "Ehemalige Kollegen"),
    "inbound": ("Inbound", "Initiativbewerbung"),
    "job_board": ("Job board", "Jobbörse"),
    "network_online": ("Online network", "Online-Netzwerk"),
    "in_person_or_worked_together": (
        "In person or worked together",
        "Persönlich oder zusammengearbeitet",
    ),
    "online_only": ("Online only", "Nur online"),
    "no_vouch": ("No vouch", "Ohne Empfehlung"),
    "strong": ("strongly recommends", "empfiehlt sehr"),
    "yes": ("recommends", "empfiehlt"),
    "reservations": ("has reservations", "hat Vorbehalte"),
    "against": ("advises against", "rät ab"),
    "account_manager": ("Account manager", "Account-Manager"),
    "admin": ("Admin", "Admin"),
}


# A page of 200 candidates formats the same few dates, rates and scores hundreds of times.
_date = lru_cache(maxsize=4096)(format_date)
_currency = lru_cache(maxsize=4096)(format_currency)
_decimal = lru_cache(maxsize=16384)(format_decimal)


def pick_language(cookie: str | None, accept_language: str | None) -> str:
    """The `lang` cookie if valid, else the first supported language the browser asks for."""
    if cookie in LANGUAGES:
        return str(cookie)
    weighted: list[tuple[float, str]] = []
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((quality, tag.strip().lower()[:2]))
    for _, language in sorted(weighted, key=lambda item: -item[0]):
        if language in LANGUAGES:
            return language
    return "en"


class Translator:
    """`t("text", **values)` and locale-aware formatting for one language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        self.locale = LOCALES[self.language]

    def __call__(self, message: str, **values: Any) -> str:
        return self._text(message) if not values else self._text(message).format(**values)

    def _text(self, message: str) -> str:
        code = CODES.get(message)
        if code is not None:
            text = code[1] if self.language == "de" else code[0]
        else:
            text = GERMAN.get(message, message) if self.language == "de" else message
        return text

    def date(self, value: date | datetime | str | None) -> str:
        if value in (None, ""):
            return "—"
        if isinstance(value, str):
            value = date.fromisoformat(value[:10])
        if isinstance(value, datetime):
            value = value.date()
        return str(_date(value, format="medium", locale=self.locale))

    def datetime(self, value: datetime | str | None) -> str:
        if value in (None, ""):
            return "—"
        if isinstance(value, str):
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return format_datetime(value, format="medium", locale=self.locale)

    def money(self, value: float | int | str | None) -> str:
        if value in (None, ""):
            return "—"
        return str(_currency(float(value), "EUR", locale=self.locale))

    def number(self, value: float | int | None, digits: int = 2) -> str:
        if value is None:
            return "—"
        return str(_decimal(round(float(value), digits), locale=self.locale))

    def percent(self, value: float | None) -> str:
        if value is None:
            return "—"
        return format_percent(float(value), format="#,##0.0 %", locale=self.locale)
