"""The one validation mechanism: validators over YAML nodes, every problem collected with its place and a fix."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from learning_library.errors import ConfigError
from learning_library.validation import (
    INVALID,
    Choice,
    FieldSpec,
    ListOf,
    MappingOf,
    Number,
    Pattern,
    Reader,
    Text,
    Validator,
    closest_key,
    raise_problems,
    read_fields,
    read_mapping,
)
from learning_library.yamltext import YamlText


def reader(text: str) -> tuple[Reader, yaml.MappingNode]:
    node = yaml.compose(text)
    assert isinstance(node, yaml.MappingNode)
    return Reader(YamlText(text, node, 0), "settings.yml", area="settings"), node


def read_one(validator: Validator, value: str) -> tuple[Any, list[str]]:
    r, node = reader(f"key: {value}\n")
    result = validator.read(r, "key", node.value[0][1])
    return result, [f"{f.line}:{f.column} {f.rule}: {f.message}" for f in r.findings]


@pytest.mark.parametrize(
    ("validator", "value", "expected"),
    [
        (Number(1, 60, whole=True), "6", 6),
        (Number(0, 1), "0.25", 0.25),
        (Number(0, 1), "1", 1),
        (Choice(["error", "warning"]), "warning", "warning"),
        (Text(), '"Kestrel Vale"', "Kestrel Vale"),
        (ListOf(Text()), "[a, b]", ("a", "b")),
        (MappingOf(Text(), Number(0, 1), example="NAME: 0.5"), "{A: 0.5, B: 1}", {"A": 0.5, "B": 1}),
        (MappingOf(Text(), Number(0, 1), example="NAME: 0.5"), "", {}),
        (Pattern(re.compile(r"^[a-z-]+$"), "a slug", "use lowercase"), "hidden-men", "hidden-men"),
    ],
)
def test_a_good_value_is_read(validator: Validator, value: str, expected: Any) -> None:
    assert read_one(validator, value) == (expected, [])


@pytest.mark.parametrize(
    ("validator", "value", "message"),
    [
        (Number(1, 60, whole=True), "true", "1:6 settings/wrong-type: `key` should be a whole number from 1 to 60 but is `true`"),
        (Number(1, 60, whole=True), "2.5", "1:6 settings/wrong-type: `key` should be a whole number from 1 to 60 but is `2.5`"),
        (Number(0, 1), "[1]", "1:6 settings/wrong-type: `key` should be a number from 0 to 1 but is a list"),
        (Choice(["error", "warning"]), "block", "1:6 settings/wrong-type: `key` should be one of error, warning but is `block`"),
        (Text(), "", "1:5 settings/empty: `key` is empty; write the text after the colon or remove the key"),
        (ListOf(Text()), "a", "1:6 settings/wrong-type: `key` should be a list of texts but is `a`; write it as a list, like `key: [a]`"),
        (
            MappingOf(Text(), Number(0, 1), example="NAME: 0.5"),
            "{A: 0.5, A: 1}",
            "1:15 settings/duplicate-key: `A` appears twice in `key`; keep one",
        ),
    ],
)
def test_a_bad_value_is_one_finding_at_its_place(validator: Validator, value: str, message: str) -> None:
    result, found = read_one(validator, value)
    assert result is INVALID
    assert len(found) == 1 and found[0].startswith(message)


SPECS = {
    s.key: s
    for s in (
        FieldSpec("name", Text(), required=True, example="name: Kestrel Vale"),
        FieldSpec("score", Number(0, 1)),
        FieldSpec("reason", Text(), required=True, missing="`{name}` has no reason; add one"),
    )
}


def test_every_problem_of_a_mapping_is_collected_and_what_could_be_read_is_kept() -> None:
    r, node = reader("nmae: x\nscore: 2\nscore: 1\n")
    values, valid = read_fields(r, node, SPECS, where="the file", noun="setting")
    assert not valid and values == {"score": INVALID}
    assert [f"{f.line}:{f.column} {f.message}" for f in r.findings] == [
        "1:1 unknown setting `nmae` in the file; did you mean `name`?",
        "2:8 `score` should be a number from 0 to 1 but is `2`; write it as a number from 0 to 1",
        "3:1 `score` appears twice in the file (first on line 2); keep one",
        "1:1 the file has no `name`, which is required; add a line like `name: Kestrel Vale`",
        "1:1 the file has no `reason`, which is required; add a line like `reason: ...`",
    ]


def test_a_missing_key_may_have_its_own_message_naming_another_value() -> None:
    r, node = reader("name: Westmoor\n")
    assert read_mapping(r, node, SPECS, where="an entry") is INVALID
    assert [f.message for f in r.findings] == ["`Westmoor` has no reason; add one"]


@pytest.mark.parametrize(
    ("key", "hint"),
    [("PERSN", "did you mean `PERSON`?"), ("Title", "did you mean `title`?"), ("zzz", "the keys allowed here are PERSON, title")],
)
def test_closest_key(key: str, hint: str) -> None:
    assert closest_key(key, ["PERSON", "title"]) == hint


def test_a_settings_file_with_problems_is_one_config_error_listing_them_in_file_order() -> None:
    r, node = reader("b: 1\na: 2\n")
    r.report(node.value[1][0], "x", "second")
    r.report(node.value[0][0], "x", "first")
    with pytest.raises(ConfigError) as caught:
        raise_problems(r.findings)
    assert str(caught.value) == "settings.yml:1:1: first\nsettings.yml:2:1: second"
    raise_problems([])
