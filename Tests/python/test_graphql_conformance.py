"""Holds the Swift GraphQL engine to graphql-core on a shared corpus.

Every document of graphql_corpus/ runs through our `graphql-conformance` binary and through
graphql-core on the same SDL schema and JSON data. Parse verdicts, printed documents,
validation error counts and locations, and execution results must agree; so must the
introspection round trip and SDL printing. Seeded random edits of the corpus, random
variable values and documents generated from the schema extend the comparison past what was
written by hand. See graphql_corpus/README.md for the corpus format.
"""

import json
import os
import random
import re
import subprocess
from pathlib import Path

import pytest
from graphql import (
    GraphQLError,
    build_client_schema,
    build_schema,
    execute,
    get_introspection_query,
    parse,
    print_ast,
    print_schema,
    validate,
)
from graphql.language import ast as gql_ast

from graphql_generator import DocumentGenerator

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "graphql_corpus"
SEPARATOR = re.compile(r"^# ---.*$", re.MULTILINE)


def binary_path() -> Path:
    """Finds graphql-conformance beside $BSD_LEDGER_BIN, else in the debug build folder."""
    given = os.environ.get("BSD_LEDGER_BIN")
    if given:
        candidate = Path(given).parent / "graphql-conformance"
        if candidate.exists():
            return candidate
    return ROOT / ".build" / "debug" / "graphql-conformance"


def load_cases():
    """Reads every corpus document with its variables and operation name."""
    cases = []
    for path in sorted(CORPUS.glob("*.graphql")):
        if path.name == "schema.graphql":
            continue
        chunks = SEPARATOR.split(path.read_text(encoding="utf-8"))
        for index, chunk in enumerate(chunks):
            if not chunk.strip():
                continue
            variables = {}
            operation = None
            known = None
            for line in chunk.splitlines():
                if line.startswith("# known-difference:"):
                    known = line[len("# known-difference:"):].strip()
                if line.startswith("# variables:"):
                    variables = json.loads(line[len("# variables:"):])
                if line.startswith("# operation:"):
                    operation = line[len("# operation:"):].strip()
            cases.append((f"{path.stem}#{index}", chunk, variables, operation, known))
    for path in sorted(CORPUS.glob("*.json")):
        if path.name == "data.json":
            continue
        for index, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            cases.append(
                (f"{path.stem}#{index}", entry["query"], entry.get("variables") or {},
                 entry.get("operationName"), entry.get("known")))
    return cases


DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$")


def datetime_ok(value) -> bool:
    """Mirrors the Swift DateTime scalar's check, so both sides accept the same strings."""
    if not isinstance(value, str):
        return False
    match = DATETIME.match(value)
    if not match:
        return False
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    if not 1 <= month <= 12 or hour > 23 or minute > 59 or second > 60:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if not 1 <= day <= days:
        return False
    if match.group(9) and (int(match.group(9)) > 23 or int(match.group(10)) > 59):
        return False
    return True


def reference_schema():
    schema = build_schema((CORPUS / "schema.graphql").read_text(encoding="utf-8"))
    scalar = schema.type_map["DateTime"]

    # Plain exceptions, not GraphQLError: graphql-core then locates the error at the node.
    def check(value):
        if not datetime_ok(value):
            raise ValueError(f"DateTime cannot represent value: {value!r}")
        return value

    def check_literal(node, _variables=None):
        if not isinstance(node, gql_ast.StringValueNode):
            raise ValueError("DateTime needs an RFC 3339 string.")
        return check(node.value)

    scalar.serialize = check
    scalar.parse_value = check
    scalar.parse_literal = check_literal
    return schema


