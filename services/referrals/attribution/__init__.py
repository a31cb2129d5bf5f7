"""Referrals: attribution."""
