"""The two roles esol adds, held as auth groups like partnership's (the migration
0002_role_groups creates them in every database)."""

from django.db import models


class EsolRole(models.TextChoices):
    # Someone at a funded organisation who reports for its projects: sees and submits the
    # returns of the projects they are named on, and nothing of any other project.
    GRANTEE_CONTACT = "grantee_contact", "Grantee contact"
    # Someone at an ESOL provider who keeps their organisation's directory entries up to date.
    PROVIDER = "esol_provider", "ESOL provider"
