"""Readers for the chat exports people hand to a hotline or the police.

Each format is one module registered in :data:`childsafe.text.readers.CHAT_FORMATS` (entry-point
group ``childsafe.chat_formats``) exactly like the built-in JSONL, CSV and PAN 2012 readers, and told
apart by content in :mod:`childsafe.text.exports.sniffing`:

* ``whatsapp``: WhatsApp's "Export chat" text file (Android and iOS layouts, many date styles);
* ``telegram``: Telegram Desktop's JSON export (``result.json``: one chat or ``chats.list``);
* ``discord``: DiscordChatExporter's JSON;
* ``instagram`` / ``facebook``: the message JSON of Meta's "Download your information".

A participant's account is the export's id when it carries one (Telegram ``from_id``, Discord
author id), else the name it shows; the name is kept in ``Message.display_name``.  Attached file
names are kept per message in ``Message.attachments``.  JSON exports are streamed with ijson, so a
file of gigabytes is never held whole.  This package imports nothing at import time so that the
readers module can use :mod:`~childsafe.text.exports.sniffing` without a cycle.
"""

__all__ = ["common", "discord", "jsonstream", "meta", "sniffing", "telegram", "whatsapp"]
