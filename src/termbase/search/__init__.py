"""Finding concepts: the normalised keys a translator's query is matched on (lookup) and the
look-up index kept as SQLite beside the user's cache (index), which also keeps lint's compiled
matchers.

May import: the bottom modules, `base`, `chinese` and `lint` (its matchers).
"""
