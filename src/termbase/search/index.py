"""A search index of the term base, cached in SQLite so that a look-up need not read the TOML.

The cache lives in ``$TERMBASE_CACHE_DIR``, else ``$XDG_CACHE_HOME/termbase``, else
``~/.cache/termbase``, one file per term base. It is valid while the set of files and each
file's size, modification time, change time and inode are what they were; when they are not,
the files' content hashes decide (a file touched but not changed keeps the index). Any real
change rebuilds it. A new index is written to a temporary file and renamed into place, so a
look-up running at the same time sees the old index or the new one, never half of either.
Where the cache folder cannot be written, the index is built in memory and used once.

Over the house's ~500 lines: the schema, its building and its queries belong together so that
a change of one is a change of `FORMAT`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from termbase.base.cachedir import cache_dir
from termbase.base.files import SETTINGS_FILE, discover
from termbase.base.toml_file import raise_unreadable
from termbase.errors import ReadError
from termbase.finding import Severity
from termbase.model import TermBase
from termbase.search import lookup
from termbase.search.lookup import STATUS_NAMES, Hit, Level, Query

# 8: a duplicate concept id is refused (7 indexed the first one); 9: the count of errors;
# 10: the whole model (an export reads it instead of the TOML); 11: case_sensitive false and
# inflect false in the cards; 12: a term's context in the model and the cards; 13: dated
# renderings (valid-from, valid-to, replaced-by) in the model, the cards and lint's tables
# 14: look-up-only concepts (in the model and the cards; lint's tables leave them out)
FORMAT = "termbase-index-14"

SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE files(path TEXT PRIMARY KEY, size INT, mtime_ns INT, ctime_ns INT, ino INT,
                   hash TEXT);
CREATE TABLE concepts(n INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, subject TEXT,
                      statuses TEXT NOT NULL, card TEXT NOT NULL);
CREATE TABLE models(n INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE keys(kind TEXT NOT NULL, key TEXT NOT NULL, n INT NOT NULL, status INT NOT NULL,
                  term INT NOT NULL, lang TEXT NOT NULL);
"""
INDEXES = "CREATE INDEX keys_by_key ON keys(kind, key);"


