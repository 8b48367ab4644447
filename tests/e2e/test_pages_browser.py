"""Every page, filled with the demo record, in a real headless Chromium: it loads, and the browser
reports no script error and nothing blocked by the content security policy."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def demo_ids(db: Any) -> dict[str, int]:
    from nextround.services.demo import load_demo

    with db.uow(db.local_user_id()) as uow:
        load_demo(uow)
        uow.commit()
        rejected = [a for a in uow.applications.list() if str(a.status.value) == "rejected"]
        interview = uow.interviews.list()[0]
        company = uow.companies.get_or_create(rejected[0].company.name)
        story = uow.reflect.stories()[0]
        return {"app": rejected[0].id, "round": interview.id, "company": company.id,
                "story": story.id}


def _pages(ids: dict[str, int]) -> list[str]:
    from nextround.web.app import MORE_NAV, NAV

    fixed = [path for _, path, _ in (*NAV, *MORE_NAV)]
    return [*fixed, "/applications/new", f"/applications/{ids['app']}",
            f"/applications/{ids['app']}/edit", f"/applications/{ids['app']}/respond",
            f"/companies/{ids['company']}", f"/debrief/{ids['round']}", "/stories/new",
            f"/stories/{ids['story']}", f"/fit/{ids['app']}", "/share"]


def test_every_page_loads_without_errors_or_blocked_content(
        page: Any, live_server: str, demo_ids: dict[str, int]) -> None:
    problems: list[str] = []
    current = {"path": ""}
    page.on("console", lambda m: problems.append(f"{current['path']}: {m.text}")
            if m.type == "error" or "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(f"{current['path']}: {e}"))
    for path in _pages(demo_ids):
        current["path"] = path
        response = page.goto(live_server + path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert page.locator("main").count() == 1, path
    assert problems == []
