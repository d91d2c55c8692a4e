"""Each borough's ESOL coordination: its single point of contact (who assesses a learner's needs
and refers them to suitable provision) and its ESOL network of local providers."""

from django.db import models
from django.db.models import Q


class BoroughEsolContacts(models.Model):
    borough = models.OneToOneField("partnership.Organisation", on_delete=models.PROTECT, related_name="esol_contacts")
    spoc_name = models.CharField("ESOL single point of contact", max_length=200, blank=True,
                                 help_text="A team or role, for example: Adult Learning ESOL advice team")
    spoc_email = models.EmailField("contact's email", blank=True)
    spoc_phone = models.CharField("contact's phone", max_length=40, blank=True)
    network_name = models.CharField("ESOL network", max_length=200, blank=True)
    network_about = models.TextField("about the network", blank=True)
    network_website = models.URLField("network's website", blank=True)
    network_email = models.EmailField("network's email", blank=True)
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["borough__name"]
        verbose_name_plural = "borough ESOL contacts"
        constraints = [
            models.CheckConstraint(name="esol_borough_contacts_named",
                                   condition=~Q(spoc_name="") | ~Q(network_name=""),
                                   violation_error_message="Name the single point of contact or the network."),
        ]

    def __str__(self):
        return f"ESOL contacts, {self.borough}"
