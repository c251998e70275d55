"""``python -m childsafe``."""

from childsafe.cli.main import run

run()
