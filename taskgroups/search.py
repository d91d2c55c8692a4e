"""What taskgroups makes searchable (partnership's site search, registered in
TaskgroupsConfig.ready()): task groups (public, as a body's page is), workplans with their
themes, priorities and actions (members of the owning body and GLA officers), and protocols
(the same). The workplan's actions are also found one by one as partnership actions."""

from django.urls import reverse

from partnership.search.registry import Document, SearchKind, register

from .models import Protocol, TaskGroup, Workplan, WorkplanAction
from .selectors.task_groups import task_groups_for_listing


def task_group_document(task_group: TaskGroup) -> Document:
    body = task_group.body
    return Document(title=body.name, reference=body.short_name,
                    text=" ".join(filter(None, [task_group.remit, task_group.get_focus_area_display()])),
                    url=reverse("taskgroups:task_group_detail", args=[task_group.pk]),
                    occurred_on=task_group.convened_on, body_id=body.pk, is_public=True)


def workplan_document(workplan: Workplan) -> Document:
    parts = [workplan.source_note]
    for theme in workplan.themes.all():
        parts += [theme.title, theme.core_objective]
        for priority in theme.priorities.all():
            parts += [priority.title, priority.year_objective]
    links = (WorkplanAction.objects.filter(priority__theme__workplan=workplan).select_related("action")
             .order_by("pk"))
    parts += [f"{link.action.description} {link.deadline_text}" for link in links]
    return Document(title=workplan.title, text=" ".join(filter(None, parts)),
                    url=reverse("taskgroups:workplan_detail", args=[workplan.pk]),
                    occurred_on=workplan.approved_on, body_id=workplan.owner_body_id)


def protocol_document(protocol: Protocol) -> Document:
    return Document(title=f"{protocol.title} (version {protocol.version})",
                    url=reverse("taskgroups:protocol_detail", args=[protocol.pk]),
                    occurred_on=protocol.agreed_on, body_id=protocol.owner_body_id)


def register_taskgroups_kinds() -> None:
    register(SearchKind("task_group", "Task groups, workplans and protocols", TaskGroup, task_group_document,
                        lambda user: task_groups_for_listing(), order=40, select_related=("body",)))
    register(SearchKind("workplan", "Task groups, workplans and protocols", Workplan, workplan_document,
                        lambda user: Workplan.objects.visible_to(user), order=41))
    register(SearchKind("protocol", "Task groups, workplans and protocols", Protocol, protocol_document,
                        lambda user: Protocol.objects.visible_to(user), order=42))
