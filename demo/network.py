"""The agency's network: its people, contacts with strong and weak ties, meetings, vouches.

The planted signal lives in what vouchers say. In the default world a voucher who met or worked
with a freelancer says what the hidden quality is, the more precisely the better connected the
voucher is; online acquaintances say nice things regardless, and an online-only clique vouches
"strong" for each other. With `trust_signal="none"` every recommendation is drawn independently
of quality (same channels, same people, same proportions).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from demo.model import ContactSpec, FreelancerSpec, InteractionSpec, VouchSpec, WorldConfig
from demo.places import ascii_slug, person_name
from demo.rand import between, pick, weighted

AGENCY = "Nordstern IT Staffing GmbH"
IN_PERSON = ("in_person", "worked_together")
_VOUCH_CHANNELS = (
    ("worked_together", 0.33),
    ("in_person", 0.3),
    ("video", 0.12),
    ("phone", 0.08),
    ("online", 0.17),
)
_CONTEXTS = {
    "in_person": ("meetup", "conference", "lunch", "client visit", "Stammtisch", "office visit"),
    # Read as "worked with X at <context>": where they worked together.
    "worked_together": (
        "Deutsche Bahn",
        "Allianz",
        "Otto Group",
        "Zalando",
        "Siemens",
        "BMW",
        "SAP",
        "Commerzbank",
        "DATEV",
        "Bosch",
        "Lufthansa",
        "HUK-Coburg",
    ),
    "video": ("video call", "intro call"),
    "phone": ("phone call", "Telefonat"),
    "online": ("LinkedIn message", "XING message", "Slack community"),
}
_STATEMENTS = {
    "strong": (
        "One of the best engineers I have worked with; I would hire {pronoun} again tomorrow.",
        "Absolut zuverlässig, fachlich top. Klare Empfehlung.",
        "Delivered the hardest part of our migration on time. Strongly recommended.",
    ),
    "yes": (
        "Solid and reliable, good communicator.",
        "Gute Zusammenarbeit, arbeitet sich schnell ein.",
        "Did good work on our team; happy to recommend.",
    ),
    "reservations": (
        "Technically fine, but deadlines slipped more than once.",
        "Fachlich ok, Kommunikation mit dem Kunden schwierig.",
        "Needs close guidance; not for a lead role.",
    ),
    "against": (
        "Left the project without handover. I would not place {pronoun} again.",
        "Qualität der Arbeit deutlich unter Erwartung; nicht empfehlenswert.",
        "Caused serious trouble with the client; would not recommend.",
    ),
}


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(9, 0), tzinfo=UTC) + timedelta(minutes=between(rng, 0, 540))


def _recent_day(rng: random.Random, today: date, *, max_days: int, recent_bias: float) -> date:
    """A past day; a higher bias puts it closer to today (relationships used recently)."""
    return today - timedelta(days=int(max_days * rng.random() ** recent_bias))


class NetworkBuilder:
    def __init__(
        self,
        rng: random.Random,
        config: WorldConfig,
        freelancers: list[FreelancerSpec],
        client_names: list[str],
        quality: list[float],
    ) -> None:
        self.rng = rng
        self.config = config
        self.freelancers = freelancers
        self.client_names = client_names
        self.companies = (*client_names, *_CONTEXTS["worked_together"])
        self.quality = quality
        self.contacts: list[ContactSpec] = []
        self.interactions: dict[tuple[int, int, str, date, str], InteractionSpec] = {}
        self.reach: dict[int, float] = {}
        self.contact_of_freelancer: dict[int, int] = {}
        self.internal: list[int] = []
        self.clique: list[int] = []

    def _add_contact(self, spec: ContactSpec) -> int:
        spec.key = len(self.contacts)
        self.contacts.append(spec)
        return spec.key

    def meet(self, a: int, b: int, channel: str, day: date, context: str | None = None) -> None:
        low, high = min(a, b), max(a, b)
        if context is None:
            options = self.companies if channel == "worked_together" else _CONTEXTS[channel]
            context = pick(self.rng, options)
        key = (low, high, channel, day, context)
        self.interactions.setdefault(key, InteractionSpec(low, high, channel, day, context))

    def build_contacts(self, *, vouched: set[int], clique_size: int) -> None:
        rng, today, n = self.rng, self.config.today, len(self.freelancers)
        for _ in range(min(40, max(4, n // 400))):
            name = person_name(rng, "de")
            email = f"{ascii_slug(name.replace(' ', '.'))}@nordstern.example.com"
            self.internal.append(
                self._add_contact(ContactSpec(0, name, "agency", email, AGENCY, internal=True))
            )
        for client_key, company in enumerate(self.client_names):
            for _ in range(between(rng, 1, 3)):
                self._add_contact(
                    ContactSpec(
                        0, person_name(rng, "de"), "client", company=company, client_key=client_key
                    )
                )
        for _ in range(max(10, n // 8)):
            self._add_contact(ContactSpec(0, person_name(rng, "de"), "community"))
        members = set(rng.sample(range(n), min(clique_size, n // 4)))
        for spec in self.freelancers:
            if spec.key in members:
                key = self._add_contact(
                    ContactSpec(0, spec.name, "clique", email=spec.email, freelancer_key=spec.key)
                )
                self.clique.append(key)
                self.contact_of_freelancer[spec.key] = key
            elif spec.key in vouched or rng.random() < 0.45:
                self.contact_of_freelancer[spec.key] = self._add_contact(
                    ContactSpec(
                        0, spec.name, "freelancer", email=spec.email, freelancer_key=spec.key
                    )
                )
        for contact in self.contacts:
            contact.created_at = _at(today - timedelta(days=between(rng, 30, 1400)), rng)
        # Reach: internal people are the roots; about a fifth of the rest are well connected.
        for contact in self.contacts:
            if contact.internal:
                self.reach[contact.key] = 1.0
            elif contact.kind == "clique":
                self.reach[contact.key] = 0.0
            elif rng.random() < 0.2 + (0.15 if contact.kind == "client" else 0.0):
                self.reach[contact.key] = rng.uniform(0.6, 1.0)
            else:
                self.reach[contact.key] = rng.uniform(0.0, 0.5)

    def build_ties(self) -> None:
        """Meetings that make the reach real: strong ties are frequent, recent and in person."""
        rng, today = self.rng, self.config.today
        outside = [c.key for c in self.contacts if not c.internal and c.kind != "clique"]
        connected = [key for key in outside if self.reach[key] >= 0.6]
        for key in outside:
            if self.reach[key] >= 0.6:
                # A relationship kept up over the years (not only lately): on any past day the
                # agency already knew its well-connected contacts, as the replay's
                # point-in-time trust needs.
                for agent in rng.sample(self.internal, min(len(self.internal), between(rng, 1, 2))):
                    for _ in range(between(rng, 3, 8)):
                        channel = rng.choices(
                            ("in_person", "worked_together", "video", "phone"), (4, 2, 2, 1)
                        )[0]
                        self.meet(
                            key,
                            agent,
                            channel,
                            _recent_day(rng, today, max_days=1300, recent_bias=1.1),
                        )
                for peer in rng.sample(connected, min(len(connected), between(rng, 1, 3))):
                    if peer != key:
                        self.meet(
                            key,
                            peer,
                            pick(rng, IN_PERSON),
                            _recent_day(rng, today, max_days=1300, recent_bias=1.0),
                        )
            elif rng.random() < 0.65:
                # A weak tie: one old meeting or a message, to the agency or to a hub.
                other = pick(rng, self.internal) if rng.random() < 0.4 else pick(rng, connected)
                channel = weighted(rng, ("online", "phone", "video", "in_person"), (4, 2, 2, 2))
                for _ in range(between(rng, 1, 2)):
                    self.meet(
                        key, other, channel, _recent_day(rng, today, max_days=1000, recent_bias=0.7)
                    )
        for key in self.clique:
            for peer in rng.sample(self.clique, min(len(self.clique), between(rng, 3, 6))):
                if peer != key:
                    self.meet(
                        key, peer, "online", _recent_day(rng, today, max_days=200, recent_bias=1.0)
                    )
        if self.clique and outside:
            self.meet(self.clique[0], pick(rng, outside), "online", today - timedelta(days=40))

    def _recommendation(self, channel: str, voucher: int, freelancer_key: int) -> str:
        rng = self.rng
        if self.config.trust_signal == "none":
            signal = rng.gauss(0.35, 1.0)
        elif channel in IN_PERSON and self.contacts[voucher].kind != "clique":
            # Knowing someone in person reveals their quality; a well-connected voucher has
            # seen many people and judges better.
            noise = 0.35 + 1.4 * (1.0 - self.reach[voucher])
            if channel == "worked_together":
                noise *= 0.7
            signal = self.quality[freelancer_key] + rng.gauss(0.0, noise)
        else:
            signal = rng.gauss(0.9, 0.8)
        if signal > 0.8:
            return "strong"
        if signal > -0.45:
            return "yes"
        return "reservations" if signal > -1.15 else "against"

    def _vouch(self, voucher: int, freelancer: FreelancerSpec, channel: str) -> VouchSpec:
        rng, today = self.rng, self.config.today
        recommendation = self._recommendation(channel, voucher, freelancer.key)
        # Most vouches are the referral that brought someone in (given when they joined, about
        # people the voucher knew before); some come later. So a request sees the vouches of
        # the people it reviews, as it would in an agency that records referrals.
        joined = freelancer.joined_at.date()
        anchor = joined + timedelta(days=between(rng, 0, 60))
        if rng.random() < 0.3:
            anchor = joined + timedelta(days=int(rng.random() * max((today - joined).days, 0)))
        anchor = min(anchor, today)
        worked_where = worked_from = worked_to = None
        if channel == "worked_together":
            worked_to = _recent_day(rng, anchor, max_days=900, recent_bias=1.0)
            worked_from = worked_to - timedelta(days=between(rng, 60, 700))
            worked_where = pick(rng, self.companies)
            last_met = worked_to
        elif channel == "in_person":
            last_met = _recent_day(rng, anchor, max_days=800, recent_bias=1.3)
        else:
            last_met = _recent_day(rng, anchor, max_days=400, recent_bias=1.0)
        own = self.contact_of_freelancer.get(freelancer.key)
        if own is not None:
            self.meet(voucher, own, channel, last_met, worked_where)
            if channel == "worked_together" and worked_from is not None:
                self.meet(voucher, own, "worked_together", worked_from, worked_where)
        created = max(last_met, freelancer.joined_at.date()) + timedelta(days=between(rng, 0, 60))
        pronoun = "her" if rng.random() < 0.3 else "him"
        statement = pick(rng, _STATEMENTS[recommendation]).format(pronoun=pronoun)
        return VouchSpec(
            referrer=voucher,
            freelancer_key=freelancer.key,
            channel=channel,
            last_met_on=last_met,
            recommendation=recommendation,
            statement=statement,
            created_at=_at(min(created, today), rng),
            worked_where=worked_where,
            worked_from=worked_from,
            worked_to=worked_to,
        )

    def build_vouches(self, vouched: set[int]) -> list[VouchSpec]:
        rng = self.rng
        outside = [c.key for c in self.contacts if not c.internal and c.kind != "clique"]
        hubs = [key for key in outside if self.reach[key] >= 0.6]
        loose = [key for key in outside if self.reach[key] < 0.6]
        vouches: list[VouchSpec] = []
        for freelancer_key in sorted(vouched):
            freelancer = self.freelancers[freelancer_key]
            used: set[int] = set()
            for _ in range(1 + (rng.random() < 0.4) + (rng.random() < 0.15)):
                channel = rng.choices(
                    [c for c, _ in _VOUCH_CHANNELS], [w for _, w in _VOUCH_CHANNELS]
                )[0]
                if channel in IN_PERSON:
                    pool = weighted(rng, (hubs, loose, self.internal), (0.45, 0.45, 0.1))
                else:
                    pool = loose
                voucher = pick(rng, pool)
                own = self.contact_of_freelancer.get(freelancer_key)
                if voucher in used or voucher == own:
                    continue
                used.add(voucher)
                vouches.append(self._vouch(voucher, freelancer, channel))
        # The clique: online acquaintances vouching "strong" for each other.
        members = [self.contacts[key] for key in self.clique]
        for member in members:
            for other in rng.sample(members, min(len(members), between(rng, 2, 4))):
                if other.key == member.key or other.freelancer_key is None:
                    continue
                spec = self._vouch(member.key, self.freelancers[other.freelancer_key], "online")
                spec.recommendation = "strong"
                spec.statement = "Great guy, top skills, highly recommended!!"
                vouches.append(spec)
        return vouches
