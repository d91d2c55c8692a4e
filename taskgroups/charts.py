"""Progress by theme as a stacked bar chart in SVG, drawn with SVG attributes only (the Content
Security Policy forbids style attributes). Each kind of progress has its own fill pattern as
well as its own colour, and every segment is labelled in the legend and in the text beside the
chart, so nothing is told apart by colour alone."""

from dataclasses import dataclass

LABEL_WIDTH = 230
BAR_SPACE = 380
ROW_HEIGHT = 34
BAR_HEIGHT = 20
TOP = 8
LEGEND_HEIGHT = 40

# bucket, label, pattern id, colour (GOV.UK palette, each at least 3:1 against white)
SEGMENTS = (
    ("done", "Done", "tg-done", "#00703c"),
    ("in_progress", "In progress", "tg-in-progress", "#1d70b8"),
    ("not_started", "Not started", "tg-not-started", "#505a5f"),
    ("overdue", "Overdue", "tg-overdue", "#d4351c"),
)


@dataclass
class Segment:
    label: str
    count: int
    x: int
    width: int
    pattern: str
    colour: str


@dataclass
class Bar:
    label: str
    y: int
    segments: list[Segment]
    total: int
    summary: str

    @property
    def label_y(self):
        return self.y + BAR_HEIGHT - 5

    @property
    def total_x(self):
        return LABEL_WIDTH + sum(s.width for s in self.segments) + 6


def progress_chart(progress) -> dict:
    """progress: a WorkplanProgress. One bar per theme, its width the theme's live actions."""
    most = max([theme.progress.live for theme in progress.themes] + [1])
    bars = []
    for index, theme_progress in enumerate(progress.themes):
        p = theme_progress.progress
        x = LABEL_WIDTH
        segments = []
        for bucket, label, pattern, colour in SEGMENTS:
            count = getattr(p, bucket)
            width = round(count / most * BAR_SPACE)
            segments.append(Segment(label, count, x, width, pattern, colour))
            x += width
        title = f"{theme_progress.theme.number}. {theme_progress.theme.title}"
        summary = ", ".join(f"{s.count} {s.label.lower()}" for s in segments)
        bars.append(Bar(title if len(title) <= 32 else title[:31] + "…", TOP + index * ROW_HEIGHT,
                        segments, p.live, f"{title}: {summary}; rated {p.rag.label}."))
    height = TOP + max(len(bars), 1) * ROW_HEIGHT + LEGEND_HEIGHT
    legend = [{"label": label, "pattern": pattern, "colour": colour, "x": LABEL_WIDTH + i * 100,
               "y": height - LEGEND_HEIGHT + 12} for i, (_, label, pattern, colour) in enumerate(SEGMENTS)]
    return {"bars": bars, "height": height, "width": LABEL_WIDTH + BAR_SPACE + 50, "bar_height": BAR_HEIGHT,
            "legend": legend, "segments": SEGMENTS}
