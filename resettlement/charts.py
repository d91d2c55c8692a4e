"""A simple horizontal bar chart drawn as SVG with attributes (no style attributes: the
Content Security Policy forbids them). The figures table beside it is the text alternative."""

from dataclasses import dataclass

LABEL_WIDTH = 240
BAR_SPACE = 330
ROW_HEIGHT = 44
BAR_HEIGHT = 14
TOP = 10


@dataclass
class ChartBar:
    label: str
    pledged: int
    pledged_width: int
    arrived: int
    arrived_width: int
    y: int

    @property
    def label_y(self):
        return self.y + BAR_HEIGHT + 4

    @property
    def arrived_y(self):
        return self.y + BAR_HEIGHT + 2

    @property
    def pledged_text_x(self):
        return LABEL_WIDTH + self.pledged_width + 6

    @property
    def arrived_text_x(self):
        return LABEL_WIDTH + self.arrived_width + 6

    @property
    def pledged_text_y(self):
        return self.y + BAR_HEIGHT - 3

    @property
    def arrived_text_y(self):
        return self.arrived_y + BAR_HEIGHT - 3


def bar_chart(table) -> dict:
    """People pledged against people arrived, one pair of bars per row of a FigureTable."""
    most = table.chart_max
    bars = []
    for index, row in enumerate(table.rows):
        bars.append(ChartBar(
            label=row.label if len(row.label) <= 30 else row.label[:29] + "…", pledged=row.people_pledged,
            pledged_width=round(row.people_pledged / most * BAR_SPACE),
            arrived=row.people_arrived, arrived_width=round(row.people_arrived / most * BAR_SPACE),
            y=TOP + index * ROW_HEIGHT))
    return {"bars": bars, "height": TOP * 2 + max(len(bars), 1) * ROW_HEIGHT, "bar_x": LABEL_WIDTH,
            "bar_height": BAR_HEIGHT, "width": LABEL_WIDTH + BAR_SPACE + 60}
