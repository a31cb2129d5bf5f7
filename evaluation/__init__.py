"""Offline evaluations run by `vouch evaluate` (entry points of group `vouch.evaluations`)."""
