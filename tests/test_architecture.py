"""The rules that hold the shape (docs/architecture.md):

- dependencies between apps point one way;
- the other apps use only partnership's public surface, never its internals;
- a view module runs no ORM query of its own: it calls selectors and services;
- no loose `<layer>_<noun>.py` module sits where the layer's package belongs;
- an app's rules never import services (the writes ask the rules, not the other way round).

Each rule is a checker over one file or folder plus a test over the project. Each checker is also
run on a planted violation in tmp_path, so a checker that has stopped finding anything fails."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ["partnership", "taskgroups", "resettlement", "esol", "funding"]
# Which portal packages each app may import (besides itself).
ALLOWED = {
    "partnership": set(),
    "taskgroups": {"partnership"},
    "resettlement": {"partnership"},
    "esol": {"partnership", "funding"},
    "funding": {"partnership"},
}
PORTAL_PACKAGES = set(APPS) | {"lsmp"}
LOADERS = {"import_module", "import_string", "include"}


def _python_files(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.rglob("*.py")) if "migrations" not in path.parts]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def _is_project_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """The dotted modules a file imports. `from a.b import c` counts as a.b.c when c is a module
    of the project and as a.b otherwise; relative imports are resolved against the file's
    package under `root`; dotted paths handed to import_module(), import_string() or include()
    count too."""
    tree = _tree(path)
    package = list(path.relative_to(root).parent.parts) if path.is_relative_to(root) else []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{module}.{alias.name}" if module else alias.name
                found.add(full if _is_project_module(full) else module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in LOADERS:
            found.update(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return {name for name in found if name}


def _imported_packages(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _imported_modules(path)} & PORTAL_PACKAGES


@pytest.mark.parametrize("app", APPS)
def test_app_imports_only_what_it_may(app):
    offences = {}
    for path in _python_files(ROOT / app):
        wrong = _imported_packages(path) - ALLOWED[app] - {app}
        if wrong:
            offences[str(path.relative_to(ROOT))] = sorted(wrong)
    assert not offences, f"{app} imports packages it may not: {offences}"


# --- partnership's public surface -------------------------------------------------------------

# What the apps built on partnership may import from it. Everything else (views, forms, filters,
# urls, admin, demo, dashboard, enquiries, templatetags, management, navigation, the rest of
# notifications) is partnership's own business and may change without warning. lsmp is the
# project: it includes partnership's URLs and gathers its panels, so it is not held to this.
PARTNERSHIP_PUBLIC = (
    "partnership.common",
    "partnership.notifications.registry",
    "partnership.notifications.services",
    "partnership.search.registry",
    "partnership.search.services",
    "partnership.models",
    "partnership.roles",
    "partnership.rules",
    "partnership.services",
    "partnership.selectors",
)


def _is_within(module: str, packages) -> bool:
    return any(module == package or module.startswith(f"{package}.") for package in packages)


def _partnership_internals_imported(path: Path) -> list[str]:
    return sorted(module for module in _imported_modules(path)
                  if _is_within(module, ["partnership"]) and not _is_within(module, PARTNERSHIP_PUBLIC))


@pytest.mark.parametrize("app", [app for app in APPS if app != "partnership"])
def test_other_apps_import_only_partnerships_public_surface(app):
    offences = {str(path.relative_to(ROOT)): wrong for path in _python_files(ROOT / app)
                if (wrong := _partnership_internals_imported(path))}
    assert not offences, f"{app} imports partnership internals: {offences}"


def test_the_public_surface_check_finds_an_internal_import(tmp_path):
    planted = tmp_path / "funding" / "views.py"
    planted.parent.mkdir()
    planted.write_text(
        "import partnership.enquiries.services\n"
        "from partnership import forms, models\n"
        "from partnership.common.access import permission_required\n"
        "from partnership.notifications import registry, views\n"
        "from partnership.notifications.services.outbox import notification_enqueue\n"
        "from partnership.selectors.papers import papers_for_user\n"
        "from partnership.views.meetings import meeting_detail\n"
        "include('partnership.urls')\n")
    assert _partnership_internals_imported(planted) == [
        "partnership.enquiries.services", "partnership.forms", "partnership.notifications.views",
        "partnership.urls", "partnership.views.meetings"]


# --- views run no ORM query of their own ------------------------------------------------------

# Querying by name: a view that needs a narrower or ordered list asks a selector for it.
# get, create, update and delete are left out: dicts, QueryDicts, forms and files have methods
# of those names (request.GET.get, initial.update), and Model.objects.get() is caught by .objects.
QUERYSET_METHODS = {
    "filter", "exclude", "annotate", "alias", "aggregate", "values_list", "select_related", "prefetch_related",
    "order_by", "distinct", "only", "defer", "all", "exists", "first", "last", "earliest", "latest", "in_bulk",
    "iterator", "select_for_update", "raw", "extra", "get_or_create", "update_or_create", "bulk_create",
    "bulk_update",
}
# Two names that dicts, strings and forms share are told apart by their arguments: a view's
# QuerySet.values() names fields, where dict.values() and the task-group forms' values() take
# none; QuerySet.count() takes none, where str.count() and list.count() take one.
QUERYSET_METHODS_WITH_ARGUMENTS = {"values"}
QUERYSET_METHODS_WITHOUT_ARGUMENTS = {"count"}
MANAGERS = {"objects", "_default_manager", "_base_manager"}
OBJECT_OR_404 = {"get_object_or_404", "get_list_or_404", "scoped_object_or_404"}


def _view_modules() -> list[Path]:
    return [path for app in [*APPS, "lsmp"] for path in _python_files(ROOT / app)
            if path.name == "views.py" or "views" in path.relative_to(ROOT / app).parts[:-1]]


def _called_name(call: ast.Call) -> str:
    return getattr(call.func, "id", getattr(call.func, "attr", ""))


def _is_queryset_method_call(call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return False
    name, has_arguments = call.func.attr, bool(call.args or call.keywords)
    return (name in QUERYSET_METHODS or (name in QUERYSET_METHODS_WITH_ARGUMENTS and has_arguments)
            or (name in QUERYSET_METHODS_WITHOUT_ARGUMENTS and not has_arguments))


def _orm_queries(path: Path) -> list[str]:
    """'line: what' for each query a view module makes itself: a manager, a QuerySet method, an
    *_or_404 look-up on anything but a selector's result (a model, a variable), a raw cursor."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS:
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Call) and _is_queryset_method_call(node):
            found.append((node.lineno, f".{node.func.attr}()"))
        elif isinstance(node, ast.Call) and _called_name(node) in OBJECT_OR_404:
            source = node.args[0] if node.args else next((k.value for k in node.keywords), None)
            if not isinstance(source, ast.Call):
                found.append((node.lineno, f"{_called_name(node)}() on something not a selector's result"))
        elif isinstance(node, ast.ImportFrom) and node.module == "django.db":
            found.extend((node.lineno, f"django.db.{alias.name}") for alias in node.names
                         if alias.name in ("connection", "connections"))
    return [f"{line}: {what}" for line, what in sorted(found)]


