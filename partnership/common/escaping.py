"""HTML escaping for code that writes many values at once (a select's options, a table's rows).

Django's conditional_escape and format_html wrap every call in keep_lazy (is any argument a lazy
string?) and make a SafeString of every piece: for a few values that is nothing, for a table of
100 rows or a select of 300 options it costs more than the escaping (issue 12)."""

import html


def escaped(value) -> str:
    """conditional_escape's text as a plain string: markup (__html__) kept, anything else escaped
    as Django escapes it (&, <, >, " and ' as &#x27;)."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))
