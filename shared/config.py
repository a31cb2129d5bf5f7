"""Settings read from the environment (`DATABASE_URL`, `VOUCH_*`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration; nothing here connects to anything."""

    model_config = SettingsConfigDict(env_prefix="VOUCH_", extra="ignore")

    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    data_dir: Path = Path(".vouch")
    environment: Literal["development", "production", "test"] = "development"
    log_level: str = "INFO"
    log_json: bool | None = None
    max_body_bytes: int = 2 * 1024 * 1024
    # CSV imports arrive as multipart uploads and may be larger than any JSON body.
    max_upload_bytes: int = 50 * 1024 * 1024
    host: str = "127.0.0.1"
    intake_port: int = 8001
    matching_port: int = 8002
    referrals_port: int = 8003
    console_port: int = 8004
    db_pool_size: int = 10
    db_max_overflow: int = 10
    idempotency_ttl_hours: int = 48
    worker_poll_seconds: float = 0.5

    @field_validator("database_url")
    @classmethod
    def _psycopg_driver(cls, value: str | None) -> str | None:
        """Accept plain postgres URLs and use psycopg 3 for them."""
        if not value:
            return None
        for prefix in ("postgresql+psycopg://", "postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        raise ValueError("DATABASE_URL must be a PostgreSQL URL (postgresql://...)")

    @property
    def json_logs(self) -> bool:
        if self.log_json is not None:
            return self.log_json
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()
