"""Persistence: banks, entries and scan results behind one interface (SQLite by default)."""

from childsafe.store.base import Bank, BankEntry, EntryRef, NewEntry, Store
from childsafe.store.sql import SqlStore, open_store

__all__ = ["Bank", "BankEntry", "EntryRef", "NewEntry", "SqlStore", "Store", "open_store"]
