"""Test helpers shipped for plug-in authors: conformance suites for childsafe's extension points.

``childsafe.testing.signal_types.SignalTypeConformance``: subclass it in your tests, set
``signal_type``, and pytest runs every check a signal type must pass.  Needs pytest.
"""

__all__: list[str] = []
