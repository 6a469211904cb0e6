from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from ...model import Category, Mapping, Node, Problem, Scalar, Severity, Target
from ...parsers.workflow import WorkflowDocument
from ..base import RuleContext, rule
from ._common import env_mappings

# Action inputs that take a long-lived key, and what to use instead.
_ACTION_INPUTS: MappingProxyType[str, tuple[tuple[str, ...], str]] = MappingProxyType(
    {
        "aws-actions/configure-aws-credentials": (
            ("aws-secret-access-key", "aws-access-key-id"),
            "`role-to-assume` with `permissions: id-token: write`",
        ),
        "google-github-actions/auth": (
            ("credentials_json",),
            "`workload_identity_provider` with `permissions: id-token: write`",
        ),
        "google-github-actions/setup-gcloud": (
            ("service_account_key",),
            "`google-github-actions/auth` with Workload Identity Federation",
        ),
        "azure/login": (
            ("creds",),
            "`client-id`/`tenant-id`/`subscription-id` with `permissions: id-token: write`",
        ),
    }
)

# Environment variables that carry long-lived cloud keys (first found is reported).
_ENV_NAMES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID"), "an IAM role via OIDC"),
    (
        ("GOOGLE_CREDENTIALS", "GOOGLE_APPLICATION_CREDENTIALS_JSON", "GCP_SA_KEY"),
        "Workload Identity Federation",
    ),
    (("ARM_CLIENT_SECRET", "AZURE_CLIENT_SECRET"), "a federated credential (OIDC)"),
)

_SECRET_REF = re.compile(r"\bsecrets\s*(?:\.|\[)", re.IGNORECASE)


def _static(node: Node | None) -> bool:
    """A value from `secrets` or a literal: not a short-lived credential from an earlier step."""
    if not isinstance(node, Scalar) or node.value in (None, "") or isinstance(node.value, bool):
        return False
    value = str(node.value)
    return "${{" not in value or bool(_SECRET_REF.search(value))


@rule(
    code="GHA302",
    name="static-cloud-credentials",
    target=Target.WORKFLOW,
    category=Category.SECRET,
    severity=Severity.WARNING,
    summary="long-lived cloud keys (`aws-access-key-id`, `AWS_SECRET_ACCESS_KEY`, GCP JSON keys) "
    "where OIDC (`id-token: write` + role) would do",
    security_severity=5.5,
)
def static_cloud_credentials(doc: WorkflowDocument, ctx: RuleContext) -> Iterator[Problem]:
    for _, step in doc.all_steps():
        action = step.action
        if action is None or action.kind != "remote" or step.with_ is None:
            continue
        entry = _ACTION_INPUTS.get(action.action)
        if entry is None:
            continue
        inputs, instead = entry
        for name in inputs:
            pair = step.with_.pair(name)
            if pair is not None and _static(pair.value):
                yield Problem(
                    pair.key.span,
                    f"`{action.action}` gets a long-lived key through `{name}`; use {instead} "
                    "so no static credential can leak",
                )
                break
    seen: set[int] = set()
    for env in env_mappings(doc):
        if id(env) in seen:
            continue
        seen.add(id(env))
        yield from _env_problems(env)


def _env_problems(env: Mapping) -> Iterator[Problem]:
    for names, instead in _ENV_NAMES:
        for name in names:
            pair = env.pair(name)
            if pair is not None and _static(pair.value):
                yield Problem(
                    pair.key.span,
                    f"`{name}` passes a long-lived cloud key to the job; use {instead} so no "
                    "static credential can leak",
                )
                break
