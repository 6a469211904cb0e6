from __future__ import annotations

import pytest

from helpers import hits


def test_no_vm_section() -> None:
    assert hits("fly.toml", '# c\napp = "x"\n', "FLY108") == [(2, 1, "FLY108")]


@pytest.mark.parametrize(
    "section",
    ['[[vm]]\nsize = "shared-cpu-1x"\n', "[vm]\nmemory = 512\n", '[[compute]]\nmemory = "1gb"\n'],
)
def test_vm_present(section: str) -> None:
    assert hits("fly.toml", f'app = "x"\n{section}', "FLY108") == []
