"""The event catalogue: every schema is a valid JSON Schema 2020-12 whose examples validate,
and every event the Swift domain tests produced validates against its type's schema."""
import json
import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EVENTS = ROOT / "events"
SAMPLES = ROOT / ".build" / "event-samples.jsonl"
# Events outside the domain (road-control links, inspection, webhooks) are written by
# their own Swift tests.
MORE_SAMPLES = [
    ROOT / ".build" / "event-samples-road-control.jsonl",
    ROOT / ".build" / "inspection-event-samples.jsonl",
    ROOT / ".build" / "webhook-event-samples.jsonl",
]
SCHEMAS = sorted(EVENTS.glob("*/v*.schema.json"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator_for(type_name, version):
    path = EVENTS / type_name / f"v{version}.schema.json"
    assert path.exists(), f"no schema for {type_name} v{version}"
    schema = load(path)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_catalogue_is_not_empty():
    assert len(SCHEMAS) >= 20


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_is_valid_and_its_examples_validate(path):
    schema = load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema.get("examples"), "each schema carries an example"
    validator = jsonschema.Draft202012Validator(schema)
    for example in schema["examples"]:
        validator.validate(example)


def test_schema_rejects_an_unknown_member():
    validator = validator_for("FormSealed", 1)
    example = load(EVENTS / "FormSealed" / "v1.schema.json")["examples"][0]
    assert not validator.is_valid({**example, "surprise": 1})
    assert not validator.is_valid({k: v for k, v in example.items() if k != "status"})


def read_samples():
    assert SAMPLES.exists(), f"{SAMPLES} missing: run swift test first"
    lines = [line for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line]
    assert lines, f"{SAMPLES} is empty"
    for path in MORE_SAMPLES:
        assert path.exists(), f"{path} missing: run swift test first"
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [json.loads(line) for line in lines]


def test_every_produced_event_validates_against_its_schema():
    samples = read_samples()
    seen = set()
    for sample in samples:
        validator = validator_for(sample["type"], sample["schemaVersion"])
        errors = sorted(validator.iter_errors(sample["payload"]), key=str)
        assert not errors, f"{sample['type']}: {errors[0].message} at {list(errors[0].path)}"
        seen.add(sample["type"])
    catalogued = {p.parent.name for p in SCHEMAS}
    assert seen == catalogued, f"types without samples: {sorted(catalogued - seen)}"
