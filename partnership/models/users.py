from functools import cached_property

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class Role(models.TextChoices):
    """Roles held as auth groups. Panel membership is not a group: it follows from Membership."""

    GLA_OFFICER = "gla_officer", "GLA officer"
    BOROUGH_OFFICER = "borough_officer", "Borough officer"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "partnership.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="people",
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("may use Django admin", default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    invited_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ignoring_case"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, role: Role) -> bool:
        return self.is_active and role in self.role_names

    # A superuser passes every permission check (Django's rule), so the portal treats one as a
    # GLA officer throughout; scoped lists and permission checks then agree.

    @property
    def is_gla_officer(self) -> bool:
        return (self.is_active and self.is_superuser) or self.has_role(Role.GLA_OFFICER)

    @property
    def is_borough_officer(self) -> bool:
        return self.has_role(Role.BOROUGH_OFFICER)

    @property
    def borough(self):
        """The borough a borough officer acts for, or None."""
        if self.is_borough_officer and self.organisation_id and self.organisation.is_borough:
            return self.organisation
        return None

    @cached_property
    def current_body_ids(self) -> frozenset[int]:
        """Bodies this user belongs to today: the source of the panel-member role."""
        from .bodies import Membership

        return frozenset(Membership.objects.current().filter(user=self).values_list("body_id", flat=True))

    @property
    def is_panel_member(self) -> bool:
        return bool(self.current_body_ids)
