from __future__ import annotations

import pytest

from helpers import findings, hits

ACCESS_KEY = "AKIA" + "Q3RT5YUI7OPA2SDF"
SECRET_KEY = "wJalrXUt" + "nFEMI/K7MDENG/bPxRfi" + "CYzq8v2xLkp4"
CLIENT_SECRET = "Xq8~" + "vR2xLkp4Wm9.nB7" + "cT5yU3iO1pA6sD"


def test_aws_static_keys() -> None:
    text = (
        'provider "aws" {\n'
        '  region     = "eu-west-1"\n'
        f'  access_key = "{ACCESS_KEY}"\n'
        f'  secret_key = "{SECRET_KEY}"\n'
        "}\n"
    )
    assert hits("main.tf", text, "TF302") == [(3, 16, "TF302"), (4, 16, "TF302")]
    for finding in findings({"main.tf": text}, "TF302"):
        assert ACCESS_KEY not in finding.message
        assert SECRET_KEY not in finding.message


def test_azure_client_secret_and_generic_sensitive_names() -> None:
    text = (
        'provider "azurerm" {\n'
        "  features {}\n"
        f'  client_secret = "{CLIENT_SECRET}"\n'
        "}\n"
        'provider "somecloud" {\n'
        f'  api_password = "{CLIENT_SECRET}"\n'
        "}\n"
    )
    assert hits("main.tf", text, "TF302") == [(3, 19, "TF302"), (6, 18, "TF302")]


@pytest.mark.parametrize(
    "body",
    [
        "  access_key = var.access_key\n  secret_key = var.secret_key\n",
        '  profile = "prod"\n',
        '  credentials = file("key.json")\n',
        '  credentials = "service-account.json"\n',
        '  access_key = ""\n',
    ],
)
def test_no_literal_credentials(body: str) -> None:
    assert hits("main.tf", f'provider "aws" {{\n{body}}}\n', "TF302") == []
