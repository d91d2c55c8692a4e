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
