"""Server time of the dashboard and the applications list with 5,000 applications on SQLite."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from nextround.config import Settings
from nextround.services import applications as apps
from nextround.services import people
from nextround.storage.database import Database
from nextround.web.app import create_app

N_APPS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
RUNS = 30
STATUSES = ["applied", "screening", "interviewing", "rejected", "ghosted", "offer", "saved"]


def fill(db: Database) -> None:
    rng = random.Random(1)
    owner = db.local_user_id()
    start = date(2025, 1, 1)
    with db.uow(owner) as uow:
        for i in range(N_APPS):
            when = start + timedelta(days=rng.randint(0, 600))
            app_id = apps.add_application(uow, apps.ApplicationInput(
                company=f"Company {rng.randint(1, N_APPS // 3)}", role=f"Role {i % 40}",
                applied_on=when, location="Remote", notes="x" * 200))
            status = rng.choice(STATUSES)
            if status not in {"applied", "saved"}:
                apps.change_status(uow, app_id, status,
                                   clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))
            if i % 5 == 0:
                people.add_interview(uow, app_id, "video", "2026-12-01 10:00")
            if i % 3 == 0:
                people.log_effort(uow, app_id, "resume", 1.0, when)
        uow.commit()


def median_ms(client: TestClient, path: str) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(samples) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        db.ensure_ready()
        t0 = time.perf_counter()
        fill(db)
        print(f"filled {N_APPS} applications in {time.perf_counter() - t0:.1f} s")
        app = create_app(Settings(home=Path(tmp), database_url=db.url), db)
        with TestClient(app, headers={"accept": "text/html"}) as client:
            client.get("/")
            base = median_ms(client, "/healthz")
            print(f"baseline /healthz                  median {base:6.1f} ms")
            for path in ("/", "/recover/digest", "/applications",
                         "/applications?q=role%201&sort=company",
                         "/applications?status=rejected", "/applications/1", "/inbox",
                         "/wins", "/questions"):
                ms = median_ms(client, path)
                verdict = "ok" if ms < 50 else "OVER TARGET"
                print(f"{path:34s} median {ms:6.1f} ms  (x{ms / base:.1f} of baseline; "
                      f"target < 50 ms: {verdict})")


if __name__ == "__main__":
    main()
