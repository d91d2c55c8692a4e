"""What a view binds its form to.

`Form(request.POST or None)` leaves the form unbound when a POST carries no fields (an empty
QueryDict is falsy): the page comes back blank, with no errors, as if nothing were sent. A
POST is a submission whatever it holds, so it binds the form and is validated."""


def form_data(request) -> dict:
    """Keyword arguments for a form: the posted data and files on a POST, nothing on a GET.

    Usage: `SomeForm(**form_data(request), instance=thing)`."""
    if request.method == "POST":
        return {"data": request.POST, "files": request.FILES}
    # files must be None too: a form given an (empty) dict of files counts as bound.
    return {"data": None, "files": None}
