"""Command-line interface (``childsafe``)."""
