from __future__ import annotations

from typing import Any

from ..base import Rule
from .sec301_private_key import private_key
from .sec302_provider_token import provider_token
from .sec303_credentials_in_url import credentials_in_url
from .sec304_keyword_secret import keyword_secret
from .sec305_high_entropy_string import high_entropy_string
from .sec306_committed_env_file import committed_env_file

RULES: tuple[Rule[Any], ...] = (
    private_key,
    provider_token,
    credentials_in_url,
    keyword_secret,
    high_entropy_string,
    committed_env_file,
)
