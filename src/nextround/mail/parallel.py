"""Classify raw messages in worker processes: results in input order, memory bounded."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from nextround.domain.emails import Classification, InboundEmail, QuarantinedMessage, RawMessage
from nextround.mail.parse import DEFAULT_CAPS, Caps
from nextround.mail.pipeline import classify_raw, iter_classified
from nextround.mail.sources import iter_raw

Result = tuple[InboundEmail | QuarantinedMessage, Classification]
BATCH = 256


def _work(batch: list[RawMessage], caps: Caps, parse_all: bool, hashes: bool) -> list[Result]:
    return [classify_raw(raw, caps, parse_all, hashes) for raw in batch]


def iter_classified_parallel(
    paths: Iterable[Path | str],
    workers: int,
    caps: Caps = DEFAULT_CAPS,
    parse_all: bool = False,
    hashes: bool = True,
) -> Iterator[Result]:
    """Like `iter_classified`, with parsing and classification in `workers` processes.

    The main process splits the input and keeps at most a few batches in flight, so
    memory stays flat; results come back in input order.
    """
    paths = list(paths)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from iter_classified(paths, caps, parse_all, hashes)
        return
    raws = iter_raw(paths)
    first = list(islice(raws, BATCH))  # fails early (missing PATH) before any process starts
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[Result]]] = deque()
        batch = first
        while batch:
            pending.append(pool.submit(_work, batch, caps, parse_all, hashes))
            if len(pending) >= workers * 3:
                yield from pending.popleft().result()
            batch = list(islice(raws, BATCH))
        while pending:
            yield from pending.popleft().result()
