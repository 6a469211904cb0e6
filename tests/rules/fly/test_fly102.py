from __future__ import annotations

from helpers import hits


def test_missing_primary_region_points_at_app() -> None:
    assert hits("fly.toml", '# my app\napp = "x"\n', "FLY102") == [(2, 1, "FLY102")]


def test_missing_both_points_at_line_one() -> None:
    assert hits("fly.toml", "[env]\nA = 'b'\n", "FLY102") == [(1, 1, "FLY102")]


def test_primary_region_present() -> None:
    assert hits("fly.toml", 'app = "x"\nprimary_region = "ams"\n', "FLY102") == []
