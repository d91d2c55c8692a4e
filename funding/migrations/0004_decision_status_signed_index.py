# Reviewed (issue 12): the register (signed, newest first) and the officers' list (by status) read
# decisions in this index's order.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('funding', '0003_funding_stream_rules'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='decision',
            index=models.Index(fields=['status', '-date_signed', '-reference_code'], name='decision_status_signed_idx'),
        ),
    ]
