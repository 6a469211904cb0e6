from __future__ import annotations

from helpers import hits


def test_required_providers_source_points_at_the_source() -> None:
    text = (
        "terraform {\n"
        "  required_providers {\n"
        "    fly = {\n"
        '      source  = "fly-apps/fly"\n'
        '      version = "0.1.18"\n'
        "    }\n"
        "  }\n"
        "}\n"
        'provider "fly" {}\n'
    )
    assert hits("main.tf", text, "TF210") == [(4, 17, "TF210")]
    full = text.replace('"fly-apps/fly"', '"registry.terraform.io/fly-apps/fly"')
    assert hits("main.tf", full, "TF210") == [(4, 17, "TF210")]


def test_provider_block_without_an_entry() -> None:
    assert hits("main.tf", 'provider "fly" {\n  useinternaltunnel = true\n}\n', "TF210") == [
        (1, 10, "TF210")
    ]


def test_other_providers_and_forks() -> None:
    text = (
        "terraform {\n  required_providers {\n"
        '    fly = {\n      source = "andrewbaxter/fly"\n    }\n'
        '    aws = {\n      source = "hashicorp/aws"\n    }\n'
        "  }\n}\n"
        'provider "fly" {}\n'
    )
    assert hits("main.tf", text, "TF210") == []
