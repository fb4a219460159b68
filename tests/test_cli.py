"""The command-line contract: formats, exit statuses and paths, as in docs/cli.md."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CheckText, document

BAD = document("Bad", "lcspr", "2022-02-01", "[neglet]")


def test_a_clean_library_exits_0(make_library: Callable[..., Path], check_text: CheckText) -> None:
    code, out, _ = check_text(make_library())
    assert code == 0
    assert out == "6 files checked: 0 errors, 0 warnings; nothing blocks publication\n"


def test_text_format(make_library: Callable[..., Path], check_text: CheckText) -> None:
    code, out, _ = check_text(make_library({"reviews/2022-bad.md": BAD}))
    assert code == 1
    assert out.splitlines()[0] == (
        "reviews/2022-bad.md:5:10: error metadata/unknown-theme: `neglet` is not a theme in themes.yml; did you mean `neglect`?"
    )
    assert out.splitlines()[-1] == "7 files checked: 1 error, 0 warnings; publication blocked"


NAMED = document("Named", "lcspr", "2022-02-01", "[neglect]", body="Kerry Walsh moved to the area in 2021.\n")


@pytest.mark.parametrize(
    ("ci", "args", "shown"),
    [
        (None, (), True),
        ("true", (), False),
        (None, ("--hide-text",), False),
        ("false", (), True),
    ],
)
def test_the_text_format_names_what_was_found_unless_the_log_may_be_public(
    make_library: Callable[..., Path],
    check_text: CheckText,
    monkeypatch: pytest.MonkeyPatch,
    ci: str | None,
    args: tuple[str, ...],
    shown: bool,
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    code, out, _ = check_text(make_library({"reviews/2022-named.md": NAMED}), *args)
    assert code == 1
    line = next(line for line in out.splitlines() if "anonymisation/PERSON" in line)
    if shown:
        assert line == (
            "reviews/2022-named.md:9:1: error anonymisation/PERSON: Possible person's name 'Kerry Walsh'; "
            "replace it with a pseudonym or a role (Mother, the health visitor), or declare it in pseudonyms"
        )
    else:
        assert "Kerry" not in out and "Possible person's name; replace it" in line


def test_the_github_format_never_repeats_what_was_found(
    make_library: Callable[..., Path], check_text: CheckText, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    code, out, _ = check_text(make_library({"reviews/2022-named.md": NAMED}), "--format", "github")
    assert code == 1 and "anonymisation/PERSON" in out and "Kerry" not in out


def test_json_format(make_library: Callable[..., Path], check_text: CheckText) -> None:
    code, out, _ = check_text(make_library({"reviews/2022-bad.md": BAD}), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["findings"] == [
        {
            "path": "reviews/2022-bad.md",
            "line": 5,
            "column": 10,
            "end_line": 5,
            "end_column": 16,
            "severity": "error",
            "rule": "metadata/unknown-theme",
            "message": "`neglet` is not a theme in themes.yml; did you mean `neglect`?",
        }
    ]
    assert data["summary"]["files"] == 7 and data["summary"]["errors"] == 1 and data["summary"]["warnings"] == 0
    assert isinstance(data["summary"]["seconds"], float)


def test_sarif_format(make_library: Callable[..., Path], check_text: CheckText) -> None:
    code, out, _ = check_text(make_library({"reviews/2022-bad.md": BAD}), "--format", "sarif")
    assert code == 1
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "metadata/unknown-theme" and result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "reviews/2022-bad.md"},
        "region": {"startLine": 5, "startColumn": 10, "endLine": 5, "endColumn": 16},
    }
    assert sarif["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "metadata/unknown-theme"


def test_github_format(make_library: Callable[..., Path], check_text: CheckText) -> None:
    code, out, _ = check_text(make_library({"reviews/2022-bad.md": BAD}), "--format", "github")
    assert code == 1
    assert out.splitlines()[0] == (
        "::error file=reviews/2022-bad.md,line=5,col=10,endLine=5,endColumn=16,title=metadata/unknown-theme::"
        "`neglet` is not a theme in themes.yml; did you mean `neglect`?"
    )


def test_paths_are_reported_as_given(make_library: Callable[..., Path], check_text: CheckText) -> None:
    root = make_library({"reviews/2022-bad.md": BAD})
    code, out, _ = check_text(root, "./reviews/2022-bad.md", "--format", "json")
    assert code == 1
    assert (
        json.loads(out)["findings"][0]["path"] == "reviews/2022-bad.md" or json.loads(out)["findings"][0]["path"] == "./reviews/2022-bad.md"
    )
    code, out, _ = check_text(root, "reviews", "--format", "json")
    assert [f["path"] for f in json.loads(out)["findings"]] == ["reviews/2022-bad.md"]
    assert json.loads(out)["summary"]["files"] == 2


def test_a_single_file_is_checked_against_the_whole_library(make_library: Callable[..., Path], check_text: CheckText) -> None:
    root = make_library()
    code, out, _ = check_text(root, "briefings/2024-neglect-briefing.md")
    assert code == 0, out


def test_a_file_outside_the_library_uses_its_vocabulary(make_library: Callable[..., Path], check_text: CheckText, tmp_path: Path) -> None:
    root = make_library()
    outside = tmp_path / "elsewhere" / "draft-review.md"
    outside.parent.mkdir()
    outside.write_text(BAD)
    code, out, _ = check_text(root, str(outside))
    assert code == 1
    assert f"{outside}:5:10: error metadata/unknown-theme" in out


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param(lambda root: (root / "themes.yml").write_text("themes: [\n"), "themes.yml:2: not valid YAML", id="broken-vocabulary"),
        pytest.param(lambda root: (root / "themes.yml").unlink(), "the vocabulary file is missing", id="missing-vocabulary"),
        pytest.param(lambda root: (root / "mkdocs.yml").write_text("nav: []\n"), "`site_name` is missing", id="config-without-site-name"),
        pytest.param(lambda root: (root / "mkdocs.yml").unlink(), "the site settings file is missing", id="missing-config"),
        pytest.param(
            lambda root: (root / "themes.yml").write_text(
                (root / "themes.yml").read_text().replace("priorities: [neglect", "priorities: [neglet")
            ),
            "priority `neglet` is not a theme; did you mean `neglect`?",
            id="bad-priority",
        ),
    ],
)
def test_an_unusable_config_exits_2_with_one_line(
    make_library: Callable[..., Path], check_text: CheckText, setup: Callable[[Path], object], expected: str
) -> None:
    root = make_library()
    setup(root)
    code, out, err = check_text(root)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert expected in err and err.startswith("learning-library: the check could not run:")


def test_a_broken_vocabulary_exits_2_with_one_line_per_problem(make_library: Callable[..., Path], check_text: CheckText) -> None:
    root = make_library()
    themes = root / "themes.yml"
    themes.write_text(
        themes.read_text().replace("priorities: [neglect", "priorities: [neglet").replace("  police: {label: Police}", "  police: Police")
    )
    code, out, err = check_text(root)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("learning-library: the check could not run:")
    assert "themes.yml:" in lines[0] and "`police` should be" in lines[0]
    assert "themes.yml:" in lines[1] and "priority `neglet` is not a theme; did you mean `neglect`?" in lines[1]


def test_a_missing_path_exits_2(make_library: Callable[..., Path], check_text: CheckText) -> None:
    code, _, err = check_text(make_library(), "reviews/nope.md")
    assert code == 2 and "reviews/nope.md: no such file or folder" in err


def test_an_unreadable_file_means_the_check_cannot_run(make_library: Callable[..., Path], check_text: CheckText) -> None:
    root = make_library()
    (root / "reviews/2021-latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    code, out, err = check_text(root)
    assert code == 2 and out == ""
    assert err == (
        "learning-library: the check could not run: reviews/2021-latin1.md: the file is not UTF-8 text "
        "(invalid continuation byte at byte 14); save it as UTF-8\n"
    )
