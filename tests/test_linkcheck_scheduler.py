"""The link-check worker pool: host budgets, pauses, the deadline, fairness, errors.

Real threads and the real monotonic clock, so every assertion is an ordering, a
count, or a lower bound a budget sets (an interval, a pause): none is about how long
a run took. A run that should end early ends before its deadline (``remaining()``);
one that could hang runs under ``finishes``. Start times are exact, not sampled: an
attempt is told the seconds left before the deadline as of the moment the scheduler
started it, so ``deadline - seconds_left`` is that moment, the one the budgets are
enforced on.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable

import pytest

from readme_lint.linkcheck.scheduler import (
    DEADLINE_BEFORE_START,
    HOST_PAUSED_PAST_DEADLINE,
    RETRY_PAST_DEADLINE,
    HostPolicy,
    Job,
    JobError,
    Scheduler,
)
from readme_lint.linkcheck.verdict import Done, RetryLater
from tests.conftest import finishes

Attempt = Callable[[int, float], "Done[str] | RetryLater"]


class Recorder:
    """Attempts that sleep a while and record when they started and how many of
    their host's attempts were in flight together."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.lock = threading.Lock()
        self.starts: dict[str, list[float]] = defaultdict(list)  # by host
        self.order: list[str] = []  # keys in start order
        self.attempts: dict[str, list[int]] = defaultdict(list)  # by key
        self.in_flight: Counter[str] = Counter()
        self.most_in_flight: Counter[str] = Counter()
        self.in_flight_total = 0  # over every host
        self.most_in_flight_total = 0

    def job(
        self,
        key: str,
        host: str,
        *,
        work: float = 0.0,
        answer: Callable[[int], Done[str] | RetryLater] | None = None,
    ) -> Job[str]:
        def attempt(number: int, seconds_left: float) -> Done[str] | RetryLater:
            with self.lock:
                self.starts[host].append(self.deadline - seconds_left)
                self.order.append(key)
                self.attempts[key].append(number)
                self.in_flight[host] += 1
                self.most_in_flight[host] = max(self.most_in_flight[host], self.in_flight[host])
                self.in_flight_total += 1
                self.most_in_flight_total = max(self.most_in_flight_total, self.in_flight_total)
            try:
                if work:
                    time.sleep(work)
                return answer(number) if answer else Done(f"ok {key}")
            finally:
                with self.lock:
                    self.in_flight[host] -= 1
                    self.in_flight_total -= 1

        return Job(key, host, attempt, lambda reason: f"gave up {key}: {reason}")


UNLIMITED_RATE = HostPolicy(max_in_flight=4, min_interval=0.0)


def scheduler(
    deadline_in: float = 30.0,
    *,
    workers: int = 32,
    policy: HostPolicy = UNLIMITED_RATE,
) -> Scheduler:
    return Scheduler(
        workers=workers,
        policy_for=lambda host: policy,
        deadline=time.monotonic() + deadline_in,
    )


def test_every_job_gets_its_result_and_on_done_sees_each_once() -> None:
    pool = scheduler()
    rec = Recorder(pool.deadline)
    seen: list[tuple[str, str]] = []
    jobs = [rec.job(f"k{n}", f"h{n % 3}") for n in range(50)]
    results = pool.run(jobs, on_done=lambda key, result: seen.append((key, result)))
    assert results == {f"k{n}": f"ok k{n}" for n in range(50)}
    assert sorted(seen) == sorted(results.items())
    assert (pool.stats.jobs, pool.stats.attempts, pool.stats.retries) == (50, 50, 0)
    assert pool.stats.gave_up == 0


def test_no_jobs_returns_at_once() -> None:
    assert scheduler().run([]) == {}


def test_two_jobs_with_one_key_are_refused() -> None:
    pool = scheduler()
    rec = Recorder(pool.deadline)
    with pytest.raises(ValueError, match="'same'"):
        pool.run([rec.job("same", "a"), rec.job("same", "b")])


