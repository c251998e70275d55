"""A small mixed case built from the shipped samples: a known photo and an edited copy, an unrelated
photo, a zip holding a photo and a WhatsApp chat, a Telegram export, account events (one account posts
the known photo) and a file of no known kind.  Chats are short, synthetic and non-explicit."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from PIL import Image

from childsafe.config import load_settings
from childsafe.media.hashlists import read_hash_list
from childsafe.samples import SAMPLES_DIR
from childsafe.services import Services
from childsafe.store.base import NewEntry

CASE_SAMPLES = SAMPLES_DIR / "case"
WHATSAPP = "WhatsApp Chat with Sam.txt"


def services_with_bank(home: Path, db: str | None = None) -> Services:
    services = Services(load_settings({"home": home, "db": db}, environ={}))
    services.store.create_bank("sample-known")
    bank = read_hash_list(SAMPLES_DIR / "sample-bank.csv", "csv")
    services.store.add_entries("sample-known", (NewEntry(e.signal_type, e.signal, e.label, e.source)
                                                for e in bank.entries))
    return services


def build_mixed_case(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    photos = folder / "photos"
    photos.mkdir()
    shutil.copy(SAMPLES_DIR / "harbour.jpg", photos / "IMG-20240302-WA0001.jpg")  # known, attached in the chat
    with Image.open(SAMPLES_DIR / "harbour.jpg") as im:
        im.resize((im.width // 2, im.height // 2)).save(photos / "harbour_small.jpg", quality=70)  # edited copy
    shutil.copy(SAMPLES_DIR / "marble.jpg", photos / "holiday.jpg")
    with zipfile.ZipFile(folder / "phone.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(SAMPLES_DIR / "forest.jpg", "DCIM/forest.jpg")
        zf.write(CASE_SAMPLES / WHATSAPP, f"WhatsApp/{WHATSAPP}")
    shutil.copy(CASE_SAMPLES / "result.json", folder / "result.json")
    events = folder / "events"
    events.mkdir()
    for name in ("accounts.csv", "posts.csv", "messages.csv"):
        shutil.copy(CASE_SAMPLES / name, events / name)
    (folder / "notes.bin").write_bytes(b"\x00\x01\x02 not media, not a chat")
    return folder
