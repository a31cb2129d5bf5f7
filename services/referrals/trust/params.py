"""The parameters of every trust formula, as one immutable value (no settings, no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from shared.models.enums import Channel, Recommendation

# Channel codes used in numpy arrays: the position in this tuple.
CHANNELS: tuple[str, ...] = tuple(c.value for c in Channel)
CHANNEL_CODE: dict[str, int] = {name: code for code, name in enumerate(CHANNELS)}
IN_PERSON_CHANNELS = frozenset({Channel.in_person.value, Channel.worked_together.value})

DEFAULT_CHANNEL_WEIGHTS: dict[str, float] = {
    Channel.in_person.value: 1.0,
    Channel.worked_together.value: 1.0,
    Channel.video.value: 0.5,
    Channel.phone.value: 0.4,
    Channel.online.value: 0.2,
}

# What a recommendation says, on the scale.
RECOMMENDATION_VALUE: dict[str, float] = {
    Recommendation.strong.value: 2.0,
    Recommendation.yes.value: 1.0,
    Recommendation.reservations.value: -1.0,
    Recommendation.against.value: -2.0,
}
POSITIVE_RECOMMENDATIONS = frozenset({Recommendation.strong.value, Recommendation.yes.value})
# How much trust a vouch passes along its edge, voucher -> vouchee (warnings pass none).
VOUCH_EDGE_FACTOR: dict[str, float] = {
    Recommendation.strong.value: 1.0,
    Recommendation.yes.value: 0.5,
    Recommendation.reservations.value: 0.0,
    Recommendation.against.value: 0.0,
}
# How much trust a warning takes from the person warned against, in the same units: an 'against'
# takes what a 'yes' from the same voucher would have passed, 'reservations' half of that.
WARNING_EDGE_FACTOR: dict[str, float] = {
    Recommendation.strong.value: 0.0,
    Recommendation.yes.value: 0.0,
    Recommendation.reservations.value: 0.25,
    Recommendation.against.value: 0.5,
}
RECOMMENDATIONS: tuple[str, ...] = tuple(r.value for r in Recommendation)
RECOMMENDATION_CODE: dict[str, int] = {name: code for code, name in enumerate(RECOMMENDATIONS)}
# How much of a vouch's strength counts as a warning.
WARNING_WEIGHT: dict[str, float] = {
    Recommendation.reservations.value: 0.5,
    Recommendation.against.value: 1.0,
}


@dataclass(frozen=True)
class TrustParams:
    interaction_half_life_days: float = 180.0
    vouch_half_life_days: float = 547.875
    channel_weights: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_CHANNEL_WEIGHTS)
    )
    damping: float = 0.85
    max_hops: int = 3
    tolerance: float = 1e-7
    track_record_alpha: float = 5.0
    meeting_weight: float = 0.25
    relationship_budget: float = 5.0
    quality_prior: float = 1.0

    def weight(self, channel: str) -> float:
        return float(self.channel_weights[channel])

    @property
    def relationship_unit(self) -> float:
        """The edge weight of one full relationship (a meeting tie of strength 1)."""
        return self.meeting_weight if self.meeting_weight > 0 else 1.0

    def vouch_edge_by_code(self) -> np.ndarray:
        """Edge factor g(recommendation) indexed by recommendation code."""
        return np.array([VOUCH_EDGE_FACTOR[name] for name in RECOMMENDATIONS], dtype=np.float64)

    def warning_edge_by_code(self) -> np.ndarray:
        """Distrust factor of a warning indexed by recommendation code."""
        return np.array([WARNING_EDGE_FACTOR[name] for name in RECOMMENDATIONS], dtype=np.float64)

    def weights_by_code(self) -> np.ndarray:
        """Channel weights indexed by channel code."""
        return np.array([self.weight(name) for name in CHANNELS], dtype=np.float64)
