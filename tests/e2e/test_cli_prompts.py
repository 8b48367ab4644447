"""The step-by-step prompts a person meets at a terminal: `debrief ROUND` and `practice`.

The commands run through the real entry point on a pseudo-terminal, so they see a TTY and ask,
exactly as they do for a person; the test types the answers.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\r")


class Terminal:
    """A command on a pseudo-terminal: wait for text on screen, type a line."""

    def __init__(self, home: Path, *args: str) -> None:
        self._fd, child = pty.openpty()
        env = {**os.environ, "NEXTROUND_HOME": str(home), "COLUMNS": "120", "LINES": "40",
               "TERM": "xterm"}
        env.pop("NEXTROUND_DATABASE_URL", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "nextround", *args], stdin=child,
                                     stdout=child, stderr=child, env=env, close_fds=True)
        os.close(child)
        self.screen = ""
        self._seen = 0

    def _read(self, deadline: float) -> bool:
        ready, _, _ = select.select([self._fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return False
        try:
            chunk = os.read(self._fd, 65536)
        except OSError:  # the command ended and closed the terminal
            return False
        if not chunk:
            return False
        self.screen += _ANSI.sub("", chunk.decode("utf-8", "replace"))
        return True

    def expect(self, text: str, timeout: float = 60) -> str:
        """Wait until ``text`` appears after what was already matched; return what came."""
        deadline = time.monotonic() + timeout
        while text not in self.screen[self._seen:]:
            if time.monotonic() > deadline or not self._read(deadline):
                raise AssertionError(f"never saw {text!r}; the screen ends with:\n"
                                     f"{self.screen[-1500:]}")
        start = self._seen
        self._seen = self.screen.index(text, self._seen) + len(text)
        return self.screen[start:self._seen]

    def line(self, text: str = "") -> None:
        os.write(self._fd, text.encode("utf-8") + b"\r")

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(min(deadline, time.monotonic() + 0.2))
        code = self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        os.close(self._fd)
        return code


@pytest.fixture
def with_round(cli: Any) -> None:
    assert cli("init").code == 0
    assert cli("app", "add", "--company", "Acme", "--role", "Analyst").code == 0
    assert cli("interview", "add", "1", "--kind", "video", "--when", "2026-11-20 10:00").code == 0


def test_debrief_asks_step_by_step_and_saves_what_was_typed(
        home: Path, cli: Any, with_round: None) -> None:
    term = Terminal(home, "debrief", "1")
    term.expect("Acme")
    term.expect("One per line")
    term.expect("?")
    term.line("Tell me about yourself")
    term.expect("?")
    term.line("What is your greatest weakness?")
    term.expect("?")
    term.line()  # an empty line ends the list
    term.expect('How hard did "Tell me about yourself" feel?')
    term.line("4")
    term.expect("How well did your answer go?")
    term.line("seven")  # not a rating: asked again, nothing lost
    term.expect("Please type a number from 1 to 5")
    term.line("2")
    term.expect('How hard did "What is your greatest weakness?" feel?')
    term.line()  # skipped: a partial debrief is fine
    term.expect("How well did your answer go?")
    term.line()
    term.expect("What went well?")
    term.line("Clear examples from the internship")
    for prompt in ("differently", "Who interviewed you?", "care about", "Anything else"):
        term.expect(prompt)
        term.line()
    term.expect("2 question(s)")
    assert term.finish() == 0

    view = cli("debrief", "1", "--json").json()
    assert [q["text"] for q in view["questions"]] == [
        "Tell me about yourself", "What is your greatest weakness?"]
    assert (view["questions"][0]["difficulty"], view["questions"][0]["answer_quality"]) == (4, 2)
    assert view["questions"][1]["difficulty"] is None
    assert view["went_well"] == "Clear examples from the internship"
    assert "do_differently" in view["incomplete"]


def test_practice_session_times_shows_the_story_and_schedules(
        home: Path, cli: Any, with_round: None) -> None:
    r = cli("debrief", "1", input="What is your greatest weakness? | 5 | 1\n")
    assert r.code == 0, r.err
    r = cli("story", "add", "--title", "Release checklist", "--situation", "Our releases slipped.",
            "--action", "I wrote a checklist.", "--result", "Slips fell by half.",
            "--question", "greatest-weakness")
    assert r.code == 0, r.err

    term = Terminal(home, "practice")
    term.expect("What is your greatest weakness?")
    term.expect("Enter to answer aloud")
    term.line()  # answer aloud with the countdown on screen
    term.expect("Enter when done")
    time.sleep(1.5)
    term.line()
    term.expect("You spoke for about")
    term.expect("Release checklist")
    term.expect("I wrote a checklist.")
    term.expect("How did it go?")
    term.line("maybe")  # not a grade: asked again
    term.expect("How did it go?")
    term.line("h")
    term.expect("Next time:")
    term.expect("Session done: 1 question(s) practised.")
    assert term.finish() == 0

    info = cli("practice", "--json").json()
    assert info["total"] >= 1 and info["due_now"] == 0
    assert sum(day["reviews"] for day in info["reviews_per_day"]) == 1


def test_practice_typed_answer_and_stop(home: Path, cli: Any, with_round: None) -> None:
    r = cli("debrief", "1", input="Tell me about yourself | 3 | 3\n"
            "Why do you want to work here? | 4 | 2\n")
    assert r.code == 0, r.err
    term = Terminal(home, "practice", "--no-timer")
    term.expect("Enter to answer aloud, t to type")
    term.line("t")
    term.expect("Your answer")
    term.line("I studied economics and built dashboards for a food bank.")
    term.expect("No story linked yet")
    term.expect("How did it go?")
    term.line("g")
    term.expect("Next time:")
    term.expect("Enter to answer aloud, t to type")
    term.line("q")
    term.expect("Session done: 1 question(s) practised.")
    assert term.finish() == 0
    info = cli("practice", "--json").json()
    assert sum(day["reviews"] for day in info["reviews_per_day"]) == 1