@pytest.mark.parametrize(
    ("max_in_flight", "workers"),
    [pytest.param(1, 8, id="one-at-a-time"), pytest.param(3, 16, id="three"), (8, 4)],
)
def test_in_flight_cap_per_host_is_never_exceeded(max_in_flight: int, workers: int) -> None:
    pool = scheduler(workers=workers, policy=HostPolicy(max_in_flight, 0.0))
    rec = Recorder(pool.deadline)
    pool.run([rec.job(f"{host}{n}", host, work=0.01) for n in range(24) for host in "ab"])
    for host in "ab":
        assert rec.most_in_flight[host] <= max_in_flight
        if workers >= 2 * max_in_flight:  # room for both hosts' caps: each is reached
            assert rec.most_in_flight[host] == max_in_flight


def test_each_host_gets_its_own_policy_asked_once() -> None:
    asked: list[str] = []
    policies = {"arxiv.org": HostPolicy(max_in_flight=1, min_interval=0.0)}

    def policy_for(host: str) -> HostPolicy:
        asked.append(host)
        return policies.get(host, HostPolicy(max_in_flight=4, min_interval=0.0))

    pool = Scheduler(policy_for=policy_for, deadline=time.monotonic() + 30)
    rec = Recorder(pool.deadline)
    pool.run(
        [
            rec.job(f"{host}{n}", host, work=0.01)
            for n in range(8)
            for host in policies.keys() | {"x.org"}
        ]
    )
    assert sorted(asked) == ["arxiv.org", "x.org"]
    assert (rec.most_in_flight["arxiv.org"], rec.most_in_flight["x.org"]) == (1, 4)


def test_min_interval_between_starts_per_host() -> None:
    interval = 0.05
    pool = scheduler(policy=HostPolicy(max_in_flight=4, min_interval=interval))
    rec = Recorder(pool.deadline)
    pool.run([rec.job(f"{host}{n}", host) for n in range(6) for host in "abc"])
    for host in "abc":
        starts = sorted(rec.starts[host])
        gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
        assert len(starts) == 6
        assert min(gaps) >= interval - 1e-9
    # Hosts have their own intervals: the three ran side by side, not one after another
    # (one interval shared by all would keep every two starts at least that far apart).
    every = sorted(start for starts in rec.starts.values() for start in starts)
    assert min(later - earlier for earlier, later in itertools.pairwise(every)) < interval


def test_a_host_pause_delays_every_job_of_that_host_only() -> None:
    pause = 0.5
    pool = scheduler(policy=HostPolicy(max_in_flight=1, min_interval=0.0))
    rec = Recorder(pool.deadline)
    paused_at: list[float] = []

    def rate_limited(number: int) -> Done[str] | RetryLater:
        if number == 1:
            paused_at.append(time.monotonic())
            return RetryLater(pause, pause_host=True, reason="429 Retry-After 0.5 s")
        return Done("ok after the pause")

    jobs = [rec.job("a0", "a", answer=rate_limited)]
    jobs += [rec.job(f"a{n}", "a") for n in range(1, 5)]
    jobs += [rec.job(f"b{n}", "b") for n in range(5)]
    results = pool.run(jobs)

    assert results["a0"] == "ok after the pause"
    resumed = paused_at[0] + pause
    a_starts = sorted(rec.starts["a"])
    assert a_starts[0] < paused_at[0]  # the attempt that was told to wait
    assert all(start >= resumed for start in a_starts[1:])  # every later one waited in full
    assert max(rec.starts["b"]) < resumed  # the other host went on meanwhile
    assert pool.stats.host_pauses == Counter({"a": 1})
    assert pool.stats.retries == 1


def test_a_retry_without_pause_delays_only_its_own_job() -> None:
    pool = scheduler(policy=HostPolicy(max_in_flight=1, min_interval=0.0))
    rec = Recorder(pool.deadline)
    retried_at: list[float] = []

    def flaky(number: int) -> Done[str] | RetryLater:
        if number == 1:
            retried_at.append(time.monotonic())
            return RetryLater(0.3, pause_host=False, reason="503")
        return Done("ok")

    jobs = [rec.job("a0", "a", answer=flaky)] + [rec.job(f"a{n}", "a") for n in range(1, 5)]
    pool.run(jobs)
    # The host's other jobs did not wait; the retried one did, and it started last.
    assert rec.order[-1] == "a0"
    assert rec.order[1:-1] == ["a1", "a2", "a3", "a4"]
    assert max(rec.starts["a"]) >= retried_at[0] + 0.3
    assert pool.stats.host_pauses == Counter()


