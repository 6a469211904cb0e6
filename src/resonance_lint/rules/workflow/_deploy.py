"""Deploy-job detection, shared by the deploy rules (GHA102–GHA105).

A job is a deploy job when it has an ``environment`` or its id or name matches one of the
``deploy-name-patterns`` (unless its id or name matches ``deploy-name-exclude-patterns``: a
``test_linux`` job with an environment for its secrets is a test job), when a ``run`` step
matches one of the ``deploy-command-patterns`` (matched against the script's commands with
comments removed and continuation lines joined), or when a step uses one of the
``deploy-actions`` (``docker/build-push-action`` counts when its
``push`` input is true). Jobs that call a reusable workflow are never deploy jobs here: the
deploy happens in the called workflow, which is checked on its own. All patterns are Python
regular expressions matched case-insensitively; the options can be set per rule or once for all
rules under ``[options]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ...errors import ResonanceError
from ...model import Mapping
from ...parsers.workflow import Job, Step, WorkflowDocument
from ..base import RuleContext
from ._common import is_true

DEFAULT_NAME_PATTERNS: tuple[str, ...] = (
    r"deploy",
    r"publish",
    r"(?<![a-z])release(?![a-z])",
    r"(?<![a-z])prod(?:uction)?(?![a-z])",
    r"(?<![a-z])rollout(?![a-z])",
)

# Names that say deploy/release but describe a preparation or check step.
DEFAULT_NAME_EXCLUDE_PATTERNS: tuple[str, ...] = (
    r"dry[-_ ]?run",
    r"(?<![a-z])(?:tests?|testing|check|lint|validate|verify|plan|prepare|draft|notes"
    r"|changelog|please|issues?|labels?|pr)(?![a-z])",
)

DEFAULT_COMMAND_PATTERNS: tuple[str, ...] = (
    r"\b(?:fly|flyctl)\s+deploy\b",
    r"\b(?:terraform|tofu|terragrunt)\s+(?:run-all\s+)?apply\b",
    r"\bkubectl\s+(?:apply|rollout\s+restart|set\s+image|replace)\b",
    r"\bhelm\s+(?:upgrade|install)\b",
    r"\bhelmfile\s+(?:apply|sync)\b",
    r"\baws\s+ecs\s+update-service\b",
    r"\baws\s+lambda\s+update-function-code\b",
    r"\baws\s+cloudformation\s+(?:deploy|update-stack)\b",
    r"\bgcloud\s+(?:run|app|functions)\s+deploy\b",
    r"\baz\s+(?:webapp|functionapp|containerapp)\s+(?:deploy|up|update)\b",
    r"\bdocker\s+(?:image\s+)?push\b",
    r"\bdocker\s+buildx\s+build\b.*\s--push\b",
    r"\b(?:serverless|sls)\s+deploy\b",
    r"\bcdk\s+deploy\b",
    r"\bpulumi\s+up\b",
    r"\bvercel\b.*\s--prod\b",
    r"\bnetlify\s+deploy\b.*\s--prod\b",
    r"\bwrangler\s+(?:deploy|publish)\b",
    r"\bfirebase\s+deploy\b",
    r"\bkamal\s+deploy\b",
    r"\bheroku\s+container:release\b",
    r"\bgit\s+push\s+(?:dokku|heroku)\b",
    r"\b(?:npm|pnpm|yarn)\s+(?:npm\s+)?publish\b",
    r"\btwine\s+upload\b",
    r"\b(?:poetry|uv|hatch|flit)\s+publish\b",
    r"\bcargo\s+publish\b",
    r"\bgem\s+push\b",
    r"\bdotnet\s+nuget\s+push\b",
)

DEFAULT_DEPLOY_ACTIONS: tuple[str, ...] = (
    "superfly/flyctl-actions",
    "aws-actions/amazon-ecs-deploy-task-definition",
    "aws-actions/aws-cloudformation-github-deploy",
    "google-github-actions/deploy-cloudrun",
    "google-github-actions/deploy-appengine",
    "google-github-actions/deploy-cloud-functions",
    "azure/webapps-deploy",
    "azure/functions-action",
    "azure/k8s-deploy",
    "azure/container-apps-deploy-action",
    "actions/deploy-pages",
    "peaceiris/actions-gh-pages",
    "jamesives/github-pages-deploy-action",
    "cloudflare/wrangler-action",
    "cloudflare/pages-action",
    "amondnet/vercel-action",
    "nwtgck/actions-netlify",
    "akhileshns/heroku-deploy",
    "pypa/gh-action-pypi-publish",
    "js-devtools/npm-publish",
)

#: The options every deploy rule declares, with their defaults.
DEPLOY_OPTIONS: MappingProxyType[str, Any] = MappingProxyType(
    {
        "deploy-name-patterns": DEFAULT_NAME_PATTERNS,
        "deploy-name-exclude-patterns": DEFAULT_NAME_EXCLUDE_PATTERNS,
        "deploy-command-patterns": DEFAULT_COMMAND_PATTERNS,
        "deploy-actions": DEFAULT_DEPLOY_ACTIONS,
    }
)

_PUSH_ACTIONS = frozenset({"docker/build-push-action"})


@lru_cache(maxsize=64)
def compile_patterns(patterns: tuple[str, ...], option: str) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``patterns`` (``None`` when empty)."""
    if not patterns:
        return None
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ResonanceError(
                f"{option}: invalid regular expression {pattern!r}: {exc}"
            ) from None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def command_text(doc: WorkflowDocument, step: Step) -> str | None:
    """The commands of ``step``'s ``run`` script, one per line, comments dropped and
    continuations joined (the script as written when its shell is not a command shell, e.g.
    ``python``); ``None`` for a step without ``run``."""
    script = doc.script(step)
    if script is not None:
        return "\n".join(cmd.text() for cmd in script.commands)
    return step.run_text


