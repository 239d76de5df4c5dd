"""The term base and its corpus over time: what changed between two revisions and which
translations a change breaks or fixes (history), candidate terms mined from documents (mine).

May import: everything below it (`base`, `chinese`, `checks`, `lint`, `search`, `report`).
"""
