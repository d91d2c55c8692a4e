"""/search/: one search over everything the searcher may see, grouped by kind, filtered, paged,
with the matched words marked in a short extract. A GET form, so it works without JavaScript
and a search can be bookmarked or shared."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from partnership.common.pagination import paginate

from . import registry
from .forms import SearchForm
from .selectors import MATCH_CAP, extracts_for, group_headings, search

PAGE_SIZE = 20


@require_safe
def search_page(request):
    form = SearchForm(request.GET or None)
    results = pagination = None
    rows = []
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        results = search(request.user, form.cleaned_data["q"], **form.filters())
        pagination = paginate(request.GET, results.entries, noun=("result", "results"), per_page=PAGE_SIZE,
                              count=results.found, cap=MATCH_CAP)
        entries = list(pagination.page.object_list)
        extracts = extracts_for(entries, results.query)
        headings = group_headings()
        previous = None
        for entry in entries:
            # The exact reference code comes first whatever its kind, under its own heading, so
            # that a kind's heading is not repeated further down the page.
            heading = "Matching reference" if getattr(entry, "exact", 0) else headings.get(entry.kind, "Other")
            rows.append({"entry": entry, "extract": extracts.get(entry.pk, ""),
                         "heading": heading if heading != previous else None})
            previous = heading
    chosen = form.cleaned_data.get("kind", "") if form.is_bound and form.is_valid() else ""
    groups = []
    if results is not None:
        params = request.GET.copy()
        params.pop("page", None)
        for heading, _names, total in results.group_counts():
            params["kind"] = registry.group_slug(heading)
            groups.append({"heading": heading, "total": total, "url": "?" + params.urlencode(),
                           "current": chosen == registry.group_slug(heading)})
        params["kind"] = ""
        everything_url = "?" + params.urlencode()
    else:
        everything_url = ""
    return render(request, "partnership/search/results.html", {
        "form": form, "results": results, "pagination": pagination, "rows": rows, "groups": groups,
        "everything_url": everything_url, "chosen_kind": chosen, "match_cap": f"{MATCH_CAP:,}"})
