"""Writes about task groups: a task group is made with its body (kind task group) in one step."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from partnership.models import Body, BodyKind, User
from partnership.search.services import search_index

from ..models import TaskGroup

TASK_GROUP_FIELDS = ("remit", "focus_area", "convened_on", "closed_on", "lead_officer", "reports_to",
                     "covers_accommodation_sites")


def _check(*, by: User, lead_officer, reports_to, convened_on, closed_on, body=None) -> None:
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers run task groups.")
    if lead_officer is not None and not lead_officer.is_gla_officer:
        raise ValidationError({"lead_officer": "The lead officer must be a GLA officer"})
    if body is not None and reports_to.pk == body.pk:
        raise ValidationError({"reports_to": "A task group reports to another body, not to itself"})
    if closed_on and closed_on < convened_on:
        raise ValidationError({"closed_on": "The task group must close on or after the day it was convened"})


@transaction.atomic
def task_group_create(*, name: str, short_name: str, by: User, **values) -> TaskGroup:
    _check(by=by, lead_officer=values.get("lead_officer"), reports_to=values["reports_to"],
           convened_on=values["convened_on"], closed_on=values.get("closed_on"))
    if Body.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": "A body with this name exists already"})
    if Body.objects.filter(short_name__iexact=short_name.strip()).exists():
        raise ValidationError({"short_name": "A body with this short name exists already"})
    body = Body.objects.create(name=name.strip(), short_name=short_name.strip(), kind=BodyKind.TASK_GROUP,
                               purpose=values["remit"], parent=values["reports_to"])
    task_group = TaskGroup.objects.create(body=body, **{key: values.get(key) for key in TASK_GROUP_FIELDS
                                                        if key in values})
    search_index(task_group)
    return task_group


@transaction.atomic
def task_group_change(*, task_group: TaskGroup, by: User, **values) -> TaskGroup:
    task_group = TaskGroup.objects.select_for_update().select_related("body").get(pk=task_group.pk)
    merged = {key: values.get(key, getattr(task_group, key)) for key in TASK_GROUP_FIELDS}
    _check(by=by, lead_officer=merged["lead_officer"], reports_to=merged["reports_to"],
           convened_on=merged["convened_on"], closed_on=merged["closed_on"], body=task_group.body)
    for key, value in merged.items():
        setattr(task_group, key, value)
    task_group.save()
    search_index(task_group)
    return task_group


def body_is_task_group_check(body: Body) -> None:
    if body.kind != BodyKind.TASK_GROUP:
        raise ValidationError("Only a body of kind task group can be a task group.")
