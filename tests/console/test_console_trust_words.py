"""The console's German trust paths, checked against sentences the referrals service words."""

from __future__ import annotations

from datetime import date

import pytest

from services.console.trust_words import german_path
from services.referrals.trust.wording import ChannelFacts, Person, VouchFacts, sentence

ANNA, BEN = Person("Anna Berg", internal=True), Person("Ben Roth")


def _facts(channel: str, count: int, context: str | None = None) -> list[ChannelFacts]:
    return [ChannelFacts(channel, count, date(2024, 3, 1), date(2025, 12, 5), context, 1.0)]


@pytest.mark.parametrize(
    ("hop", "vouch", "german"),
    [
        (
            _facts("in_person", 4),
            VouchFacts("in_person", "strong", date(2025, 11, 2)),
            "Anna Berg (Agentur) hat Ben Roth 4-mal persönlich getroffen, zuletzt im Dezember 2025; "
            "Ben Roth hat Jan Novak persönlich getroffen (zuletzt im November 2025) und empfiehlt "
            "diese Person ausdrücklich.",
        ),
        (
            _facts("worked_together", 2, "DB Systel"),
            VouchFacts(
                "worked_together",
                "against",
                date(2023, 5, 1),
                "Otto",
                date(2021, 1, 1),
                date(2023, 5, 1),
            ),
            "Anna Berg (Agentur) hat mit Ben Roth bei DB Systel von 2024 bis 2025 zusammengearbeitet; "
            "Ben Roth hat mit Jan Novak bei Otto von 2021 bis 2023 zusammengearbeitet und rät von "
            "dieser Person ab.",
        ),
        (
            _facts("video", 1),
            VouchFacts("online", "yes", date(2026, 1, 10)),
            "Anna Berg (Agentur) hatte im Dezember 2025 einen Videocall mit Ben Roth; Ben Roth kennt "
            "Jan Novak nur online (zuletzt im Januar 2026) und empfiehlt diese Person.",
        ),
        (
            _facts("phone", 3),
            VouchFacts("phone", "reservations", date(2025, 7, 1)),
            "Anna Berg (Agentur) hat 3-mal mit Ben Roth telefoniert, zuletzt im Dezember 2025; "
            "Ben Roth kennt Jan Novak aus Telefonaten (zuletzt im Juli 2025) und hat Vorbehalte.",
        ),
    ],
)
def test_referrals_sentences_read_in_german(
    hop: list[ChannelFacts], vouch: VouchFacts, german: str
) -> None:
    english = sentence([ANNA, BEN], [hop], vouch=vouch, freelancer_name="Jan Novak")
    assert german_path(english) == german


def test_a_vouch_only_hop_and_an_unknown_voucher() -> None:
    english = sentence([ANNA, BEN], [[]], vouch=None, freelancer_name="Jan Novak")
    assert german_path(english) == "Anna Berg (Agentur) empfiehlt Ben Roth."
    lone = sentence(
        [Person("Eve Stone")],
        [],
        vouch=VouchFacts("video", "yes", date(2025, 2, 1)),
        freelancer_name="Jan",
    )
    assert german_path(lone).startswith(
        "Eve Stone (ohne bekannte Verbindung zur Agentur) kennt Jan"
    )


def test_an_unknown_shape_stays_english_rather_than_guessed() -> None:
    assert german_path("Somebody did something new.") == "Somebody did something new."
