"""The editor's configuration, generated from the content model and themes.yml, and the files of /admin/."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from learning_library import authoring
from learning_library.content import DOCUMENT_FIELDS, RECOMMENDATION_STATUSES
from learning_library.content.schema import SUMMARY_SENTENCES, Slug, Summary
from learning_library.editor import config as editor_config_module
from learning_library.editor.admin import CMS_VARIABLE, admin_files, cms_folder, page
from learning_library.editor.config import LOCAL_API, editor_config
from learning_library.errors import ConfigError
from learning_library.library import EditorSettings, load_settings
from learning_library.validation import Choice, FieldSpec, ListOf, Validator
from learning_library.vocabulary import BRIEFING, REVIEW, Vocabulary, load_vocabulary

from .conftest import REPO, Invoke, config_problems, set_extra

VOCABULARY = load_vocabulary(REPO / "themes.yml")
GITHUB = EditorSettings("kestrel-vale/learning-library", "https://cms-auth.kestrel-vale.example/auth")
DOCUMENTS = {"2024-child-ruby": "Child Ruby: local child safeguarding practice review", "2024-hidden-men": "Hidden men"}


def configuration(*, local: bool = True, vocabulary: Vocabulary = VOCABULARY) -> dict[str, Any]:
    return editor_config(vocabulary, DOCUMENTS, site_name="Kestrel Vale", site_url="https://x.example/", github=GITHUB, local=local)


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def fields(config: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in collection(config, name)["fields"]}


# --- every key of the content model is a field ------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), [("reviews", REVIEW), ("themed-briefing", BRIEFING), ("seven-minute-briefing", BRIEFING)])
def test_every_key_of_the_content_model_is_a_field_of_the_form(name: str, kind: str) -> None:
    keys = [spec.key for spec in DOCUMENT_FIELDS if spec.allows(kind)]
    assert sorted(fields(configuration(), name)) == sorted([*keys, "body"])


def test_a_key_added_to_the_schema_is_in_the_form_in_its_place_without_a_change_to_the_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key another issue adds later (here two invented ones) flows in from its FieldSpec, labelled from its name."""
    added = [FieldSpec("replaces", Slug()), FieldSpec("reading_level", Choice(("plain", "technical")))]
    monkeypatch.setattr(editor_config_module, "DOCUMENT_FIELDS", (*DOCUMENT_FIELDS, *added))
    form = collection(configuration(), "reviews")["fields"]
    names = [f["name"] for f in form]
    assert names[-3:] == ["replaces", "reading_level", "body"]
    replaces, level = form[-3], form[-2]
    assert (
        replaces["widget"] == "select"
        and {"label": f"{DOCUMENTS['2024-child-ruby']} (2024-child-ruby)", "value": "2024-child-ruby"} in (replaces["options"])
    )
    assert level["options"] == [{"label": "Plain", "value": "plain"}, {"label": "Technical", "value": "technical"}]
    assert level["label"] == "Reading level" and level["required"] is False


def test_the_lifecycle_keys_are_in_the_form() -> None:
    """search_engines and superseded_by, added to the content model by the lifecycle issue, needed only a switch widget and their words."""
    for name in ("reviews", "themed-briefing"):
        form = fields(configuration(), name)
        assert form["search_engines"]["widget"] == "boolean" and form["search_engines"]["default"] is True
        assert form["search_engines"]["label"] == "Listed by search engines" and form["search_engines"]["required"] is False
        assert form["superseded_by"]["label"] == "Replaced by" and form["superseded_by"]["widget"] == "select"
        assert "multiple" not in form["superseded_by"]


def test_a_validator_the_editor_does_not_know_is_a_loud_bug_not_a_silent_gap() -> None:
    class Unheard(Validator):
        pass

    context = editor_config_module.Context(VOCABULARY, REVIEW, DOCUMENTS)
    with pytest.raises(editor_config_module.NoWidget, match="no field for `strange`"):
        editor_config_module.field_for(FieldSpec("strange", Unheard()), context)


# --- the pickers come from themes.yml ------------------------------------------------------------


