"""Every esol list keeps the same number of queries for 5 rows and for 50 (a page and more), so no
row costs a query of its own."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from esol.models import ReturnStatus, RoundFunding
from tests.factories.esol import (
    GranteeFactory,
    ProjectFactory,
    ProvisionFactory,
    ReturnFactory,
    RoundFactory,
    funded_round,
    grantee_contact,
    spending_line,
    submitted_return,
)
from tests.factories.partnership import BoroughFactory
from tests.support.pagination import assert_flat_query_count_across_pages
from tests.support.queries import assert_flat_query_count

pytestmark = pytest.mark.django_db


def _officer(world, client_for):
    return client_for(world.users["gla_officer"])


def test_rounds(world, client_for):
    def make(n):
        for _ in range(n):
            round_ = funded_round("10000.00")
            ProjectFactory(round=round_, grant_awarded=Decimal("5000.00"))

    assert_flat_query_count_across_pages(_officer(world, client_for), reverse("esol:round_list"), make, per_page=25)


def test_a_rounds_projects(world, client_for):
    round_ = funded_round("10000000.00")

    def make(n):
        for _ in range(n):
            project = ProjectFactory(round=round_)
            project.boroughs.add(world.camden)

    url = reverse("esol:round_detail", args=[round_.pk])
    assert_flat_query_count_across_pages(_officer(world, client_for), url, make, per_page=25)


def test_a_rounds_figures_by_project_and_borough(world, client_for):
    round_ = funded_round("10000000.00")
    boroughs = [BoroughFactory() for _ in range(3)]

    def make(n):
        for index in range(n):
            project = ProjectFactory(round=round_)
            project.boroughs.add(boroughs[index % 3])
            submitted_return(project=project, status=ReturnStatus.ACCEPTED)

    url = reverse("esol:round_figures", args=[round_.pk])
    small, large = assert_flat_query_count(_officer(world, client_for), url, make)
    assert large.content.decode().count('href="/esol/projects/') >= 50


def test_projects_and_returns_of_a_grantee(world, client_for):
    contact = world.users["grantee_a"]

    def make(n):
        for _ in range(n):
            project = ProjectFactory(lead_organisation=contact.organisation, contacts=[contact])
            ReturnFactory(project=project)

    client = client_for(contact)
    assert_flat_query_count_across_pages(client, reverse("esol:project_list"), make, per_page=25)
    assert_flat_query_count_across_pages(client, reverse("esol:return_list"), make, per_page=25)


def test_a_projects_returns(world, client_for):
    project = ProjectFactory(starts_on=dt.date(2020, 1, 1), ends_on=dt.date(2030, 12, 31))
    start = dt.date(2020, 1, 1)

    def make(n):
        for _ in range(n):
            nonlocal start
            ReturnFactory(project=project, period_start=start, period_end=start + dt.timedelta(days=1))
            start += dt.timedelta(days=2)

    url = reverse("esol:project_detail", args=[project.pk])
    assert_flat_query_count_across_pages(_officer(world, client_for), url, make, per_page=25)


def test_the_officers_returns_list_filtered(world, client_for):
    def make(n):
        for _ in range(n):
            ReturnFactory(due_on=dt.date(2020, 1, 1))

    url = reverse("esol:return_list") + "?show=missing"
    assert_flat_query_count_across_pages(_officer(world, client_for), url, make, per_page=25)


def test_the_public_directory_the_managers_list_and_a_borough_page(world, client, client_for):
    def make(n):
        ProvisionFactory.create_batch(n, borough=world.camden, evening=True, level_entry_3=True)

    directory = reverse("esol:provision_directory") + f"?borough={world.camden.gss_code}&level=entry-3&times=evening"
    assert_flat_query_count_across_pages(client, directory, make, per_page=20)
    assert_flat_query_count_across_pages(_officer(world, client_for), reverse("esol:provision_manage"), make,
                                         per_page=20)
    assert_flat_query_count_across_pages(client, reverse("esol:borough_detail", args=[world.camden.gss_code]), make,
                                         per_page=20)


def test_the_decision_page_listing_the_rounds_it_funds(world, client):
    line = spending_line("100000000.00")

    def make(n):
        for _ in range(n):
            round_ = RoundFactory(budget=Decimal("1000.00"))
            RoundFunding.objects.create(round=round_, line=line, amount=Decimal("1000.00"))
            ProjectFactory(round=round_, grant_awarded=Decimal("500.00"), lead_organisation=GranteeFactory())

    url = reverse("funding:decision_detail", args=[line.decision.reference_code])
    small, large = assert_flat_query_count(client, url, make)
    assert large.content.decode().count("ESOL Plus round") >= 50


def test_grantee_contacts_are_not_a_query_each(world, client_for):
    contact = world.users["grantee_a"]
    project = ProjectFactory(lead_organisation=contact.organisation, contacts=[contact])

    def make(n):
        for _ in range(n):
            project.reporting_contacts.add(grantee_contact(contact.organisation))

    assert_flat_query_count(_officer(world, client_for), reverse("esol:project_detail", args=[project.pk]), make)
