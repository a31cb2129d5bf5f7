"""A network in the shape Vouch stores it, as arrays: contacts, meetings, vouches."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from services.referrals.trust.params import CHANNEL_CODE


@dataclass
class Network:
    """Contacts are 0 … size − 1; every vouchee is a contact (a freelancer with a contact)."""

    size: int
    internal: np.ndarray  # bool per contact
    meet_a: list[int] = field(default_factory=list)
    meet_b: list[int] = field(default_factory=list)
    meet_channel: list[int] = field(default_factory=list)
    meet_age: list[float] = field(default_factory=list)
    # One active vouch per (voucher, vouchee): the latest wins, as in the service.
    vouches: dict[tuple[int, int], tuple[int, float, str]] = field(default_factory=dict)

    def meet(self, a: int, b: int, channel: str, age: float) -> None:
        if a == b:
            return
        self.meet_a.append(min(a, b))
        self.meet_b.append(max(a, b))
        self.meet_channel.append(CHANNEL_CODE[channel])
        self.meet_age.append(max(float(age), 0.0))

    def vouch(self, voucher: int, vouchee: int, channel: str, age: float, rec: str) -> None:
        if voucher != vouchee:
            self.vouches[(voucher, vouchee)] = (CHANNEL_CODE[channel], max(float(age), 0.0), rec)

    def grow(self, extra: int) -> range:
        """Add `extra` non-internal contacts; returns their ids."""
        start = self.size
        self.size += extra
        self.internal = np.concatenate([self.internal, np.zeros(extra, dtype=bool)])
        return range(start, self.size)
