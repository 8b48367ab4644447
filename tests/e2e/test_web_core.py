"""The web shell through TestClient: pages, forms with inline errors, CSRF, headers."""

from __future__ import annotations

from typing import Any


def test_empty_home_offers_demo_and_first_application(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Load demo data" in page.text and "Add your first application" in page.text


def test_demo_button_fills_the_dashboard(client: Any) -> None:
    done = client.post("/demo", data={"csrf_token": client.csrf}, follow_redirects=False)
    assert done.status_code == 303
    home = client.get("/")
    assert "Your pipeline" in home.text and "Recent activity" in home.text
    listing = client.get("/applications?status=rejected")
    assert listing.text.count("badge-rejected") >= 5


def test_add_form_shows_inline_errors_then_creates(client: Any) -> None:
    bad = client.post("/applications/new", data={
        "csrf_token": client.csrf, "company": "", "role": "Analyst", "url": "javascript:x",
        "applied_on": "tomorrow-ish"})
    assert bad.status_code == 422
    assert "company is required" in bad.text
    assert "not a web address" in bad.text and "YYYY-MM-DD" in bad.text
    assert 'value="Analyst"' in bad.text  # nothing the user typed is lost
    ok = client.post("/applications/new", data={
        "csrf_token": client.csrf, "company": "Acme", "role": "Analyst",
        "applied_on": "2026-10-01"}, follow_redirects=False)
    assert ok.status_code == 303
    detail = client.get(ok.headers["location"])
    assert "Analyst" in detail.text and "Acme" in detail.text and "Timeline" in detail.text


def test_search_filter_and_htmx_partial(client: Any) -> None:
    for company in ("Acme", "Globex", "Initech"):
        client.post("/applications/new", data={"csrf_token": client.csrf, "company": company,
                                               "role": "Engineer"})
    page = client.get("/applications?q=glob")
    assert "Globex" in page.text and "Initech" not in page.text
    partial = client.get("/applications?q=init", headers={"hx-request": "true",
                                                          "hx-target": "results"})
    assert "Initech" in partial.text and "<html" not in partial.text


def test_application_actions(client: Any) -> None:
    client.post("/applications/new", data={"csrf_token": client.csrf, "company": "Acme",
                                           "role": "Analyst", "applied_on": "2026-10-01"})
    base = "/applications/1"
    assert client.post(f"{base}/contacts", data={"csrf_token": client.csrf, "name": "Ana",
                                                 "relation": "recruiter"},
                       follow_redirects=False).status_code == 303
    assert client.post(f"{base}/rounds", data={"csrf_token": client.csrf, "kind": "video",
                                               "when": "2026-10-05T10:00", "interviewers": "1"},
                       follow_redirects=False).status_code == 303
    assert client.post(f"{base}/effort", data={"csrf_token": client.csrf, "kind": "resume",
                                               "hours": "1.5"},
                       follow_redirects=False).status_code == 303
    assert client.post(f"{base}/notes", data={"csrf_token": client.csrf, "text": "Ping Ana"},
                       follow_redirects=False).status_code == 303
    assert client.post(f"{base}/status", data={"csrf_token": client.csrf, "status": "rejected"},
                       follow_redirects=False).status_code == 303
    refused = client.post(f"{base}/status", data={"csrf_token": client.csrf, "status": "saved"})
    assert refused.status_code == 422 and "cannot go back to saved" in refused.text
    page = client.get(base)
    for text in ("Ana", "video", "Ping Ana", "1.5 h", "badge-rejected", "interviewing"):
        assert text in page.text


def test_state_changes_need_the_csrf_token_and_same_origin(client: Any) -> None:
    assert client.post("/demo", data={}).status_code == 403
    assert client.post("/demo", data={"csrf_token": "forged" * 8}).status_code == 403
    cross = client.post("/demo", data={"csrf_token": client.csrf},
                        headers={"origin": "https://evil.example"})
    assert cross.status_code == 403
    assert "0 applications" in client.get("/applications").text


def test_security_headers_and_missing_pages(client: Any) -> None:
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "base-uri 'none'" in csp and "script-src 'self'" in csp
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    missing = client.get("/applications/424242")
    assert missing.status_code == 404 and "No application with id 424242" in missing.text


def test_import_page_rejects_bad_csv_with_row_list(client: Any) -> None:
    files = {"file": ("a.csv", b"company,role,status\nA,B,applied\nC,D,maybe\n", "text/csv")}
    result = client.post("/import", data={"csrf_token": client.csrf, "kind": "csv"}, files=files)
    assert result.status_code == 422 and "row 3" in result.text
    assert "0 applications" in client.get("/applications").text
    good = {"file": ("a.csv", b"company,role\nA,B\n", "text/csv")}
    ok = client.post("/import", data={"csrf_token": client.csrf, "kind": "csv"}, files=good,
                     follow_redirects=False)
    assert ok.status_code == 303


def test_profile_page_saves(client: Any) -> None:
    saved = client.post("/profile", data={"csrf_token": client.csrf, "name": "Alex",
                                          "skills": "SQL, R", "language": "fr"},
                        follow_redirects=False)
    assert saved.status_code == 303
    assert 'value="SQL, R"' in client.get("/profile").text


def test_round_outcome_and_company_aliases(client: Any) -> None:
    client.post("/applications/new", data={"csrf_token": client.csrf, "company": "Globex Corp",
                                           "role": "Analyst"})
    client.post("/applications/1/rounds", data={"csrf_token": client.csrf, "kind": "panel"})
    done = client.post("/applications/1/rounds/1", data={"csrf_token": client.csrf,
                                                         "outcome": "passed"},
                       follow_redirects=False)
    assert done.status_code == 303
    assert '<option value="passed" selected>' in client.get("/applications/1").text
    saved = client.post("/companies/1", data={"csrf_token": client.csrf, "name": "Globex Corp",
                                              "aliases": "Globex, GX", "domain": "globex.example"},
                        follow_redirects=False)
    assert saved.status_code == 303
    page = client.get("/companies")
    assert "Globex, GX" in page.text
    bad = client.post("/companies/1", data={"csrf_token": client.csrf, "name": "Globex Corp",
                                            "domain": "not a domain"})
    assert bad.status_code == 422 and "is not a domain" in bad.text
