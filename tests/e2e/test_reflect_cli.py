"""The reflect commands through the real entry point, on a temp home, stdin closed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

LINES = [
    "Tell me about yourself",
    "Walk me through your CV",
    "",
    "What is your greatest weakness?",
    "Tell me about a time you received critical feedback",
    "Tell me about a time you gave critical feedback to a colleague",
    "How many golf balls fit in a school bus?",
]


def test_group_outputs_every_line_once(cli: Any) -> None:
    result = cli("questions", "group", "-", "--json", input="\n".join(LINES) + "\n")
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == {"groups"}
    members = sorted(m for g in data["groups"] for m in g["members"])
    assert members == list(range(len(LINES)))
    for g in data["groups"]:
        assert set(g) == {"canonical", "members"}
        assert g["canonical"] is None or isinstance(g["canonical"], str)
    given = next(g for g in data["groups"] if 5 in g["members"])
    assert 4 not in given["members"]


def test_group_reads_a_file(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text("Why do you want to work here?\nWhy our company?\n", encoding="utf-8")
    data = cli("questions", "group", str(path), "--json").json()
    assert data["groups"] == [{"canonical": "Why do you want to work here?", "members": [0, 1]}]


def test_debrief_story_practice_fit_share_journey(cli: Any, tmp_path: Path) -> None:
    assert cli("init").code == 0
    assert cli("app", "add", "--company", "Acme", "--role", "Analyst").code == 0
    assert cli("interview", "add", "1", "--kind", "video", "--when", "2026-11-20 10:00").code == 0
    r = cli("debrief", "1", "--went-well", "Rapport", input="Tell me about yourself\n"
            "What is your greatest weakness? | 4 | 2\n")
    assert r.code == 0, r.err
    view = cli("debrief", "1", "--json").json()
    assert [q["text"] for q in view["questions"]][1] == "What is your greatest weakness?"
    assert view["questions"][1]["difficulty"] == 4 and view["went_well"] == "Rapport"

    top = cli("questions", "--top", "1", "--json").json()
    assert top[0]["key"] == "greatest-weakness"

    r = cli("story", "add", "--title", "Queue", "--action", "We fixed it together.",
            "--result", "It went well.", "--question", "greatest-weakness", "--json")
    assert r.code == 0, r.err
    check = r.json()["check"]
    assert not check["first_person"] and not check["measurable"]
    assert {f["part"] for f in check["findings"] if f["level"] == "missing"} == {
        "situation", "task"}

    assert cli("practice", "--rate", "greatest-weakness", "good").code == 0
    counts = cli("practice", "--json").json()
    assert counts["grades"]["good"] == 1 and counts["total"] >= 2

    r = cli("fit", "1", "--score", "growth=2", "--flag", "pressure=24 hours", "--json")
    assert r.json()["raised_flags"] == ["pressure"]
    assert cli("fit", "1", "--score", "growth=9").code == 2

    out = tmp_path / "reflection.md"
    r = cli("share", "--round", "1", "--format", "md", "--out", str(out),
            "--include", "questions,stories")
    assert r.code == 0, r.err
    text = out.read_text(encoding="utf-8")
    assert "greatest weakness" in text and "Queue" in text and "Rapport" not in text


def test_missing_round_is_a_clear_error(cli: Any) -> None:
    cli("init")
    r = cli("debrief", "42")
    assert r.code == 3 and "42" in r.err


def test_confirm_and_split_change_the_ranking(cli: Any) -> None:
    cli("init")
    cli("app", "add", "--company", "Acme", "--role", "Analyst")
    cli("interview", "add", "1", "--kind", "video", "--when", "2026-11-20 10:00")
    cli("debrief", "1", input="Tell me about yourself\nIntroduce yourself\n"
                              "Paint me a picture of who you are as a professional\n")
    keys = {q["key"]: q["times_asked"] for q in cli("questions", "--json").json()}
    assert keys.get("about-yourself", 0) >= 2
    assert cli("questions", "split", "2").code == 0
    ranked = cli("questions", "--json").json()
    assert any(q["key"] == "own:2" and q["times_asked"] == 1 for q in ranked)
    assert cli("questions", "confirm", "3", "--as", "about-yourself").code == 0
    ranked = {q["key"]: q for q in cli("questions", "--json").json()}
    assert "Paint me a picture of who you are as a professional" in (
        ranked["about-yourself"]["wordings"])
    assert cli("questions", "confirm", "3", "--as", "no-such-id").code == 2
