"""An account manager in a real Chromium: sign in, review ranked matches, decide, present.

Checks through the client API that the client sees exactly the presented candidate.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.console.conftest import (
    PASSWORD,
    SCRIPT_NAME,
    LiveSystem,
    new_page,
    new_request,
    sign_in,
)

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _row(page, live: LiveSystem, key: str):  # type: ignore[no-untyped-def]
    return page.locator(f"#match-{live.freelancers[key]}")


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_review_shortlist_reject_present_and_client_sees_only_presented(
    live: LiveSystem, browser: Browser, locale: str
) -> None:
    page = new_page(browser, locale=locale)
    german = locale.startswith("de")
    title = f"Java platform engineer ({locale})"
    # Each language places Jan; the runs use dates that do not overlap.
    request_id = new_request(live, title, start_in_days=20 if not german else 400)
    sign_in(page, live, live.manager_email)
    expect(page).to_have_url(re.compile(r"/requests$"))
    expect(page.locator("h1")).to_have_text("Offene Anfragen" if german else "Open requests")
    page.click(f"text={title}")
    expect(page.locator("#matches li.match")).to_have_count(4)
    # The vouched-for freelancer ranks first and says why, with the trust path in words.
    first = page.locator("#matches li.match").first
    expect(first.locator(".name")).to_have_text("Jan Novak")
    expect(first.locator("ul.trust li").first).to_contain_text("Anna Berg")
    expect(first.locator("ul.trust li").first).to_contain_text(
        "persönlich getroffen" if german else "in person"
    )
    expect(first.locator(".explain")).to_contain_text(
        "Muss-Skills" if german else "must-have skills"
    )
    expect(page.locator("#model-version")).to_contain_text("prior")

    def reviews():
        return live.api(
            "matching", "GET", f"/v1/requests/{request_id}/reviews", headers=live.admin
        ).json()["items"]

    before = len(reviews())

    # Shortlist Mia, reject Tom with a reason, present Jan — each without a page reload.
    page.evaluate("window.__marker = 1")
    mia = _row(page, live, "mia")
    mia.locator("form.decide[data-decision=shortlisted] button").click()
    expect(mia.locator(".state")).to_have_text("vorgemerkt" if german else "shortlisted")
    tom = _row(page, live, "tom")
    tom.locator("form.decide[data-decision=rejected] select").select_option("not available")
    tom.locator("form.decide[data-decision=rejected] input[name=reason_text]").fill(
        "on another project"
    )
    tom.locator("form.decide[data-decision=rejected] button").click()
    expect(tom.locator(".state")).to_contain_text("abgelehnt" if german else "rejected")
    expect(tom.locator(".state")).to_contain_text("on another project")
    jan = _row(page, live, "jan")
    jan.locator("form.decide[data-decision=presented] button").click()
    expect(jan.locator(".state")).to_have_text("vorgestellt" if german else "presented")
    assert page.evaluate("window.__marker") == 1  # no full reload happened

    # Jan is placed from the page: a placement with dates and rate, and the request fills.
    jan.locator("form.decide[data-decision=placed] button").click()
    expect(jan.locator(".state")).to_have_text("platziert" if german else "placed")
    placements = live.api(
        "matching", "GET", f"/v1/requests/{request_id}/reviews", headers=live.admin
    ).json()["items"]
    assert any(
        r["decision"] == "placed" and r["freelancer_id"] == live.freelancers["jan"]
        for r in placements
    )

    # The list counts each freelancer's latest decision: Mia shortlisted, Jan presented → placed.
    page.goto(live.urls["console"] + "/requests?status=")
    row = page.locator("#requests tbody tr", has=page.locator(f'a[href="/requests/{request_id}"]'))
    expect(row.locator("td.num")).to_have_text(["1", "1"])
    page.go_back()

    latest = {r["freelancer_id"]: r for r in reviews()[before:]}
    assert latest[live.freelancers["tom"]]["reason"] == "not available — on another project"
    candidates = live.api(
        "matching", "GET", f"/v1/requests/{request_id}/candidates", headers=live.client
    ).json()["candidates"]
    presented = {c["freelancer_id"] for c in candidates if c["status"] in ("presented", "placed")}
    assert live.freelancers["jan"] in presented
    assert live.freelancers["mia"] not in presented and live.freelancers["tom"] not in presented

    if not german:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        jan.locator("details.contributions summary").click()
        page.screenshot(path=str(SCREENSHOTS / "request.png"), full_page=True)
    page.context.close()


def test_keyboard_alone_shortlists(live: LiveSystem, browser: Browser) -> None:
    page = new_page(browser)
    sign_in(page, live, live.manager_email)
    page.goto(live.urls["console"] + f"/requests/{live.request_id}")
    page.keyboard.press("j")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("match-")
    page.keyboard.press("s")
    expect(page.locator(f"#{focused} .state")).to_have_text("shortlisted")
    page.context.close()


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_script_name_renders_as_text(live: LiveSystem, browser: Browser, locale: str) -> None:
    page = new_page(browser, locale=locale)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, live, live.manager_email)
    page.goto(live.urls["console"] + f"/requests/{live.request_id}")
    expect(_row(page, live, "script").locator(".name")).to_have_text(SCRIPT_NAME)
    page.goto(live.urls["console"] + f"/freelancers/{live.freelancers['script']}")
    expect(page.locator("h1")).to_have_text(SCRIPT_NAME)
    assert dialogs == []
    assert "<script>alert(1)</script>" not in page.content().replace("&lt;script&gt;", "")
    page.context.close()


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_sign_out_ends_the_session(live: LiveSystem, browser: Browser, locale: str) -> None:
    page = new_page(browser, locale=locale)
    sign_in(page, live, live.manager_email)
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["vouch_session"]
    assert session["httpOnly"] is True
    assert session["sameSite"] in ("Lax", "Strict")
    page.click("#sign-out")
    expect(page).to_have_url(re.compile(r"/login$"))
    page.goto(live.urls["console"] + "/requests")
    expect(page).to_have_url(re.compile(r"/login"))
    # The token itself no longer works either.
    me = live.api(
        "intake", "GET", "/v1/users/me", headers={"Authorization": f"Bearer {session['value']}"}
    )
    assert me.status_code == 401
    page.context.close()


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_post_without_csrf_token_is_refused(
    live: LiveSystem, browser: Browser, locale: str
) -> None:
    page = new_page(browser, locale=locale)
    sign_in(page, live, live.manager_email)
    cookie = {c["name"]: c["value"] for c in page.context.cookies()}["vouch_session"]
    base = live.urls["console"]
    before = live.api(
        "matching", "GET", f"/v1/requests/{live.request_id}/reviews", headers=live.admin
    ).json()["items"]
    forged = httpx.post(
        f"{base}/requests/{live.request_id}/decisions",
        data={"freelancer_id": str(live.freelancers["mia"]), "decision": "presented"},
        cookies={"vouch_session": cookie},
        headers={"Accept-Language": locale},
    )
    assert forged.status_code == 403
    assert ("Sicherheitstoken" if locale.startswith("de") else "security token") in forged.text
    wrong = httpx.post(
        f"{base}/requests/{live.request_id}/decisions",
        data={
            "freelancer_id": str(live.freelancers["mia"]),
            "decision": "presented",
            "csrf_token": "0" * 40,
        },
        cookies={"vouch_session": cookie},
    )
    assert wrong.status_code == 403
    after = live.api(
        "matching", "GET", f"/v1/requests/{live.request_id}/reviews", headers=live.admin
    ).json()["items"]
    assert len(after) == len(before)
    page.context.close()


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_five_failed_sign_ins_slow_the_account_down(
    live: LiveSystem, browser: Browser, locale: str
) -> None:
    page = new_page(browser, locale=locale)
    email = "slow-" + locale + "@agency.example"
    invited = live.api(
        "intake",
        "POST",
        "/v1/users",
        headers=live.admin,
        json={"email": email, "name": "Slow", "password": PASSWORD},
    )
    assert invited.status_code == 201
    for _ in range(5):
        sign_in(page, live, email, "wrong password!")
        expect(page.locator(".notice")).to_be_visible()
    response = None

    def remember(r):  # type: ignore[no-untyped-def]
        nonlocal response
        if r.url.endswith("/login") and r.request.method == "POST":
            response = r

    page.on("response", remember)
    sign_in(page, live, email)  # the right password, too soon
    expect(page.locator(".notice")).to_contain_text(
        "Sekunden" if locale.startswith("de") else "seconds"
    )
    assert response is not None and response.status == 429
    assert int(response.headers["retry-after"]) > 0
    page.context.close()


def test_pages_render_for_each_section_and_narrow_screens(
    live: LiveSystem, browser: Browser
) -> None:
    page = new_page(browser, width=390)
    sign_in(page, live, live.admin_email)
    for path, heading in [
        ("/requests", "Open requests"),
        (f"/requests/{live.request_id}", "Senior Java backend developer"),
        (f"/freelancers/{live.freelancers['jan']}", "Jan Novak"),
        ("/network", "Network"),
        ("/reports", "Reports"),
        ("/models", "Models"),
        ("/admin", "Admin"),
    ]:
        response = page.goto(live.urls["console"] + path)
        assert response is not None and response.status == 200, path
        expect(page.locator("h1")).to_have_text(heading)
        # Nothing wider than the phone's screen forces sideways scrolling of the page.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1, path
    page.context.close()
    wide = new_page(browser)
    sign_in(wide, live, live.admin_email)
    wide.goto(live.urls["console"] + "/reports")
    expect(wide.locator("svg.chart").first).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wide.screenshot(path=str(SCREENSHOTS / "reports.png"), full_page=True)
    csv = wide.request.get(live.urls["console"] + "/reports/sources.csv")
    assert csv.status == 200 and "text/csv" in csv.headers["content-type"]
    wide.context.close()


def test_admin_creates_an_organisation_and_sees_its_key_once(
    live: LiveSystem, browser: Browser
) -> None:
    page = new_page(browser)
    sign_in(page, live, live.admin_email)
    page.goto(live.urls["console"] + "/admin")
    page.fill("form[action='/admin/organizations'] input[name=name]", "Globex AG")
    page.click("form[action='/admin/organizations'] button")
    key = page.locator("#secret").inner_text()
    assert key.startswith("vouch_")
    me = live.api("intake", "GET", "/v1/users/me", headers={"Authorization": f"Bearer {key}"})
    assert me.json()["role"] == "client"
    page.reload()
    expect(page.locator("#secret")).to_have_count(0)
    page.context.close()


def test_a_service_down_shows_a_clear_message(live: LiveSystem, browser: Browser) -> None:
    page = new_page(browser)
    sign_in(page, live, live.manager_email)
    cookie = {c["name"]: c["value"] for c in page.context.cookies()}["vouch_session"]
    page.context.close()
    # A second console whose matching service address answers nothing.
    from fastapi.testclient import TestClient

    import services.console.api as console_api
    from services.console.main import create_console
    from services.console.settings import get_console_settings

    get_console_settings.cache_clear()
    import os

    saved = {
        k: os.environ.get(k) for k in ("VOUCH_CONSOLE_INTAKE_URL", "VOUCH_CONSOLE_MATCHING_URL")
    }
    os.environ["VOUCH_CONSOLE_INTAKE_URL"] = live.urls["intake"]
    os.environ["VOUCH_CONSOLE_MATCHING_URL"] = "http://127.0.0.1:9"
    try:
        console_api._clients.clear()
        with TestClient(create_console()) as client:
            client.cookies.set("vouch_session", cookie)
            answer = client.get(f"/requests/{live.request_id}")
        assert answer.status_code == 503
        assert "matching" in answer.text and "Traceback" not in answer.text
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        get_console_settings.cache_clear()
        console_api._clients.clear()


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_why_not_answers_in_place_in_the_readers_language(
    live: LiveSystem, browser: Browser, locale: str
) -> None:
    page = new_page(browser, locale=locale)
    german = locale.startswith("de")
    sign_in(page, live, live.manager_email)
    page.goto(live.urls["console"] + f"/requests/{live.request_id}")
    page.fill("#why-not-form input[name=freelancer]", str(live.freelancers["mia"]))
    page.click("#why-not-form button")
    answer = page.locator("#why-not-answer")
    expect(answer).to_contain_text("Erfüllt alle Filter." if german else "Passes every filter.")
    expect(answer).to_contain_text("Muss-Skills" if german else "must-have skills")
    page.context.close()
