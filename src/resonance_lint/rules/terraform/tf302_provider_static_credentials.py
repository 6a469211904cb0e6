"""TF302: a provider block with credentials written into it."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from ...model import Category, Problem, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._secrets import find_secret, secret_problem

#: Credential attributes by provider (local name). Any other attribute with a sensitive name
#: (``password``, ``token``, ``*_secret`` …) counts too, for every provider.
PROVIDER_CREDENTIALS = MappingProxyType(
    {
        "aws": ("access_key", "secret_key", "token"),
        "google": ("credentials", "access_token"),
        "google-beta": ("credentials", "access_token"),
        "azurerm": ("client_secret", "client_certificate_password", "client_certificate"),
        "azuread": ("client_secret", "client_certificate_password", "client_certificate"),
        "kubernetes": ("token", "password", "client_key"),
        "helm": ("token", "password", "client_key"),
        "github": ("token",),
        "cloudflare": ("api_token", "api_key"),
        "digitalocean": ("token", "spaces_secret_key"),
        "datadog": ("api_key", "app_key"),
        "fly": ("fly_api_token",),
        "vault": ("token",),
        "heroku": ("api_key",),
    }
)


@rule(
    code="TF302",
    name="provider-static-credentials",
    target=Target.TERRAFORM_MODULE,
    category=Category.SECRET,
    severity=Severity.ERROR,
    security_severity=9.0,
    summary="provider block with literal credentials (`access_key`/`secret_key`, `token`, "
    "`client_secret` …)",
)
def provider_static_credentials(
    module: TerraformModuleDocument, ctx: RuleContext
) -> Iterator[Problem]:
    for provider in module.providers:
        name = provider.label(0) or ""
        credentials = PROVIDER_CREDENTIALS.get(name, ())
        for attr in provider.walk_attributes():
            forced = attr.name in credentials
            secret = find_secret("secret" if forced else attr.name, attr.value)
            if secret is None:
                continue
            yield secret_problem(
                attr.value.span,
                provider.path,
                f'provider "{name}": {attr.name}',
                secret,
                "use the provider's environment variables, a profile or workload identity "
                "(OIDC) instead",
            )
