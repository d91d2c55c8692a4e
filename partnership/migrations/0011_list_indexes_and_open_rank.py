# Reviewed (issue 12): the indexes every list's default sort and main filters need at 100,000 rows,
# and open_rank, the "open ones first" order of actions and enquiries as a stored generated column
# an index can serve (a CASE in ORDER BY cannot use one). Adding the columns rewrites both tables once.

from django.db import migrations, models

class Migration(migrations.Migration):

    dependencies = [
        ('partnership', '0010_meeting_replies_and_interests'),
    ]

    operations = [
        migrations.AddField(
            model_name='action',
            name='open_rank',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(status__in=('open', 'in_progress'), then=models.Value(0)), default=models.Value(1)), output_field=models.SmallIntegerField()),
        ),
        migrations.AddField(
            model_name='enquiry',
            name='open_rank',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(status__in=('new', 'assigned'), then=models.Value(0)), default=models.Value(1)), output_field=models.SmallIntegerField()),
        ),
        migrations.AddIndex(
            model_name='action',
            index=models.Index(fields=['open_rank', 'due_on', 'id'], name='action_rank_due_idx'),
        ),
        migrations.AddIndex(
            model_name='action',
            index=models.Index(fields=['body', 'open_rank', 'due_on', 'id'], name='action_body_rank_due_idx'),
        ),
        migrations.AddIndex(
            model_name='enquiry',
            index=models.Index(fields=['open_rank', 'response_due', '-received_at', 'id'], name='enquiry_rank_due_idx'),
        ),
        migrations.AddIndex(
            model_name='enquiry',
            index=models.Index(fields=['assignee', 'open_rank'], name='enquiry_assignee_rank_idx'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['starts_at', 'id'], name='meeting_starts_idx'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['ends_at'], name='meeting_ends_idx'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['body', 'starts_at'], name='meeting_body_starts_idx'),
        ),
        migrations.AddIndex(
            model_name='notification',
            index=models.Index(fields=['-send_after', '-id'], name='notification_log_idx'),
        ),
        migrations.AddIndex(
            model_name='notification',
            index=models.Index(fields=['kind', '-send_after'], name='notification_kind_idx'),
        ),
        migrations.AddIndex(
            model_name='paper',
            index=models.Index(fields=['-published_at', '-uploaded_at', '-id'], name='paper_published_idx'),
        ),
    ]
