"""The worker pool: many link checks at once, politely, within the run's deadline.

Every job belongs to a host. Each host has a budget (``HostPolicy``): at most
``max_in_flight`` attempts in flight and at least ``min_interval`` seconds between
the starts of two attempts. An attempt answers ``Done`` or ``RetryLater``; a retry
gives its slot back at once and waits in a queue (no worker ever sleeps while it
holds a host's slot), and ``RetryLater(pause_host=True)`` stops every request to
that host until the delay has passed.

The run has one absolute deadline. A job that cannot finish before it ends through
``give_up(reason)``, so ``run`` always returns: when a retry would only start after
the deadline, at once; when the deadline comes, every job not in flight. Attempts
in flight are bounded by their own request timeouts, which the attempt takes from
the seconds it is told are left.

Errors: an exception raised by ``attempt``, ``give_up`` or ``on_done`` is a bug in
the caller. The run stops starting attempts, waits for those in flight and raises
``JobError`` (the original exception is its ``__cause__``); it never hangs and never
turns a bug into a link verdict. A caller that wants leniency wraps its attempt.
"""

from __future__ import annotations

import heapq
import itertools
import math
import threading
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from readme_lint.linkcheck.verdict import Done, RetryLater

T = TypeVar("T")

# The reasons given to ``give_up``. After a RetryLater its reason comes first, then
# one of these in parentheses: "Retry-After 3600 s (a retry would start after ...)".
DEADLINE_BEFORE_START = "the run's deadline came before the check"
DEADLINE_BEFORE_RETRY = "the run's deadline came first"
RETRY_PAST_DEADLINE = "a retry would start after the run's deadline"
HOST_PAUSED_PAST_DEADLINE = "the host is paused past the run's deadline"


@dataclass(frozen=True)
class HostPolicy:
    """One host's budget: concurrent attempts, and seconds between two starts."""

    max_in_flight: int = 4
    min_interval: float = 0.1

    def __post_init__(self) -> None:
        if self.max_in_flight < 1:
            raise ValueError(f"max_in_flight must be at least 1, not {self.max_in_flight}")
        if not self.min_interval >= 0:  # also refuses NaN
            raise ValueError(f"min_interval must be >= 0, not {self.min_interval}")


@dataclass(frozen=True)
class Job(Generic[T]):
    """One unit of work: checked once, its result stored under ``key``.

    ``attempt(number, seconds_left)`` is called with the attempt's number (1, 2, ...)
    and the seconds left before the run's deadline, measured when it starts: every
    request it makes must time out within ``seconds_left``. ``give_up(reason)``
    makes the result of a job that cannot finish before the deadline.
    """

    key: str
    host: str
    attempt: Callable[[int, float], Done[T] | RetryLater]
    give_up: Callable[[str], T]


@dataclass
class RunStats:
    """What a run did, for its summary."""

    jobs: int = 0
    attempts: int = 0
    retries: int = 0  # attempts that answered RetryLater
    gave_up: int = 0  # jobs whose result came from give_up
    host_pauses: Counter[str] = field(default_factory=Counter)  # RetryLater(pause_host) per host


class JobError(RuntimeError):
    """A job's callback raised; ``__cause__`` is its exception."""

    def __init__(self, key: str, host: str, where: str) -> None:
        super().__init__(f"link check {key!r} (host {host}): {where} raised")
        self.key = key
        self.host = host