def with_failures(value):
    """Turns `{"__error": ...}` entries into callables that raise, as the Swift driver does."""
    if isinstance(value, dict):
        if "__error" in value:
            message = value["__error"]
            extensions = {"code": value["code"]} if "code" in value else None

            def fail(_info, **_args):
                raise GraphQLError(message, extensions=extensions)

            return fail
        return {key: with_failures(item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_failures(item) for item in value]
    return value


def locations(error) -> list:
    return [(loc["line"], loc["column"]) for loc in error.get("locations") or []]


def error_shapes(errors) -> list:
    """What must agree about errors: count, locations, path and extensions (not wording)."""
    return sorted(
        (json.dumps(locations(e)), json.dumps(e.get("path")), json.dumps(e.get("extensions")))
        for e in errors or [])


@pytest.fixture(scope="module")
def engine():
    binary = binary_path()
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `swift build --build-tests` first")
    return binary


def run_ours(binary, requests):
    lines = "".join(json.dumps(request) + "\n" for request in requests)
    completed = subprocess.run(
        [str(binary), str(CORPUS / "schema.graphql"), str(CORPUS / "data.json")],
        input=lines.encode(), capture_output=True, timeout=120, check=True)
    answers = [json.loads(line) for line in completed.stdout.decode().splitlines()]
    assert len(answers) == len(requests)
    return answers


LINE_BREAK = re.compile(r"\r\n|\n|\r")


def spec_location(body: str, position: int) -> dict:
    """Line and column of an offset, breaking lines only at LF, CRLF and CR.

    graphql-core 3.2.5 uses str.splitlines(), which ignores a final line break (an offset at
    the start of a line is reported at the end of the previous one) and also breaks at form
    feeds and Unicode separators; the specification counts lines by its LineTerminator only.
    """
    line, start = 1, 0
    for match in LINE_BREAK.finditer(body, 0, position):
        line, start = line + 1, match.end()
    return {"line": line, "column": position - start + 1}


def formatted(error: GraphQLError) -> dict:
    """graphql-core's error, with locations recomputed from its offsets by the spec's rules."""
    shape = error.formatted
    if error.source is not None and error.positions:
        shape["locations"] = [spec_location(error.source.body, p) for p in error.positions]
    return shape


def reference_answer(schema, data, source, variables, operation):
    try:
        document = parse(source)
    except GraphQLError as error:
        return {"parse": [formatted(error)]}
    answer = {"parse": [], "printed": print_ast(document)}
    # graphql-core stops at 100 errors by default; all of them are compared here.
    problems = validate(schema, document, max_errors=10**6)
    answer["validate"] = [formatted(error) for error in problems]
    if problems:
        return answer
    result = execute(schema, document, root_value=data, variable_values=variables,
                     operation_name=operation)
    shape = {}
    if result.errors:
        shape["errors"] = [formatted(error) for error in result.errors]
    if result.data is not None or not result.errors:
        shape["data"] = result.data
    answer["result"] = shape
    return answer


CASES = load_cases()


def test_corpus_is_large_enough():
    assert len(CASES) >= 300, f"only {len(CASES)} documents in the corpus"


def test_corpus_agrees_with_graphql_core(engine):
    schema = reference_schema()
    data = with_failures(json.loads((CORPUS / "data.json").read_text(encoding="utf-8")))
    requests = [{"query": q, "variables": v, "operationName": o} for _, q, v, o, _ in CASES]
    ours = run_ours(engine, requests)
    disagreements = []
    for (name, source, variables, operation, known), mine in zip(CASES, ours):
        theirs = reference_answer(schema, data, source, variables, operation)
        if known:
            assert compare(mine, theirs), f"{name}: marked {known} but agrees; drop the mark"
            for difference in known.split(","):
                mine, theirs = KNOWN_DIFFERENCES[difference.strip()](mine, theirs)
        problems = compare(mine, theirs)
        if problems:
            disagreements.append(f"{name}: {problems}\n  ours: {mine}\n  core: {theirs}")
    assert not disagreements, f"{len(disagreements)} of {len(CASES)} disagree:\n" + "\n".join(
        disagreements)


def without_one_of(mine, theirs):
    """graphql-core 3.2.5 predates @oneOf: it reports the directive as unknown in documents
    and lacks it in introspection. Drops exactly that, so the rest must still agree."""
    theirs = dict(theirs, validate=[e for e in theirs.get("validate", [])
                                    if "'@oneOf'" not in e["message"]])
    data = (mine.get("result") or {}).get("data") or {}
    directives = (data.get("__schema") or {}).get("directives")
    if directives is not None:
        data["__schema"]["directives"] = [d for d in directives if d.get("name") != "oneOf"]
    return mine, theirs


BUILT_IN_NAMES = {"String", "Int", "Float", "Boolean", "ID", "include", "skip", "deprecated",
                  "specifiedBy", "oneOf"}


def without_built_in_texts(mine, theirs):
    """The descriptions of built-in scalars, directives and introspection types are written in
    our own words (the project copies no sentences), and graphql-core 3.2.5's __Type has no
    isOneOf field. Drops exactly those from both sides; everything else must still agree."""
    def scrub(node, inside_built_in=False):
        if isinstance(node, dict):
            built_in = inside_built_in or node.get("name") in BUILT_IN_NAMES or str(
                node.get("name", "")).startswith("__")
            cleaned = {}
            for key, value in node.items():
                if key == "description" and built_in:
                    continue
                cleaned[key] = scrub(value, built_in and key in ("fields", "args", "enumValues",
                                                                 "inputFields"))
            if cleaned.get("name") == "__Type" and isinstance(cleaned.get("fields"), list):
                cleaned["fields"] = [f for f in cleaned["fields"] if f.get("name") != "isOneOf"]
            return cleaned
        if isinstance(node, list):
            return [scrub(item, inside_built_in) for item in node]
        return node

    for answer in (mine, theirs):
        result = answer.get("result") or {}
        if result.get("data") is not None:
            result["data"] = scrub(result["data"])
    return mine, theirs


# Cases that cannot agree, each marked in the corpus with `# known-difference: NAME[, NAME]`.
KNOWN_DIFFERENCES = {"oneOf": without_one_of, "built-in-texts": without_built_in_texts}


def compare(mine, theirs) -> str:
    if bool(mine["parse"]) != bool(theirs["parse"]):
        return "parse verdicts differ"
    if theirs["parse"]:
        if error_shapes(mine["parse"]) != error_shapes(theirs["parse"]):
            return "syntax error locations differ"
        return ""
    if mine.get("printed") != theirs.get("printed"):
        return "printed documents differ"
    if error_shapes(mine["validate"]) != error_shapes(theirs["validate"]):
        return "validation errors differ"
    if "result" not in theirs:
        return ""
    # graphql-core reports both "no data" and "data: null" as None, so they compare equal.
    mine_result, their_result = mine.get("result", {}), theirs["result"]
    if mine_result.get("data") != their_result.get("data"):
        return "data differ"
    if error_shapes(mine_result.get("errors")) != error_shapes(their_result.get("errors")):
        return "execution errors differ"
    return ""


def without_failures(value):
    """Replaces failing entries by null, as the Swift driver does for the fast lane."""
    if isinstance(value, dict):
        if "__error" in value:
            return None
        return {key: without_failures(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_failures(item) for item in value]
    return value


def test_fast_lane_agrees_with_graphql_core(engine):
    """Without a default resolver our executor reads JSON parents directly (its fast lane);
    the valid documents must give graphql-core's results on the same data."""
    schema = reference_schema()
    data = without_failures(json.loads((CORPUS / "data.json").read_text(encoding="utf-8")))
    requests = [{"query": q, "variables": v, "operationName": o, "lane": "fast"}
                for _, q, v, o, _ in CASES]
    ours = run_ours(engine, requests)
    executed = 0
    disagreements = []
    for (name, source, variables, operation, known), mine in zip(CASES, ours):
        theirs = reference_answer(schema, data, source, variables, operation)
        if "result" not in theirs or known:
            continue
        executed += 1
        problems = compare(mine, theirs)
        if problems:
            disagreements.append(f"{name}: {problems}\n  ours: {mine}\n  core: {theirs}")
    assert executed >= 100
    assert not disagreements, "\n".join(disagreements)


def mutated_documents(count: int, seed: int) -> list:
    """Corpus documents with a few random edits each: deletions, insertions of punctuation,
    keywords and non-ASCII text, and duplications. Seeded, so every run checks the same set."""
    rng = random.Random(seed)
    sources = [query for _, query, _, _, known in CASES if not known]
    pieces = list('{}()[]:$@!=|&."\\ \n,#abcon01-_eé😀\'') + ['"""', "...", "on ", "query "]
    documents = []
    for _ in range(count):
        text = rng.choice(sources)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            action = rng.random()
            if action < 0.4 and text:
                text = text[:at] + text[at + 1:]
            elif action < 0.8:
                text = text[:at] + rng.choice(pieces) + text[at:]
            else:
                text = text[:at] + text[at:at + rng.randint(1, 5)] + text[at:]
        documents.append(text)
    return documents


def test_mutated_documents_agree_with_graphql_core(engine):
    """Near-misses of the corpus find the edges of the grammar and of the rules."""
    schema = reference_schema()
    data = with_failures(json.loads((CORPUS / "data.json").read_text(encoding="utf-8")))
    documents = mutated_documents(1500, seed=4)
    ours = run_ours(engine, [{"query": document} for document in documents])
    disagreements = []
    for document, mine in zip(documents, ours):
        problems = compare(mine, reference_answer(schema, data, document, {}, None))
        if problems:
            disagreements.append(f"{problems}: {document!r}")
    assert not disagreements, "\n".join(disagreements)


VARIABLE = re.compile(r"\$([A-Za-z_]\w*)\s*:")
ODD_VALUES = [None, True, False, 0, 1, -5, 2**31, 2**40, 1.5, 2.0, "x", "", "DOG", "CAT", "FISH",
              "SIT", "2024-01-01T00:00:00Z", "2024-02-30T00:00:00Z", "p1", 7]
INPUT_KEYS = ["name", "kind", "owner", "minLegs", "d", "a", "b", "c", "g", "bornAfter", "zz",
              "legs", "tags"]


def requests_with_random_variables(count: int, seed: int) -> list:
    """Corpus operations that declare variables, run with random values for them: right and
    wrong scalars, nulls, lists and objects with known and unknown keys. Seeded."""
    rng = random.Random(seed)

    def value(depth=0):
        roll = rng.random()
        if depth > 2 or roll < 0.5:
            return rng.choice(ODD_VALUES)
        if roll < 0.75:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(INPUT_KEYS): value(depth + 1) for _ in range(rng.randint(0, 3))}

    cases = [case for case in CASES if "$" in case[1] and not case[4]]
    requests = []
    for _ in range(count):
        _, query, _, operation, _ = rng.choice(cases)
        names = sorted(set(VARIABLE.findall(query)))
        variables = {name: value() for name in names if rng.random() < 0.8}
        requests.append({"query": query, "variables": variables, "operationName": operation})
    return requests


@pytest.mark.parametrize("lane", ["resolver", "fast"])
def test_random_variables_agree_with_graphql_core(engine, lane):
    """Variable coercion, defaults, nulls in non-null positions and argument errors, through
    both executor lanes."""
    schema = reference_schema()
    raw = json.loads((CORPUS / "data.json").read_text(encoding="utf-8"))
    data = with_failures(raw) if lane == "resolver" else without_failures(raw)
    requests = requests_with_random_variables(600, seed=7 if lane == "resolver" else 10)
    extra = {"lane": "fast"} if lane == "fast" else {}
    ours = run_ours(engine, [dict(request, **extra) for request in requests])
    disagreements = []
    for request, mine in zip(requests, ours):
        theirs = reference_answer(schema, data, request["query"], request["variables"],
                                  request["operationName"])
        problems = compare(mine, theirs)
        if problems:
            disagreements.append(f"{problems}: {request}")
    assert not disagreements, "\n".join(disagreements)


def test_generated_documents_agree_with_graphql_core(engine):
    """Documents generated from the schema, straying from it at times, stress validation
    (overlapping fields above all) and execution on shapes nobody wrote by hand."""
    schema = reference_schema()
    data = with_failures(json.loads((CORPUS / "data.json").read_text(encoding="utf-8")))
    generator = DocumentGenerator(schema, seed=1)
    documents = [generator.document() for _ in range(300)]
    ours = run_ours(engine, [{"query": document} for document in documents])
    disagreements = []
    for document, mine in zip(documents, ours):
        problems = compare(mine, reference_answer(schema, data, document, {}, None))
        if problems:
            disagreements.append(f"{problems}: {document!r}")
    assert not disagreements, "\n".join(disagreements)


def test_introspection_round_trip(engine):
    sdl = (CORPUS / "schema.graphql").read_text(encoding="utf-8")
    query = get_introspection_query(
        descriptions=True, specified_by_url=True, directive_is_repeatable=True,
        schema_description=True, input_value_deprecation=True)
    (answer,) = run_ours(engine, [{"query": query}])
    assert answer["validate"] == []
    result = answer["result"]
    assert "errors" not in result, result.get("errors")
    ours = print_schema(build_client_schema(result["data"]))
    # graphql-core 3.2.5 predates @oneOf, so it sees our built-in @oneOf as a custom
    # directive and prints it; that one definition is the only expected difference.
    one_of = ('"""Requires exactly one field of the input object, not null."""\n'
              "directive @oneOf on INPUT_OBJECT\n\n")
    assert one_of in ours
    assert ours.replace(one_of, "") == print_schema(build_schema(sdl))


def test_schema_printing_matches_graphql_core(engine):
    sdl = (CORPUS / "schema.graphql").read_text(encoding="utf-8")
    (answer,) = run_ours(engine, [{"printSchema": True}])
    assert answer["sdl"] == print_schema(build_schema(sdl))
