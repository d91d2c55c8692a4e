"""What a page's form would send if its button were pressed now, read from the HTML as a
browser reads it: text inputs' values, checked radios and checkboxes, selected options and
textareas' text. A test compares it with what was posted to show nothing typed was lost."""

from collections import defaultdict
from html.parser import HTMLParser

UNSENT_INPUT_TYPES = {"submit", "button", "reset", "image", "file"}


class _FormValues(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values = defaultdict(list)
        self._select = self._textarea = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in UNSENT_INPUT_TYPES:
            if attrs.get("type") in {"radio", "checkbox"}:
                if "checked" in attrs:
                    self.values[name].append(attrs.get("value") or "on")
            else:
                self.values[name].append(attrs.get("value") or "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select].append(attrs.get("value") or "")
        elif tag == "textarea":
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            # As in a browser, one newline straight after <textarea> is not part of the text.
            text = "".join(self._text)
            self.values[self._textarea].append(text.removeprefix("\r\n").removeprefix("\n"))
            self._textarea = None


def form_values(html: str) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(html)
    parser.close()
    return dict(parser.values)
