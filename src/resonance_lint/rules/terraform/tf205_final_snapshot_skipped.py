"""TF205: destroying the database keeps no final snapshot."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Category, Problem, Severity, Target
from ...parsers.terraform import TerraformModuleDocument
from ..base import RuleContext, rule
from ._common import at_setting, setting

#: The attribute, on any resource or module call (RDS, Aurora, DocumentDB, Neptune, Redshift,
#: and modules that pass it through).
ATTRIBUTES = ("skip_final_snapshot",)


@rule(
    code="TF205",
    name="final-snapshot-skipped",
    target=Target.TERRAFORM_MODULE,
    category=Category.ROLLBACK,
    severity=Severity.WARNING,
    summary="`skip_final_snapshot = true`",
)
def final_snapshot_skipped(module: TerraformModuleDocument, ctx: RuleContext) -> Iterator[Problem]:
    for block in (*module.blocks_of("resource"), *module.blocks_of("module")):
        for name in ATTRIBUTES:
            found = setting(module, block, name)
            if found.known and found.boolean is True:
                yield at_setting(
                    block,
                    found,
                    f"{block.address} sets {name} = true: destroying or replacing it deletes the "
                    "data with no last snapshot; set it to false and name a "
                    "final_snapshot_identifier",
                )