def _remove(path: Path) -> None:
    """Remove a temporary file if it is there (best effort)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _stat_row(path: Path) -> tuple[int, int, int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _hash(path: Path) -> str:
    """A strong hash of the content (BLAKE2b): an edit that keeps the length and the CRC-32
    must still be told apart."""
    import hashlib

    digest = hashlib.blake2b(digest_size=20)
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as e:
        raise ReadError(f"{path}: cannot read: {e.strerror or e}") from e
    return digest.hexdigest()


# What reading a damaged cache file raises: SQLite's errors, or a card that is not JSON.
_DAMAGED = (sqlite3.DatabaseError, ValueError, KeyError, TypeError, IndexError)
_T = TypeVar("_T")
_P = ParamSpec("_P")


def _healing(method: Callable[Concatenate[Index, _P], _T]) -> Callable[Concatenate[Index, _P], _T]:
    """Run a reading method; if the cache file turns out damaged, rebuild it and run again."""

    def run(self: Index, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return method(self, *args, **kwargs)
        except _DAMAGED as e:
            self.heal(e)
            return method(self, *args, **kwargs)

    run.__doc__ = method.__doc__
    return run


@dataclass
class Index:
    """An open index: search it, fetch cards, list concepts."""

    db: sqlite3.Connection
    path: Path | None  # None: in memory
    rebuilt: bool
    _fold: dict[int, str] | None = field(default=None, repr=False)
    _source_records: dict[str, Any] | None = field(default=None, repr=False)
    files: list[Path] = field(default_factory=list, repr=False)
    # What a command should tell the user about the cache (a damaged one rebuilt).
    notes: list[str] = field(default_factory=list, repr=False)
    _healed: bool = field(default=False, repr=False)

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, paths: Sequence[Path], *, use_cache: bool = True) -> Index:
        """The index of the term base at `paths`. A file that does not parse, or a base with
        no concept, raises `ReadError`: a look-up or a lint must not answer from part of it."""
        index = cls._open(paths, use_cache=use_cache)
        if not index.ids_exist():
            index.close()
            from termbase.base.files import no_concepts_message

            raise ReadError(no_concepts_message(paths))
        return index

    @classmethod
    def _open(cls, paths: Sequence[Path], *, use_cache: bool) -> Index:
        files = discover(paths)
        index = cls._open_files(paths, files, use_cache=use_cache)
        index.files = files
        return index

    def heal(self, error: BaseException) -> None:
        """The cache file could not be read (damaged on disk): build it anew from the term
        base's files and say so in `notes`. Raises `error` again if this index is not a cache
        or was healed already."""
        if self.path is None or self._healed:
            raise error
        self._healed = True
        self.db.close()
        for stale in self.path.parent.glob(f"{self.path.name}*"):
            _remove(stale)
        self.notes.append(
            f"{self.path}: the look-up index cache could not be read ({type(error).__name__}: "
            f"{error}); it was rebuilt from the term base"
        )
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            db = _build(str(tmp), self.files)
            db.close()
            tmp.replace(self.path)
            self.db = _read_only(self.path)
        except (OSError, sqlite3.Error):
            _remove(tmp)
            self.db = _build(":memory:", self.files)
            self.path = None
        self._fold = None
        self._source_records = None

    @classmethod
    def _open_files(cls, paths: Sequence[Path], files: list[Path], *, use_cache: bool) -> Index:
        if not use_cache:
            return cls(_build(":memory:", files), None, True)
        folder = cache_dir()
        names = "\0".join(sorted(str(p.resolve()) for p in paths)).encode()
        key = f"{zlib.crc32(names):08x}{zlib.adler32(names):08x}"
        target = folder / f"index-{key}.sqlite"
        db = _open_valid(target, files)
        if db is not None:
            return cls(db, target, False)
        tmp = folder / f".{target.name}.{os.getpid()}.tmp"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = _build(str(tmp), files)
            db.close()
            tmp.replace(target)
        except ReadError:
            _remove(tmp)
            raise
        except (OSError, sqlite3.Error):
            _remove(tmp)
            # No usable cache folder: build in memory, answer, forget.
            return cls(_build(":memory:", files), None, True)
        return cls(
            _read_only(target),
            target,
            True,
        )

    def close(self) -> None:
        self.db.close()

    @_healing
    def errors(self) -> int:
        """How many errors reading the term base's files found (validate finds them all)."""
        row = self.db.execute("SELECT v FROM meta WHERE k = 'errors'").fetchone()
        return int(row[0]) if row and str(row[0]).isdigit() else 0

    def ids_exist(self) -> bool:
        return self.db.execute("SELECT 1 FROM concepts LIMIT 1").fetchone() is not None

    # ------------------------------------------------------------ reading

    @_healing
    def _sources(self) -> dict[str, Any]:
        if self._source_records is None:
            row = self.db.execute("SELECT v FROM meta WHERE k = 'sources'").fetchone()
            self._source_records = json.loads(row[0]) if row else {}
        return self._source_records

    def _expand(self, card: dict[str, Any]) -> dict[str, Any]:
        """A stored card with its source ids replaced by the source records."""
        known = self._sources()
        card["sources"] = [known.get(sid, {"id": sid}) for sid in card["sources"]]
        return card

    @_healing
    def card(self, concept_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT card FROM concepts WHERE id = ?", (concept_id,)).fetchone()
        return self._expand(json.loads(row[0])) if row else None

    @_healing
    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM concepts ORDER BY n")]

    @_healing
    def languages(self) -> list[str]:
        """The languages termbase.toml lists (for shell completion)."""
        row = self.db.execute("SELECT v FROM meta WHERE k = 'model'").fetchone()
        return list(json.loads(row[0])["settings"].get("languages") or []) if row else []

    @_healing
    def cards(
        self, subject: str | None = None, statuses: Iterable[str] = ()
    ) -> list[dict[str, Any]]:
        wanted = set(statuses)
        out = []
        for subj, have, card in self.db.execute(
            "SELECT subject, statuses, card FROM concepts ORDER BY n"
        ):
            if subject is not None and (subj or "").casefold() != subject.casefold():
                continue
            if wanted and not wanted & set(have.split(",")):
                continue
            out.append(self._expand(json.loads(card)))
        return out

    @_healing
    def termbase(self) -> TermBase:
        """The whole term base as `store.load` reads it, from the index's copy: an export of
        the 125,000-concept base spent three quarters of its time parsing the TOML again."""
        from termbase.base import records
        from termbase.base.parallel import paused_gc

        row = self.db.execute("SELECT v FROM meta WHERE k = 'model'").fetchone()
        model = json.loads(row[0])
        sources = {k: records.source_from(k, v) for k, v in model["sources"].items()}
        with paused_gc():  # 125,000 concepts of small objects: nothing to collect meanwhile
            concepts = tuple(
                records.concept_from(json.loads(data))
                for (data,) in self.db.execute("SELECT data FROM models ORDER BY n")
            )
        return TermBase(
            concepts, sources, records.settings_from(model["settings"]), tuple(self.files)
        )

    def matcher_cache(self) -> Any:
        """Where `termbase lint` keeps its compiled matchers between runs: files beside this
        index, valid while the index file is the same one (a rebuilt index leaves them stale)."""
        from termbase.lint.matcher import MatcherCache

        if self.path is None:
            return MatcherCache()
        return _FileMatcherCache(self.path)

    def iter_cards(self) -> Iterator[dict[str, Any]]:
        """Every card, one at a time, without its source records (for building tables over a
        large base without holding all of it). A damaged cache found on the way is rebuilt and
        the walk goes on where it was (a rebuilt index numbers the concepts the same way)."""
        done = 0
        while True:
            try:
                for (card,) in self.db.execute(
                    "SELECT card FROM concepts WHERE n >= ? ORDER BY n", (done,)
                ):
                    parsed = json.loads(card)
                    done += 1
                    yield parsed
                return
            except _DAMAGED as e:
                self.heal(e)

    @_healing
    def fold_table(self) -> dict[int, str]:
        """The Traditional-to-Simplified table the index was built with."""
        if self._fold is None:
            (raw,) = self.db.execute("SELECT v FROM meta WHERE k = 'fold'").fetchone()
            self._fold = {int(k): v for k, v in json.loads(raw).items()}
        return self._fold

    def query(self, text: str) -> Query:
        return Query.of(text, self.fold_table() if lookup.has_han(text) else None)

    @_healing
    def search(
        self,
        text: str,
        *,
        statuses: Iterable[str] = (),
        limit: int = 10,
        fuzzy: bool = True,
    ) -> list[Hit]:
        """Concepts matching `text`, best first (see `termbase.lookup`). `statuses`: match only
        terms with these statuses (names such as "forbidden")."""
        query = self.query(text)
        allowed = {STATUS_NAMES.index(s) for s in statuses} or set(range(len(STATUS_NAMES)))
        hits: list[Hit] = []
        for kind, q in query.forms.items():
            hits.extend(self._prefix(kind, q, allowed))
        if len({h.concept for h in hits}) < limit:
            for kind, q in query.forms.items():
                if kind != "ini":
                    hits.extend(self._substring(kind, q, allowed))
        if fuzzy and not hits:
            hits.extend(self._fuzzy(query, allowed, limit))
        return lookup.best_hits(hits)[:limit]

    @_healing
    def exact(self, text: str, kinds: Iterable[str] = ("zh", "lat")) -> list[str]:
        """Concepts with a term (not its pinyin) exactly `text` as look-up folds both, best
        status first: what an editor's hover asks, in one indexed query per form."""
        query = self.query(text)
        found: list[tuple[int, str]] = []
        for kind in kinds:
            q = query.forms.get(kind)
            if q:
                found += self.db.execute(
                    "SELECT k.status, c.id FROM keys k JOIN concepts c ON c.n = k.n "
                    "WHERE k.kind = ? AND k.key = ?",
                    (kind, q),
                ).fetchall()
        return list(dict.fromkeys(cid for _, cid in sorted(found)))

    @_healing
    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        """The closest concept ids, for a query that matched nothing."""
        hits = self._fuzzy(self.query(text), set(range(len(STATUS_NAMES))), limit, cutoff=50.0)
        return [h.concept for h in lookup.best_hits(hits)][:limit]

    def _rows_to_hits(self, rows: Iterable[tuple[str, int, int, str]], q: str) -> list[Hit]:
        hits = []
        for cid, status, term, key in rows:
            level = lookup.match_level(q, key)
            if level is not None:
                hits.append(Hit(cid, level, 100.0, status, term))
        return hits

    def _prefix(self, kind: str, q: str, allowed: set[int]) -> list[Hit]:
        rows = self.db.execute(
            "SELECT c.id, k.status, k.term, k.key FROM keys k JOIN concepts c ON c.n = k.n "
            "WHERE k.kind = ? AND k.key >= ? AND k.key < ?",
            (kind, q, q + "\U0010ffff"),
        )
        return self._rows_to_hits((r for r in rows if r[1] in allowed), q)

    def _substring(self, kind: str, q: str, allowed: set[int]) -> list[Hit]:
        rows = self.db.execute(
            "SELECT c.id, k.status, k.term, k.key FROM keys k JOIN concepts c ON c.n = k.n "
            "WHERE k.kind = ? AND instr(k.key, ?) > 1",
            (kind, q),
        )
        return self._rows_to_hits((r for r in rows if r[1] in allowed), q)

    def _fuzzy(
        self, query: Query, allowed: set[int], limit: int, cutoff: float = lookup.FUZZY_CUTOFF
    ) -> list[Hit]:
        """Typo-tolerant matches (rapidfuzz's WRatio) among keys that start with the same
        letter and are not much shorter than the query: a typo rarely hits the first letter,
        and a short key would match any long query partly."""
        from rapidfuzz import fuzz, process

        hits: list[Hit] = []
        for kind in lookup.FUZZY_KINDS:
            q = query.forms.get(kind)
            if not q or len(q) < 3:
                continue
            if kind == "py" and " " in query.text.strip() and hits:
                continue  # words with spaces that English matched: not pinyin (halves the cost)
            rows = [
                r
                for r in self.db.execute(
                    "SELECT key, n, status FROM keys WHERE kind = ? AND key >= ? AND key < ? "
                    "AND length(key) BETWEEN ? AND ?",
                    (kind, q[0], q[0] + "\U0010ffff", max(2, int(len(q) * 0.8)), len(q) * 3),
                )
                if r[2] in allowed
            ]
            found = process.extract(
                q, [r[0] for r in rows], scorer=fuzz.WRatio, score_cutoff=cutoff, limit=limit * 4
            )
            for _, similarity, idx in found:
                _, n, status = rows[idx]
                (cid,) = self.db.execute("SELECT id FROM concepts WHERE n = ?", (n,)).fetchone()
                hits.append(Hit(cid, Level.FUZZY, float(similarity), status, 0))
        return hits


# ---------------------------------------------------------------- building and checking


def _open_valid(target: Path, files: list[Path]) -> sqlite3.Connection | None:
    """The cached index if it still describes `files`, else None."""
    if not target.is_file():
        return None
    try:
        db = _read_only(target)
        (version,) = db.execute("SELECT v FROM meta WHERE k = 'format'").fetchone()
        if version != FORMAT:
            db.close()
            return None
        stored = {
            r[0]: r[1:]
            for r in db.execute("SELECT path, size, mtime_ns, ctime_ns, ino, hash FROM files")
        }
    except (sqlite3.Error, TypeError):
        return None
    now = {str(p.resolve()): p for p in files}
    if set(now) != set(stored):
        db.close()
        return None
    changed = []
    try:
        for name, path in now.items():
            if _stat_row(path) != tuple(stored[name][:4]):
                changed.append(name)
        for name in changed:
            if _hash(now[name]) != stored[name][4]:
                db.close()
                return None
    except OSError:
        db.close()
        return None
    if changed:
        _refresh_stats(target, {name: now[name] for name in changed})
    return db


def _refresh_stats(target: Path, files: dict[str, Path]) -> None:
    """Files touched but unchanged: remember their new stats (best effort)."""
    try:
        db = sqlite3.connect(target, timeout=0.5)
        with db:
            for name, path in files.items():
                db.execute(
                    "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, ino = ? WHERE path = ?",
                    (*_stat_row(path), name),
                )
        db.close()
    except (OSError, sqlite3.Error):
        pass


def _build(where: str, files: list[Path]) -> sqlite3.Connection:
    from termbase.base import records, store
    from termbase.chinese import script
    from termbase.model import Settings

    stats = [(str(p.resolve()), *_stat_row(p), _hash(p)) for p in files]
    settings = [p for p in files if p.name == SETTINGS_FILE]
    concept_files = [p for p in files if p.name != SETTINGS_FILE]
    sources: dict[str, Any] = {}
    model: dict[str, Any] = {"settings": records.settings_data(Settings()), "sources": {}}
    for part in map(store.read_file, settings):
        raise_unreadable(part.findings)
        if part.settings is not None:
            model["settings"] = records.settings_data(part.settings)
        model["sources"].update({k: records.source_data(v) for k, v in part.sources.items()})
        for sid, s in part.sources.items():
            sources[sid] = {
                "id": sid,
                "title": s.title,
                "publisher": s.publisher,
                "date": s.date.isoformat() if s.date else None,
                "url": s.url,
            }
    db = sqlite3.connect(where, check_same_thread=False)
    # A new index is a temporary file until it is renamed into place: no journal needed.
    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
    db.executescript(SCHEMA)
    seen: dict[str, Path] = {}
    n = 0
    read = _map_files(concept_files)
    errors = 0
    for path, (concept_rows, key_rows, file_errors) in zip(concept_files, read, strict=True):
        errors += file_errors
        local_to_n: dict[int, int] = {}
        rows = []
        models = []
        for local, (cid, subject, statuses, card, data) in enumerate(concept_rows):
            if cid in seen:  # which one would a look-up mean? refuse, as validate does
                db.close()
                raise ReadError(
                    f"{path}: concept id {cid!r} is also defined in {seen[cid]}; ids are unique "
                    "in a term base (termbase validate lists every duplicate)"
                )
            seen[cid] = path
            local_to_n[local] = n
            rows.append((n, cid, subject, statuses, card))
            models.append((n, data))
            n += 1
        db.executemany("INSERT INTO concepts VALUES (?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO models VALUES (?, ?)", models)
        db.executemany(
            "INSERT INTO keys VALUES (?, ?, ?, ?, ?, ?)",
            (
                (kind, key, local_to_n[local], status, term, lang)
                for kind, key, local, status, term, lang in key_rows
                if local in local_to_n
            ),
        )
    db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)", stats)
    db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
    db.execute("INSERT INTO meta VALUES ('errors', ?)", (str(errors),))
    fold = json.dumps({str(k): v for k, v in script.simplified_table().items()})
    db.execute("INSERT INTO meta VALUES ('fold', ?)", (fold,))
    db.execute("INSERT INTO meta VALUES ('sources', ?)", (json.dumps(sources, ensure_ascii=False),))
    db.execute("INSERT INTO meta VALUES ('model', ?)", (json.dumps(model, ensure_ascii=False),))
    db.executescript(INDEXES)
    db.commit()
    return db


