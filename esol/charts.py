"""Simple bar charts of achieved against target, drawn as SVG with presentation attributes only
(the Content Security Policy forbids style attributes). Each row is an outlined bar for the
target with a solid bar inside it for what is achieved, so the two differ by shape, not by
colour alone; the figures are written above each bar, and the table beside the chart holds them
all, so the chart is never the only place a figure is."""

from dataclasses import dataclass

WIDTH = 600
BAR_SPACE = 580
LEFT = 2
ROW_HEIGHT = 46
LABEL_Y = 16
BAR_Y = 24
BAR_HEIGHT = 14
MAX_LABEL = 48


@dataclass
class ChartRow:
    label: str
    text: str
    target_width: int | None
    achieved_width: int
    y: int

    @property
    def label_y(self) -> int:
        return self.y + LABEL_Y

    @property
    def bar_y(self) -> int:
        return self.y + BAR_Y


def _width(value, most) -> int:
    return round(float(value) / float(most) * BAR_SPACE) if most else 0


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _text(achieved, target, *, money: bool) -> str:
    shown = (lambda v: f"£{v:,.2f}") if money else (lambda v: f"{v:,}")
    if target is None:
        return f"{shown(achieved)} (no target)"
    percent = f" ({round(achieved * 100 / target)}%)" if target else ""
    return f"{shown(achieved)} of {shown(target)}{percent}"


def chart(*, key: str, title: str, pairs: list[tuple[str, object, object]], money: bool = False) -> dict:
    """pairs: (label, achieved, target or None). One chart, ready for esol/_chart.html."""
    most = max([max(achieved, target or 0) for _label, achieved, target in pairs] or [0])
    rows = [ChartRow(label=_short(label), text=_text(achieved, target, money=money),
                     target_width=None if target is None else _width(target, most),
                     achieved_width=_width(achieved, most), y=index * ROW_HEIGHT)
            for index, (label, achieved, target) in enumerate(pairs)]
    return {"key": key, "title": title, "rows": rows, "width": WIDTH, "left": LEFT, "bar_height": BAR_HEIGHT,
            "height": max(len(rows), 1) * ROW_HEIGHT + 4}


def figure_charts(rows, *, prefix: str) -> list[dict]:
    """A chart for each measure (achieved against target) and one of spend against grant."""
    charts = []
    if not rows:
        return charts
    for index, measure in enumerate(rows[0].measures):
        charts.append(chart(key=f"{prefix}-{measure.key}", title=f"{measure.label}: achieved against target",
                            pairs=[(row.label, row.measures[index].achieved, row.measures[index].target)
                                   for row in rows]))
    charts.append(chart(key=f"{prefix}-spend", title="Spend against grant",
                        pairs=[(row.label, row.spend, row.grant) for row in rows], money=True))
    return charts
