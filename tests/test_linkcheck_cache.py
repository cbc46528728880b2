"""The link cache: what is served and for how long, bad files, parallel writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from readme_lint.linkcheck.cache import (
    ALIVE_JITTER,
    ALIVE_TTL,
    DAY,
    MOVED_TTL,
    SCHEMA_VERSION,
    LinkCache,
    Validators,
)
from readme_lint.linkcheck.verdict import Status, Verdict

ROOT = Path(__file__).resolve().parent.parent
T0 = 1_700_000_000.0

ALIVE = Verdict(Status.ALIVE, "200 OK", http_status=200)
MOVED = Verdict(Status.MOVED, "301 -> https://new.example/", "https://new.example/", 301)
FAILURES = [
    Verdict(Status.BROKEN, "404 Not Found", http_status=404),
    Verdict(Status.UNVERIFIABLE, "429 Too Many Requests", http_status=429),
    Verdict(Status.BLOCKED, "a private address"),
]


class Clock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Warnings(list[str]):
    def __call__(self, message: str) -> None:
        self.append(message)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def warnings() -> Warnings:
    return Warnings()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / ".readme-lint-cache" / "links.sqlite"


@pytest.fixture
def cache(path: Path, clock: Clock, warnings: Warnings) -> Iterator[LinkCache]:
    with LinkCache(path, clock=clock, rng=lambda: 0.5, warn=warnings) as opened:
        yield opened
    assert not warnings


def test_a_fresh_alive_verdict_is_served_from_the_cache(cache: LinkCache, path: Path) -> None:
    assert path.is_file()  # its folder was made
    assert cache.get("arxiv:2006.11239") is None
    cache.put("arxiv:2006.11239", ALIVE)
    assert cache.get("arxiv:2006.11239") == replace(ALIVE, from_cache=True)


def test_every_verdict_field_round_trips(cache: LinkCache) -> None:
    full = Verdict(
        Status.MOVED,
        "renamed: owner/old -> owner/new",
        final_url="https://github.com/owner/new",
        http_status=301,
        title="Denoising Diffusion Probabilistic Models",
        withdrawn=True,
        first_year=2020,
        archived=True,
    )
    bare = Verdict(Status.ALIVE, "")
    cache.put_many(
        {"github:owner/old": full, "https://example.org/": bare},
        {"github:owner/old": Validators('W/"abc"', "Tue, 01 Jan 2030 00:00:00 GMT")},
    )
    assert cache.get("github:owner/old") == replace(full, from_cache=True)
    assert cache.get("https://example.org/") == replace(bare, from_cache=True)
    assert cache.validators("github:owner/old") == ('W/"abc"', "Tue, 01 Jan 2030 00:00:00 GMT")
    assert cache.validators("https://example.org/") is None


@pytest.mark.parametrize(
    ("verdict", "ttl"),
    [
        pytest.param(ALIVE, ALIVE_TTL, id="alive-7-days"),  # rng 0.5: no jitter
        pytest.param(MOVED, MOVED_TTL, id="moved-1-day"),
    ],
)
def test_a_verdict_is_served_until_it_expires(
    cache: LinkCache, clock: Clock, verdict: Verdict, ttl: float
) -> None:
    cache.put("k", verdict)
    clock.now = T0 + ttl - 1
    assert cache.get("k") == replace(verdict, from_cache=True)
    clock.now = T0 + ttl
    assert cache.get("k") is None
    assert cache.get_many(["k"]) == {}


def test_moved_lasts_one_day() -> None:
    assert MOVED_TTL == DAY
    assert ALIVE_TTL == 7 * DAY


@pytest.mark.parametrize(
    ("draw", "days"),
    [(0.0, 7 * 0.8), (0.5, 7.0), (0.999999, 7 * 1.2)],
)
def test_alive_jitter_is_drawn_at_write_within_20_percent(
    path: Path, clock: Clock, draw: float, days: float
) -> None:
    with LinkCache(path, clock=clock, rng=lambda: draw) as cache:
        cache.put("k", ALIVE)
        clock.now = T0 + days * DAY - 60
        assert cache.get("k") is not None
        clock.now = T0 + days * DAY + 60
        assert cache.get("k") is None


def test_alive_expiry_times_spread_over_the_band(path: Path, clock: Clock) -> None:
    with LinkCache(path, clock=clock) as cache:  # the real random draw
        cache.put_many({f"k{n}": ALIVE for n in range(200)})
    with sqlite3.connect(path) as conn:
        ttls = [row[0] - T0 for row in conn.execute("SELECT expires_at FROM links")]
    low, high = ALIVE_TTL * (1 - ALIVE_JITTER), ALIVE_TTL * (1 + ALIVE_JITTER)
    assert all(low <= ttl <= high for ttl in ttls)
    assert len(set(ttls)) > 150  # not all due on the same run
    assert max(ttls) - min(ttls) > ALIVE_TTL * ALIVE_JITTER  # and spread wide


@pytest.mark.parametrize("failure", FAILURES, ids=lambda v: v.status.value)
def test_a_failure_is_never_served_and_replaces_an_alive_row(
    cache: LinkCache, path: Path, failure: Verdict
) -> None:
    cache.put("k", ALIVE)
    cache.put("never-alive", failure)
    cache.put("k", failure)
    assert cache.get("k") is None
    assert cache.get_many(["k", "never-alive"]) == {}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM links").fetchone() == (0,)


def test_a_verdict_read_from_the_cache_is_not_written_back(cache: LinkCache, clock: Clock) -> None:
    cache.put("k", ALIVE)
    served = cache.get("k")
    assert served is not None
    clock.now = T0 + 6 * DAY
    cache.put("k", served)  # would make it live to day 13
    clock.now = T0 + 7 * DAY + 1
    assert cache.get("k") is None


def test_get_many_serves_only_the_fresh_keys(cache: LinkCache, clock: Clock) -> None:
    keys = [f"https://example.org/{n}" for n in range(1200)]  # more than one query's worth
    cache.put_many(dict.fromkeys(keys[::2], ALIVE))
    clock.now = T0 + 12 * 3600
    cache.put("moved", MOVED)
    clock.now = T0 + DAY + 1  # "moved" is 12 h old: still fresh
    found = cache.get_many([*keys, "moved", "absent", keys[0]])
    assert set(found) == {*keys[::2], "moved"}
    assert all(verdict.from_cache for verdict in found.values())


def test_a_file_that_is_not_a_database_is_set_aside(
    path: Path, clock: Clock, warnings: Warnings
) -> None:
    path.parent.mkdir(parents=True)
    junk = b"this is not a database\n" * 100
    path.write_bytes(junk)
    with LinkCache(path, clock=clock, warn=warnings) as cache:
        cache.put("k", ALIVE)
        assert cache.get("k") is not None
    aside = list(path.parent.glob("links.sqlite.corrupt-*"))
    assert [p.read_bytes() for p in aside] == [junk]  # kept for a person to look at
    assert aside[0].name == "links.sqlite.corrupt-20231114T221320"
    assert len(warnings) == 1
    assert "set aside as links.sqlite.corrupt-" in warnings[0]


def _database(path: Path, *statements: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    ("statements", "said"),
    [
        pytest.param(
            [f"PRAGMA user_version = {SCHEMA_VERSION + 1}"],
            "written by a newer readme-lint",
            id="newer-version",
        ),
        pytest.param(
            ["CREATE TABLE notes (text TEXT)"],
            "not a link cache",
            id="someone-elses-database",
        ),
        pytest.param(
            ["CREATE TABLE links (key TEXT)", f"PRAGMA user_version = {SCHEMA_VERSION}"],
            "unexpected columns",
            id="wrong-columns",
        ),
    ],
)
def test_a_database_of_another_schema_is_set_aside(
    path: Path, warnings: Warnings, statements: list[str], said: str
) -> None:
    _database(path, *statements)
    with LinkCache(path, warn=warnings) as cache:
        cache.put("k", ALIVE)
        assert cache.get("k") is not None
    assert len(warnings) == 1
    assert said in warnings[0]
    assert len(list(path.parent.glob("links.sqlite.corrupt-*"))) == 1


def test_a_damaged_database_is_set_aside(path: Path, warnings: Warnings) -> None:
    with LinkCache(path, clock=Clock()) as cache:
        cache.put_many({f"https://example.org/{'x' * 200}/{n}": ALIVE for n in range(500)})
    with sqlite3.connect(path) as conn:  # fold the WAL in, so the pages are in the file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)  # scribble over index and table pages
    path.write_bytes(bytes(data))
    with LinkCache(path, clock=Clock(), warn=warnings) as cache:
        assert cache.get_many([f"https://example.org/{'x' * 200}/{n}" for n in range(500)]) == {}
        cache.put("k", ALIVE)
        assert cache.get("k") is not None
    assert len(warnings) == 1
    assert "set aside" in warnings[0]


def test_a_damaged_byte_in_the_schema_text_is_set_aside(path: Path, warnings: Warnings) -> None:
    with LinkCache(path, clock=Clock()) as cache:
        cache.put("k", ALIVE)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    at = data.index(b"CREATE TABLE")
    data[at + 7] = 0xFF  # one byte of the schema's text: no longer UTF-8
    path.write_bytes(bytes(data))
    for _ in range(2):  # set aside once; the next run starts from a clean file
        with LinkCache(path, clock=Clock(), warn=warnings) as cache:
            cache.put("k", ALIVE)
            assert cache.get("k") is not None
    assert len(warnings) == 1 and "set aside" in warnings[0]


@pytest.mark.parametrize(
    ("column", "value"),
    [("expires_at", "never"), ("expires_at", T0 + 10**9), ("status", 3)],
)
def test_a_row_with_values_this_module_never_writes_is_not_served(
    cache: LinkCache, path: Path, column: str, value: object
) -> None:
    cache.put("k", ALIVE)
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE links SET {column} = ?", (value,))
    conn.close()
    assert cache.get("k") is None
    cache.put("k", ALIVE)  # checked live again, and rewritten
    assert cache.get("k") is not None


def test_an_unusable_folder_means_no_cache_and_one_warning(
    tmp_path: Path, warnings: Warnings
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    with LinkCache(blocker / "links.sqlite", warn=warnings) as cache:
        cache.put("k", ALIVE)
        assert cache.get("k") is None
    assert len(warnings) == 1
    assert "not caching" in warnings[0]


def test_a_closed_cache_says_so(path: Path) -> None:
    cache = LinkCache(path)
    cache.close()
    cache.close()  # twice is fine
    with pytest.raises(ValueError, match="closed"):
        cache.get("k")


def test_one_cache_shared_by_many_threads(cache: LinkCache) -> None:
    def work(thread: int) -> None:
        for n in range(100):
            cache.put(f"t{thread}-{n}", ALIVE)
            assert cache.get(f"t{thread}-{n}") is not None

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache.get_many(f"t{t}-{n}" for t in range(8) for n in range(100))) == 800


def test_parallel_writers_on_one_file_do_not_fail(path: Path, warnings: Warnings) -> None:
    # A second process and four threads, each with its own connection, all writing
    # at once: the process says when its cache is open, then everyone starts.
    writer = (
        "import sys\n"
        "from pathlib import Path\n"
        "from readme_lint.linkcheck.cache import LinkCache\n"
        "from readme_lint.linkcheck.verdict import Status, Verdict\n"
        "problems = []\n"
        "with LinkCache(Path(sys.argv[1]), warn=problems.append) as cache:\n"
        "    print('ready', flush=True)\n"
        "    for n in range(1000):\n"
        "        cache.put(f'process-{n}', Verdict(Status.ALIVE, '200 OK'))\n"
        "        cache.get(f'thread0-{n}')\n"
        "print('\\n'.join(problems))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", writer, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"

    def work(thread: int) -> None:
        with LinkCache(path, warn=warnings) as cache:
            for n in range(1000):
                cache.put(f"thread{thread}-{n}", ALIVE)
                cache.get(f"process-{n}")

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert out.strip() == ""  # the process's warnings
    assert not warnings
    with LinkCache(path, warn=warnings) as cache:
        keys = [f"process-{n}" for n in range(1000)]
        keys += [f"thread{t}-{n}" for t in range(4) for n in range(1000)]
        assert len(cache.get_many(keys)) == 5000
    assert not list(path.parent.glob("*.corrupt-*"))


def _hold_write_lock(path: Path, seconds: float, holding: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    holding.set()
    threading.Event().wait(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_a_writer_waits_for_another_runs_transaction(cache: LinkCache, path: Path) -> None:
    holding = threading.Event()
    other = threading.Thread(target=_hold_write_lock, args=(path, 0.3, holding))
    other.start()
    holding.wait()
    cache.put("k", ALIVE)  # waits in the busy handler, then writes
    other.join()
    assert cache.get("k") is not None


def test_a_lock_held_past_the_busy_timeout_is_a_warning_not_an_error(
    path: Path, warnings: Warnings
) -> None:
    with LinkCache(path, warn=warnings, busy_timeout=0.05) as cache:
        cache.put("before", ALIVE)
        holding = threading.Event()
        other = threading.Thread(target=_hold_write_lock, args=(path, 0.5, holding))
        other.start()
        holding.wait()
        cache.put("k", ALIVE)
        cache.put("k2", ALIVE)
        other.join()
        assert cache.get("before") is None  # from here on the run checks live
    assert len(warnings) == 1
    assert "locked" in warnings[0]
    with LinkCache(path, warn=warnings) as cache:  # the file itself is fine
        assert cache.get("before") is not None
    assert len(warnings) == 1


def test_a_locked_cache_is_waited_for_only_until_the_run_s_deadline(
    path: Path, warnings: Warnings
) -> None:
    with LinkCache(path, warn=warnings, deadline=time.monotonic() + 0.3) as cache:
        holding = threading.Event()
        other = threading.Thread(target=_hold_write_lock, args=(path, 3.0, holding))
        other.start()
        holding.wait()
        started = time.monotonic()
        cache.put("k", ALIVE)  # the busy timeout is 10 s; the deadline is nearer
        waited = time.monotonic() - started
        other.join()
    assert waited < 1.5
    assert len(warnings) == 1 and "locked" in warnings[0]