def test_themes_agencies_age_bands_and_types_are_picked_from_the_vocabulary() -> None:
    review = fields(configuration(), "reviews")
    assert review["themes"]["widget"] == "select" and review["themes"]["multiple"] is True and review["themes"]["min"] == 1
    assert review["themes"]["options"] == [{"label": t.label, "value": t.slug} for t in VOCABULARY.themes.values()]
    assert review["agencies"]["options"] == [{"label": t.label, "value": t.slug} for t in VOCABULARY.agencies.values()]
    assert review["age_band"]["options"] == [{"label": t.label, "value": t.slug} for t in VOCABULARY.age_bands.values()]
    assert review["age_band"]["required"] is False and "multiple" not in review["age_band"]
    assert [o["value"] for o in review["type"]["options"]] == list(VOCABULARY.review_types)
    assert review["type"]["default"] == "lcspr"


def test_each_briefing_type_is_a_collection_showing_its_own_briefings() -> None:
    config = configuration()
    briefings = [c for c in config["collections"] if c["folder"] == "briefings"]
    assert [c["name"] for c in briefings] == list(VOCABULARY.briefing_types)
    for c in briefings:
        assert c["filter"] == {"field": "type", "value": c["name"]}
        type_field = next(f for f in c["fields"] if f["name"] == "type")
        assert type_field == {"label": "Type", "name": "type", "widget": "hidden", "default": c["name"]}
        assert c["label_singular"] == VOCABULARY.briefing_types[c["name"]].label


def test_a_theme_added_to_the_vocabulary_is_in_every_list_of_themes(tmp_path: Path) -> None:
    text = (
        (REPO / "themes.yml")
        .read_text()
        .replace("themes:\n", 'themes:\n  county-lines: {label: "County lines", description: "Drug dealing networks.", facet: harm}\n', 1)
    )
    (tmp_path / "themes.yml").write_text(text)
    config = configuration(vocabulary=load_vocabulary(tmp_path / "themes.yml"))
    for c in config["collections"]:
        assert {"label": "County lines", "value": "county-lines"} in next(f for f in c["fields"] if f["name"] == "themes")["options"]


# --- new entries: drafts, the template's headings, new's order ------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"), [("reviews", "review"), ("themed-briefing", "themed-briefing"), ("seven-minute-briefing", "seven-minute-briefing")]
)
def test_a_new_entry_starts_as_the_template_starts_it(name: str, kind: str) -> None:
    form = fields(configuration(), name)
    starter = authoring.starter(kind)
    assert form["status"]["default"] == "draft" and form["status"]["required"] is True
    assert form["body"]["default"] == starter.body and form["body"]["modes"] == ["raw"]
    assert form["published"]["default"] == "{{now}}"
    for key, value in starter.values.items():
        if isinstance(value, list) and key != "themes":
            assert form[key]["default"] == value, key
    assert "default" not in form["summary"] and "default" not in form["title"]


@pytest.mark.parametrize(("name", "kind"), [("reviews", "review"), ("themed-briefing", "themed-briefing")])
def test_the_fields_come_in_the_order_new_writes_the_keys(name: str, kind: str) -> None:
    names = [f["name"] for f in collection(configuration(), name)["fields"]]
    written = [k for k in authoring.starter(kind).keys if k in names]
    assert [n for n in names if n in written] == written
    assert names[-1] == "body"


def test_the_summary_is_held_to_the_checks_limit_of_sentences() -> None:
    field = fields(configuration(), "reviews")["summary"]
    pattern = re.compile(field["pattern"][0])
    assert SUMMARY_SENTENCES == 3 and isinstance(next(s for s in DOCUMENT_FIELDS if s.key == "summary").validator, Summary)
    assert pattern.match("One. Two! Three?")
    assert pattern.match("One sentence without a full stop")
    assert pattern.match("Aged 4.5 years. A second one.")  # a decimal point ends no sentence, as in the check
    assert not pattern.match("One. Two. Three. Four.")
    assert field["widget"] == "text" and "three" in field["hint"]