def test_attempt_numbers_count_up_on_each_retry() -> None:
    pool = scheduler()
    rec = Recorder(pool.deadline)

    def third_time_lucky(number: int) -> Done[str] | RetryLater:
        if number < 3:
            return RetryLater(0.01, pause_host=False, reason="503")
        return Done(f"ok on attempt {number}")

    results = pool.run([rec.job("k", "h", answer=third_time_lucky)])
    assert rec.attempts["k"] == [1, 2, 3]
    assert results["k"] == "ok on attempt 3"
    assert (pool.stats.attempts, pool.stats.retries) == (3, 2)


@pytest.mark.parametrize("pause_host", [True, False])
def test_a_retry_past_the_deadline_gives_up_at_once(pause_host: bool) -> None:
    pool = scheduler(deadline_in=30.0, policy=HostPolicy(max_in_flight=1, min_interval=0.0))
    rec = Recorder(pool.deadline)

    def hour_long(number: int) -> RetryLater:
        return RetryLater(3600, pause_host=pause_host, reason="Retry-After 3600 s")

    jobs = [rec.job("a0", "a", answer=hour_long)] + [rec.job(f"a{n}", "a") for n in range(1, 4)]
    jobs.append(rec.job("b0", "b"))
    results = finishes(lambda: pool.run(jobs))
    assert pool.remaining() > 0  # not the hour, not the 30 s deadline
    assert results["a0"] == f"gave up a0: Retry-After 3600 s ({RETRY_PAST_DEADLINE})"
    assert results["b0"] == "ok b0"
    if pause_host:
        # Nothing can start on the host before the deadline: its queue ends too.
        for n in range(1, 4):
            assert results[f"a{n}"] == (
                f"gave up a{n}: Retry-After 3600 s ({HOST_PAUSED_PAST_DEADLINE})"
            )
        assert rec.attempts.keys() == {"a0", "b0"}
        assert pool.stats.gave_up == 4
    else:
        assert all(results[f"a{n}"] == f"ok a{n}" for n in range(1, 4))
        assert pool.stats.gave_up == 1


def test_the_deadline_ends_every_unfinished_job_and_run_returns_by_then() -> None:
    deadline_in, work = 0.5, 0.05
    pool = scheduler(deadline_in, workers=4, policy=HostPolicy(max_in_flight=1, min_interval=0.0))
    rec = Recorder(pool.deadline)

    def retry_forever(number: int) -> RetryLater:
        return RetryLater(0.2, pause_host=False, reason="503 Service Unavailable")

    jobs = [rec.job(f"a{n}", "a", work=work) for n in range(100)]
    jobs.append(rec.job("retry", "b", answer=retry_forever))
    results = finishes(lambda: pool.run(jobs))  # the retrying job alone would never end

    assert len(results) == 101
    finished = [key for key, value in results.items() if value.startswith("ok")]
    gave_up = [key for key, value in results.items() if value.startswith("gave up")]
    assert 3 <= len(finished) < 100
    assert set(finished) == set(rec.attempts) - {"retry"}  # what started, finished
    assert results[gave_up[-1]].endswith(DEADLINE_BEFORE_START)
    # A job waiting to retry keeps what it was waiting for in the reason.
    assert results["retry"].startswith("gave up retry: 503 Service Unavailable (")
    assert pool.stats.gave_up == len(gave_up)
    assert pool.remaining() == 0.0


def test_a_deadline_already_past_gives_up_everything_without_an_attempt() -> None:
    pool = scheduler(deadline_in=-1.0)
    rec = Recorder(pool.deadline)
    results = pool.run([rec.job(f"k{n}", "h") for n in range(10)])
    assert results == {f"k{n}": f"gave up k{n}: {DEADLINE_BEFORE_START}" for n in range(10)}
    assert not rec.attempts


