"""Referrals: contacts."""
