"""CV upload settings, from the environment (`VOUCH_MAX_CV_BYTES`, `VOUCH_MAX_CV_CHARACTERS`)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CvSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VOUCH_", extra="ignore")

    # Larger files get a 413 problem. Real CVs are well under a megabyte; scans run larger.
    max_cv_bytes: int = Field(10 * 1024 * 1024, gt=0)
    # A file whose text runs longer is not a CV (a book, a log dump): a 422 rather than minutes
    # of extraction. The longest real CVs are a few tens of thousands of characters.
    max_cv_characters: int = Field(300_000, gt=0)
    # PDFs with more pages are refused before their text is read.
    max_cv_pages: int = Field(200, gt=0)


@lru_cache
def get_cv_settings() -> CvSettings:
    return CvSettings()
