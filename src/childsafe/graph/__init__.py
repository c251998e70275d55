"""Networks: accounts, identifiers and shared media on one graph.

The package imports nothing on its own (its modules load igraph and numpy on demand); its public
names are its modules:

* :mod:`~childsafe.graph.events`: reading network events (messages, identifiers, media, accounts;
  ``EVENT_BUILDERS`` is the ``childsafe.event_kinds`` registry) and hashing identifiers;
* :mod:`~childsafe.graph.network`, :mod:`~childsafe.graph.build`: the network as arrays, and its graph;
* :mod:`~childsafe.graph.contacts`, :mod:`~childsafe.graph.behaviour`, :mod:`~childsafe.graph.rank`:
  contact patterns, behaviour features and the fused account ranking;
* :mod:`~childsafe.graph.atrisk`: children at risk; :mod:`~childsafe.graph.linkage`,
  :mod:`~childsafe.graph.families`, :mod:`~childsafe.graph.actors`: linked accounts, persons, key actors;
* :mod:`~childsafe.graph.export`: GraphML, GEXF, JSON and edge lists; :mod:`~childsafe.graph.synthetic`:
  the synthetic platform the tests and benchmarks use.
"""

__all__ = ["actors", "atrisk", "behaviour", "build", "contacts", "events", "export", "families", "linkage",
           "network", "rank", "synthetic"]
