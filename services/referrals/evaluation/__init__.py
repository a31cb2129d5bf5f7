"""Referrals: the trust evaluation on generated networks with planted truth (`vouch evaluate --trust`)."""
