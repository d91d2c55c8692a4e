"""partnership's thin Celery tasks: they take ids and call a service."""

from celery import shared_task

from .services.paper_text import paper_text_extract, papers_waiting_for_text


@shared_task(acks_late=True)
def extract_paper_text(paper_id: int) -> str | None:
    """Reads the words of one paper's file (asked for when the upload commits)."""
    return paper_text_extract(paper_id=paper_id)


@shared_task(acks_late=True)
def extract_waiting_paper_texts() -> int:
    """The beat's sweep: papers whose upload kick was lost (broker down) are read here."""
    waiting = papers_waiting_for_text()
    for paper_id in waiting:
        paper_text_extract(paper_id=paper_id)
    return len(waiting)
