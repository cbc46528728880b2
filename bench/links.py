"""Link-check benchmarks: ``readme-lint --check-links`` against a farm of local sites.

    .venv/bin/python bench/links.py              # A-D (~4 min: D alone ~1-2 min)
    .venv/bin/python bench/links.py a b --runs 5 --workers 32
    .venv/bin/python bench/links.py d --d-runs 3 # the politeness farm alone
    PYTHONPATH=/other/checkout/src .venv/bin/python bench/links.py c   # another tree

It prints each run as it goes, then a table (benchmark, result, target, met/MISSED),
and exits 1 only when a benchmark invariant broke (a finding on a list of live links,
a warm run that sent requests), not when a target is missed. Timings on a shared
2-core VM are noisy: A and C take the median of --runs, B interleaves warm and plain
runs (at least 7 pairs) and gives the median of the per-pair ratios. readme_lint is
byte-compiled (into the temp dir) before timing: the environment's
PYTHONDONTWRITEBYTECODE would otherwise have every run compile it anew.

Every server is a fake on 127.0.0.0/8 (bench/linkfarm.py, one asyncio process, so its
CPU is measured apart from the checker's; on a 2-core machine it still takes up to
one core the checker could have used). Every measurement is a fresh ``readme-lint``
process on a generated README in a temp dir, run from there so the link cache
(.readme-lint-cache/) lives there; GITHUB_TOKEN is removed from its environment.

A. Throughput: 2,000 unique URLs over 20 hosts (127.0.0.1 ... 127.0.0.20, one port
   each: the scheduler keys hosts by host name, so ports of one address would share a
   budget), each answer 20 ms late; max-in-flight 8, min-interval 0 per host and
   ``link-workers`` from --workers. Target: cold >= 400 URLs/s. A baseline for
   context: ``requests`` HEAD from a ThreadPoolExecutor(32) on the same URLs.
B. Warm: the same file again within the TTL; no request may reach the farm.
   Target: <= 1.3x the plain lint (no --check-links) of the same file.
C. arXiv: 1,000 arXiv links (abs / pdf, with and without versions) against a fake
   arXiv API (Atom feed; 429 + Retry-After 3 to a request < 3 s after the last).
   Target: <= 5 API calls.
D. Politeness farm: 1,000 arXiv + 400 GitHub + 600 links to 30 other sites, real host
   names sent to the farm with --remap (arxiv.org and export.arxiv.org: 429 +
   Retry-After 3 under 3 s apart; github.com: 429 + Retry-After 5 past 10 requests a
   second, and to everything during that pause; other sites: unlimited, 20 ms), 2.5 %
   of each kind dead, 1 % of arXiv ids pointing at another paper, no GITHUB_TOKEN, the
   built-in host budgets. Goals: every verdict right (dead: RL310, wrong id: RL313,
   nothing else), at most one 429 per host, <= 60 s (--links-timeout 120).

Nothing is sent outside 127.0.0.0/8: every URL the checker may fetch is an address
there or is remapped to one, which the script verifies before each run.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
FARM = HERE / "linkfarm.py"
_SUMMARY = re.compile(
    r"links: checked (\d+) links \((.*?)\); (\d+) from the cache, (\d+) requests, ([\d.]+) s"
)

# --- the farm ---------------------------------------------------------------------------


class Farm:
    """bench/linkfarm.py in a child process; ``ports[name]`` once it listens."""

    def __init__(self, sites: list[dict[str, Any]], workdir: Path) -> None:
        spec = workdir / f"farm-{id(self)}.json"
        spec.write_text(json.dumps({"sites": sites}), encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, str(FARM), str(spec)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("the link farm did not start")
        ready = json.loads(line)
        self.ports: dict[str, int] = ready["sites"]
        self.control = urlsplit(ready["control"]).port or 0

    def _call(self, method: str, path: str) -> dict[str, Any]:
        conn = http.client.HTTPConnection("127.0.0.1", self.control, timeout=30)
        try:
            conn.request(method, path)
            data: dict[str, Any] = json.loads(conn.getresponse().read())
            return data
        finally:
            conn.close()

    def stats(self) -> dict[str, Any]:
        return self._call("GET", "/stats")

    def reset(self) -> None:
        self._call("POST", "/reset")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@contextmanager
def farm(sites: list[dict[str, Any]], workdir: Path) -> Iterator[Farm]:
    running = Farm(sites, workdir)
    try:
        yield running
    finally:
        running.close()


@dataclass
class HostTally:
    requests: int = 0
    connections: int = 0
    max_in_flight: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    arrivals: list[float] = field(default_factory=list)
    api_requests: int = 0
    api_calls: int = 0
    api_ids: int = 0
    answers: list[str] = field(default_factory=list)  # "METHOD STATUS", in arrival order

    @property
    def too_many(self) -> int:
        return self.statuses["429"]

    def busiest_second(self) -> int:
        """The most requests that arrived within any one second."""
        times = sorted(self.arrivals)
        best, lo = 0, 0
        for hi, t in enumerate(times):
            while t - times[lo] >= 1.0:
                lo += 1
            best = max(best, hi - lo + 1)
        return best

    def min_gap(self) -> float | None:
        times = sorted(self.arrivals)
        gaps = [b - a for a, b in itertools.pairwise(times)]
        return min(gaps) if gaps else None

    def span(self) -> float:
        return max(self.arrivals) - min(self.arrivals) if self.arrivals else 0.0


def tally(stats: dict[str, Any], site: str, host: str | None = None) -> HostTally:
    """One site's statistics, for one of its hosts or summed over all of them."""
    out = HostTally()
    for name, per in stats["sites"][site].items():
        if host is not None and name != host:
            continue
        out.requests += per["requests"]
        out.connections += per["connections"]
        out.max_in_flight = max(out.max_in_flight, per["max_in_flight"])
        out.statuses.update(per["statuses"])
        out.arrivals += per["arrivals"]
        out.api_requests += per["api_requests"]
        out.api_calls += per["api_calls"]
        out.answers += per["answers"]
        out.api_ids += per["api_ids"]
    return out


