"""Site-wide Celery tasks."""

from celery import shared_task

from .heartbeat import heartbeat_record


@shared_task(bind=True, ignore_result=True)
def record_worker_heartbeat(self) -> None:
    # The node name tells an operator which worker was last alive.
    heartbeat_record(worker=self.request.hostname or "")
