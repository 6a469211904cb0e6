from __future__ import annotations

from typing import Any

from ..base import Rule

RULES: tuple[Rule[Any], ...] = ()