ConceptRow = tuple[str, str | None, str, str, str]
KeyRow = tuple[str, str, int, int, int, str]


def rows_for_file(path: Path) -> tuple[list[ConceptRow], list[KeyRow], int]:
    """One file's rows for the index (run in worker processes for a large base), and how many
    errors reading it found (a misspelt status, an unknown key: `termbase validate` lists
    them; a look-up or a lint says there are some)."""
    from termbase.base import records, store

    part = store.read_file(path)
    raise_unreadable(part.findings)
    concepts = part.concepts
    concept_rows: list[ConceptRow] = []
    key_rows: list[KeyRow] = []
    for local, c in enumerate(concepts):
        statuses = ",".join(sorted({t.status.value for t in c.terms}))
        card = lookup.card(c)
        data = json.dumps(records.concept_data(c, where=True), ensure_ascii=False)
        concept_rows.append((c.id, c.subject, statuses, json.dumps(card, ensure_ascii=False), data))
        for k in lookup.keys_of(c):
            t = c.terms[k.term]
            key_rows.append((k.kind, k.key, local, t.status.rank, k.term, t.lang))
    errors = sum(1 for f in part.findings if f.severity is Severity.ERROR)
    return concept_rows, key_rows, errors


def _map_files(files: list[Path]) -> list[tuple[list[ConceptRow], list[KeyRow], int]]:
    from termbase.base.parallel import map_files

    return map_files(rows_for_file, files)


