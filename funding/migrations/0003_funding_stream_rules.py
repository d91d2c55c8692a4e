import django.core.validators
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    """Funding streams edited in the portal: names unique ignoring case, codes in capitals,
    a sensible first year."""

    dependencies = [
        ('funding', '0002_decision_returned_to_draft_reason'),
    ]

    operations = [
        migrations.AlterField(
            model_name='fundingstream',
            name='funded_since',
            field=models.PositiveSmallIntegerField(blank=True, help_text='The first financial year, e.g. 2008', null=True, validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)]),
        ),
        migrations.AlterField(
            model_name='fundingstream',
            name='short_name',
            field=models.CharField(help_text='A short code, for example LSMP', max_length=20, unique=True, validators=[django.core.validators.RegexValidator('^[A-Z0-9][A-Z0-9-]*$', 'Enter a code of capital letters, digits and hyphens, for example LSMP or CMF-2')], verbose_name='code'),
        ),
        migrations.AddConstraint(
            model_name='fundingstream',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('name'), name='funding_stream_name_unique_ignoring_case', violation_error_message='A funding stream with this name exists already.'),
        ),
        migrations.AddConstraint(
            model_name='fundingstream',
            constraint=models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='funding_stream_name_not_blank', violation_error_message="Enter the stream's name."),
        ),
        migrations.AddConstraint(
            model_name='fundingstream',
            constraint=models.CheckConstraint(condition=models.Q(('short_name__regex', '^[A-Z0-9][A-Z0-9-]*$')), name='funding_stream_code_valid', violation_error_message='Enter a code of capital letters, digits and hyphens, for example LSMP or CMF-2'),
        ),
        migrations.AddConstraint(
            model_name='fundingstream',
            constraint=models.CheckConstraint(condition=models.Q(('funded_since__isnull', True), models.Q(('funded_since__gte', 2000), ('funded_since__lte', 2100)), _connector='OR'), name='funding_stream_funded_since_range', violation_error_message='Enter a first financial year between 2000 and 2100.'),
        ),
    ]
