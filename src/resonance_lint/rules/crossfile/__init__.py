"""XF rules: two or more files of one app that must agree (see ``links.py``)."""

from __future__ import annotations

from typing import Any

from ..base import Rule
from .xf203_mutable_ecr_image import mutable_ecr_image

RULES: tuple[Rule[Any], ...] = (mutable_ecr_image,)
