# Reviewed (issue 12): the offer list sorts by financial year first; offer_year_idx lets Postgres read
# the offers in that order and sort each year by borough, instead of sorting the whole table.
# offer_scope_idx holds visible_to's columns (and people_offered): the list's count and the
# dashboard's people pledged read it alone. offer_status_available_idx gains the scope's column
# for the same reason (the dashboard's capped count of offers awaiting a match).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('resettlement', '0001_initial'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='resettlementoffer',
            name='offer_status_available_idx',
        ),
        migrations.AddIndex(
            model_name='resettlementoffer',
            index=models.Index(fields=['status', 'available_from', 'sponsorship_group'], name='offer_status_available_idx'),
        ),
        migrations.AddIndex(
            model_name='resettlementoffer',
            index=models.Index(fields=['-financial_year', 'id'], name='offer_year_idx'),
        ),
        migrations.AddIndex(
            model_name='resettlementoffer',
            index=models.Index(fields=['status', 'sponsorship_group', 'people_offered'], name='offer_scope_idx'),
        ),
    ]
