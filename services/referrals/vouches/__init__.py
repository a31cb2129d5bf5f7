"""Referrals: vouches."""
