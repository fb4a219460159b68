"""A document page's schema.org description, checked against the vocabulary's own types and properties.

The vocabulary is read from ``msgspec-schemaorg`` (a dev dependency), whose
classes are generated from the schema.org definitions: one class per type,
subclassing its parent type, with one field per property the type has (its
own and inherited), annotated with the types the property's values may have.
The check: every ``@type`` is a schema.org type, every property is one that
type has, and every value is of a type the property allows (a nested object of
an allowed type or one of its subtypes, text where text is allowed, a date
where a date is allowed).
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec_schemaorg.models as schemaorg
import pytest
import yaml

from learning_library.pages import document as document_page
from learning_library.pages import structured_data

from .conftest import REPO, TODAY, document, site_for

TEXT_TYPES = {"str", "URL", "Text"}
DATE_TYPES = {"date", "datetime"}
_RANGE = re.compile(r"'(\w+)'|\b(str|bool|int|float|date|datetime|time)\b")


def schema_type(name: str) -> type:
    found = getattr(schemaorg, name, None)
    assert isinstance(found, type), f"{name} is not a schema.org type"
    return found


def properties(cls: type) -> dict[str, str]:
    """A type's properties, by their JSON-LD names, each with its annotation (the types its values may have)."""
    annotations: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        annotations.update(inspect.get_annotations(klass))
    names = dict(zip(cls.__struct_encode_fields__, cls.__struct_fields__, strict=True))  # type: ignore[attr-defined]
    return {encoded: str(annotations[python]) for encoded, python in names.items()}


def allowed(annotation: str) -> set[str]:
    return {quoted or plain for quoted, plain in _RANGE.findall(annotation)}


def violations(value: Any, where: str = "") -> list[str]:
    """Everything in a JSON-LD object that schema.org does not allow, each with its place."""
    if not isinstance(value, dict) or "@type" not in value:
        return [f"{where or '/'}: a schema.org object needs an @type"]
    name = value["@type"]
    if getattr(schemaorg, name, None) is None:
        return [f"{where}/@type: {name} is not a schema.org type"]
    props = properties(schema_type(name))
    found = []
    for key, item in value.items():
        if key in ("@context", "@type", "@id"):
            continue
        if key not in props:
            found.append(f"{where}/{key}: {name} has no property {key}")
            continue
        ranges = allowed(props[key])
        for one in item if isinstance(item, list) else [item]:
            found += _check_value(one, ranges, f"{where}/{key}")
    return found


def _check_value(value: Any, ranges: set[str], where: str) -> list[str]:
    if isinstance(value, bool):
        return [] if "bool" in ranges else [f"{where}: a true/false value is not allowed here ({sorted(ranges)})"]
    if isinstance(value, str):
        if ranges & TEXT_TYPES:
            return []
        if ranges & DATE_TYPES:
            try:
                dt.date.fromisoformat(value)
                return []
            except ValueError:
                return [f"{where}: {value!r} is not a date"]
        return [f"{where}: text is not allowed here, only {sorted(ranges)}"]
    if isinstance(value, dict):
        nested = value.get("@type", "")
        kinds = [getattr(schemaorg, r, None) for r in ranges]
        cls = getattr(schemaorg, nested, None)
        if cls is None or not any(isinstance(k, type) and issubclass(cls, k) for k in kinds):
            return [f"{where}: a {nested or 'typeless object'} is not allowed here, only {sorted(ranges)}"]
        return violations(value, where)
    return [f"{where}: {type(value).__name__} values are not allowed here"]


@pytest.fixture(scope="module")
def example() -> Any:
    return site_for(REPO, dt.date(2026, 12, 1))


def test_every_review_and_briefing_of_the_example_is_described_in_schema_org_terms(example: Any) -> None:
    found = {}
    for item in example.live:
        data = structured_data.describe(example, item)
        assert data["@context"] == "https://schema.org"
        found[item.slug] = violations(data)
    assert {slug: v for slug, v in found.items() if v} == {}
    kinds = {structured_data.describe(example, d)["@type"] for d in example.live}
    assert kinds == {"Report", "Article"}


def test_a_review_with_its_report_and_a_briefing_with_its_sources(example: Any) -> None:
    ruby = structured_data.describe(example, example.by_slug["2024-child-ruby"])
    assert ruby["url"] == ruby["@id"] == "https://learning.kestrel-vale.example/reviews/2024-child-ruby/"
    assert ruby["datePublished"] == "2024-03-15" and ruby["genre"] == "Local child safeguarding practice review"
    assert ruby["associatedMedia"]["contentUrl"] == "https://learning.kestrel-vale.example/reviews/files/2024-child-ruby-report.pdf"
    assert ruby["about"][0] == {
        "@type": "DefinedTerm",
        "name": "Neglect",
        "termCode": "neglect",
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": "Kestrel Vale Safeguarding Children Partnership learning library: themes",
            "url": "https://learning.kestrel-vale.example/themes/",
        },
    }
    # a withdrawn report is not offered
    assert "associatedMedia" not in structured_data.describe(example, example.by_slug["2017-child-d"])
    briefing = structured_data.describe(example, example.by_slug["2024-hidden-men"])
    assert briefing["@type"] == "Article"
    assert {"@type": "Audience", "audienceType": "Police officers"} in briefing["audience"]
    assert "https://learning.kestrel-vale.example/reviews/2021-baby-f/" in briefing["isBasedOn"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(lambda d: d.update(colour="blue"), "/colour: Report has no property colour", id="unknown-property"),
        pytest.param(lambda d: d.update({"@type": "CaseReview"}), "/@type: CaseReview is not a schema.org type", id="unknown-type"),
        pytest.param(
            lambda d: d.update(publisher={"@type": "DefinedTerm", "name": "x"}),
            "/publisher: a DefinedTerm is not allowed here",
            id="wrong-nested-type",
        ),
        pytest.param(lambda d: d.update(datePublished="March 2024"), "/datePublished: 'March 2024' is not a date", id="not-a-date"),
        pytest.param(lambda d: d.update(isAccessibleForFree="yes"), "/isAccessibleForFree: text is not allowed here", id="text-for-bool"),
    ],
)
def test_the_check_finds_what_schema_org_does_not_allow(example: Any, change: Callable[[dict[str, Any]], None], expected: str) -> None:
    """The check above can fail: each change breaks the vocabulary in one way."""
    data = structured_data.describe(example, example.by_slug["2024-child-ruby"])
    change(data)
    assert any(v.startswith(expected) for v in violations(data)), violations(data)


def test_the_page_carries_the_description_safe_for_a_script_element(make_library: Callable[..., Path]) -> None:
    title = 'Child Q: "who" </script><script>alert(1)</script> & more'
    root = make_library({"reviews/2022-child-q.md": document(title.replace('"', '\\"'), "lcspr", "2022-01-01", "[neglect]")})
    index = site_for(root, TODAY)
    page = document_page.page(index, index.by_slug["2022-child-q"])
    meta = yaml.safe_load(page.split("---\n", 2)[1])
    script = meta["structured_data"]
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["name"] == title


def test_without_a_site_address_no_address_is_guessed(make_library: Callable[..., Path]) -> None:
    root = make_library()
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    del config["site_url"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    index = site_for(root, TODAY)
    data = structured_data.describe(index, index.by_slug["2023-child-a"])
    assert "url" not in data and "@id" not in data and "url" not in data["publisher"]
    assert violations(data) == []
