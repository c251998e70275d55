import childsafe
import childsafe.errors
import childsafe.media


def test_public_namespace_is_pinned() -> None:
    assert sorted(childsafe.__all__) == sorted([
        "ChildsafeError", "ContentType", "FileHashes", "HashOptions", "Match", "MatchResult",
        "Matcher", "__version__", "hash_bytes", "hash_file", "open_store"])
    for name in childsafe.__all__:
        assert hasattr(childsafe, name)


def test_every_error_derives_from_the_base_and_has_an_exit_code() -> None:
    for name in childsafe.errors.__all__:
        obj = getattr(childsafe.errors, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, childsafe.errors.ChildsafeError)
            assert childsafe.errors.exit_code_for(obj("x")) in range(1, 8)


def test_settings_are_documented_in_the_readme() -> None:
    from pathlib import Path

    from childsafe.config import SETTING_HELP, Settings

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in Settings.__dataclass_fields__:
        assert name in SETTING_HELP, f"setting {name} has no help text"
        assert f"`{name}`" in readme, f"setting {name} is not documented in the README"
