"""Django admin, for repairs by superusers only. Status and history are read-only here: a
status changes through services.offer_transition, which records and notifies."""

from django.contrib import admin

from .models import Arrival, OfferTransition, ResettlementOffer


class OfferTransitionInline(admin.TabularInline):
    model = OfferTransition
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "by", "at", "note"]

    def has_add_permission(self, request, obj=None):
        return False


class ArrivalInline(admin.TabularInline):
    model = Arrival
    extra = 0
    readonly_fields = ["recorded_by", "recorded_at"]


@admin.register(ResettlementOffer)
class ResettlementOfferAdmin(admin.ModelAdmin):
    list_display = ["__str__", "borough", "sponsorship_group", "scheme", "financial_year", "status"]
    list_filter = ["status", "scheme", "financial_year"]
    list_select_related = ["borough", "sponsorship_group"]
    search_fields = ["borough__name", "sponsorship_group__name"]
    readonly_fields = ["status", "status_changed_at", "created_by", "created_at"]
    raw_id_fields = ["borough", "sponsorship_group"]
    inlines = [OfferTransitionInline, ArrivalInline]
