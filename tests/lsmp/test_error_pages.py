"""The styled 403 and 500 pages: what a user sees when refused or when the portal breaks."""

import pytest
from django.test import Client, override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.lsmp.error_urls")]


def test_a_refused_request_gets_the_styled_403(client):
    response = client.get("/test-errors/forbidden/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "You do not have permission to do this" in body
    assert "contact the GLA Migration Team" in body
    assert "govuk-footer" in body


@override_settings(DEBUG=False)
def test_an_unhandled_exception_gets_the_styled_500_without_the_details():
    response = Client(raise_request_exception=False).get("/test-errors/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert "Nothing you sent has been lost" in body
    assert "govuk-footer" in body
    assert "a bug the error page must hide" not in body
    assert "RuntimeError" not in body