class _FileMatcherCache:
    """Compiled matcher tables as marshal files next to the index: `index-X.sqlite.zh`, ...
    Each starts with the index file's identity; anything unreadable or stale is rebuilt, and a
    cache that cannot be written is simply not kept."""

    VERSION = 14  # 6: daachorse automata, word codes; 7: each term's codes; 8-9: spellings;
    # 10-13: a header before the state, a CRC-32 of it, the terms' codes apart, LT101's
    # records; 14: of the Chinese keys, only those with exclusion contexts

    def __init__(self, index_path: Path) -> None:
        self.index_path = index_path

    def _stamp(self) -> tuple[int | str, ...]:
        from termbase import __version__

        st = self.index_path.stat()
        return (self.VERSION, __version__, st.st_size, st.st_mtime_ns, st.st_ino)

    def _file(self, name: str) -> Path:
        return self.index_path.with_name(f"{self.index_path.name}.{name}")

    def get(self, name: str) -> tuple[Any, ...] | None:
        """The state kept as `name`. A file is its header's length (4 bytes), the header
        (the stamp, a CRC-32 of the state), then the state, read in place: checking a
        27 MB state costs 9 ms, where a cryptographic digest cost 30 and unpacking it from
        an outer marshal 20 more."""
        import marshal
        import zlib

        try:
            data = self._file(name).read_bytes()
            size = int.from_bytes(data[:4], "little")
            stamp, crc = marshal.loads(data[4 : 4 + size])  # noqa: S302 - our own cache; runs nothing
            if tuple(stamp) != self._stamp():
                return None
            inner = memoryview(data)[4 + size :]
            if zlib.crc32(inner) != crc:
                return None  # damaged on disk: build it again
            from termbase.base.parallel import paused_gc

            with paused_gc():  # millions of small objects at once: nothing to collect
                state = marshal.loads(inner)  # noqa: S302
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if not isinstance(state, tuple):
            return None
        result: tuple[Any, ...] = state
        return result

    def put(self, name: str, state: tuple[Any, ...]) -> None:
        import marshal
        import zlib

        target = self._file(name)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            inner = marshal.dumps(state)
            head = marshal.dumps((self._stamp(), zlib.crc32(inner)))
            with tmp.open("wb") as f:
                f.write(len(head).to_bytes(4, "little"))
                f.write(head)
                f.write(inner)
            tmp.replace(target)
        except (OSError, ValueError):
            tmp.unlink(missing_ok=True)


def _read_only(path: Path | str) -> sqlite3.Connection:
    """The cache, read-only. Usable from another thread (the language server lints in a worker
    thread and answers hovers in its loop); callers take turns."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