def test_the_seconds_left_passed_to_an_attempt_never_exceed_the_deadline() -> None:
    pool = scheduler(deadline_in=10.0)
    told: list[float] = []

    def attempt(number: int, seconds_left: float) -> Done[str]:
        told.append(seconds_left)
        return Done("ok")

    pool.run([Job(f"k{n}", "h", attempt, str) for n in range(10)])
    assert all(0 < left <= 10.0 for left in told)


def test_a_small_host_does_not_wait_behind_a_big_one() -> None:
    pool = scheduler(workers=4, policy=HostPolicy(max_in_flight=4, min_interval=0.0))
    rec = Recorder(pool.deadline)
    jobs = [rec.job(f"big{n}", "big", work=0.002) for n in range(400)]
    jobs += [rec.job(f"small{n}", f"small-{n}", work=0.002) for n in range(20)]
    pool.run(jobs)
    # Turns rotate over the hosts with work: the twenty listed last start among the
    # first ~40 starts, not after the 400.
    positions = [rec.order.index(f"small{n}") for n in range(20)]
    assert max(positions) < 60


def test_many_jobs_over_many_hosts_run_in_parallel() -> None:
    jobs_n, hosts, work, workers = 2000, 20, 0.02, 32
    pool = scheduler(workers=workers, policy=HostPolicy(max_in_flight=8, min_interval=0.0))
    rec = Recorder(pool.deadline)
    results = pool.run([rec.job(f"k{n}", f"h{n % hosts}", work=work) for n in range(jobs_n)])
    assert len(results) == jobs_n
    # Room for every worker (20 hosts x 8): all 32 were busy at once, each host's cap kept.
    assert rec.most_in_flight_total == workers
    assert max(rec.most_in_flight.values()) <= 8


@pytest.mark.parametrize("where", ["attempt", "give_up", "on_done", "bad-answer"])
def test_a_callback_that_raises_stops_the_run_and_is_reported(where: str) -> None:
    pool = scheduler(deadline_in=30.0, workers=4)
    started: list[str] = []

    def attempt(number: int, seconds_left: float) -> Done[str] | RetryLater:
        started.append("x")
        if where == "attempt":
            raise KeyError("boom")
        if where == "give_up":
            return RetryLater(3600, pause_host=False, reason="Retry-After 3600 s")
        if where == "bad-answer":
            return None  # type: ignore[return-value]
        return Done("ok")

    def give_up(reason: str) -> str:
        raise KeyError("boom")

    def on_done(key: str, result: str) -> None:
        raise KeyError("boom")

    jobs = [Job(f"k{n}", "h", attempt, give_up) for n in range(200)]
    with pytest.raises(JobError, match=r"link check 'k\d+' \(host h\)") as info:
        finishes(lambda: pool.run(jobs, on_done=on_done if where == "on_done" else None))
    assert pool.remaining() > 0  # no hang until the deadline
    cause = info.value.__cause__
    assert isinstance(cause, TypeError if where == "bad-answer" else KeyError)
    assert len(started) < 200  # the run stopped instead of going through the list


def test_a_slow_pause_on_one_host_still_lets_the_run_finish_early() -> None:
    # Every job done long before the deadline: run() returns then, not at the deadline.
    pool = scheduler(deadline_in=30.0)
    rec = Recorder(pool.deadline)
    pool.run([rec.job(f"k{n}", f"h{n % 5}", work=0.01) for n in range(20)])
    assert len(rec.order) == 20 and pool.remaining() > 0


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        (lambda: HostPolicy(max_in_flight=0), "max_in_flight"),
        (lambda: HostPolicy(min_interval=-1.0), "min_interval"),
        (lambda: HostPolicy(min_interval=float("nan")), "min_interval"),
        (lambda: Scheduler(workers=0, policy_for=lambda h: HostPolicy(), deadline=0), "workers"),
    ],
)
def test_bad_settings_are_refused(policy: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        policy()