@dataclass(frozen=True)
class DeployDetector:
    names: re.Pattern[str] | None
    excluded_names: re.Pattern[str] | None
    commands: re.Pattern[str] | None
    actions: frozenset[str]

    @classmethod
    def from_context(cls, ctx: RuleContext) -> DeployDetector:
        return _detector(
            _strings(ctx.option("deploy-name-patterns")),
            _strings(ctx.option("deploy-name-exclude-patterns")),
            _strings(ctx.option("deploy-command-patterns")),
            _strings(ctx.option("deploy-actions")),
        )

    def step_reason(self, doc: WorkflowDocument, step: Step) -> str | None:
        """Why ``step`` (of ``doc``) deploys (``"runs `fly deploy`"``), or ``None``."""
        script = command_text(doc, step) if self.commands is not None else None
        if script is not None and self.commands is not None:
            found = self.commands.search(script)
            if found is not None:
                return f"runs `{_shorten(found.group())}`"
        action = step.action
        if action is not None and action.kind == "remote":
            name = action.action
            if name in self.actions:
                return f"uses `{name}`"
            if name in _PUSH_ACTIONS and is_true(step.input("push")):
                return f"uses `{name}` with `push: true`"
        return None

    def reason(self, doc: WorkflowDocument, job: Job) -> str | None:
        """Why ``job`` (of ``doc``) is a deploy job, or ``None`` when it is not one."""
        if job.is_call or not isinstance(job.node, Mapping):
            return None
        labels = list(_names(job))
        excluded = self.excluded_names is not None and any(
            self.excluded_names.search(label) for label in labels
        )
        if job.environment is not None and not excluded:
            env = job.environment_name
            label = f": {env.value}" if env is not None and env.value is not None else ""
            return f"has `environment{label}`"
        if self.names is not None and not excluded:
            for label in labels:
                if self.names.search(label):
                    return f"is named `{label}`"
        for step in job.steps:
            found = self.step_reason(doc, step)
            if found is not None:
                return found
        return None


@lru_cache(maxsize=16)
def _detector(
    names: tuple[str, ...],
    excluded: tuple[str, ...],
    command_patterns: tuple[str, ...],
    actions: tuple[str, ...],
) -> DeployDetector:
    return DeployDetector(
        compile_patterns(names, "deploy-name-patterns"),
        compile_patterns(excluded, "deploy-name-exclude-patterns"),
        compile_patterns(command_patterns, "deploy-command-patterns"),
        frozenset(a.lower() for a in actions),
    )


def _names(job: Job) -> Iterable[str]:
    yield job.id
    if job.name is not None and isinstance(job.name.value, str) and job.name.value != job.id:
        yield job.name.value


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return value
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()
