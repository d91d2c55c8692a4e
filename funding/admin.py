"""Django admin for repairs only: the portal's own pages are where decisions are worked on."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Decision, FundingStream, Line, StreamAllocation


class LineInline(admin.TabularInline):
    model = Line
    extra = 0


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["reference_code", "title", "status", "date_signed"]
    list_filter = ["status", "decision_type"]
    search_fields = ["reference_code", "title"]
    inlines = [LineInline]


class AllocationInline(admin.TabularInline):
    model = StreamAllocation
    extra = 0


@admin.register(FundingStream)
class FundingStreamAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "funded_since", "ends_on"]
    inlines = [AllocationInline]
