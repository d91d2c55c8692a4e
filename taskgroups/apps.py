from django.apps import AppConfig


class TaskgroupsConfig(AppConfig):
    name = "taskgroups"
    verbose_name = "Task groups"
