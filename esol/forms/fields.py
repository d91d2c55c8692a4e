"""Fields the esol forms share: money in pounds and pence, whole-number counts, and dates, each
with messages that name the field and say what to type."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from partnership.common.forms import DateInput

MAX_MONEY = Decimal("9999999999.99")


class MoneyField(forms.DecimalField):
    """Pounds and pence as a Decimal; "£25,000.50" and "25000.5" both mean £25,000.50."""

    def __init__(self, *, label: str, required: bool = True, allow_zero: bool = False, **kwargs):
        least = Decimal("0.00") if allow_zero else Decimal("0.01")
        super().__init__(label=label, required=required, max_digits=12, decimal_places=2, min_value=least,
                         max_value=MAX_MONEY, widget=forms.TextInput(attrs={"inputmode": "decimal",
                                                                           "spellcheck": "false"}), **kwargs)
        name = label[0].lower() + label[1:]
        self.error_messages.update({
            "required": f"Enter the {name}",
            "invalid": f"Enter the {name} in pounds and pence, like 25000.00",
            "min_value": f"The {name} must be at least £{least:,.2f}",
            "max_value": f"The {name} is too large",
            "max_digits": f"The {name} is too large",
            "max_decimal_places": f"Enter the {name} to the penny, with at most 2 decimal places",
            "max_whole_digits": f"The {name} is too large",
        })

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(",", "").strip()
        try:
            return super().to_python(value)
        except (InvalidOperation, OverflowError) as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error


def count_field(label: str, *, required: bool = True, most: int = 1_000_000, help_text: str = ""):
    """A whole number of learners or hours, 0 or more."""
    name = label[0].lower() + label[1:]
    return forms.IntegerField(
        label=label, min_value=0, max_value=most, required=required, help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": f"Enter the number of {name}, or 0",
                        "invalid": f"The number of {name} must be a whole number, like 12",
                        "min_value": f"The number of {name} must be 0 or more",
                        "max_value": f"The number of {name} must be {most:,} or fewer"})


def date_field(label: str, *, required: bool = True, help_text: str = ""):
    name = label[0].lower() + label[1:]
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text,
                           error_messages={"required": f"Enter the {name}",
                                           "invalid": f"Enter a real date for the {name}, for example 2027-03-31"})
