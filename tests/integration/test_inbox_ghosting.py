"""Silence measured from real records: interviews, emails received and follow-ups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from nextround.mail.sources import iter_raw
from nextround.services import ghosting
from nextround.services.applications import ApplicationInput, add_application
from nextround.services.inbox import import_messages, remember_sent
from nextround.services.people import add_interview
from tests.integration.inbox_mail import email, write_mbox

NOW = datetime(2026, 4, 1, 12, tzinfo=UTC)


def clock() -> datetime:
    return NOW


def app(uow: Any, company: str, applied: str) -> int:
    return add_application(
        uow, ApplicationInput(company=company, role="Analyst", applied_on=applied)
    )


def test_interviews_emails_and_follow_ups_move_the_clock(db: Any, tmp_path: Path) -> None:
    with db.uow(db.local_user_id()) as uow:
        app(uow, "Quiet Co", "2026-03-01")
        interviewed = app(uow, "Talky", "2026-02-01")
        add_interview(uow, interviewed, "video", when="2026-03-20 10:00")
        upcoming = app(uow, "Soon", "2026-02-01")
        add_interview(uow, upcoming, "onsite", when="2026-04-03 10:00")
        app(uow, "Writer", "2026-02-01")
        followed = app(uow, "Chased", "2026-01-05")
        remember_sent(uow, followed, "<fu-1@me.example>", clock=lambda: NOW - timedelta(days=15),
                      follow_up=True)  # fmt: skip
        uow.commit()
    # A reply from Writer's domain 5 days ago: nobody is silent there.
    reply = email("Ann <ann@writer.example>", "Next steps for your application",
                  "Hi, thanks for your application. We would like to invite you to an interview.",
                  "<w-1@writer.example>", date="Fri, 27 Mar 2026 09:00:00 +0000")  # fmt: skip
    with db.uow(db.local_user_id()) as uow:
        import_messages(uow, iter_raw([write_mbox(tmp_path / "r.mbox", [reply])]))
    with db.uow(db.local_user_id()) as uow:
        rows = {r["company"]: r for r in ghosting.silent_applications(uow, clock)}
    assert rows["Quiet Co"]["suggestion"] == "follow_up" and rows["Quiet Co"]["since"] == "applied"
    assert rows["Talky"]["since"] == "interview" and rows["Talky"]["days_silent"] == 12
    assert "Soon" not in rows and "Writer" not in rows
    assert rows["Chased"]["suggestion"] == "ghosted" and rows["Chased"]["days_silent"] == 15
    assert list(rows)[0] == "Chased"  # ghosted proposals come first


def test_saved_thresholds_apply(db: Any) -> None:
    with db.uow(db.local_user_id()) as uow:
        app(uow, "Quiet Co", "2026-03-25")  # 7 days ago
        ghosting.save_thresholds(uow, ghosting.thresholds(uow, after_applied=5))
        uow.commit()
    with db.uow(db.local_user_id()) as uow:
        assert ghosting.thresholds(uow).after_applied == 5
        assert [r["company"] for r in ghosting.silent_applications(uow, clock)] == ["Quiet Co"]
