from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from helpers import SCHEMAS, lint_tree
from resonance_lint.model import Finding, Related, Severity, Span
from resonance_lint.registry import default_registry
from resonance_lint.reporters import RenderContext, render
from resonance_lint.reporters.github import escape_data, escape_property

FILES = {
    "Dockerfile": "FROM node:latest\nFROM python:latest\n",
    "sub dir/Dockerfile": "FROM ubuntu:latest\n",
}


def context(**kwargs: object) -> RenderContext:
    report = lint_tree(FILES, "DF201")
    return RenderContext(report=report, registry=default_registry(), **kwargs)  # type: ignore[arg-type]


def sarif_validator() -> object:
    jsonschema = pytest.importorskip("jsonschema")
    path = SCHEMAS / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"SARIF schema not found at {path}")
    schema = json.loads(path.read_text())
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())


def test_sarif_is_valid_and_complete() -> None:
    validator = sarif_validator()
    data = json.loads(render("sarif", context()))
    validator.validate(data)  # type: ignore[attr-defined]
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    index = {r["id"]: n for n, r in enumerate(rules)}
    df201 = rules[index["DF201"]]
    assert df201["helpUri"].endswith("/rules/DF201.md")
    assert df201["help"]["markdown"].startswith("# DF201: latest-base-image")
    assert df201["defaultConfiguration"]["level"] == "error"
    assert df201["properties"]["tags"]
    assert run["automationDetails"]["id"] == "resonance-lint/"
    results = run["results"]
    assert len(results) == 3
    for result in results:
        assert result["ruleIndex"] == index[result["ruleId"]]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert set(loc["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert result["partialFingerprints"]["primaryLocationLineHash"]
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "sub%20dir/Dockerfile"
    )


def test_sarif_security_severity_on_secret_rules() -> None:
    report = lint_tree({"a.txt": "x\n"}, None)
    data = json.loads(render("sarif", RenderContext(report=report, registry=default_registry())))
    for rule in data["runs"][0]["tool"]["driver"]["rules"]:
        if rule["id"][-3] in "34":
            assert float(rule["properties"]["security-severity"]) > 0
        else:
            assert "security-severity" not in rule["properties"]


def test_sarif_related_locations_and_limit() -> None:
    from resonance_lint.engine import Report
    from resonance_lint.reporters import sarif

    registry = default_registry()
    finding = Finding(
        "RL001",
        "a",
        Span(1, 1, 1, 2),
        "m",
        Severity.ERROR,
        related=(Related("b", Span(2, 3, 2, 4), "there"),),
        fingerprint="f",
    )
    report = Report(
        findings=(finding,) * (sarif.MAX_RESULTS + 5), files_checked=1, rules=registry.rules
    )
    data = sarif.build(RenderContext(report=report, registry=registry))
    run = data["runs"][0]
    assert len(run["results"]) == sarif.MAX_RESULTS
    assert run["results"][0]["relatedLocations"][0]["message"]["text"] == "there"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "5 results left out" in notes[0]["message"]["text"]


def test_plain_text() -> None:
    out = render("text", context())
    assert out.splitlines() == [
        "Dockerfile:1:11: DF201 [error] " + out.splitlines()[0].split("[error] ", 1)[1],
        *out.splitlines()[1:],
    ]
    assert [line.split(" ")[0] for line in out.splitlines()] == [
        "Dockerfile:1:11:",
        "Dockerfile:2:13:",
        "sub",
    ]


def test_github_commands_and_escaping() -> None:
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    lines = render("github", context()).splitlines()
    assert lines[0].startswith("::error file=Dockerfile,line=1,col=11,endLine=1,endColumn=")
    assert "title=DF201 latest-base-image::" in lines[0]


def test_gitlab_fingerprints_unique() -> None:
    items = json.loads(render("gitlab", context()))
    assert len(items) == 3
    assert len({i["fingerprint"] for i in items}) == 3
    assert items[0]["location"] == {"path": "Dockerfile", "lines": {"begin": 1, "end": 1}}
    assert items[0]["severity"] == "major"


def test_junit() -> None:
    root = ET.fromstring(render("junit", context()))
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "2"
    assert suite.get("failures") == "2"
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert "DF201" in (failure.text or "")


def test_text_report_hides_secret_lines(tmp_path: Path) -> None:
    from resonance_lint.engine import Report
    from resonance_lint.model import Source

    secret = "s3cr3t-" + "Q" * 20
    registry = default_registry()
    finding = Finding(
        "RL001",
        "a.env",
        Span(1, 5, 1, 20),
        "a secret",
        Severity.ERROR,
        secret_hash="h",
        fingerprint="f",
    )
    report = Report(
        findings=(finding,),
        files_checked=1,
        rules=registry.rules,
        sources={"a.env": Source("a.env", f"KEY={secret}\n")},
    )
    for color in (True, False):
        out = render("text", RenderContext(report=report, registry=registry, color=color))
        assert secret not in out


def test_sarif_over_the_whole_corpus() -> None:
    """Valid, within GitHub's limits, every result fingerprinted (issue: ship it)."""
    import os

    from helpers import CORPUS
    from resonance_lint.config import Config
    from resonance_lint.engine import run
    from resonance_lint.reporters import sarif

    if not CORPUS.is_dir():
        pytest.skip(f"real-world corpus not found at {CORPUS}")
    validator = sarif_validator()
    old = os.getcwd()
    os.chdir(CORPUS)
    try:
        report = run(["."], Config(), jobs=2)
    finally:
        os.chdir(old)
    assert not report.internal_errors
    data = sarif.build(RenderContext(report=report, registry=default_registry()))
    validator.validate(data)  # type: ignore[attr-defined]
    (run_,) = data["runs"]
    results = run_["results"]
    assert 1000 < len(results) <= sarif.MAX_RESULTS
    assert all(r["partialFingerprints"]["primaryLocationLineHash"] for r in results)
    prints = [(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"]) for r in results]
    assert len(set(prints)) == len(prints)
    assert all(
        len(rule["properties"]["tags"]) <= sarif.MAX_TAGS
        for rule in run_["tool"]["driver"]["rules"]
    )
    assert all(
        not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
        for r in results
    )
