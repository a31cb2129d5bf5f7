"""Referrals: reports."""
