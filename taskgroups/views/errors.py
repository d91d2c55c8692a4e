from django.core.exceptions import ValidationError


def add_service_error(form, error: ValidationError) -> None:
    """A service's ValidationError beside the field it names, or at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
