import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class PaperVisibility(models.TextChoices):
    PUBLIC = "public", "Public"
    MEMBERS = "members", "Members of the body"
    RESTRICTED = "restricted", "Restricted (GLA officers only)"


class PaperTextStatus(models.TextChoices):
    """Whether the words inside the file are searchable (read after upload by a Celery task)."""

    PENDING = "pending", "Waiting to be read"
    EXTRACTED = "extracted", "Searchable"
    NOT_AVAILABLE = "not_available", "Text not available"


def paper_storage_name(instance, filename):
    # The stored name is generated: nothing a user typed reaches the file system.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"papers/{uuid.uuid4().hex}.{suffix}"


class PaperQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Papers a user may see: GLA officers all; members their bodies' members' papers;
        everyone the published public ones."""
        published_public = Q(visibility=PaperVisibility.PUBLIC, published_at__isnull=False)
        if not user.is_authenticated:
            return self.filter(published_public)
        if user.is_gla_officer:
            return self.all()
        return self.filter(
            published_public
            | Q(visibility=PaperVisibility.MEMBERS, published_at__isnull=False,
                body_id__in=user.current_body_ids)
        )


class Paper(models.Model):
    body = models.ForeignKey("partnership.Body", on_delete=models.PROTECT, related_name="papers")
    meeting = models.ForeignKey("partnership.Meeting", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="papers")
    agenda_item = models.ForeignKey("partnership.AgendaItem", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="papers")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=paper_storage_name)
    original_filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size_bytes = models.PositiveBigIntegerField()
    visibility = models.CharField(max_length=12, choices=PaperVisibility.choices,
                                  default=PaperVisibility.MEMBERS)
    published_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # The words inside the file, for the site search (partnership/services/paper_text.py).
    text = models.TextField(blank=True, editable=False)
    text_status = models.CharField(max_length=14, choices=PaperTextStatus.choices, default=PaperTextStatus.PENDING,
                                   editable=False)

    objects = PaperQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        indexes = [
            # The papers list: drafts first, then newest published (DESC puts NULLs first on
            # Postgres, as the list's ORDER BY asks).
            models.Index(fields=["-published_at", "-uploaded_at", "-id"], name="paper_published_idx"),
        ]
        constraints = [
            models.CheckConstraint(name="paper_visibility_valid",
                                   condition=Q(visibility__in=PaperVisibility.values)),
            models.CheckConstraint(name="paper_size_positive", condition=Q(size_bytes__gt=0)),
            models.CheckConstraint(name="paper_text_status_valid",
                                   condition=Q(text_status__in=PaperTextStatus.values)),
            # Only a file that was read has words; one not (yet) read has none.
            models.CheckConstraint(name="paper_text_only_when_extracted",
                                   condition=Q(text_status=PaperTextStatus.EXTRACTED) | Q(text="")),
        ]

    def __str__(self):
        return self.title
