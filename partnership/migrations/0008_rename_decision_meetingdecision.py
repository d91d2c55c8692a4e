# A decision recorded at a meeting is a MeetingDecision, so it no longer shares its name with
# funding.Decision (a funding decision such as MD2628). The table is renamed with the model.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("partnership", "0007_body_terms_of_reference"),
    ]

    operations = [
        migrations.RenameModel(old_name="Decision", new_name="MeetingDecision"),
    ]
