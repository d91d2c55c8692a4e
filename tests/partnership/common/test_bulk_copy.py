"""copy_rows: Postgres COPY into a model's table, the columns it is not given filled with their
Django defaults (COPY would leave them NULL and a NOT NULL column refuse the row)."""

import pytest
from django.db import connection

from partnership.common.bulk_copy import copy_rows, defaulted_fields
from partnership.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db


def test_the_columns_left_out_are_the_required_ones_without_a_database_default():
    assert [field.name for field in defaulted_fields(Organisation, ["name", "kind"])] == ["website", "notes"]
    assert defaulted_fields(Organisation, ["name", "kind", "website", "notes"]) == []


def test_rows_go_in_on_postgres_and_other_engines_are_told_to_use_bulk_create():
    rows = [(f"Invented organisation {n}", OrganisationKind.CIVIL_SOCIETY) for n in range(12)]
    counts = []
    if connection.vendor != "postgresql":
        with pytest.raises(RuntimeError, match="bulk_create"):
            copy_rows(Organisation, ["name", "kind"], rows)
        assert not Organisation.objects.filter(name__startswith="Invented organisation").exists()
        return
    written = copy_rows(Organisation, ["name", "kind"], iter(rows), progress=counts.append, every=5)
    assert written == 12 and counts == [5, 10]
    stored = Organisation.objects.filter(name__startswith="Invented organisation")
    assert stored.count() == 12
    assert set(stored.values_list("website", "notes", "gss_code").distinct()) == {("", "", None)}
