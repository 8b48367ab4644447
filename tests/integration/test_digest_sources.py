"""The digest takes silence and look-again dates from the areas that own those rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from nextround.services import applications as apps
from nextround.services import digest

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


def _items(result: Any, key: str) -> list[str]:
    for section in result.sections:
        if section.key == key:
            return [t.text for t in section.items]
    return []


def test_silence_follows_the_inbox_thresholds(uow: Any) -> None:
    for company, days in (("Quiet Co", 20), ("Fresh Co", 5)):
        apps.add_application(uow, apps.ApplicationInput(
            company=company, role="Analyst", applied_on=(NOW - timedelta(days=days)).date()),
            clock=lambda: NOW)
    uow.flush()
    texts = _items(digest.today(uow, lambda: NOW), "ghosted")
    assert any("Quiet Co" in t and "20 days" in t and "follow-up" in t for t in texts)
    assert not any("Fresh Co" in t for t in texts)


def test_watch_list_entries_come_due_on_their_day(uow: Any) -> None:
    from nextround.services.watch import watch_company

    app_id = apps.add_application(uow, apps.ApplicationInput(company="Acme", role="Analyst"),
                                  clock=lambda: NOW)
    watch_company(uow, app_id, months=1, clock=lambda: NOW)
    uow.flush()
    assert _items(digest.today(uow, lambda: NOW), "revisit") == []
    later = NOW + timedelta(days=40)
    assert any("Acme" in t for t in _items(digest.today(uow, lambda: later), "revisit"))
