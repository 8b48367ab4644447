"""Charts for the wins page, drawn with matplotlib as SVG (also usable in PDFs)."""

from __future__ import annotations

import io
from typing import Any

from nextround.domain.stats import STAGE_NAMES, STAGES, Stats

_COLOURS = ("#4f7cac", "#5a9e8f", "#7fb069", "#e0a458", "#d1603d")


def _figure(width: float, height: float) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")  # no display; safe in a server thread
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    return fig, ax


def _svg(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", transparent=True)
    plt.close(fig)
    return buffer.getvalue()


def funnel_svg(stats: Stats) -> bytes:
    """Horizontal bars, widest at the top, each labelled with its count and rate."""
    fig, ax = _figure(6.4, 2.8)
    counts = [stats.funnel.counts[s] for s in STAGES]
    labels = [STAGE_NAMES[s] for s in STAGES]
    positions = list(range(len(STAGES)))[::-1]
    ax.barh(positions, counts, color=_COLOURS, height=0.7)
    ax.set_yticks(positions, labels)
    top = max(counts + [1])
    for pos, stage, count in zip(positions, STAGES, counts, strict=True):
        rate = stats.funnel.rate(stage)
        text = f"{count}" + (f"  ({rate:.0%})" if rate is not None else "")
        ax.text(count + top * 0.01, pos, text, va="center", fontsize=9)
    ax.set_xlim(0, top * 1.25)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return _svg(fig)


def months_svg(stats: Stats) -> bytes:
    """Applications and interviews per month applied, side by side."""
    fig, ax = _figure(6.4, 2.6)
    months = sorted(stats.months)
    if not months:
        ax.text(0.5, 0.5, "No applications yet", ha="center", va="center")
        ax.set_axis_off()
        return _svg(fig)
    xs = list(range(len(months)))
    apps = [stats.months[m].counts["applications"] for m in months]
    interviews = [stats.months[m].counts["interviews"] for m in months]
    ax.bar([x - 0.2 for x in xs], apps, width=0.4, color=_COLOURS[0], label="Applications")
    ax.bar([x + 0.2 for x in xs], interviews, width=0.4, color=_COLOURS[2], label="Interviews")
    ax.set_xticks(xs, months)
    ax.legend(frameon=False, fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _svg(fig)
