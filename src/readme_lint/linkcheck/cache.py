"""The link cache: verdicts kept across runs in one SQLite file.

Keyed by the canonical resource key ("arxiv:2006.11239", "github:owner/repo", a
normalised URL). Only good news is kept, and not for long:

* ALIVE for 7 days, give or take 20 % drawn at each write, so the links of one list
  checked together do not all expire on the same run;
* MOVED for 1 day;
* BROKEN, UNVERIFIABLE and BLOCKED never: a failure is always checked again live,
  and storing one deletes the key's earlier row.

Several runs may share the file at once (WAL, a busy timeout, short write
transactions) and one ``LinkCache`` may be used from many threads (one connection
behind a lock). The cache never stops a run: a file that is not a cache of this
version is set aside (renamed ``<name>.corrupt-<time>``) with a warning and a fresh
one is made; a later error (disk full, locked too long) is a warning and a miss.
It stores what a ``Verdict`` holds plus the HTTP validators, never request headers.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from readme_lint.linkcheck.verdict import Status, Verdict

SCHEMA_VERSION = 1  # PRAGMA user_version; a later version migrates from here

DAY = 24 * 60 * 60.0
ALIVE_TTL = 7 * DAY
ALIVE_JITTER = 0.2  # +- this fraction of ALIVE_TTL
MOVED_TTL = 1 * DAY
# Expired rows are kept a while for their validators (a 304 renews them), then pruned.
PRUNE_AFTER = 30 * DAY
_KEPT = {Status.ALIVE: ALIVE_TTL, Status.MOVED: MOVED_TTL}
_LONGEST = max(_KEPT.values()) * (1 + ALIVE_JITTER)
_CHUNK = 500  # keys per IN (...) query: below SQLite's variable limit on old builds

_COLUMNS = (
    "key",
    "status",
    "evidence",
    "final_url",
    "http_status",
    "title",
    "withdrawn",
    "first_year",
    "archived",
    "etag",
    "last_modified",
    "checked_at",
    "expires_at",
)
_SCHEMA = (
    """CREATE TABLE links (
    key TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    evidence TEXT NOT NULL,
    final_url TEXT,
    http_status INTEGER,
    title TEXT,
    withdrawn INTEGER NOT NULL,
    first_year INTEGER,
    archived INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    checked_at REAL NOT NULL,
    expires_at REAL NOT NULL
    )""",
    "CREATE INDEX links_expires_at ON links (expires_at)",
)
_VERDICT_COLUMNS = (
    "status, evidence, final_url, http_status, title, withdrawn, first_year, archived"
)
_INSERT = f"INSERT OR REPLACE INTO links ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"


class Validators(NamedTuple):
    """What a conditional request sends back: If-None-Match, If-Modified-Since."""

    etag: str | None
    last_modified: str | None


class _SetAside(Exception):
    """The file is not a cache this version can use; the message says why."""


def _warn_stderr(message: str) -> None:
    print(f"readme-lint: warning: {message}", file=sys.stderr)


class LinkCache:
    """Fresh verdicts by resource key. ``clock`` is wall-clock time (it must agree
    across runs); ``rng`` draws the ALIVE jitter, uniform in [0, 1)."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], float] = time.time,
        rng: Callable[[], float] = random.random,
        warn: Callable[[str], None] = _warn_stderr,
        busy_timeout: float = 10.0,
        deadline: float | None = None,
    ) -> None:
        self.path = path
        self._clock = clock
        self._rng = rng
        self._warn = warn
        self._busy_timeout = busy_timeout
        # The run's deadline (time.monotonic()): a file another run holds locked is waited
        # for only until then, not the whole busy timeout beyond it.
        self._deadline = deadline
        self._lock = threading.Lock()
        self._closed = False
        self._conn = self._open()

    # -- reading ------------------------------------------------------------------

    def get(self, key: str) -> Verdict | None:
        """The key's verdict (``from_cache=True``) if a fresh one is stored."""
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, Verdict]:
        """The fresh verdicts among ``keys``; a key without one is absent."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Verdict] = {}
        now = self._clock()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            # A row is trusted only with a numeric expiry inside the longest life a verdict
            # gets ('never' as text sorts above every number in SQLite: served forever).
            rows = self._query(
                f"SELECT key, {_VERDICT_COLUMNS} FROM links"
                f" WHERE key IN ({', '.join('?' * len(chunk))}) AND expires_at > ?"
                " AND expires_at <= ? AND typeof(expires_at) IN ('real', 'integer')",
                (*chunk, now, now + _LONGEST),
            )
            for key, *fields in rows:
                verdict = _verdict(fields)
                if verdict is not None:
                    found[str(key)] = verdict
        return found

    def validators(self, key: str) -> Validators | None:
        """The ETag / Last-Modified stored with the key, fresh or not (to revalidate)."""
        rows = self._query("SELECT etag, last_modified FROM links WHERE key = ?", (key,))
        if not rows or rows[0] == (None, None):
            return None
        etag, last_modified = rows[0]
        return Validators(_text(etag), _text(last_modified))

    # -- writing ------------------------------------------------------------------

    def put(
        self,
        key: str,
        verdict: Verdict,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Store a live check's verdict (a failure deletes the key instead)."""
        self.put_many({key: verdict}, {key: Validators(etag, last_modified)})

    def put_many(
        self,
        verdicts: Mapping[str, Verdict],
        validators: Mapping[str, Validators] | None = None,
    ) -> None:
        """``put`` for many keys in one transaction.

        A verdict that itself came from the cache is skipped: writing it back would
        extend its life without a live check.
        """
        now = self._clock()
        rows: list[tuple[object, ...]] = []
        dropped: list[tuple[str]] = []
        for key, verdict in verdicts.items():
            if verdict.from_cache:
                continue
            ttl = self._ttl(verdict.status)
            if ttl is None:
                dropped.append((key,))
                continue
            etag, last_modified = (validators or {}).get(key, Validators(None, None))
            rows.append(_row(key, verdict, etag, last_modified, now, now + ttl))
        if rows or dropped:
            self._write(rows, dropped)

    def _ttl(self, status: Status) -> float | None:
        ttl = _KEPT.get(status)
        if status is Status.ALIVE and ttl is not None:
            ttl *= 1 + ALIVE_JITTER * (2 * self._rng() - 1)
        return ttl

    # -- life cycle -----------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                if self._conn is not None:
                    self._conn.close()

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- the connection ---------------------------------------------------------------

    def _open(self) -> sqlite3.Connection | None:
        """Connect, setting a bad file aside once; None: run without a cache."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._warn(f"link cache {self.path}: cannot create its folder ({exc}); not caching")
            return None
        problem = ""
        for _ in range(2):
            identity = _identity(self.path)
            try:
                return self._connect()
            except _SetAside as exc:
                problem = str(exc)
            except sqlite3.DatabaseError as exc:
                problem = str(exc)
                if _is_environmental(exc):
                    break  # the file may be fine: leave it where it is
            except (UnicodeError, ValueError, OverflowError) as exc:
                # A damaged byte in the schema text: sqlite3 raises this, not a DatabaseError.
                problem = f"damaged ({type(exc).__name__}: {exc})"
            self._set_aside(identity, problem)
        self._warn(f"link cache {self.path}: cannot be opened ({problem}); not caching")
        return None

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; writes say BEGIN IMMEDIATE,
        # so a busy file waits in the busy handler instead of failing on upgrade.
        conn = sqlite3.connect(
            self.path, timeout=self._wait(), isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            conn.execute("PRAGMA synchronous=NORMAL")  # a cache may lose its last write
            conn.execute("BEGIN IMMEDIATE")  # two runs making the schema take turns
            try:
                self._prepare(conn)
                conn.execute("COMMIT")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
        except BaseException:
            conn.close()
            raise
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        """Check the schema, making it in a new file; raise _SetAside if foreign."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _SetAside(f"written by a newer readme-lint (schema version {version})")
        if version == 0:
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise _SetAside("a database that is not a link cache")
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # (A version between 0 and SCHEMA_VERSION would be migrated here.)
        columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(links)"))
        if columns != _COLUMNS:
            raise _SetAside(f"the table has unexpected columns {columns}")
        if conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            raise _SetAside("the database is damaged")
        conn.execute("DELETE FROM links WHERE expires_at < ?", (self._clock() - PRUNE_AFTER,))

    def _set_aside(self, identity: tuple[int, int] | None, reason: str) -> None:
        """Rename the bad file (and its WAL files, which belong to it) out of the way."""
        # Another run may have set it aside and made a fresh one since we looked:
        # move only the file we found bad.
        if identity is None or _identity(self.path) != identity:
            return
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(self._clock()))
        aside = _free_name(self.path.with_name(f"{self.path.name}.corrupt-{stamp}"))
        for suffix in ("", "-wal", "-shm"):
            try:
                self.path.with_name(self.path.name + suffix).rename(
                    aside.with_name(aside.name + suffix)
                )
            except FileNotFoundError:
                pass
            except OSError as exc:
                self._warn(f"link cache {self.path}: {reason}; cannot set it aside: {exc}")
                return
        self._warn(f"link cache {self.path}: {reason}; set aside as {aside.name}, starting afresh")

    def _query(self, sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            conn = self._usable()
            if conn is None:
                return []
            try:
                return conn.execute(sql, params).fetchall()
            except (sqlite3.DatabaseError, UnicodeError, ValueError, OverflowError) as exc:
                self._trouble(exc)
                return []

    def _write(self, rows: list[tuple[object, ...]], dropped: list[tuple[str]]) -> None:
        with self._lock:
            conn = self._usable()
            if conn is None:
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany(_INSERT, rows)
                    conn.executemany("DELETE FROM links WHERE key = ?", dropped)
                    conn.execute("COMMIT")
                finally:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
            except (sqlite3.DatabaseError, UnicodeError, ValueError, OverflowError) as exc:
                self._trouble(exc)

    def _usable(self) -> sqlite3.Connection | None:
        if self._closed:
            raise ValueError(f"link cache {self.path} is closed")
        if self._conn is not None and self._deadline is not None:
            self._conn.execute(f"PRAGMA busy_timeout = {int(self._wait() * 1000)}")
        return self._conn

    def _wait(self) -> float:
        """How long a locked file is waited for: the busy timeout, cut at the deadline
        (a tenth of a second at least, so an unlocked file's write still lands)."""
        if self._deadline is None:
            return self._busy_timeout
        return max(0.1, min(self._busy_timeout, self._deadline - time.monotonic()))

    def _trouble(self, exc: Exception) -> None:
        """An error mid-run (locked too long, disk full, damaged): warn once and go
        on without the cache; every link is then checked live."""
        if isinstance(exc, sqlite3.ProgrammingError | sqlite3.IntegrityError):
            raise exc  # a bug in this module, not a problem with the file
        self._warn(f"link cache {self.path}: {exc}; checking without it from here")
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _row(
    key: str,
    verdict: Verdict,
    etag: str | None,
    last_modified: str | None,
    now: float,
    expires_at: float,
) -> tuple[object, ...]:
    return (
        key,
        verdict.status.value,
        verdict.evidence,
        verdict.final_url,
        verdict.http_status,
        verdict.title,
        int(verdict.withdrawn),
        verdict.first_year,
        int(verdict.archived),
        etag,
        last_modified,
        now,
        expires_at,
    )


def _verdict(fields: list[object]) -> Verdict | None:
    status, evidence, final_url, http_status, title, withdrawn, first_year, archived = fields
    try:
        kept = Status(status)
    except ValueError:
        return None  # a status this version does not know: check the link live
    if kept not in _KEPT:
        return None
    if not isinstance(evidence, str):
        return None  # a row not written by this module: check the link live
    return Verdict(
        status=kept,
        evidence=evidence,
        final_url=_text(final_url),
        http_status=_number(http_status),
        title=_text(title),
        withdrawn=bool(withdrawn),
        first_year=_number(first_year),
        archived=bool(archived),
        from_cache=True,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _is_environmental(exc: sqlite3.DatabaseError) -> bool:
    """Locked, read-only, full, I/O: the file may be fine, this moment is not."""
    text = str(exc).lower()
    return any(
        word in text
        for word in ("locked", "readonly", "read-only", "disk i/o", "full", "unable to open")
    )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}-{n}")
        n += 1
    return candidate