def test_allow_entries_need_a_reason_and_pseudonyms_are_a_list_of_names() -> None:
    form = fields(configuration(), "reviews")
    allow = {f["name"]: f for f in form["allow"]["fields"]}
    assert allow["text"]["required"] is True and allow["reason"]["required"] is True
    assert form["pseudonyms"]["widget"] == "list" and form["pseudonyms"]["field"]["widget"] == "string"
    checked = {f["name"]: f for f in form["checked_by_hand"]["fields"]}
    assert checked["reason"]["required"] is True and checked["file"]["pattern"][0].startswith("^(reviews/files/")


def test_recommendations_are_a_list_of_id_text_owner_status_evidence_and_updated() -> None:
    recommendations = fields(configuration(), "reviews")["recommendations"]
    inner = {f["name"]: f for f in recommendations["fields"]}
    assert list(inner) == ["id", "text", "owner", "status", "evidence", "updated"]
    assert inner["id"]["required"] and inner["text"]["required"] and not inner["owner"]["required"]
    assert [o["value"] for o in inner["status"]["options"]] == list(RECOMMENDATION_STATUSES)
    assert inner["updated"]["widget"] == "datetime" and inner["updated"]["format"] == "YYYY-MM-DD"
    assert recommendations["default"] == [] and recommendations["summary"] == "{{fields.id}}: {{fields.text}}"


@pytest.mark.parametrize("key", ["report", "response"])
def test_the_report_and_the_response_are_files_saved_in_reviews_files(key: str) -> None:
    field = fields(configuration(), "reviews")[key]
    assert field["widget"] == "file"
    assert (field["media_folder"], field["public_folder"]) == ("/reviews/files", "reviews/files")


def test_briefings_have_no_review_fields_and_reviews_no_audience() -> None:
    assert "audience" not in fields(configuration(), "reviews")
    assert {"report", "recommendations", "age_band", "response"}.isdisjoint(fields(configuration(), "themed-briefing"))


def test_files_are_named_from_the_year_of_publication_and_the_title() -> None:
    assert collection(configuration(), "reviews")["slug"] == "{{fields.published | date('YYYY')}}-{{slug}}"


# --- backends -----------------------------------------------------------------------------------


def test_the_published_editor_proposes_each_change_as_a_pull_request_on_github() -> None:
    config = configuration(local=False)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {
        "name": "github",
        "repo": "kestrel-vale/learning-library",
        "branch": "main",
        "base_url": "https://cms-auth.kestrel-vale.example",
        "auth_endpoint": "auth",
    }


def test_the_local_editor_saves_to_the_files_here_through_the_preview_server() -> None:
    config = configuration(local=True)
    assert config["backend"] == {"name": "proxy", "proxy_url": LOCAL_API, "branch": "main"}
    assert "publish_mode" not in config and "local_backend" not in config


def test_the_yaml_says_where_it_comes_from_and_reads_back_the_same() -> None:
    config = configuration()
    text = editor_config_module.as_yaml(config, site_name="Kestrel Vale")
    assert text.startswith("# The browser editor of Kestrel Vale: generated at every build")
    assert yaml.safe_load(text) == config


# --- settings: extra: editor ----------------------------------------------------------------------


def test_the_editor_settings_are_read_from_mkdocs_yml(make_library: Callable[..., Path]) -> None:
    root = make_library()
    set_extra(root, {"editor": {"repo": "kestrel-vale/learning-library", "auth_url": "https://auth.example.org/", "branch": "live"}})
    assert load_settings(root / "mkdocs.yml").editor == EditorSettings("kestrel-vale/learning-library", "https://auth.example.org/", "live")
    set_extra(root, {"overdue_after_months": 6})
    assert load_settings(root / "mkdocs.yml").editor is None


def test_unusable_editor_settings_are_reported_together(tmp_path: Path) -> None:
    text = "site_name: x\nextra:\n  editor:\n    repo: learning-library\n    auth_url: http://auth.example.org\n    brnach: main\n"
    problems = config_problems(tmp_path / "mkdocs.yml", text, lambda: load_settings(tmp_path / "mkdocs.yml"))
    assert problems == [
        "mkdocs.yml:4:11: `repo` should be owner/name but is `learning-library`; write the repository as on GitHub, like `kestrel-vale/learning-library`",
        "mkdocs.yml:5:15: `auth_url` should be a web address starting with https:// but is `http://auth.example.org`; give the sign-in service's address",
        "mkdocs.yml:6:5: unknown key `brnach` in `extra: editor`; did you mean `branch`?",
    ]