def test_the_project_has_view_modules_to_check():
    names = {str(path.relative_to(ROOT)) for path in _view_modules()}
    assert {"partnership/views/meetings.py", "partnership/enquiries/views.py", "partnership/notifications/views.py",
            "resettlement/views.py", "funding/views.py", "lsmp/views.py"} <= names


def test_no_view_module_runs_an_orm_query():
    offences = {str(path.relative_to(ROOT)): found for path in _view_modules() if (found := _orm_queries(path))}
    assert not offences, f"views query the database themselves (move the read into a selector): {offences}"


def test_the_view_check_finds_queries_in_a_view(tmp_path):
    planted = tmp_path / "views.py"
    planted.write_text(
        "from django.db import connection\n"                                          # 1
        "def page(request, pk):\n"                                                    # 2
        "    body = get_object_or_404(Body, pk=pk)\n"                                 # 3
        "    meetings = Meeting.objects.select_related('body')\n"                     # 4
        "    papers = select.papers_for_user(request.user).filter(body=body)\n"      # 5
        "    count = body.memberships.count()\n"                                      # 6
        "    paper = scoped_object_or_404(papers, pk=1)\n"                            # 7
        "    totals = Line.objects.aggregate(total=Sum('amount'))\n"                  # 8
        "    ok = scoped_object_or_404(select.meetings_for_listing(), pk=pk)\n"       # 9: a selector's result
        "    page = request.GET.get('page', '')\n"                                    # 10: a QueryDict, not a query
        "    saved = service(**form.values(), dashes=page.count('-'))\n"             # 11: a form's and a str's
        "    ids = select.papers_for_user(request.user).values('pk')\n"             # 12
        "    return render(request, 'x.html', {'rows': select.rows(request.user)})\n")  # 13
    assert _orm_queries(planted) == [
        "1: django.db.connection", "3: get_object_or_404() on something not a selector's result",
        "4: .objects", "4: .select_related()", "5: .filter()", "6: .count()",
        "7: scoped_object_or_404() on something not a selector's result", "8: .aggregate()", "8: .objects",
        "12: .values()"]


# --- no loose prefixed modules ----------------------------------------------------------------

LAYERS = ("models", "services", "selectors", "views", "forms", "filters", "urls", "dashboard", "demo", "exports",
          "tasks", "reminders")
LOOSE_PREFIXED = re.compile(rf"^(?:{'|'.join(LAYERS)})_\w+\.py$")


def _loose_prefixed_modules(app_folder: Path) -> list[str]:
    """`<layer>_<noun>.py` at the app's top level or at the top level of one of its packages
    (partnership/enquiries/, funding/demo/ ...): such a module belongs in the layer's package."""
    folders = [app_folder, *(folder for folder in sorted(app_folder.iterdir())
                             if (folder / "__init__.py").is_file() and folder.name != "migrations")]
    return [str(path.relative_to(app_folder.parent)) for folder in folders for path in sorted(folder.glob("*.py"))
            if LOOSE_PREFIXED.match(path.name)]


