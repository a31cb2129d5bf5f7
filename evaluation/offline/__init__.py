"""`vouch evaluate --offline`: replay an agency's history with a time split (see `run`)."""
