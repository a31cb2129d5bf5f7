"""Ranking rules (the documented product behaviour).

Hard filters (a candidate failing one never appears):
- availability: `available_from` (none = available now) on or before the start date plus
  `VOUCH_MATCHING_AVAILABILITY_TOLERANCE_DAYS` (14);
- engagement: the request's type (freelance / permanent; `either` accepts both) among the
  freelancer's; a profile stating none counts as freelance;
- languages: every request language spoken at `VOUCH_MATCHING_MIN_LANGUAGE_LEVEL` (B2) or better
  (C1, C2, native);
- day rate: at most the budget x (1 + `VOUCH_MATCHING_RATE_TOLERANCE`) (10 %); an unknown rate
  passes (rate fit 0.5);
- location: remote requests take anyone; hybrid requests need the request's country (if given);
  onsite requests need the country, the city when the request names one (a profile without a
  city passes, with a lower location fit), and exclude freelancers who only work remotely.

Candidates: the union of the skill path (must-have tiers, `candidates`) and the text path (the
`VOUCH_MATCHING_TEXT_CANDIDATES` profiles whose text is closest to the request's), so a profile
whose skills live only in prose is reachable.

A must-have is shown by a confirmed skill, a skill extracted from the profile's text, a skill that
implies it (relation >= 0.7), or for a term the catalogue does not know, its words in the
profile's text. Must-haves are never silently ignored: each one shown nowhere costs the
`must_have_missing` penalty, larger than the model's whole score range, so such candidates rank
below every complete one and the penalty shows in their contributions. When some candidate shows
a must-have, those showing none are not listed; otherwise only candidates with some evidence (a
required or related skill, or text in common) are. Ties are broken by freelancer id.
"""
