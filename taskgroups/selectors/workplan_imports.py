from ..models import WorkplanImport


def import_for_user(user):
    """An officer's own uploads: another officer's unconfirmed import is not theirs to commit."""
    if not user.is_authenticated or not user.is_gla_officer:
        return WorkplanImport.objects.none()
    return WorkplanImport.objects.filter(uploaded_by=user).select_related("owner_body", "default_owner")
