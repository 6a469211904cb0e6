"""XF203: a workload runs an image from an ECR repository of the same config whose tags move."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Related, Scalar, Severity, Target
from ...parsers.hcl_model import references
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ..terraform._common import setting
from ..terraform._containers import images

#: Repository types, the attribute saying whether tags are immutable, and its immutable values.
REPOSITORIES = (
    ("aws_ecr_repository", "image_tag_mutability", ("IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION")),
)


@rule(
    code="XF203",
    name="mutable-ecr-image",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.ERROR,
    summary="Terraform task definition/service references an image from an `aws_ecr_repository` "
    "in the same config whose tags are MUTABLE",
)
def mutable_ecr_image(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    specs = {kind: (attribute, good) for kind, attribute, good in REPOSITORIES}
    for value in images(module):
        if value.node is None:
            continue
        found = module.evaluate(value.node)
        nodes = [value.node] if found.node is value.node else [value.node, found.node]
        texts = [str(n.value) for n in nodes if isinstance(n, Scalar)]
        if any("@sha256:" in text for text in texts):
            continue  # pinned by digest: immutable whatever the repository allows
        refs = [ref for node in nodes for ref in references(node)]
        reported: set[str] = set()
        for ref in refs:
            parts = ref.split(".")
            spec = specs.get(parts[0])
            if spec is None or len(parts) < 2 or parts[1] in reported:
                continue
            repo = module.resource(parts[0], parts[1])
            if repo is None:
                continue
            attribute, good = spec
            mutability = setting(module, repo, attribute)
            if mutability.dynamic or (not mutability.is_null and not mutability.known):
                continue
            if mutability.known and mutability.value in good:
                continue
            reported.add(parts[1])
            yield Problem(
                value.span,
                f"{value.resource.address} runs an image from {repo.address}, whose tags are "
                "mutable: pushing the same tag again changes what a rollback deploys; set "
                f'{attribute} = "IMMUTABLE" on the repository or pin the image by digest',
                path=value.path,
                related=(Related(repo.path, repo.name_span, f"{repo.address} is defined here"),),
            )
