"""The skill taxonomy: normalise("k8s") → Kubernetes, aliases, related skills, autocomplete."""

from shared.skills.catalogue import CATEGORIES, CatalogueSkill, TaxonomyError, load_catalogue
from shared.skills.keys import split_version, term_key
from shared.skills.taxonomy import (
    Resolution,
    SkillEntry,
    Taxonomy,
    autocomplete,
    get_catalogue_taxonomy,
    normalise,
    suggest,
)

__all__ = [
    "CATEGORIES",
    "CatalogueSkill",
    "Resolution",
    "SkillEntry",
    "Taxonomy",
    "TaxonomyError",
    "autocomplete",
    "get_catalogue_taxonomy",
    "load_catalogue",
    "normalise",
    "split_version",
    "suggest",
    "term_key",
]
