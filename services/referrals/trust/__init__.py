"""Referrals: trust."""
