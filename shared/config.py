"""Settings read from the environment (`DATABASE_URL`, `VOUCH_*`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "development-only-secret-change-me"
_PLACEHOLDERS = ("changeme", "change-me", "change_me", "placeholder", "development-only")


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
    db_pool_timeout_seconds: float = 10.0
    # Autocommit pool for rate-limit counters (separate so it cannot starve the request pool).
    side_pool_size: int = 4
    worker_poll_seconds: float = 0.5
    # A running job's lease; its worker renews it every third of this. A killed worker's job is
    # claimable again once the lease lapses (the sweep runs every `worker_sweep_seconds`).
    worker_lease_seconds: float = 30.0
    worker_sweep_seconds: float = 10.0
    job_retention_days: float = 7.0
    dead_job_retention_days: float = 30.0
    # Seconds a client is told to wait (Retry-After) when the database is unreachable.
    retry_after_seconds: int = 5
    # Requests per key per window (0 = off); shared by every replica through PostgreSQL.
    rate_limit_requests: int = 1200
    rate_limit_window_seconds: int = 60
    # Failed authentications per source address per window before 429 (0 = off).
    auth_failure_limit: int = 30
    auth_failure_window_seconds: int = 300
    # Signs model artefacts (HMAC-SHA256). Placeholders are refused outside development.
    secret_key: str = DEVELOPMENT_SECRET
    # /docs and /openapi.json: on in development, off in production unless asked for.
    expose_docs: bool | None = None
    # /metrics: open when no token is set (development); with a token it needs
    # `Authorization: Bearer <token>`; in production without a token it is off.
    metrics_token: str | None = None

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

    @model_validator(mode="after")
    def _refuse_placeholder_secret(self) -> Settings:
        """Outside development the secret must be long and not a placeholder."""
        if self.environment == "development":
            return self
        lowered = self.secret_key.lower()
        if len(self.secret_key) < 32 or any(word in lowered for word in _PLACEHOLDERS):
            raise ValueError(
                f"VOUCH_SECRET_KEY must be set to a random value of at least 32 characters "
                f"when VOUCH_ENVIRONMENT={self.environment} (e.g. `openssl rand -hex 32`)"
            )
        return self

    @property
    def docs_enabled(self) -> bool:
        if self.expose_docs is not None:
            return self.expose_docs
        return self.environment != "production"

    @property
    def metrics_enabled(self) -> bool:
        return self.environment != "production" or bool(self.metrics_token)

    @property
    def json_logs(self) -> bool:
        if self.log_json is not None:
            return self.log_json
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()
