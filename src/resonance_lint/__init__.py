"""resonance-lint: is what you are about to ship safe to ship?"""

from __future__ import annotations

__version__ = "0.1.0"
