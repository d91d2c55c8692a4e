"""Pages of a list, for any app: the current page, the GOV.UK pagination links and the
"Showing 26 to 50 of 73 offers" line. The template is templates/includes/pagination.html.

Used by the views as `pagination = paginate(request.GET, queryset, noun=("offer", "offers"))`,
with `pagination.page.object_list` as the rows of the table."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import QueryDict

PAGE_SIZE = 25
PAGE_PARAM = "page"
# How many numbered links GOV.UK's pattern keeps beside the current page and at each end;
# everything between is one ellipsis ("1 … 4 5 6 … 12").
ON_EACH_SIDE = 1
ON_ENDS = 1


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
        return f"{count} {name}"
    return f"Showing {page.start_index()} to {page.end_index()} of {count} {name}"


def paginate(query: QueryDict, object_list, *, noun: tuple[str, str], per_page: int = PAGE_SIZE) -> Pagination:
    """One page of `object_list` (an ordered, already scoped queryset) for the `page` in `query`.

    Paginator.get_page never raises: page=abc or 1.5 gives the first page, page=0, -1 or 99999
    the last, so nothing a browser sends can make a server error. Two queries whatever the
    size of the list: the count, and the page's rows."""
    paginator = Paginator(object_list, per_page)
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