class Scheduler:
    """A pool of ``workers`` threads honouring each host's ``policy_for(host)``.

    ``deadline`` is absolute, in ``clock``'s time (seconds). Hosts are compared as
    given, so the caller passes them normalised (lower case).
    """

    def __init__(
        self,
        *,
        policy_for: Callable[[str], HostPolicy],
        deadline: float,
        workers: int = 32,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.policy_for = policy_for
        self.deadline = deadline
        self.clock = clock
        self.stats = RunStats()  # of the latest run

    def remaining(self) -> float:
        """Seconds left before the deadline (0 once it has passed)."""
        return max(0.0, self.deadline - self.clock())

    def run(
        self,
        jobs: Iterable[Job[T]],
        on_done: Callable[[str, T], None] | None = None,
    ) -> dict[str, T]:
        """Run every job; return each key's result once all have one.

        ``on_done(key, result)`` is called as each job ends, from whichever thread
        ended it, but never two calls at once, so it needs no lock of its own.
        Raises ``ValueError`` for two jobs with one key, ``JobError`` when a
        callback raises.
        """
        state = _Run(self, list(jobs), on_done)
        self.stats = state.stats
        return state.execute()


@dataclass(eq=False)
class _Task(Generic[T]):
    job: Job[T]
    attempts: int = 0
    not_before: float = -math.inf
    reason: str | None = None  # the latest RetryLater's reason


@dataclass(eq=False)
class _Host(Generic[T]):
    policy: HostPolicy
    queue: deque[_Task[T]] = field(default_factory=deque)  # ready to start, FIFO
    in_flight: int = 0
    last_start: float = -math.inf
    paused_until: float = -math.inf
    pause_reason: str = ""

    def has_slot(self) -> bool:
        return self.in_flight < self.policy.max_in_flight

    def earliest_start(self) -> float:
        return max(self.last_start + self.policy.min_interval, self.paused_until)


class _Run(Generic[T]):
    """The state of one ``Scheduler.run``; everything below ``lock`` is guarded by it."""

    def __init__(
        self,
        scheduler: Scheduler,
        jobs: list[Job[T]],
        on_done: Callable[[str, T], None] | None,
    ) -> None:
        self.scheduler = scheduler
        self.clock = scheduler.clock
        self.deadline = scheduler.deadline
        self.on_done = on_done
        self.jobs = jobs
        self.stats = RunStats(jobs=len(jobs))
        self.lock = threading.Lock()
        # Workers wait for work, the calling thread for the end: two conditions on
        # one lock, so a finished attempt wakes one worker, not every thread.
        self.work = threading.Condition(self.lock)
        self.finished = threading.Condition(self.lock)
        self.report_lock = threading.Lock()  # one on_done call at a time
        self.hosts: dict[str, _Host[T]] = {}
        # Hosts with a ready job, in turn order: a pick moves its host to the end, so
        # 1,000 jobs on one host do not queue ahead of one job on twenty others.
        self.rotation: OrderedDict[str, None] = OrderedDict()
        self.waiting: list[tuple[float, int, _Task[T]]] = []  # heap by not-before time
        self.sequence = itertools.count()  # heap tie-break, keeps FIFO among equals
        self.results: dict[str, T] = {}
        self.unfinished = len(jobs)
        self.closing = False
        self.failure: JobError | None = None

    # -- the calling thread ---------------------------------------------------------

    def execute(self) -> dict[str, T]:
        self._enqueue_all()
        threads = [
            threading.Thread(target=self._worker, name=f"linkcheck-{n}", daemon=True)
            for n in range(min(self.scheduler.workers, len(self.jobs)))
        ]
        for thread in threads:
            thread.start()
        try:
            expired = self._wait_for_end()
            self._end_all(expired, DEADLINE_BEFORE_START)
        finally:
            # Also on KeyboardInterrupt: no new attempts start once the caller left.
            with self.lock:
                self.closing = True
                self.work.notify_all()
        for thread in threads:
            thread.join()
        if self.failure is not None:
            raise self.failure from self.failure.__cause__
        return self.results

    def _enqueue_all(self) -> None:
        seen: set[str] = set()
        for job in self.jobs:
            if job.key in seen:
                raise ValueError(f"two link-check jobs have the key {job.key!r}")
            seen.add(job.key)
            self._host(job.host).queue.append(_Task(job))
            self.rotation[job.host] = None

    def _wait_for_end(self) -> list[_Task[T]]:
        """Wait until every job ended, a callback failed or the deadline came; then
        take the jobs not in flight (the deadline's) out of the queues."""
        with self.lock:
            while self.unfinished and self.failure is None:
                left = self.deadline - self.clock()
                if left <= 0:
                    break
                self.finished.wait(min(left, threading.TIMEOUT_MAX))
            if self.failure is not None:
                return []
            expired = [task for host in self.hosts.values() for task in host.queue]
            expired += [task for _, _, task in self.waiting]
            for host in self.hosts.values():
                host.queue.clear()
            self.waiting.clear()
            self.rotation.clear()
            # In-flight attempts still settle; whatever they answer, nothing new starts.
            self.closing = True
            self.work.notify_all()
            return expired

    # -- the workers ----------------------------------------------------------------

    def _worker(self) -> None:
        while True:
            with self.lock:
                picked = self._next_task()
            if picked is None:
                return
            task, started = picked
            left = self.deadline - started
            try:
                outcome = task.job.attempt(task.attempts, left)
            except BaseException as exc:  # a bug in the caller: stop the run, report it
                self._fail(task, "attempt", exc)
                return
            if not isinstance(outcome, Done | RetryLater):
                error = TypeError(f"attempt returned {outcome!r}, not Done or RetryLater")
                self._fail(task, "attempt", error)
                return
            if not self._settle(task, outcome):
                return

    def _next_task(self) -> tuple[_Task[T], float] | None:
        """Wait until a job may start and claim its host's slot; None: stop."""
        while not self.closing and self.unfinished:
            now = self.clock()
            if now >= self.deadline:
                return None  # the calling thread ends what is left
            self._promote(now)
            task = self._pick(now)
            if task is not None:
                task.attempts += 1
                self.stats.attempts += 1
                # Another job may be ready too: pass the wake-up on to one more worker.
                self.work.notify()
                return task, now
            # A deadline of math.inf (none) must not overflow the lock's timeout.
            self.work.wait(min(self._next_wake() - now, threading.TIMEOUT_MAX))
        return None

    def _promote(self, now: float) -> None:
        """Move retries whose time has come to the front of their host's queue:
        they were queued before the jobs still waiting there."""
        while self.waiting and self.waiting[0][0] <= now:
            _, _, task = heapq.heappop(self.waiting)
            self.hosts[task.job.host].queue.appendleft(task)
            self.rotation[task.job.host] = None

    def _pick(self, now: float) -> _Task[T] | None:
        for name in self.rotation:
            host = self.hosts[name]
            if host.has_slot() and host.earliest_start() <= now:
                task = host.queue.popleft()
                if host.queue:
                    self.rotation.move_to_end(name)
                else:
                    del self.rotation[name]
                host.in_flight += 1
                host.last_start = now
                return task
        return None

    def _next_wake(self) -> float:
        """When a job may next become startable without anything else happening.
        A host at its in-flight cap is left out: a finishing attempt wakes us."""
        wake = self.deadline
        for name in self.rotation:
            host = self.hosts[name]
            if host.has_slot():
                wake = min(wake, host.earliest_start())
        if self.waiting:
            wake = min(wake, self.waiting[0][0])
        return wake

    def _settle(self, task: _Task[T], outcome: Done[T] | RetryLater) -> bool:
        """Record an attempt's outcome; False when the worker must stop."""
        if isinstance(outcome, Done):
            with self.lock:
                self._release(task)
            return self._finish(task, outcome.value)
        with self.lock:
            self._release(task)
            doomed = self._retry(task, outcome)
        return all(self._give_up(lost, reason) for lost, reason in doomed)

    def _release(self, task: _Task[T]) -> None:
        self.hosts[task.job.host].in_flight -= 1
        self.work.notify()  # a slot is free, and this worker may not come back for it

    def _retry(self, task: _Task[T], retry: RetryLater) -> list[tuple[_Task[T], str]]:
        """Queue the job again after the delay; return the jobs that cannot finish
        before the deadline because of it, with the reason for each."""
        self.stats.retries += 1
        now = self.clock()
        host = self.hosts[task.job.host]
        task.reason = retry.reason
        task.not_before = now + max(0.0, retry.delay)
        if retry.pause_host:
            self.stats.host_pauses[task.job.host] += 1
            if task.not_before > host.paused_until:
                host.paused_until = task.not_before
                host.pause_reason = retry.reason
        if self.closing:  # the deadline came while this attempt was in flight
            return [] if self.failure else [(task, f"{retry.reason} ({DEADLINE_BEFORE_RETRY})")]
        if host.paused_until >= self.deadline:
            # Nothing starts on this host before the deadline: end all its jobs now
            # rather than keep the run waiting for them.
            others = self._take_host(task.job.host)
            reason = f"{host.pause_reason} ({HOST_PAUSED_PAST_DEADLINE})"
            return [(task, f"{retry.reason} ({RETRY_PAST_DEADLINE})")] + [
                (other, reason) for other in others
            ]
        if task.not_before >= self.deadline:
            return [(task, f"{retry.reason} ({RETRY_PAST_DEADLINE})")]
        heapq.heappush(self.waiting, (task.not_before, next(self.sequence), task))
        self.work.notify()  # it may be due sooner than the wait a worker is in
        return []

    def _take_host(self, name: str) -> list[_Task[T]]:
        host = self.hosts[name]
        taken = list(host.queue)
        host.queue.clear()
        self.rotation.pop(name, None)
        kept = [entry for entry in self.waiting if entry[2].job.host != name]
        taken += [entry[2] for entry in self.waiting if entry[2].job.host == name]
        heapq.heapify(kept)
        self.waiting = kept
        return taken

    # -- ending jobs (any thread) -----------------------------------------------------

    def _end_all(self, tasks: list[_Task[T]], reason: str) -> None:
        for task in tasks:
            why = f"{task.reason} ({DEADLINE_BEFORE_RETRY})" if task.reason else reason
            if not self._give_up(task, why):
                return

    def _give_up(self, task: _Task[T], reason: str) -> bool:
        try:
            result = task.job.give_up(reason)
        except BaseException as exc:
            self._fail(task, "give_up", exc)
            return False
        with self.lock:
            self.stats.gave_up += 1
        return self._finish(task, result)

    def _finish(self, task: _Task[T], result: T) -> bool:
        with self.lock:
            if self.failure is not None:
                return False
            self.results[task.job.key] = result
        if self.on_done is not None:
            try:
                with self.report_lock:
                    self.on_done(task.job.key, result)
            except BaseException as exc:
                self._fail(task, "on_done", exc)
                return False
        with self.lock:
            # Counted after on_done, so run() never returns before the last report.
            self.unfinished -= 1
            if not self.unfinished:
                self.finished.notify_all()
                self.work.notify_all()
        return True

    def _fail(self, task: _Task[T], where: str, exc: BaseException) -> None:
        error = JobError(task.job.key, task.job.host, where)
        error.__cause__ = exc
        with self.lock:
            if self.failure is None:
                self.failure = error
            self.closing = True
            self.finished.notify_all()
            self.work.notify_all()

    def _host(self, name: str) -> _Host[T]:
        host = self.hosts.get(name)
        if host is None:
            host = self.hosts[name] = _Host(self.scheduler.policy_for(name))
        return host
