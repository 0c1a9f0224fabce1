"""Session rules: rounds, sequencing, the deadline clock, world position, adjudication.

Import the submodules directly (`wargame.engine.session`, `.state`, ...); this package
imports nothing so the store can use `wargame.engine.events` without a cycle.
"""
