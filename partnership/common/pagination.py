"""Pages of a list, for any app: the current page, the GOV.UK pagination links and the
"Showing 26 to 50 of 73 offers" line. The template is templates/includes/pagination.html.

Used by the views as `pagination = paginate(request.GET, queryset, noun=("offer", "offers"))`,
with `pagination.page.object_list` as the rows of the table."""

from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.http import QueryDict

PAGE_SIZE = 25
PAGE_PARAM = "page"
# How many numbered links GOV.UK's pattern keeps beside the current page and at each end;
# everything between is one ellipsis ("1 … 4 5 6 … 12").
ON_EACH_SIDE = 1
ON_ENDS = 1
# Counting stops here (issue 12): "of more than 10,000 offers". Counting 100,000 rows on every
# page view costs more than the page; nobody pages past the 100th page, they filter.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A Paginator whose count reads at most COUNT_CAP + 1 rows (a LIMIT inside the COUNT)."""

    def __init__(self, *args, cap: int | None = None, known_count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap
        self.known_count = known_count

    @cached_property
    def count(self) -> int:
        if self.known_count is not None:
            return min(self.known_count, self.cap + 1)
        object_list = self.object_list
        if hasattr(object_list, "count") and hasattr(object_list, "query"):
            return object_list[: self.cap + 1].count()
        return len(object_list)

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None for an ellipsis
    url: str = ""
    current: bool = False

    @property
    def is_ellipsis(self) -> bool:
        return self.number is None


@dataclass(frozen=True)
class Pagination:
    page: Page
    links: list[PageLink]
    previous_url: str
    next_url: str
    summary: str

    @property
    def has_other_pages(self) -> bool:
        return self.page.has_other_pages()


def without_page(query: QueryDict) -> QueryDict:
    """Every parameter (filters, sort, search, even repeated ones) as it came, less the page:
    for page links, and for links such as a CSV export that always take the whole list."""
    params = query.copy()
    params.pop(PAGE_PARAM, None)
    return params


def page_url(query: QueryDict, number: int) -> str:
    """The query string for page `number`, every other parameter kept."""
    params = without_page(query)
    params[PAGE_PARAM] = str(number)
    return "?" + params.urlencode()


def _summary(page: Page, noun: tuple[str, str]) -> str:
    count = page.paginator.count
    name = noun[0] if count == 1 else noun[1]
    if not page.has_other_pages():
        return f"{_number(count)} {name}"
    shown = f"Showing {_number(page.start_index())} to {_number(page.end_index())}"
    if getattr(page.paginator, "is_capped", False):
        return f"{shown} of more than {_number(page.paginator.cap)} {name}"
    return f"{shown} of {_number(count)} {name}"


def _number(value) -> str:
    """Thousands with commas, as GOV.UK writes numbers ("2,064"); a capped count (counts.MoreThan)
    as its words."""
    return f"{value:,}" if type(value) is int else str(value)


def paginate(query: QueryDict, object_list, *, noun: tuple[str, str], per_page: int = PAGE_SIZE,
             count: int | None = None, cap: int | None = None) -> Pagination:
    """One page of `object_list` (an ordered, already scoped queryset) for the `page` in `query`.

    Paginator.get_page never raises: page=abc or 1.5 gives the first page, page=0, -1 or 99999
    the last, so nothing a browser sends can make a server error. Two queries whatever the
    size of the list: the count (capped at COUNT_CAP), and the page's rows; one when the caller
    has counted the list already (`count`, the site search's counts per kind)."""
    paginator = CappedPaginator(object_list, per_page, known_count=count, cap=cap)
    page = paginator.get_page(query.get(PAGE_PARAM))
    links = [
        PageLink(number, page_url(query, number), current=number == page.number) if isinstance(number, int)
        else PageLink(None)  # Paginator.ELLIPSIS
        for number in paginator.get_elided_page_range(page.number, on_each_side=ON_EACH_SIDE, on_ends=ON_ENDS)
    ]
    return Pagination(
        page=page,
        links=links,
        previous_url=page_url(query, page.previous_page_number()) if page.has_previous() else "",
        next_url=page_url(query, page.next_page_number()) if page.has_next() else "",
        summary=_summary(page, noun),
    )