@pytest.mark.parametrize("app", [*APPS, "lsmp"])
def test_no_loose_prefixed_modules(app):
    loose = _loose_prefixed_modules(ROOT / app)
    assert not loose, f"move these into their layer's package, one module per noun: {loose}"


def test_the_loose_module_check_finds_prefixed_modules(tmp_path):
    app = tmp_path / "partnership"
    for name in ("__init__.py", "services_minutes.py", "urls_meetings.py", "rate_limit.py", "services.py",
                 "enquiries/__init__.py", "enquiries/views_queue.py", "enquiries/views.py",
                 "migrations/__init__.py", "migrations/models_0001.py"):
        (app / name).parent.mkdir(parents=True, exist_ok=True)
        (app / name).write_text("")
    assert _loose_prefixed_modules(app) == [
        "partnership/services_minutes.py", "partnership/urls_meetings.py", "partnership/enquiries/views_queue.py"]


# --- rules never import services --------------------------------------------------------------

def _services_imported(path: Path, root: Path = ROOT) -> list[str]:
    """Portal services modules a file imports (its own app's, or another app's)."""
    return sorted(module for module in _imported_modules(path, root)
                  if module.split(".")[0] in PORTAL_PACKAGES and "services" in module.split(".")[1:])


def _rules_modules() -> list[Path]:
    return [path for app in APPS for path in _python_files(ROOT / app) if path.name == "rules.py"]


def test_the_project_has_rules_to_check():
    assert {"partnership/rules.py", "resettlement/rules.py", "funding/rules.py"} <= {
        str(path.relative_to(ROOT)) for path in _rules_modules()}


def test_rules_never_import_services():
    offences = {str(path.relative_to(ROOT)): found for path in _rules_modules() if (found := _services_imported(path))}
    assert not offences, f"rules must not depend on the writes: {offences}"


def test_the_rules_check_finds_a_services_import(tmp_path):
    planted = tmp_path / "resettlement" / "rules.py"
    planted.parent.mkdir()
    planted.write_text(
        "import rules\n"
        "from . import services\n"
        "from .models import OfferStatus\n"
        "from .services import offer_transition\n"
        "from partnership.notifications.services.outbox import notification_enqueue\n"
        "from partnership.rules import is_gla_officer\n")
    assert _services_imported(planted, root=tmp_path) == [
        "partnership.notifications.services.outbox", "resettlement.services"]


# --- forms are bound with form_data -----------------------------------------------------------

def _falsy_post_fallbacks(path: Path) -> list[int]:
    """Lines with `request.POST or ...` / `request.FILES or ...`: an empty POST is falsy, so such a
    form is left unbound and the submission is silently ignored (see form_data in
    partnership/common/forms.py)."""
    tree = _tree(path)
    return sorted({node.lineno for node in ast.walk(tree)
                  if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)
                  and any(isinstance(value, ast.Attribute) and value.attr in {"POST", "FILES"}
                          for value in node.values)})


def test_no_form_is_bound_with_post_or_none():
    offences = {}
    for app in [*APPS, "lsmp"]:
        for path in _python_files(ROOT / app):
            if lines := _falsy_post_fallbacks(path):
                offences[str(path.relative_to(ROOT))] = lines
    assert not offences, f"bind forms with form_data(request), not request.POST or None: {offences}"


# --- only the outbox sends email ----------------------------------------------------------------

MAIL_HOME = ROOT / "partnership" / "notifications"


def _mail_importers(folders: list[Path], root: Path = ROOT) -> list[str]:
    """Files outside partnership/notifications that import Django's mail package: anything that
    sends email must enqueue it in the outbox, or it loses the outbox's delivery guarantees."""
    return [str(path.relative_to(root)) for folder in folders for path in _python_files(folder)
            if not path.is_relative_to(root / "partnership" / "notifications")
            and _imports_django_mail(path)]


def _imports_django_mail(path: Path) -> bool:
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import) and any(alias.name.startswith("django.core.mail") for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (
                (node.module or "").startswith("django.core.mail")
                or node.module == "django.core" and any(alias.name == "mail" for alias in node.names)):
            return True
    return False


def test_only_the_outbox_imports_django_mail():
    assert MAIL_HOME.is_dir()
    assert not _mail_importers([ROOT / package for package in sorted(PORTAL_PACKAGES)])


def test_the_mail_check_finds_a_direct_sender(tmp_path):
    (tmp_path / "esol").mkdir()
    (tmp_path / "esol" / "services.py").write_text("from django.core.mail import send_mail\n")
    (tmp_path / "partnership" / "notifications").mkdir(parents=True)
    (tmp_path / "partnership" / "notifications" / "outbox.py").write_text("from django.core import mail\n")
    assert _mail_importers([tmp_path / "esol", tmp_path / "partnership"], root=tmp_path) == ["esol/services.py"]
