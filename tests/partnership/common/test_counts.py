"""capped_count: exact up to the cap, "more than N" past it, one query either way."""

import pytest

from partnership.common.counts import MoreThan, capped_count
from partnership.models import Organisation
from tests.factories.partnership import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_exact_up_to_the_cap_then_more_than(django_assert_num_queries):
    for _ in range(4):
        OrganisationFactory()
    with django_assert_num_queries(1):
        assert capped_count(Organisation.objects.all(), cap=4) == 4
    OrganisationFactory()
    with django_assert_num_queries(1):
        count = capped_count(Organisation.objects.all(), cap=4)
    assert isinstance(count, MoreThan) and count > 4
    assert str(count) == f"{count}" == "more than 4"
    assert f"{count} offers" == "more than 4 offers"


def test_a_panels_figures_are_one_query_each_capped_and_a_sum(django_assert_num_queries):
    """panel_figures: every figure of a panel in one SELECT, counts capped, a Total summed, and a
    scope that matches nothing (none()) is 0 without breaking the query."""
    from django.db.models import Q

    from partnership.common.counts import Total, panel_figures

    for name in ("Alpha", "Beta", "Gamma"):
        OrganisationFactory(name=name)
    everyone = Organisation.objects.all()
    with django_assert_num_queries(1):
        figures = panel_figures({"all": everyone, "alpha": everyone.filter(name="Alpha"),
                                 "none": everyone.none(), "ids": Total(everyone.filter(~Q(name="Beta")), "id"),
                                 "no_ids": Total(everyone.filter(name="Nobody"), "id")}, cap=2)
    assert isinstance(figures["all"], MoreThan) and str(figures["all"]) == "more than 2"
    assert figures["alpha"] == 1 and figures["none"] == 0 and figures["no_ids"] is None
    assert figures["ids"] == sum(everyone.exclude(name="Beta").values_list("id", flat=True))


def test_a_panel_whose_scopes_all_match_nothing_asks_nothing(django_assert_num_queries):
    from partnership.common.counts import Total, panel_figures

    OrganisationFactory(name="Alpha")
    nothing = Organisation.objects.none()
    with django_assert_num_queries(0):
        figures = panel_figures({"count": nothing, "sum": Total(nothing, "id"),
                                 "empty_in": Organisation.objects.filter(pk__in=[])})
    assert figures == {"count": 0, "sum": None, "empty_in": 0}


def test_a_bounded_list_is_one_query_with_a_capped_count(django_assert_num_queries):
    from partnership.common.bounded import bounded

    for n in range(5):
        OrganisationFactory(name=f"Org {n}")
    ordered = Organisation.objects.order_by("name", "pk")
    with django_assert_num_queries(1):
        shown = bounded(ordered, 2, cap=3, more_url="/x/")
    assert [o.name for o in shown] == ["Org 0", "Org 1"]
    assert shown.is_cut and shown.is_capped and shown.count_text == "more than 3"
    with django_assert_num_queries(1):
        exact = bounded(ordered, 2, cap=10)
    assert exact.count == 5 and not exact.is_capped and exact.count_text == "5"
    with django_assert_num_queries(0):
        assert bounded(ordered.none(), 2).count == 0
