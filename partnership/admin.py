"""Django admin, for repairs by superusers only: the portal itself never needs it."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "organisation", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "job_title", "organisation"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "full_name", "password1", "password2"]})]
    filter_horizontal = ["groups"]


@admin.register(models.Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "gss_code"]
    list_filter = ["kind"]
    search_fields = ["name", "gss_code"]


admin.site.register(models.Body)
admin.site.register(models.Membership)
admin.site.register(models.Meeting, SimpleHistoryAdmin)
admin.site.register(models.AgendaItem)


@admin.register(models.Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ("title", "body", "visibility", "published_at")
    search_fields = ("title", "original_filename")
    list_select_related = ("body",)


admin.site.register(models.Action, SimpleHistoryAdmin)


@admin.register(models.Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["kind", "recipient_email", "slot", "status", "send_after", "sent_at"]
    list_filter = ["status", "kind"]


# Meeting records. Approved minutes are fixed in the portal; the admin is for repairs.
admin.site.register(models.Minutes, SimpleHistoryAdmin)
admin.site.register(models.Attendance)
admin.site.register(models.Declaration)
admin.site.register(models.MeetingDecision)
@admin.register(models.Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    """For repairs only: triage happens in the portal's own queue."""

    list_display = ["reference", "kind", "status", "received_at", "response_due", "assignee"]
    list_filter = ["status", "kind"]
    search_fields = ["reference", "email"]
    raw_id_fields = ["assignee", "responded_by", "closed_by", "borough"]
