"""pk_url writes what reverse() writes, whatever the language, script prefix or URL conf."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from partnership.common.pk_urls import code_url_writer, pk_url


@pytest.mark.parametrize("name", ["partnership:action_detail", "partnership:meeting_detail",
                                  "partnership:paper_download", "partnership:body_detail"])
@pytest.mark.parametrize("pk", [1, 42, 987654321])
def test_the_same_address_as_reverse(name, pk):
    assert pk_url(name, pk) == reverse(name, args=[pk])


def test_a_deployment_under_a_path_keeps_its_prefix():
    set_script_prefix("/portal/")
    try:
        assert pk_url("partnership:action_detail", 7) == reverse("partnership:action_detail", args=[7])
        assert pk_url("partnership:action_detail", 7).startswith("/portal/")
    finally:
        clear_script_prefix()
    assert not pk_url("partnership:action_detail", 7).startswith("/portal/")


def test_another_language_gets_the_address_reverse_gives():
    with translation.override("ar"):
        assert pk_url("partnership:action_detail", 3) == reverse("partnership:action_detail", args=[3])
    assert pk_url("partnership:action_detail", 3) == reverse("partnership:action_detail", args=[3])


@override_settings(ROOT_URLCONF="lsmp.management.commands.bench_pages")
def test_another_url_conf_is_asked_again():
    assert pk_url("partnership:paper_detail", 5) == reverse("partnership:paper_detail", args=[5])


def test_a_page_without_one_id_is_refused():
    with pytest.raises((ValueError, NoReverseMatch)):
        pk_url("partnership:action_list", 1)


@pytest.mark.parametrize("code", ["MD2628", "DD2699", "ADD123"])
def test_a_code_of_letters_and_digits_gets_the_address_reverse_gives(code):
    write = code_url_writer("funding:decision_detail", "MD999999")
    assert write(code) == reverse("funding:decision_detail", args=[code])
    with translation.override("ar"):
        assert code_url_writer("funding:decision_detail", "MD999999")(code) == reverse(
            "funding:decision_detail", args=[code])


def test_a_code_an_address_would_change_goes_through_reverse():
    write = code_url_writer("funding:decision_detail", "MD999999")
    with pytest.raises(NoReverseMatch):  # what {% url %} does with it: never written unescaped
        write('MD1"><script>')
