"""Where the console finds the services, and how it keeps sessions."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.config import get_settings


class ConsoleSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VOUCH_CONSOLE_", extra="ignore")

    intake_url: str | None = None
    matching_url: str | None = None
    referrals_url: str | None = None
    # Calls to a service that does not answer within this time show "service unavailable".
    timeout_seconds: float = 10.0
    cookie_name: str = "vouch_session"
    # None: Secure cookies everywhere but in development.
    secure_cookies: bool | None = None

    def service_url(self, service: str) -> str:
        explicit = getattr(self, f"{service}_url")
        if explicit:
            return str(explicit).rstrip("/")
        shared = get_settings()
        port = getattr(shared, f"{service}_port")
        return f"http://{shared.host}:{port}"

    @property
    def cookies_secure(self) -> bool:
        if self.secure_cookies is not None:
            return self.secure_cookies
        return get_settings().environment != "development"


@lru_cache
def get_console_settings() -> ConsoleSettings:
    return ConsoleSettings()
