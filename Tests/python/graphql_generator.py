"""Generates random documents from a schema for the conformance suite.

Selections follow the schema most of the time and stray from it some of the time: unknown
fields, colliding aliases, mismatched fragments, wrong literals, leaf selections, @skip and
@include. Seeded callers get the same documents on every run.
"""

import random

from graphql import (
    get_named_type,
    is_enum_type,
    is_input_object_type,
    is_interface_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
    is_union_type,
)

ODD_LITERALS = ['"s"', "1", "1.5", "true", "DOG", "[1]", "{a: 1}"]
SCALAR_LITERALS = {
    "Int": ["1", "-3", "2147483648", "1.5"],
    "Float": ["1.5", "2", "1e3"],
    "String": ['"a"', '"""b"""'],
    "Boolean": ["true", "false"],
    "ID": ['"i"', "4"],
    "DateTime": ['"2024-01-01T00:00:00Z"', '"no"'],
    "JSON": ['{x: [1, "y"]}', "3"],
}
ALIASES = ["", "", "", "x: ", "y: ", "name: "]
DIRECTIVES = ["", "", "", " @skip(if: false)", " @include(if: true)", " @include(if: false)"]
FRAGMENT_TYPES = ["Dog", "Cat", "Animal", "Named", "Person", "Pet"]


class DocumentGenerator:
    def __init__(self, schema, seed: int):
        self.schema = schema
        self.rng = random.Random(seed)

    def literal(self, type_, depth=0) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.1:
            return "null"
        if roll < 0.15:
            return rng.choice(ODD_LITERALS)
        if is_non_null_type(type_):
            return self.literal(type_.of_type, depth)
        if is_list_type(type_):
            if rng.random() < 0.3:
                return self.literal(type_.of_type, depth + 1)
            items = [self.literal(type_.of_type, depth + 1) for _ in range(rng.randint(0, 2))]
            return "[" + ", ".join(items) + "]"
        named = get_named_type(type_)
        if is_enum_type(named):
            return rng.choice(list(named.values) + ["NOPE"])
        if is_input_object_type(named):
            if depth > 2:
                return "{}"
            names = list(named.fields) + ["zz"]
            fields = []
            for name in (rng.choice(names) for _ in range(rng.randint(0, 3))):
                field_type = named.fields.get(name, named.fields[names[0]]).type
                fields.append(f"{name}: {self.literal(field_type, depth + 1)}")
            return "{" + ", ".join(fields) + "}"
        return rng.choice(SCALAR_LITERALS.get(named.name, ['"?"']))

    def fragment_condition(self, named):
        abstract = is_union_type(named) or is_interface_type(named)
        candidates = list(self.schema.get_possible_types(named)) if abstract else [named]
        candidates += [self.schema.type_map["Named"], self.schema.type_map["Dog"]]
        return self.rng.choice(candidates)

    def field(self, named, depth, fragments) -> str:
        rng = self.rng
        fields = dict(named.fields) if is_object_type(named) or is_interface_type(named) else {}
        if not fields or rng.random() < 0.1:
            return "__typename" if rng.random() < 0.8 else "nope"
        name = rng.choice(list(fields))
        definition = fields[name]
        arguments = ""
        if definition.args and rng.random() < 0.8:
            chosen = rng.sample(list(definition.args), rng.randint(1, len(definition.args)))
            arguments = "(" + ", ".join(
                f"{arg}: {self.literal(definition.args[arg].type)}" for arg in chosen) + ")"
        output = get_named_type(definition.type)
        sub = ""
        if not is_leaf_type(output) and depth < 4:
            sub = " { " + self.selections(output, depth + 1, fragments) + " }"
        elif is_leaf_type(output) and rng.random() < 0.03:
            sub = " { a }"
        return f"{rng.choice(ALIASES)}{name}{arguments}{rng.choice(DIRECTIVES)}{sub}"

    def selections(self, type_, depth, fragments) -> str:
        rng = self.rng
        named = get_named_type(type_)
        items = []
        for _ in range(rng.randint(1, 4)):
            roll = rng.random()
            abstract = is_union_type(named) or is_interface_type(named)
            if (abstract or roll < 0.15) and roll < 0.3:
                condition = self.fragment_condition(named)
                body = self.selections(condition, depth + 1, fragments)
                items.append(f"... on {condition.name} {{ {body} }}")
            elif roll < 0.38 and fragments:
                items.append("..." + rng.choice(fragments))
            else:
                items.append(self.field(named, depth, fragments))
        return " ".join(items)

    def document(self) -> str:
        names = [f"F{index}" for index in range(self.rng.randint(0, 2))]
        body = self.selections(self.schema.query_type, 0, names)
        definitions = []
        for index, name in enumerate(names):
            condition = self.rng.choice(FRAGMENT_TYPES)
            inner = self.selections(self.schema.type_map[condition], 2, names[:index])
            definitions.append(f"fragment {name} on {condition} {{ {inner} }}")
        return "{ " + body + " }\n" + "\n".join(definitions)
