"""Worker processes give the same results, in the same order, as one process."""

from __future__ import annotations

from pathlib import Path

from nextround.mail.parallel import iter_classified_parallel
from nextround.mail.pipeline import iter_classified

DATA = Path(__file__).resolve().parent.parent / "data" / "mail"


def test_two_workers_match_one_process(tmp_path: Path) -> None:
    # Enough messages for several batches.
    source = (DATA / "takeout.mbox").read_bytes()
    big = tmp_path / "many.mbox"
    big.write_bytes(source * 300)
    one = [(m.index, m.subject, c.label) for m, c in iter_classified([big, DATA])]
    two = [(m.index, m.subject, c.label) for m, c in iter_classified_parallel([big, DATA], 2)]
    assert len(one) == 900 + 9
    assert two == one
