"""Every package states its public names, and each of them exists."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil

import pytest

import childsafe

PACKAGES = sorted(m.name for m in pkgutil.walk_packages(childsafe.__path__, "childsafe.")
                  if m.ispkg and ".migrations" not in m.name and not m.name.startswith("childsafe.testing"))


def test_the_new_rooms_are_packages() -> None:
    assert {"childsafe.review", "childsafe.accounts", "childsafe.services"} <= set(PACKAGES)


@pytest.mark.parametrize("name", PACKAGES)
def test_each_package_states_its_public_names(name: str) -> None:
    package = importlib.import_module(name)
    public = getattr(package, "__all__", None)
    assert isinstance(public, list | tuple) and public, f"{name}/__init__.py has no __all__"
    for item in public:
        # A name is an attribute, or a submodule the package lists without importing it eagerly.
        assert hasattr(package, item) or importlib.util.find_spec(f"{name}.{item}") is not None, f"{name}.{item}"


def test_services_names() -> None:
    import childsafe.accounts
    import childsafe.review
    import childsafe.services

    assert sorted(childsafe.review.__all__) == sorted([
        "AT_RISK_DECISIONS", "ITEM_DECISIONS", "SOURCE_ORDER", "QueueItem", "QueueLimits", "QueueResult",
        "ReviewQueue", "ReviewService", "item_key"])
    assert sorted(childsafe.accounts.__all__) == sorted([
        "CAPABILITIES", "MIN_PASSWORD_CHARS", "TOKEN_PREFIX", "Principal", "RateLimiter", "TokenAuthenticator",
        "authenticate", "can", "hash_password", "issue_token", "require"])
    assert sorted(childsafe.services.__all__) == ["AuthorRiskRecorder", "REVIEW_MIN_RISK", "Services"]
