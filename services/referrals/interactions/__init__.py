"""Referrals: interactions."""
