"""Terraform documents: files, modules, values through variables/locals/tfvars, references."""

from __future__ import annotations

from pathlib import Path

import pytest

from resonance_lint.errors import ParseError
from resonance_lint.model import Mapping, Scalar, Source, Target
from resonance_lint.parsers.hcl_model import Attribute, Block
from resonance_lint.parsers.terraform import (
    TerraformFileDocument,
    TerraformModuleDocument,
    build_modules,
    parse,
)

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def doc(path: str, text: str) -> TerraformFileDocument:
    return parse(Source(path, text))


def module(files: dict[str, str], listing: frozenset[str] = frozenset()) -> TerraformModuleDocument:
    docs = [doc(path, text) for path, text in files.items()]
    modules = build_modules(docs, listing | frozenset(files))
    assert len(modules) == 1
    return modules[0]


def test_file_document() -> None:
    d = doc("infra/main.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n')
    assert d.target == Target.TERRAFORM
    assert d.path == "infra/main.tf"
    assert not d.is_vars
    (block,) = d.blocks
    assert block.address == "aws_s3_bucket.b"


def test_tfvars_are_attribute_only() -> None:
    d = doc("prod.tfvars", 'region = "eu-west-1"\nsizes = [1, 2]\n')
    assert d.is_vars
    assert not d.is_auto_vars
    assert [a.name for a in d.attributes] == ["region", "sizes"]
    assert doc("terraform.tfvars", "").is_auto_vars
    assert doc("x.auto.tfvars", "").is_auto_vars
    with pytest.raises(ParseError) as caught:
        doc("bad.tfvars", 'x = 1\nresource "a" "b" {}\n')
    assert (caught.value.line, caught.value.column) == (2, 1)


def test_statement_start_covers_multi_line_attributes_and_headers() -> None:
    text = (
        'resource "aws_ecs_task_definition" "t" {\n'  # 1
        "  container_definitions = jsonencode([{\n"  # 2
        '    image = "nginx"\n'  # 3
        "  }])\n"  # 4
        "  lifecycle {\n"  # 5
        "    ignore_changes = [\n"  # 6
        "      tags,\n"  # 7
        "    ]\n"  # 8
        "  }\n"  # 9
        "}\n"  # 10
    )
    d = doc("main.tf", text)
    assert [d.statement_start(n) for n in range(1, 11)] == [1, 2, 2, 2, 5, 6, 6, 6, 9, 10]


def test_build_modules_groups_by_directory() -> None:
    docs = [
        doc("a/main.tf", 'provider "aws" {}\n'),
        doc("a/vars.tf", 'variable "x" {}\n'),
        doc("a/terraform.tfvars", "x = 1\n"),
        doc("b/main.tf", 'resource "null_resource" "n" {}\n'),
        doc("c/only.tfvars", "x = 1\n"),
        doc("root.tf", "locals {}\n"),
    ]
    modules = build_modules(docs, frozenset({"a/.terraform.lock.hcl"}))
    assert [(m.directory, m.path, m.has_lockfile) for m in modules] == [
        ("", "root.tf", False),
        ("a", "a/main.tf", True),
        ("b", "b/main.tf", False),
    ]
    a = modules[1]
    assert a.target == Target.TERRAFORM_MODULE
    assert [f.path for f in a.files] == ["a/main.tf", "a/vars.tf"]
    assert [f.path for f in a.var_files] == ["a/terraform.tfvars"]
    assert build_modules([doc(".terraform.lock.hcl", "")], frozenset()) == []


@pytest.mark.parametrize(
    ("text", "listing", "root"),
    [
        ('provider "aws" {}\n', frozenset(), True),
        ('terraform {\n  backend "s3" {}\n}\n', frozenset(), True),
        ("terraform {\n  cloud {}\n}\n", frozenset(), True),
        ('resource "aws_s3_bucket" "b" {}\n', frozenset({".terraform.lock.hcl"}), True),
        ('resource "aws_s3_bucket" "b" {}\n', frozenset(), False),
        ('terraform {\n  required_version = ">= 1.6"\n}\n', frozenset(), False),
    ],
)
def test_root_module_detection(text: str, listing: frozenset[str], root: bool) -> None:
    assert module({"main.tf": text}, listing).is_root is root


def test_indexes_and_reference_resolution() -> None:
    m = module(
        {
            "main.tf": (
                'resource "aws_ecr_repository" "app" {}\n'
                'data "aws_caller_identity" "me" {}\n'
                'module "vpc" {\n  source = "./vpc"\n}\n'
                'output "url" {\n  value = aws_ecr_repository.app.repository_url\n}\n'
                'locals {\n  name = "app"\n}\n'
                'provider "aws" {}\n'
                'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n'
                '  backend "s3" {}\n}\n'
            ),
            "variables.tf": 'variable "region" {\n  default = "eu-west-1"\n}\n',
        }
    )
    repo = m.resource("aws_ecr_repository", "app")
    assert isinstance(repo, Block)
    assert m.resolve("aws_ecr_repository.app.repository_url") is repo
    assert m.resolve("aws_ecr_repository.app[0].repository_url") is repo
    assert m.resolve("data.aws_caller_identity.me.account_id") is m.data(
        "aws_caller_identity", "me"
    )
    assert m.resolve("module.vpc.vpc_id") is m.module("vpc")
    assert m.resolve("var.region") is m.variable("region")
    local = m.resolve("local.name")
    assert isinstance(local, Attribute)
    assert local.name == "name"
    assert m.resolve("aws_ecr_repository.other.arn") is None
    assert m.resolve("nonsense") is None
    assert m.output("url") is not None
    assert [b.label(0) for b in m.providers] == ["aws"]
    assert [e.name for e in m.required_providers] == ["aws"]
    backend = m.backend
    assert backend is not None
    assert backend.label(0) == "s3"
    assert m.local_source_dir(m.module("vpc")) == "vpc"  # type: ignore[arg-type]
    assert [b.address for b in m.resources()] == ["aws_ecr_repository.app"]
    assert m.variable("region") is not None
    assert m.variable("region").path == "variables.tf"


def _value(m: TerraformModuleDocument, expression_attr: str) -> object:
    block = m.resource("null_resource", "n")
    assert block is not None
    found = m.evaluate(block.get(expression_attr))  # type: ignore[arg-type]
    node = found.node
    assert isinstance(node, Scalar)
    return (node.value, found.origin, found.path)


def test_variable_values_defaults_tfvars_and_locals() -> None:
    m = module(
        {
            "main.tf": (
                'resource "null_resource" "n" {\n'
                "  a = var.with_default\n"
                "  b = var.auto\n"
                "  c = local.chained\n"
                '  d = "${var.with_default}"\n'
                "  e = var.no_default\n"
                "  f = var.explicit_agree\n"
                "  g = var.explicit_disagree\n"
                "  h = var.with_default ? 1 : 2\n"
                "}\n"
                "locals {\n  chained = var.auto\n}\n"
            ),
            "variables.tf": (
                'variable "with_default" {\n  default = true\n}\n'
                'variable "auto" {\n  default = "from-default"\n}\n'
                'variable "no_default" {}\n'
                'variable "explicit_agree" {}\n'
                'variable "explicit_disagree" {}\n'
            ),
            "terraform.tfvars": 'auto = "from-terraform-tfvars"\n',
            "z.auto.tfvars": 'auto = "from-auto-tfvars"\n',
            "prod.tfvars": 'explicit_agree = 3\nexplicit_disagree = "a"\n',
            "dev.tfvars": 'explicit_agree = 3\nexplicit_disagree = "b"\n',
        }
    )
    assert _value(m, "a") == (True, "var.with_default", "variables.tf")
    assert _value(m, "b") == ("from-auto-tfvars", "var.auto", "z.auto.tfvars")
    assert _value(m, "c") == ("from-auto-tfvars", "local.chained", "z.auto.tfvars")
    assert _value(m, "d") == (True, "var.with_default", "variables.tf")
    assert _value(m, "e") == ("var.no_default", None, None)
    assert _value(m, "f")[0] == 3
    assert _value(m, "g") == ("var.explicit_disagree", None, None)
    assert _value(m, "h") == ("var.with_default ? 1 : 2", None, None)
    assert m.literal(Scalar("local.missing", m.blocks[0].span, "expr")) is None


def test_evaluate_stops_on_cycles() -> None:
    m = module(
        {
            "main.tf": (
                "locals {\n  a = local.b\n  b = local.a\n}\n"
                'resource "null_resource" "n" {\n  x = local.a\n}\n'
            )
        }
    )
    block = m.resource("null_resource", "n")
    assert block is not None
    found = m.evaluate(block.get("x"))  # type: ignore[arg-type]
    assert isinstance(found.node, Scalar)
    assert found.node.tag == "expr"


def test_module_of_mapping_values() -> None:
    m = module({"main.tf": 'locals {\n  tags = { Team = "ops" }\n}\n'})
    tags = m.local("tags")
    assert tags is not None
    assert isinstance(tags.value, Mapping)


def test_corpus_parses_without_internal_errors() -> None:
    root = CORPUS / "terraform"
    if not root.is_dir():
        pytest.skip(f"real-world corpus not found at {root.resolve()}")
    files = sorted(p for p in root.rglob("*") if p.suffix in (".tf", ".tofu", ".tfvars"))
    assert files
    docs: list[TerraformFileDocument] = []
    parse_errors: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        try:
            docs.append(parse(Source(path.relative_to(root).as_posix(), text)))
        except ParseError as exc:
            parse_errors.append(f"{path}:{exc.line}:{exc.column}: {exc.message}")
    assert len(parse_errors) <= len(files) // 100, parse_errors
    modules = build_modules(docs, frozenset())
    assert modules
    for m in modules:
        for block in m.blocks:
            for attr in block.walk_attributes():
                m.evaluate(attr.value)
