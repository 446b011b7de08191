"""graphql-core side of `tools/bench graphql`: the same schema, data and query in a loop.

Prints one JSON line with operations per second; with --check FILE, first verifies that the
result equals the one our engine wrote.
"""

import argparse
import json
import time
from pathlib import Path

from graphql import build_schema, graphql_sync

HERE = Path(__file__).resolve().parent


def catalogue():
    """Mirrors catalogue() in Sources/GraphQLBench/main.swift."""
    categories = ["TOOLS", "FOOD", "BOOKS"]
    statuses = ["DRAFT", "LIVE", "ARCHIVED"]
    items = []
    for index in range(50):
        items.append({
            "id": f"item-{index}", "name": f"Item {index}",
            "description": f"A useful thing, number {index}.",
            "price": index * 1.25 + 0.5, "quantity": index * 3, "active": index % 2 == 0,
            "category": categories[index % 3], "createdAt": "2024-01-01T00:00:00Z",
            "updatedAt": "2024-06-01T12:30:00Z", "sku": f"SKU-{1000 + index}",
            "weight": index + 0.25, "rating": index % 5 + 0.5, "views": index * 17,
            "tags": ["a", "b", f"t{index}"],
            "owner": {"id": f"o{index % 7}", "name": "Owner", "email": "o@example.com"},
            "dimensions": {"width": 1.5, "height": 2.5, "depth": float(index)},
            "related": [{"id": f"r{index}-{n}", "label": f"Related {n}"} for n in range(3)],
            "status": statuses[index % 3], "notes": None if index % 4 == 0 else "note",
            "score": index % 10,
        })
    return {"items": items}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--check")
    options = parser.parse_args()
    schema = build_schema((HERE / "graphql_workload.graphql").read_text())
    query = (HERE / "graphql_workload_query.graphql").read_text()
    data = catalogue()
    result = graphql_sync(schema, query, root_value=data, variable_values={"first": 50})
    assert not result.errors, result.errors
    if options.check:
        ours = json.loads(Path(options.check).read_text())
        assert ours == {"data": result.data}, "our engine and graphql-core disagree"
    operations = 0
    start = time.perf_counter()
    while time.perf_counter() - start < options.seconds:
        graphql_sync(schema, query, root_value=data, variable_values={"first": 50})
        operations += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({"operations": operations, "seconds": elapsed,
                      "ops_per_s": operations / elapsed}))


if __name__ == "__main__":
    main()
