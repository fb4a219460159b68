"""The anonymisation check end to end: places, what is accepted, suppressions, the cache, failing closed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from learning_library.anonymisation import engine as engine_module
from learning_library.anonymisation import policy as policy_module
from learning_library.cli import main
from learning_library.errors import ConfigError

from .conftest import REPO, CheckJson, copy_example, document, mkdocs_build

pytestmark = pytest.mark.model


def anonymisation_findings(data: dict[str, Any]) -> list[tuple[str, int, int, str, str]]:
    return [(f["path"], f["line"], f["column"], f["entity"], f["text"]) for f in data["findings"] if f["rule"].startswith("anonymisation/")]


def test_findings_point_at_the_exact_place_in_body_and_front_matter(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    text = (
        "---\n"
        'title: "Child B: review"\n'
        "type: lcspr\n"
        "published: 2023-01-01\n"
        "themes: [neglect]\n"
        "summary: Child B lived with Kerry Walsh. The review looks at neglect.\n"
        "---\n\n"
        "## What happened\n\n"
        "The family lived at 14 Larch Close and **Mrs Okafor** visited on 3rd March 2021.\n"
    )
    code, data = check_json(make_library({"reviews/2023-child-b.md": text}))
    assert code == 1
    found = anonymisation_findings(data)
    assert ("reviews/2023-child-b.md", 6, 29, "PERSON", "Kerry Walsh") in found
    assert ("reviews/2023-child-b.md", 11, 21, "STREET_ADDRESS", "14 Larch Close") in found
    assert ("reviews/2023-child-b.md", 11, 42, "PERSON", "Mrs Okafor") in found
    assert ("reviews/2023-child-b.md", 11, 66, "DATE", "3rd March 2021") in found
    person = next(f for f in data["findings"] if f.get("text") == "Kerry Walsh")
    assert (
        person["message"]
        == "Possible person's name; replace it with a pseudonym or a role (Mother, the health visitor), or declare it in pseudonyms"
    )
    assert person["end_column"] == 40 and person["severity"] == "error" and person["rule"] == "anonymisation/PERSON"


def test_reports_that_may_reach_a_public_log_do_not_repeat_the_personal_data(
    make_library: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library({"reviews/2023-leak.md": document("Leak", "lcspr", "2023-01-01", "[neglect]", body="Kerry Walsh called.\n")})
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    for args in (["--format", "text", "--hide-text"], ["--format", "github"], ["--format", "sarif"]):
        result = CliRunner().invoke(main, ["check", *args])
        assert result.exit_code == 1
        assert "anonymisation/PERSON" in result.stdout and "Kerry" not in result.stdout


def test_pseudonyms_allow_and_site_allow_are_accepted(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    body = "Ruby told the teacher. Ruby Jones is not a pseudonym. Call 0808 800 5000. Westmoor is our area.\n"
    root = make_library(
        {
            "reviews/2023-ruby.md": document(
                "Ruby",
                "lcspr",
                "2023-01-01",
                "[neglect]",
                body=body,
                pseudonyms="[Ruby]",
                allow='[{text: "0808 800 5000", reason: "NSPCC"}]',
            )
        }
    )
    (root / "anonymisation.yml").write_text('allow:\n  - {text: "Westmoor", reason: "our area"}\n')
    code, data = check_json(root)
    assert [(f[3], f[4]) for f in anonymisation_findings(data)] == [("PERSON", "Ruby Jones")]
    assert code == 1


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("reviews/2024-kayleigh.md", document("Child K", "lcspr", "2024-01-01", "[neglect]", body="The review.\n")),
        ("briefings/2024-kayleigh-and-neglect.md", document("Neglect", "themed-briefing", "2024-01-01", "[neglect]", body="A briefing.\n")),
        ("content/about-kayleigh.md", "# About\n\nThis page is about the library.\n"),
    ],
    ids=["review", "briefing", "page"],
)
def test_a_first_name_in_a_published_file_name_blocks(
    make_library: Callable[..., Path], check_json: CheckJson, path: str, text: str
) -> None:
    """The file's name is the page's address (/reviews/2024-kayleigh/): a name there is published."""
    code, data = check_json(make_library({path: text}))
    (finding,) = [f for f in data["findings"] if f.get("field") == "File name"]
    assert code == 1 and finding["path"] == path and finding["text"] == "Kayleigh" and finding["rule"] == "anonymisation/PERSON"
    assert finding["severity"] == "error" and "rename the file" in finding["message"]


def test_a_pseudonym_in_a_file_name_is_accepted_when_declared(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    declared = document("Child Kayleigh", "lcspr", "2024-01-01", "[neglect]", body="Kayleigh was four.\n", pseudonyms="[Kayleigh]")
    undeclared = document("Child M", "lcspr", "2024-01-01", "[neglect]", body="M was four.\n")
    code, data = check_json(make_library({"reviews/2024-child-kayleigh.md": declared, "reviews/2024-child-kayleigh-m.md": undeclared}))
    named = [(f["path"], f["text"]) for f in data["findings"] if f.get("field") == "File name"]
    assert named == [("reviews/2024-child-kayleigh-m.md", "Kayleigh")] and code == 1


def test_an_inline_suppression_accepts_one_occurrence_and_needs_a_reason(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    body = (
        "Dr Eileen Marsh<!-- allow: the independent scrutineer, named in the annual report --> chaired the panel.\n\n"
        "Dr Eileen Marsh also wrote to the family.\n\n"
        "Mrs Okafor<!-- allow: --> visited.\n\n"
        "Nothing here<!-- allow: stale comment -->.\n"
    )
    root = make_library({"reviews/2023-sup.md": document("Sup", "lcspr", "2023-01-01", "[neglect]", body=body)})
    code, data = check_json(root)
    rules = sorted((f["line"], f["rule"]) for f in data["findings"])
    assert rules == [
        (11, "anonymisation/PERSON"),
        (13, "anonymisation/PERSON"),
        (13, "anonymisation/suppression-without-reason"),
        (15, "anonymisation/unused-suppression"),
    ]
    signoff = CliRunner().invoke(main, ["check", "--report"])
    assert "line 9: one occurrence of “Dr Eileen Marsh”: the independent scrutineer, named in the annual report" in signoff.stdout
    assert code == 1


def test_the_cache_answers_for_unchanged_files_without_loading_the_model(
    make_library: Callable[..., Path], check_json: CheckJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library({"reviews/2023-leak.md": document("Leak", "lcspr", "2023-01-01", "[neglect]", body="Kerry Walsh called.\n")})
    first = check_json(root)
    assert (root / ".cache/learning-library/anonymisation.json").is_file()

    def no_model(model: str) -> None:
        raise AssertionError("the model was loaded for an unchanged library")

    monkeypatch.setattr(engine_module, "engine", no_model)
    assert check_json(root)[1]["findings"] == first[1]["findings"]
    # a changed file is scanned again; --no-cache scans everything
    (root / "reviews/2023-leak.md").write_text(document("Leak", "lcspr", "2023-01-01", "[neglect]", body="Mrs Okafor called.\n"))
    with pytest.raises(AssertionError, match="the model was loaded"):
        check_json(root)
    with pytest.raises(AssertionError, match="the model was loaded"):
        check_json(root.parent / "library", "--no-cache")


def test_changing_the_allow_list_rejudges_the_cached_detections_without_the_model(
    make_library: Callable[..., Path], check_json: CheckJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library({"reviews/2023-leak.md": document("Leak", "lcspr", "2023-01-01", "[neglect]", body="Kerry Walsh called.\n")})
    assert check_json(root)[0] == 1

    def no_model(model: str) -> None:
        raise AssertionError("the model was loaded for an unchanged library")

    monkeypatch.setattr(engine_module, "engine", no_model)
    (root / "anonymisation.yml").write_text('allow:\n  - {text: "Kerry Walsh", reason: "invented for this test"}\n')
    code, data = check_json(root)
    assert code == 0 and anonymisation_findings(data) == []


def test_the_cache_key_covers_every_file_that_decides_what_is_scanned() -> None:
    from learning_library.anonymisation import keys

    files = {p.relative_to(REPO / "src").as_posix() for p in keys._files()}
    assert {
        "learning_library/anonymisation/recognizers.py",
        "learning_library/anonymisation/acceptance.py",
        "learning_library/anonymisation/scanner.py",
        "learning_library/anonymisation/data/public/areas.txt",
        "learning_library/anonymisation/data/first_names.txt",
        "learning_library/frontmatter.py",
        "learning_library/validation.py",
        "learning_library/yamltext.py",
    } <= files
    assert any(f.startswith("learning_library/content") for f in files), "which front matter keys are published decides what is scanned"


def test_a_recommendation_id_is_scanned_like_the_rest(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    recommendation = '[{id: "Kerry Walsh", text: "Ask about every adult.", owner: Health, status: open}]'
    text = document("Ids", "lcspr", "2023-01-01", "[neglect]", recommendations=recommendation)
    code, data = check_json(make_library({"reviews/2023-ids.md": text}))
    assert code == 1 and [f[3:] for f in anonymisation_findings(data)] == [("PERSON", "Kerry Walsh")]


def test_a_missing_model_fails_closed(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library()
    (root / "anonymisation.yml").write_text("model: en_core_web_not_installed\n")
    code, data = check_json(root)
    assert code == 2
    assert "the spaCy model `en_core_web_not_installed` is not installed, so the anonymisation check cannot run" in data["stderr"]


@pytest.mark.build
def test_a_missing_model_fails_the_build(make_library: Callable[..., Path]) -> None:
    root = make_library()
    (root / "anonymisation.yml").write_text("model: en_core_web_not_installed\n")
    result = mkdocs_build(root, strict=False)
    assert result.returncode == 1
    assert "the check could not run" in result.stdout + result.stderr
    assert not (root / "site/index.html").exists()


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ("severity:\n  PERSN: error\n", "`severity` names `PERSN`, which is not an entity"),
        ("severity:\n  PERSON: block\n", "the severity of `PERSON` is `block`; use error, warning or off"),
        ("threshold: 2\n", "threshold is `2`; use a number from 0 to 1"),
        ("allow:\n  - {text: Westmoor}\n", "the site-wide allow entry `Westmoor` has no reason"),
        ("allow:\n  - {pattern: '*', reason: all}\n", "the allow pattern `*` would accept anything"),
        ("alow: []\n", "unknown setting `alow`"),
        ("checked_by_hand:\n  - {file: content/report.pdf}\n", "the `checked_by_hand` entry for `content/report.pdf` has no reason"),
        ("checked_by_hand:\n  - {file: /tmp/report.pdf, reason: read}\n", "each `checked_by_hand` entry needs the file's path"),
        ("allow: [\n", "not valid YAML"),
    ],
)
def test_an_unusable_policy_is_a_config_error(tmp_path: Path, policy: str, message: str) -> None:
    (tmp_path / "anonymisation.yml").write_text(policy)
    with pytest.raises(ConfigError, match=r"anonymisation\.yml") as caught:
        policy_module.load_policy(tmp_path)
    assert message in str(caught.value)


def test_a_warning_severity_does_not_block(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library({"reviews/2023-leak.md": document("Leak", "lcspr", "2023-01-01", "[neglect]", body="Kerry Walsh called.\n")})
    (root / "anonymisation.yml").write_text("severity:\n  PERSON: warning\n")
    code, data = check_json(root)
    assert code == 0 and data["summary"]["warnings"] >= 1


PLANTS = [
    ("PERSON", "The plan was agreed with Kerry Walsh."),
    ("STREET_ADDRESS", "The family lived at 27 Mill Lane."),
    ("UK_POSTCODE", "The family lived in KV4 7RT."),
    ("PHONE_NUMBER", "Mother's number was 07700 900123."),
    ("EMAIL_ADDRESS", "Mother wrote from kerry.w@example.com."),
    ("DATE", "Child A was born on 14/07/2016."),
    ("UK_NHS", "Child A's NHS number is 999 123 4578."),
    ("UK_NINO", "Father's National Insurance number was QQ 12 34 56 C."),
    ("NAMED_SETTING", "Child A attended Oakfield Academy."),
    ("UK_VEHICLE_REGISTRATION", "A car, KV19 XRT, was seen."),
    ("SOCIAL_MEDIA", "He used the handle @kv_trapstar_07."),
]


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("example"))


@pytest.mark.parametrize(("entity", "sentence"), PLANTS)
def test_a_planted_identifier_in_the_example_library_is_caught(
    example_copy: Path, check_json: CheckJson, entity: str, sentence: str
) -> None:
    path = example_copy / "reviews/2024-child-ruby.md"
    original = path.read_text()
    try:
        path.write_text(original + "\n" + sentence + "\n")
        line = original.count("\n") + 2
        code, data = check_json(example_copy)
        assert code == 1
        found = [(f[0], f[1], f[3]) for f in anonymisation_findings(data)]
        assert ("reviews/2024-child-ruby.md", line, entity) in found
    finally:
        path.write_text(original)


def test_the_example_library_checks_clean(example_copy: Path, check_json: CheckJson) -> None:
    code, data = check_json(example_copy)
    assert code == 0, data["findings"]
    assert data["summary"]["warnings"] == 0


@pytest.mark.build
def test_a_planted_name_stops_the_build(example_copy: Path) -> None:
    path = example_copy / "briefings/2025-neglect.md"
    original = path.read_text()
    try:
        path.write_text(original.replace("summary: ", "summary: Kerry Walsh said so. ", 1))
        result = mkdocs_build(example_copy)
        output = result.stdout + result.stderr
        assert result.returncode == 1
        assert "briefings/2025-neglect.md:" in output and "error anonymisation/PERSON: Possible person's name" in output
        assert not (example_copy / "site/index.html").exists()
    finally:
        path.write_text(original)


def test_an_author_who_shares_a_towns_name_is_not_a_place_in_a_reference(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    """Brandon is a town in Suffolk and the most cited author of serious case reviews: cited, the name is neither a person nor a place."""
    body = (
        "## What happened\n\nThe family moved to Brandon in the spring.\n\n"
        "## References\n\n"
        "Brandon, M. and Sidebotham, P. (2020) Complexity and challenge: a triennial analysis of serious case reviews. DfE.\n\n"
        "As Brandon et al. (2020) found, neglect was present in most reviews.\n"
    )
    _, data = check_json(make_library({"reviews/2023-child-b.md": document("Child B", "lcspr", "2023-01-01", "[neglect]", body=body)}))
    found = [(f["line"], f["entity"], f["text"]) for f in data["findings"] if f["rule"].startswith("anonymisation/")]
    places = [line for line, entity, text in found if text == "Brandon"]
    assert places and all(line == 11 for line in places), found  # the town in the text is still a place to look at
