"""Create the progress paper: a round's figures and latest accepted returns as a PDF, filed as a
members' paper on the LSMP board meeting the officer chooses (the next one by default)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data

from ..forms.progress_papers import ProgressPaperForm
from ..selectors.progress_papers import board_meetings, has_board_meetings, lsmp_board
from ..selectors.rounds import round_for_page
from ..services import progress_papers as services
from .common import apply


@require_http_methods(["GET", "POST"])
@permission_required("esol.create_progress_paper")
def progress_paper_create(request, pk):
    round_ = scoped_object_or_404(round_for_page(request.user, pk))
    meetings = board_meetings()
    form = ProgressPaperForm(**form_data(request), meetings=meetings)
    if request.method == "POST" and form.is_valid():
        created = apply(form, lambda: services.progress_paper_create(
            round_=round_, meeting=form.cleaned_data["meeting"], by=request.user,
            publish=form.cleaned_data["publish"]))
        if created:
            paper = created.paper
            messages.success(request, f"\"{paper.title}\" is filed as a members' paper for "
                                      f"{paper.meeting.display_title}, {paper.meeting.starts_at:%-d %B %Y}"
                                      f"{' and published' if paper.published_at else ' (not published yet)'}.")
            return redirect("esol:round_detail", pk=round_.pk)
    return render(request, "esol/progress_papers/form.html", {
        "form": form, "round": round_, "board": lsmp_board(), "has_meetings": has_board_meetings()})
