"""The register of interests: each signed-in person keeps their own standing declarations.
Another person's interest answers 404 (the queryset is scoped to the owner)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate
from partnership.forms.interests import InterestForm
from partnership.selectors import interests as select
from partnership.services import interests as interest_services


@require_safe
@permission_required("partnership.keep_own_interests")
def interest_list(request):
    pagination = paginate(request.GET, select.interests_of(request.user), noun=("interest", "interests"))
    return render(request, "partnership/interests/list.html",
                  {"pagination": pagination, "interests": pagination.page.object_list})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.keep_own_interests")
def interest_create(request):
    form = InterestForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            interest_services.interest_add(person=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Interest added to your register.")
            return redirect("partnership:interest_list")
    return render(request, "partnership/interests/form.html", {"form": form, "heading": "Add an interest"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.keep_own_interests")
def interest_edit(request, pk):
    interest = scoped_object_or_404(select.own_interests(request.user), pk=pk)
    form = InterestForm(**form_data(request), instance=interest)
    if request.method == "POST" and form.is_valid():
        try:
            interest_services.interest_edit(interest=interest, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Interest saved.")
            return redirect("partnership:interest_list")
    return render(request, "partnership/interests/form.html", {"form": form, "heading": "Change an interest"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.keep_own_interests")
def interest_end(request, pk):
    """A confirmation page, then the interest is marked as ended today (it stays on record)."""
    interest = scoped_object_or_404(select.own_interests(request.user), pk=pk)
    if request.method == "POST":
        interest_services.interest_end(interest=interest, by=request.user)
        messages.success(request, "Interest marked as ended.")
        return redirect("partnership:interest_list")
    return render(request, "partnership/interests/end.html", {"interest": interest})
