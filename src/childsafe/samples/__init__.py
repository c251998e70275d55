"""Sample data shipped with the package: synthetic pictures, a synthetic clip, a sample bank.

Made by ``scripts/make_samples.py``; nothing here depicts a person.
"""

from pathlib import Path

SAMPLES_DIR = Path(__file__).parent
__all__ = ["SAMPLES_DIR"]
