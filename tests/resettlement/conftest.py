import pytest

from tests.factories.partnership import borough_officer


@pytest.fixture
def camden_officer(world):
    return world.users["borough_a"]


@pytest.fixture
def hackney_officer(world):
    return world.users["borough_b"]


@pytest.fixture
def gla(world):
    return world.users["gla_officer"]


@pytest.fixture
def second_camden_officer(world):
    return borough_officer(world.camden, email="camden2@example.org")
