"""Query plans of the portal's main pages over the scale data set (issue 12): every query a page
runs is captured and EXPLAIN ANALYZEd on Postgres, and the plan is searched for a sequential scan
over a big table or a sort that spilled to disk. Deterministic: a plan shape, not a time."""

import json
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

BIG_TABLE_ROWS = 10_000


@dataclass(frozen=True)
class Problem:
    page: str
    sql: str
    what: str

    def __str__(self):
        return f"{self.page}: {self.what}\n    {self.sql[:400]}"


def table_sizes() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r'")
        return dict(cursor.fetchall())


def explain(sql: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def _nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def plan_problems(plan: dict, sizes: dict[str, int]) -> list[str]:
    found = []
    for node in _nodes(plan):
        kind = node["Node Type"]
        relation = node.get("Relation Name", "")
        if kind == "Seq Scan" and sizes.get(relation, 0) > BIG_TABLE_ROWS:
            found.append(f"Seq Scan on {relation} ({sizes[relation]:,} rows)")
        text = json.dumps({k: v for k, v in node.items() if k != "Plans"})
        if node.get("Sort Space Type") == "Disk" or "external" in text.lower() or '"Sort Space Disk"' in text:
            found.append(f"{kind} spilled to disk: {node.get('Sort Method', '')} {node.get('Sort Space Used', '')}")
        if kind == "Hash" and node.get("Hash Batches", 1) > 1:
            found.append(f"Hash spilled to disk ({node['Hash Batches']} batches)")
    return found


def page_queries(client, url: str) -> tuple[int, list[str]]:
    """The status and the SELECTs a page runs (session and second-factor reads included)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    return response.status_code, selects


def page_problems(client, url: str, sizes: dict[str, int] | None = None) -> list[Problem]:
    sizes = sizes if sizes is not None else table_sizes()
    status, selects = page_queries(client, url)
    assert status == 200, f"{url} answered {status}"
    return [Problem(url, sql, what) for sql in selects for what in plan_problems(explain(sql), sizes)]
