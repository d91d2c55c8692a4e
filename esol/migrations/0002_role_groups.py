"""The two roles esol adds exist in every database, so code can rely on them: grantee contacts
(who report for their organisation's funded projects) and ESOL providers (who keep their own
entries in the public directory)."""

from django.db import migrations

ROLES = ["grantee_contact", "esol_provider"]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("esol", "0001_rounds_projects_returns_provision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
