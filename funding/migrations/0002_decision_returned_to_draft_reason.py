from django.db import migrations, models


class Migration(migrations.Migration):
    """Return to draft records its reason, like a withdrawal does."""

    dependencies = [
        ('funding', '0001_decisions_lines_risks_streams'),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='returned_to_draft_reason',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='historicaldecision',
            name='returned_to_draft_reason',
            field=models.TextField(blank=True),
        ),
    ]
