"""The site search: one search over everything a person may see (issue 16).

- `registry.py`: each app registers what it makes searchable (`register(SearchKind(...))`) from its
  `AppConfig.ready()`, so partnership imports none of the apps built on it;
- `services.py`: `search_index(obj)` / `search_remove(obj)`, called by the services that write
  the objects, in their transaction; `search_reindex()` for the management command;
- `engines.py`: the one small interface over PostgreSQL full-text search and SQLite FTS5;
- `selectors.py`: the scoped search itself; `views.py`, `forms.py`, `urls.py`: /search/.

The index rows are `partnership.models.SearchEntry` (every model stays in partnership/models/)."""
