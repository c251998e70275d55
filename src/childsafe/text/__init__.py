"""Language: grooming and sextortion risk in conversations, explainable and early.

The package imports nothing on its own (the model and the language data load on demand); its public
names are its modules:

* :mod:`~childsafe.text.readers`: chat exports (``CHAT_FORMATS`` is the ``childsafe.chat_formats``
  registry); :mod:`~childsafe.text.exports`: the apps' exports (WhatsApp, Telegram, Discord,
  Instagram/Facebook) it dispatches to; :mod:`~childsafe.text.messages`: messages and record errors;
* :mod:`~childsafe.text.normalize`, :mod:`~childsafe.text.language`, :mod:`~childsafe.text.packs`,
  :mod:`~childsafe.text.indicators`, :mod:`~childsafe.text.features`, :mod:`~childsafe.text.evidence`:
  normalisation once per message, language, indicator packs and detectors, features, evidence;
* :mod:`~childsafe.text.scoring`, :mod:`~childsafe.text.model`: the streaming scorer and the author model;
* :mod:`~childsafe.text.training`, :mod:`~childsafe.text.evaluation`, :mod:`~childsafe.text.corpora`,
  :mod:`~childsafe.text.suite_eval`, :mod:`~childsafe.text.suites`: training and evaluation.
"""

__all__ = ["corpora", "evaluation", "evidence", "exports", "features", "indicators", "language", "messages", "model",
           "normalize", "packs", "readers", "scoring", "suite_eval", "suites", "training"]
