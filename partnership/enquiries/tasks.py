"""Thin Celery task of the enquiries: the nightly retention run."""

from celery import shared_task


@shared_task(acks_late=True)
def anonymise_expired_enquiries() -> int:
    from .services import enquiries_anonymise_expired

    return enquiries_anonymise_expired()