# --- the files of /admin/ -----------------------------------------------------------------------------


@pytest.fixture
def fake_cms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the CMS's built files, as ``npm ci`` lays them out."""
    folder = tmp_path / "cms"
    folder.mkdir()
    for name in (
        "decap-cms.js",
        "decap-cms.js.map",
        "12.decap-cms.js",
        "12.decap-cms.js.map",
        "12.cms.js",
        "cms.js",
        "abc.wasm",
        "cms.css",
    ):
        (folder / name).write_text(f"/* {name} */")
    monkeypatch.setenv(CMS_VARIABLE, str(folder))
    return folder


def test_admin_holds_the_page_the_configuration_the_bundle_and_its_chunks(make_library: Callable[..., Path], fake_cms: Path) -> None:
    root = make_library()
    set_extra(root, {"editor": {"repo": "kestrel-vale/learning-library", "auth_url": "https://auth.example.org/auth"}})
    settings = load_settings(root / "mkdocs.yml")
    files = admin_files(settings, VOCABULARY, DOCUMENTS, local=False)
    assert sorted(files) == [
        "admin/12.decap-cms.js",
        "admin/abc.wasm",
        "admin/config.yml",
        "admin/decap-cms.js",
        "admin/editor.css",
        "admin/editor.js",
        "admin/index.html",
    ]
    assert files["admin/decap-cms.js"] == fake_cms / "decap-cms.js"
    config = yaml.safe_load(files["admin/config.yml"])  # type: ignore[arg-type]
    assert config["backend"]["name"] == "github"


def test_the_editors_page_is_noindex_runs_nothing_inline_and_has_its_own_policy() -> None:
    published = page("Kestrel Vale <learning>", ["reviews", "themed-briefing"], github=True)
    assert '<meta name="robots" content="noindex, nofollow">' in published
    assert "<title>Editor: Kestrel Vale &lt;learning&gt;</title>" in published
    assert '<meta name="learning-library-collections" content="reviews themed-briefing">' in published
    assert re.findall(r"<script\b[^>]*>", published) == ['<script src="decap-cms.js">', '<script src="editor.js">']
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', published)
    assert policy and "connect-src 'self' https://api.github.com;" in policy.group(1)
    hosts = set(re.findall(r"https://[^\s;]+", policy.group(1)))
    assert hosts == {"https://api.github.com", "https://avatars.githubusercontent.com"}
    local = page("Kestrel Vale", ["reviews"], github=False)
    assert "https://" not in re.search(r'content="([^"]+)"', local).group(1)  # type: ignore[union-attr]


def test_without_the_cms_installed_the_editor_is_refused_with_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CMS_VARIABLE, str(tmp_path / "nowhere"))
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    with pytest.raises(ConfigError, match=r"the browser editor \(Decap CMS\) is not installed: run `make`"):
        cms_folder(load_settings(tmp_path / "mkdocs.yml"))


def test_every_list_field_of_the_schema_is_a_list_or_a_multiple_choice() -> None:
    config = configuration()
    for spec in DOCUMENT_FIELDS:
        if isinstance(spec.validator, ListOf):
            name = "reviews" if spec.allows(REVIEW) else "themed-briefing"
            field = fields(config, name)[spec.key]
            assert field["widget"] == "list" or (field["widget"] == "select" and field["multiple"] is True), spec.key


def test_learning_library_edit_will_not_start_a_blank_editor(
    make_library: Callable[..., Path], invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CMS_VARIABLE, str(tmp_path / "nowhere"))
    result = invoke(make_library(), "edit", "--no-browser")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "learning-library: the editor could not start: the browser editor (Decap CMS) is not installed: run `make`"
    )


def test_the_edit_command_serves_strictly_with_live_reload_on_this_computer_only() -> None:
    from learning_library.editor import session

    command = session.command(Path("/library/mkdocs.yml"), 8123)
    assert command[1:] == ["-m", "mkdocs", "serve", "--strict", "--livereload", "-a", "127.0.0.1:8123", "-f", "/library/mkdocs.yml"]