def total_requests(stats: dict[str, Any]) -> int:
    return sum(p["requests"] for site in stats["sites"].values() for p in site.values())


# --- the README -------------------------------------------------------------------------

_WORDS = (
    "Diffusion Score Latent Guided Consistent Efficient Conditional Denoising Stochastic "
    "Implicit Hierarchical Cascaded Variational Adversarial Contrastive Robust Scalable Sparse"
).split()
_NOUNS = "Models Priors Samplers Editing Inversion Synthesis Transformers Alignment".split()
_NAMES = "Alex Song, Jiaming Ho, Robin Nichol, Chen Rombach, Tero Karras, Ling Meng".split(", ")
_SECTIONS = ("Must-Read", "Editing", "Inversion", "Video", "3D", "Audio", "Theory", "Other")


@dataclass
class Entry:
    title: str
    links: list[tuple[str, str]]  # (label, url)


def title(rng: random.Random, index: int) -> str:
    a, b, c = rng.sample(_WORDS, 3)
    return f"{a} {b} {rng.choice(_NOUNS)} with {c} Steps {index}"


def render(entries: Sequence[Entry], seed: int = 0) -> tuple[str, dict[int, list[str]]]:
    """A clean paper list (readme-lint finds nothing in it) and each line's URLs."""
    rng = random.Random(seed)
    per = max(1, -(-len(entries) // len(_SECTIONS)))
    sections = [s for k, s in enumerate(_SECTIONS) if k * per < len(entries)]
    out = ["# Papers", "", "A generated paper list.", "", "## Contents", ""]
    out += [f"- [{name}](#{name.lower()})" for name in sections]
    urls: dict[int, list[str]] = {}
    for k, name in enumerate(sections):
        out += ["", f"## {name}", ""]
        for index, entry in enumerate(entries[k * per : (k + 1) * per], start=k * per):
            links = " ".join(f"[[{label}]({url})]" for label, url in entry.links)
            authors = ", ".join(sorted(rng.sample(_NAMES, rng.randint(1, 3))))
            out += [f"**{entry.title}** \\", f"*{authors}* \\"]
            urls[len(out) + 1] = [url for _, url in entry.links]  # 1-based line number
            out += [
                f"ICLR {2015 + index % 10}. {links} \\",
                f"Proposes a {rng.choice(_WORDS).lower()} method and evaluates it on",
                f"{rng.randint(2, 9)} benchmarks.",
                "",
            ]
    return "\n".join(out).rstrip("\n") + "\n", urls


def arxiv_ids(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct well-formed new-style ids (5-digit numbers, 2015-2024)."""
    ids: set[str] = set()
    while len(ids) < count:
        ids.add(f"{rng.randint(15, 24):02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}")
    return sorted(ids, key=lambda _: rng.random())


def arxiv_url(arxiv_id: str, index: int) -> str:
    """The forms lists use, mixed: abs and pdf, with and without a version or .pdf."""
    forms = (
        f"https://arxiv.org/abs/{arxiv_id}",
        f"https://arxiv.org/pdf/{arxiv_id}",
        f"https://arxiv.org/abs/{arxiv_id}v2",
        f"https://arxiv.org/pdf/{arxiv_id}v1.pdf",
        f"https://arxiv.org/pdf/{arxiv_id}.pdf",
    )
    return forms[index % len(forms)]


# --- running readme-lint ----------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the readme-lint process
    code: int
    findings: list[dict[str, Any]]
    stderr: str

    @property
    def summary(self) -> dict[str, Any] | None:
        """The ``links:`` line: resources, statuses, from cache, requests, seconds."""
        match = _SUMMARY.search(self.stderr)
        if match is None:
            return None
        return {
            "resources": int(match.group(1)),
            "verdicts": match.group(2),
            "cached": int(match.group(3)),
            "requests": int(match.group(4)),
            "seconds": float(match.group(5)),
        }


PYCACHE: list[Path] = []  # where the children keep bytecode (set by main)
PROBLEMS: list[str] = []  # broken benchmark invariants: the script exits 1


def problem(message: str) -> None:
    print(f"   !! {message}")
    PROBLEMS.append(message)


def child_env() -> dict[str, str]:
    """The environment of every child: no GitHub token; bytecode cached outside the
    checkout (PYTHONDONTWRITEBYTECODE would make each run compile readme_lint anew,
    which an installed tool never does)."""
    drop = ("GITHUB_TOKEN", "GH_TOKEN", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["NO_COLOR"] = "1"
    if PYCACHE:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE[0])
    return env


def compile_readme_lint(work: Path) -> None:
    """Byte-compile readme_lint (the one the children import) into the bench's cache."""
    PYCACHE[:] = [work / "pycache"]
    code = (
        "import compileall, pathlib, readme_lint; "
        "compileall.compile_dir(pathlib.Path(readme_lint.__file__).parent, quiet=1)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=child_env())


def lint(cwd: Path, *args: str) -> Run:
    """``readme-lint --format json ARGS README.md`` from ``cwd``, as a fresh process."""
    argv = [sys.executable, "-m", "readme_lint", "--format", "json", *args, "README.md"]
    out, err = cwd / "stdout.txt", cwd / "stderr.txt"
    with out.open("wb") as so, err.open("wb") as se:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=so, stderr=se, env=child_env())
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    stderr = err.read_text(encoding="utf-8", errors="replace")
    if code not in (0, 1):
        raise SystemExit(f"readme-lint {' '.join(args)} exited {code}:\n{stderr[-3000:]}")
    text = out.read_text(encoding="utf-8")
    findings = json.loads(text) if text.strip() else []
    return Run(wall, usage.ru_utime + usage.ru_stime, code, findings, stderr)


def write_list(folder: Path, text: str, config: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text(text, encoding="utf-8")
    (folder / ".readme-lint.toml").write_text(config, encoding="utf-8")


def remapped(url: str, rules: Sequence[tuple[str, str]]) -> str:
    """What readme-lint's --remap makes of ``url`` (first matching rule, $N groups)."""
    for pattern, repl in rules:
        if re.search(pattern, url):
            return re.sub(pattern, repl.replace("$", "\\"), url, count=1)
    return url


def assert_loopback(urls: Sequence[str], rules: Sequence[tuple[str, str]] = ()) -> None:
    """Refuse to run if any URL would be fetched outside 127.0.0.0/8."""
    for url in urls:
        host = urlsplit(remapped(url, rules)).hostname or ""
        if not host.startswith("127."):
            raise SystemExit(f"refusing to run: {url} would be fetched from {host}")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s"


# --- A and B: throughput, warm run --------------------------------------------------------

HOSTS_A = 20
URLS_A = 2000


def bench_ab(args: argparse.Namespace, work: Path, which: set[str]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    sites = [
        {"name": f"h{n}", "kind": "plain", "hosts": [f"127.0.0.{n}"], "delay": 0.020}
        for n in range(1, HOSTS_A + 1)
    ]
    with farm(sites, work) as f:
        urls = [
            f"http://127.0.0.{1 + i % HOSTS_A}:{f.ports[f'h{1 + i % HOSTS_A}']}/paper/{i}"
            for i in range(URLS_A)
        ]
        assert_loopback(urls)
        rng = random.Random(1)
        text, _ = render([Entry(title(rng, i), [("Paper", u)]) for i, u in enumerate(urls)])
        config = f"link-workers = {args.workers}\n" + "".join(
            f'[link-hosts."127.0.0.{n}"]\nmax-in-flight = {args.per_host}\nmin-interval = 0\n'
            for n in range(1, HOSTS_A + 1)
        )
        print(
            f"A. {URLS_A} URLs on {HOSTS_A} hosts (127.0.0.1-{HOSTS_A}), 20 ms answers, "
            f"link-workers {args.workers}, max-in-flight {args.per_host}/host, {args.runs} cold runs"
        )
        colds: list[Run] = []
        folder = work / "a-0"
        for r in range(args.runs):
            folder = work / f"a-{r}"
            write_list(folder, text, config)
            f.reset()
            before = f.stats()["cpu"]
            run = lint(folder, "--check-links", "--allow-private", "--links-timeout", "120")
            stats = f.stats()
            farm_cpu = stats["cpu"] - before
            hosts = [tally(stats, s["name"]) for s in sites]
            requests = sum(h.requests for h in hosts)
            connections = sum(h.connections for h in hosts)
            peak = max(h.max_in_flight for h in hosts)
            summary = run.summary or {}
            bad = run.findings
            print(
                f"   cold run {r + 1}: {fmt_s(run.wall)} wall ({URLS_A / run.wall:.0f} URLs/s), "
                f"link check {summary.get('seconds', float('nan')):.2f} s "
                f"({URLS_A / max(summary.get('seconds', 0), 1e-9):.0f} URLs/s); "
                f"{requests} requests on {connections} connections, at most {peak} in flight "
                f"per host; readme-lint CPU {run.cpu:.2f} s, farm CPU {farm_cpu:.2f} s; "
                f"findings {len(bad)}"
            )
            if bad:
                problem(f"A: {len(bad)} findings on a list of live links, e.g. {bad[0]['message']}")
            if requests != URLS_A:
                problem(f"A: the farm got {requests} requests for {URLS_A} URLs")
            colds.append(run)
        cold_wall = median([r.wall for r in colds])
        cold_check = median([(r.summary or {}).get("seconds", float("nan")) for r in colds])
        rate = URLS_A / cold_wall
        if "a" in which:
            base = baseline(urls, work)
            print(
                f"   baseline requests+ThreadPoolExecutor(32) HEAD: {fmt_s(base['wall'])} wall "
                f"({URLS_A / base['wall']:.0f} URLs/s), its own loop {fmt_s(base['seconds'])} "
                f"({URLS_A / base['seconds']:.0f} URLs/s), {base['ok']} OK, "
                f"CPU {base['cpu']:.2f} s"
            )
            check_rate = URLS_A / cold_check
            rows.append(
                (
                    "A cold, whole process",
                    f"{fmt_s(cold_wall)} wall = {rate:.0f} URLs/s",
                    ">= 400 URLs/s",
                    "met" if rate >= 400 else "MISSED",
                )
            )
            rows.append(
                (
                    "A cold, link-check phase",
                    f"{cold_check:.2f} s (the links: line) = {check_rate:.0f} URLs/s",
                    ">= 400 URLs/s",
                    "met" if check_rate >= 400 else "MISSED",
                )
            )
            rows.append(
                (
                    "A baseline requests HEAD x32",
                    f"{fmt_s(base['wall'])} wall = {URLS_A / base['wall']:.0f} URLs/s",
                    "(context)",
                    "",
                )
            )
        if "b" in which:
            f.reset()
            warms, plains = [], []
            for _ in range(max(args.runs, 7)):  # interleaved: drift hits both alike
                warms.append(
                    lint(folder, "--check-links", "--allow-private", "--links-timeout", "120")
                )
                plains.append(lint(folder))
            reached = total_requests(f.stats())
            warm, plain = median([r.wall for r in warms]), median([r.wall for r in plains])
            ratio = median([w.wall / p.wall for w, p in zip(warms, plains, strict=True)])
            best = min(r.wall for r in warms) / min(r.wall for r in plains)
            cached = sorted({(r.summary or {}).get("cached") for r in warms}, key=str)
            print(
                f"B. warm (same list, cache fresh), {len(warms)} runs interleaved with plain lint: "
                f"warm {fmt_s(warm)} median (runs {', '.join(f'{r.wall:.2f}' for r in warms)}); "
                f"plain {fmt_s(plain)} (runs {', '.join(f'{r.wall:.2f}' for r in plains)}); "
                f"ratio {ratio:.2f}x (median of pairs), {best:.2f}x (best of each); "
                f"served from the cache {cached}; requests reaching the farm {reached}"
            )
            if reached:
                problem(f"B: the warm runs sent {reached} requests; the cache should answer all")
            rows.append(
                (
                    "B warm vs plain lint",
                    f"{fmt_s(warm)} vs {fmt_s(plain)}: {ratio:.2f}x (best {best:.2f}x), "
                    f"{reached} requests",
                    "<= 1.3x, 0 requests",
                    "met" if ratio <= 1.3 and reached == 0 else "MISSED",
                )
            )
    return rows


_BASELINE = """
import json, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
import requests
urls = open(sys.argv[1], encoding="utf-8").read().split()
local = threading.local()
def head(url):
    session = getattr(local, "session", None)
    if session is None:
        session = local.session = requests.Session()
        session.trust_env = False
    return session.head(url, timeout=10).status_code
started = time.perf_counter()
with ThreadPoolExecutor(32) as pool:
    codes = list(pool.map(head, urls))
print(json.dumps({"seconds": time.perf_counter() - started, "ok": codes.count(200)}))
"""


def baseline(urls: Sequence[str], work: Path) -> dict[str, float]:
    """requests HEAD on every URL from 32 threads (a session per thread), a fresh process."""
    listing = work / "baseline-urls.txt"
    listing.write_text("\n".join(urls), encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _BASELINE, str(listing)], stdout=subprocess.PIPE, env=child_env()
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    result: dict[str, float] = json.loads(out)
    result["wall"] = wall
    result["cpu"] = usage.ru_utime + usage.ru_stime
    return result


# --- C: arXiv through the API -----------------------------------------------------------


def bench_c(args: argparse.Namespace, work: Path) -> list[tuple[str, ...]]:
    rng = random.Random(3)
    ids = arxiv_ids(1000, rng)
    titles = [title(rng, i) for i in range(len(ids))]
    sites = [
        {
            "name": "arxiv",
            "kind": "arxiv",
            "hosts": ["127.0.0.1"],
            "gap": 3.0,
            "retry_after": 3,
            "papers": dict(zip(ids, titles, strict=True)),
        }
    ]
    with farm(sites, work) as f:
        port = f.ports["arxiv"]
        urls = [arxiv_url(i, k) for k, i in enumerate(ids)]
        rules = [(r"^https://arxiv\.org/(.*)", f"http://127.0.0.1:{port}/$1")]
        api = f"http://127.0.0.1:{port}/api/query"
        assert_loopback([*urls, api], rules)
        text, _ = render([Entry(t, [("Paper", u)]) for t, u in zip(titles, urls, strict=True)])
        config = f'arxiv-api = "{api}"\n'
        remap = [x for p, r in rules for x in ("--remap", f"{p} {r}")]
        print(
            f"C. 1,000 arXiv links ({len(set(ids))} papers, abs/pdf forms mixed), {args.runs} cold runs"
        )
        runs = []
        for r in range(args.runs):
            folder = work / f"c-{r}"
            write_list(folder, text, config)
            f.reset()
            run = lint(folder, "--check-links", "--allow-private", "--links-timeout", "120", *remap)
            got = tally(f.stats(), "arxiv")
            print(
                f"   run {r + 1}: {fmt_s(run.wall)} wall, link check "
                f"{(run.summary or {}).get('seconds', float('nan')):.2f} s; API requests "
                f"{got.api_requests} ({got.api_calls} answered for {got.api_ids} ids, "
                f"{got.too_many} refused with 429), page requests {got.requests - got.api_requests}; "
                f"arrivals (s) {arrival_log(got)}; findings {len(run.findings)}"
            )
            for d in run.findings[:3]:
                problem(f"C: finding on a list of live papers: {d['code']} {d['message']}")
            runs.append((run, got))
        calls = max(g.api_calls for _, g in runs)
        sent = max(g.api_requests for _, g in runs)
        refused = [g.too_many for _, g in runs]
        wall = median([r.wall for r, _ in runs])
        check = median([(r.summary or {}).get("seconds", float("nan")) for r, _ in runs])
        wrong = sum(len(r.findings) for r, _ in runs)
        return [
            (
                "C arXiv 1,000 links, fake API",
                f"{calls} API calls answered, up to {sent} sent (429s per run {refused}); "
                f"{fmt_s(wall)} wall, check {check:.1f} s; {wrong} findings",
                "<= 5 API calls",
                "met" if sent <= 5 and not wrong else "MISSED",
            )
        ]


def arrival_log(got: HostTally) -> str:
    """Each request's arrival, from the first, with its status when not 200."""
    if not got.arrivals:
        return "-"
    first = got.arrivals[0]
    return " ".join(
        f"{t - first:.3f}" + ("" if answer.endswith(" 200") else f"[{answer.split()[1]}]")
        for t, answer in zip(got.arrivals, got.answers, strict=True)
    )


# --- D: the politeness farm -------------------------------------------------------------


@dataclass
class Truth:
    dead: set[str] = field(default_factory=set)
    wrong: set[str] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)  # url -> arxiv / github / other


def politeness_list(
    args: argparse.Namespace,
) -> tuple[list[Entry], Truth, dict[str, str], dict[str, set[str]]]:
    """The entries, the ground truth, arXiv's papers (id -> title) and dead paths per site."""
    rng = random.Random(4)
    n_arxiv, n_github, n_other, sites = 1000, 400, 600, 30
    ids = arxiv_ids(n_arxiv, rng)
    titles = [title(rng, i) for i in range(n_arxiv)]
    truth = Truth()
    order = list(range(n_arxiv))
    rng.shuffle(order)
    dead_arxiv = set(order[: round(n_arxiv * args.dead)])
    wrong_arxiv = set(order[len(dead_arxiv) : len(dead_arxiv) + round(n_arxiv * args.wrong)])
    papers: dict[str, str] = {}
    dead_paths: dict[str, set[str]] = {"github": set(), "other": set()}
    slots = ["github"] * n_github + ["other"] * n_other
    rng.shuffle(slots)
    dead_code = set(rng.sample(range(n_github), round(n_github * args.dead)))
    dead_other = set(rng.sample(range(n_other), round(n_other * args.dead)))
    entries = []
    counts = Counter[str]()
    for k in range(n_arxiv):
        paper = arxiv_url(ids[k], k)
        truth.kinds[paper] = "arxiv"
        if k in dead_arxiv:
            truth.dead.add(paper)
        elif k in wrong_arxiv:
            truth.wrong.add(paper)
            papers[ids[k]] = f"An Unrelated Study of Protein Folding in Yeast {k}"
        else:
            papers[ids[k]] = titles[k]
        kind = slots[k]
        n = counts[kind]
        counts[kind] += 1
        if kind == "github":
            url = f"https://github.com/lab{n % 53}/project-{n}"
            if n in dead_code:
                dead_paths["github"].add(f"/lab{n % 53}/project-{n}")
                truth.dead.add(url)
            label = "Code"
        else:
            path = f"/work/{n}/index.html"
            url = f"https://site-{n % sites}.example{path}"
            if n in dead_other:
                dead_paths["other"].add(path)
                truth.dead.add(url)
            label = "Project"
        truth.kinds[url] = kind
        entries.append(Entry(titles[k], [("Paper", paper), (label, url)]))
    return entries, truth, papers, dead_paths


def bench_d(args: argparse.Namespace, work: Path) -> list[tuple[str, ...]]:
    entries, truth, papers, dead_paths = politeness_list(args)
    other_hosts = [f"127.0.1.{n}" for n in range(30)]
    sites = [
        {
            "name": "arxiv",
            "kind": "arxiv",
            "hosts": ["127.0.0.2"],
            "gap": 3.0,
            "retry_after": 3,
            "papers": papers,
        },
        {
            "name": "github",
            "kind": "github",
            "hosts": ["127.0.0.3"],
            "limit": 10,
            "retry_after": 5,
            "delay": 0.020,
            "dead": sorted(dead_paths["github"]),
        },
        {
            "name": "other",
            "kind": "plain",
            "hosts": other_hosts,
            "delay": 0.020,
            "dead": sorted(dead_paths["other"]),
        },
    ]
    with farm(sites, work) as f:
        pa, pg, po = f.ports["arxiv"], f.ports["github"], f.ports["other"]
        rules = [
            (r"^https://arxiv\.org/(.*)", f"http://127.0.0.2:{pa}/$1"),
            (r"^https://export\.arxiv\.org/(.*)", f"http://127.0.0.2:{pa}/$1"),
            (r"^https://github\.com/(.*)", f"http://127.0.0.3:{pg}/$1"),
            (r"^https://site-(\d+)\.example/(.*)", f"http://127.0.1.$1:{po}/$2"),
        ]
        urls = list(truth.kinds)
        assert_loopback([*urls, "https://export.arxiv.org/api/query"], rules)
        text, by_line = render(entries)
        # The GitHub GraphQL API is never used without a token; pointed at the farm anyway.
        config = f'github-api = "http://127.0.0.3:{pg}/graphql"\n'
        remap = [x for p, r in rules for x in ("--remap", f"{p} {r}")]
        print(
            f"D. politeness farm: {len(entries)} entries, {sum(k == 'arxiv' for k in truth.kinds.values())} arXiv + "
            f"{sum(k == 'github' for k in truth.kinds.values())} GitHub + "
            f"{sum(k == 'other' for k in truth.kinds.values())} other links (30 sites); "
            f"{len(truth.dead)} dead, {len(truth.wrong)} wrong arXiv ids; built-in budgets, no token"
        )
        rows = []
        for r in range(args.d_runs):
            folder = work / f"d-{r}"
            write_list(folder, text, config)
            f.reset()
            run = lint(
                folder,
                "--check-links",
                "--allow-private",
                "--links-timeout",
                str(args.d_timeout),
                *remap,
            )
            stats = f.stats()
            rows += report_d(run, stats, truth, by_line, r)
        return rows


def url_of(finding: dict[str, Any], by_line: dict[int, list[str]]) -> str | None:
    candidates = [u for u in by_line.get(finding["line"], []) if u in finding["message"]]
    return max(candidates, key=len) if candidates else None


def report_d(
    run: Run, stats: dict[str, Any], truth: Truth, by_line: dict[int, list[str]], r: int
) -> list[tuple[str, ...]]:
    expected = {("RL310", u) for u in truth.dead} | {("RL313", u) for u in truth.wrong}
    found = {(d["code"], url_of(d, by_line)) for d in run.findings}
    missing = expected - found
    false = found - expected
    arxiv, github, other = (tally(stats, s) for s in ("arxiv", "github", "other"))
    per_other = [tally(stats, "other", h) for h in stats["sites"]["other"]]
    summary = run.summary or {}
    print(
        f"   run {r + 1}: {fmt_s(run.wall)} wall, link check {summary.get('seconds', float('nan')):.1f} s, exit {run.code}; {summary}"
    )
    print(
        f"     arxiv.org: {arxiv.requests} requests ({arxiv.api_calls} API calls, {arxiv.api_ids} ids asked), "
        f"429s {arxiv.too_many}, closest two {arxiv.min_gap() or 0:.3f} s apart, active {arxiv.span():.1f} s"
    )
    print(
        f"     github.com: {github.requests} requests {dict(github.statuses)}, "
        f"429s {github.too_many}, busiest second {github.busiest_second()}, "
        f"at most {github.max_in_flight} in flight, active {github.span():.1f} s"
    )
    print(
        f"     other sites: {other.requests} requests {dict(other.statuses)}, 429s {other.too_many}, "
        f"busiest site-second {max(h.busiest_second() for h in per_other)}, "
        f"at most {max(h.max_in_flight for h in per_other)} in flight per site, active {other.span():.1f} s"
    )
    found_dead = sum(1 for c, u in found if c == "RL310" and u in truth.dead)
    found_wrong = sum(1 for c, u in found if c == "RL313" and u in truth.wrong)
    by_kind = Counter(truth.kinds.get(u or "", "?") for _, u in missing)
    print(
        f"     verdicts: dead found {found_dead}/{len(truth.dead)}, wrong ids found "
        f"{found_wrong}/{len(truth.wrong)}, missed {len(missing)} {dict(by_kind)}, "
        f"false findings {len(false)} {dict(Counter(c for c, _ in false))}"
    )
    for code, url in sorted(false, key=str)[:5]:
        message = next(
            d["message"] for d in run.findings if d["code"] == code and url_of(d, by_line) == url
        )
        print(f"       false: {code} {message[:160]}")
    for code, url in sorted(missing, key=str)[:5]:
        print(f"       missed: {code} {url}")
    most_429 = max(arxiv.too_many, github.too_many, max(h.too_many for h in per_other))
    right = not missing and not false
    return [
        (
            f"D verdicts (run {r + 1})",
            f"{found_dead}/{len(truth.dead)} dead, {found_wrong}/{len(truth.wrong)} wrong ids, {len(false)} false",
            "all right, none false",
            "met" if right else "MISSED",
        ),
        (
            f"D 429s per host (run {r + 1})",
            f"arxiv {arxiv.too_many}, github {github.too_many}, others {sum(h.too_many for h in per_other)}",
            "<= 1 per host",
            "met" if most_429 <= 1 else "MISSED",
        ),
        (
            f"D time (run {r + 1})",
            f"{fmt_s(run.wall)} wall (check {summary.get('seconds', float('nan')):.1f} s; "
            f"github active {github.span():.0f} s, arXiv {arxiv.api_calls} calls over {arxiv.span():.0f} s)",
            "<= 60 s",
            "met" if run.wall <= 60 else "MISSED",
        ),
    ]


# --- main -------------------------------------------------------------------------------


def table(rows: Sequence[tuple[str, ...]]) -> str:
    head = ("benchmark", "result", "target", "")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("which", nargs="*", choices=("a", "b", "c", "d", []), default=[])
    parser.add_argument("--runs", type=int, default=3, help="runs of A, B, C (median)")
    parser.add_argument("--d-runs", type=int, default=1, help="runs of D (each ~1 min)")
    parser.add_argument("--workers", type=int, default=64, help="link-workers for A")
    parser.add_argument("--per-host", type=int, default=8, help="max-in-flight per host in A")
    parser.add_argument("--dead", type=float, default=0.025, help="dead fraction in D")
    parser.add_argument("--wrong", type=float, default=0.01, help="wrong arXiv ids in D")
    parser.add_argument("--d-timeout", type=float, default=120, help="--links-timeout for D")
    args = parser.parse_args(argv)
    which = set(args.which or "abcd")
    rows: list[tuple[str, ...]] = []
    print(
        f"{os.cpu_count()} cores; the farm is a separate single-threaded process sharing them "
        "(its CPU is reported apart); readme_lint byte-compiled before timing"
    )
    with tempfile.TemporaryDirectory(prefix="links-bench-") as tmp:
        work = Path(tmp)
        compile_readme_lint(work)
        if which & {"a", "b"}:
            rows += bench_ab(args, work, which)
        if "c" in which:
            rows += bench_c(args, work)
        if "d" in which:
            rows += bench_d(args, work)
    print()
    print(table(rows))
    if PROBLEMS:
        print(f"\n{len(PROBLEMS)} benchmark invariants broken (see the !! lines)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
