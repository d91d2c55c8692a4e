from ..models import Protocol


def protocols_for_user(user):
    return Protocol.objects.visible_to(user).for_listing().order_by("review_on", "pk")
