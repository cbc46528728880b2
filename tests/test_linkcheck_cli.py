"""``--check-links`` end to end: the command line, real local servers, real verdicts.

Every server here listens on 127.0.0.1 and is started by the test (tests/linkserver.py
for pages, tests/linkcheck_api_server.py for the fake arXiv and GitHub APIs); nothing
reaches the internet. Loopback is refused by the safety guard unless ``--allow-private``
is given, and arXiv / GitHub links reach the fakes through the ``arxiv-api`` and
``github-api`` configuration keys or ``--remap``. Each test lints files in its own
tmp_path (with a ``.readme-lint.toml`` there, so the cache is
tmp_path/.readme-lint-cache) through ``readme_lint.cli.main.main`` or the installed
``readme-lint`` script.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from readme_lint.cli.main import main
from tests.conftest import finishes
from tests.linkcheck_api_server import Answer, Request, local_server
from tests.linkserver import LocalServer, Reply, hang, redirect, serve

SCRIPT = Path(sys.executable).with_name("readme-lint")
TOKEN = "ghp_E2eT0kenThatMustNeverLeak0123456789abc"
SECRET = "s3cr3t-host-header-value-7f3a"
TIMEOUT = ("--links-timeout", "10")  # generous, but no test waits for it unless it means to

# --- running the tool ---------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err

    @property
    def findings(self) -> list[dict[str, Any]]:
        """The JSON findings (the run must have used ``--format json``)."""
        found: list[dict[str, Any]] = json.loads(self.out)
        return found

    def codes(self, prefix: str = "RL31") -> list[str]:
        return [f["code"] for f in self.findings if f["code"].startswith(prefix)]

    def only(self, code: str) -> dict[str, Any]:
        """The single finding of rule ``code``."""
        matching = [f for f in self.findings if f["code"] == code]
        assert len(matching) == 1, self.findings
        return matching[0]

    @property
    def summary(self) -> str:
        """The link check's summary line (stderr)."""
        lines = [line for line in self.err.splitlines() if line.startswith("links: ")]
        assert len(lines) == 1, self.err
        return lines[0]


def lint(capsys: pytest.CaptureFixture[str], *args: str, files: tuple[str, ...] = ()) -> Run:
    """``readme-lint --format json ARGS FILES`` in-process (FILES default: README.md)."""
    code = main(["--format", "json", *args, *(files or ("README.md",))])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def lint_subprocess(cwd: Path, *args: str, env: Mapping[str, str] | None = None) -> Run:
    """The installed ``readme-lint`` script, as CI runs it."""
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
    environment.update(env or {})
    done = subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def where(text: str, url: str) -> tuple[int, int]:
    """1-based (line, column) of the first link target ``url`` in ``text``."""
    for number, line in enumerate(text.splitlines(), 1):
        at = line.find(f"]({url})")
        if at >= 0:
            return number, at + 3
    raise AssertionError(f"{url} is not a link target in the text")


def paths(server: LocalServer) -> list[str]:
    return [seen.path for seen in server.seen]


@pytest.fixture(autouse=True)
def _workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test in its own folder, with a configuration file there (so discovery never
    climbs into a stray parent config, and the cache lands in tmp_path) and no token
    or colour from the developer's environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    config(tmp_path)
    return tmp_path


def config(folder: Path, toml: str = "") -> None:
    (folder / ".readme-lint.toml").write_text(toml, encoding="utf-8")


# --- paper lists, in the entry formats ---------------------------------------------------


def paragraph(*links: tuple[str, str], title: str = "A Study of Links in Paragraphs") -> str:
    spans = " ".join(f"[[{label}]({url})]" for label, url in links)
    return (
        "## Papers\n\n"
        f"**{title}** \\\n"
        "*Ada Lovelace, Alan Turing* \\\n"
        f"NeurIPS 2020. {spans} \\\n"
        "Checks that every link answers.\n"
    )


def bullet(*links: tuple[str, str], title: str = "A Study of Links in Bullets") -> str:
    spans = " ".join(f"[[{label}]({url})]" for label, url in links)
    return f"## Papers\n\n- **{title}** {spans}\n"


def table(*links: tuple[str, str], title: str = "A Study of Links in Tables") -> str:
    first, *rest = links
    others = " ".join(f"[{label}]({url})" for label, url in rest) or "-"
    return f"## Papers\n\n| Title | Links |\n| --- | --- |\n| [{title}]({first[1]}) | {others} |\n"


FORMATS = {"paragraph": paragraph, "bullet": bullet, "table": table}


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return text


# --- 1. verdicts, in every entry format ---------------------------------------------------

ROUTES = {
    "/paper": Reply(200, body=b"<html>paper</html>"),
    "/code": Reply(200),
    "/gone": Reply(404, body=b"not here"),
    "/old": redirect("/new"),
    "/new": Reply(200),
    "/elsewhere": redirect("/new", 302),
    "/busy": Reply(429, {"Retry-After": "86400"}),  # a day: far past any run's deadline
}


@dataclass(frozen=True)
class Case:
    path: str  # on the local server, or a relative link when it has no leading '/'
    code: str | None  # the finding expected (None: none)
    severity: str | None
    evidence: tuple[str, ...]  # words the message must contain besides the URL
    exits: Mapping[tuple[str, ...], int]  # extra flags -> exit code
    requests: bool = True  # whether checking it sends anything


CASES = {
    # The baseline: an answering page gives no finding and a clean exit.
    "alive": Case("/paper", None, None, (), {(): 0}),
    # The point of the feature: a dead link is an error that fails CI.
    "dead": Case("/gone", "RL310", "error", ("dead link", "404"), {(): 1}),
    # A temporary redirect says nothing about where the page lives: alive, not moved.
    "temporary-redirect": Case("/elsewhere", None, None, (), {(): 0, ("--strict",): 0}),
    # A permanent redirect is worth fixing but must not fail CI unless asked (--strict).
    "moved": Case("/old", "RL311", "warning", ("has moved to", "/new"), {(): 0, ("--strict",): 1}),
    # A rate limit past the deadline proves nothing either way: a warning, and
    # --strict-links is how a list that wants every link proven fails on it.
    "rate-limited": Case(
        "/busy",
        "RL312",
        "warning",
        ("could not verify", "429", "Retry-After"),
        {(): 0, ("--strict-links",): 1},
    ),
    # Relative links are files of the repository: checked on disk, never over the network.
    "missing-file": Case(
        "docs/missing.md", "RL310", "error", ("no such file", "docs/missing.md"), {(): 1}, False
    ),
    "existing-file": Case("docs/notes.md", None, None, (), {(): 0}, False),
}


@pytest.mark.parametrize("case_name", list(CASES))
@pytest.mark.parametrize("entry_format", list(FORMATS))
def test_verdicts_end_to_end(
    capsys: pytest.CaptureFixture[str], entry_format: str, case_name: str
) -> None:
    case = CASES[case_name]
    Path("docs").mkdir()
    Path("docs/notes.md").write_text("# Notes\n", encoding="utf-8")
    with serve(ROUTES) as server:
        url = server.url + case.path if case.path.startswith("/") else case.path
        text = write("README.md", FORMATS[entry_format](("Paper", url)))
        for flags, exit_code in case.exits.items():
            run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT, *flags)
            assert run.code == exit_code, (flags, run.output)
            assert "Traceback" not in run.output
            if case.code is None:
                assert run.findings == [], run.findings
                continue
            finding = run.only(case.code)
            assert run.codes() == [case.code]
            assert (finding["line"], finding["column"]) == where(text, url)
            assert url in finding["message"]
            for word in case.evidence:
                assert word in finding["message"], finding["message"]
            expected = "error" if "--strict-links" in flags else case.severity
            assert finding["severity"] == expected
    if not case.requests:
        assert server.seen == []
        assert " 0 requests" in run.summary


def test_text_output_names_url_evidence_and_warning_level(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # What a person reads in CI: path:line:col, the rule, the URL and the evidence, and
    # which findings are only warnings.
    with serve(ROUTES) as server:
        gone, old = "docs/gone.md", server.url + "/old"
        text = write("README.md", bullet(("Paper", gone), ("Code", old)))
        code = main(["--check-links", "--allow-private", *TIMEOUT, "README.md"])
    out = capsys.readouterr().out
    line, col = where(text, gone)
    assert code == 1
    assert (
        f"README.md:{line}:{col}: RL310 dead-link dead link {gone}: "
        "no such file docs/gone.md in the repository\n" in out
    )
    line, col = where(text, old)
    assert (
        f"README.md:{line}:{col}: RL311 moved-link warning: {old} has moved to "
        f"{server.url}/new [*]" in out
    )


# --- 2. --fix writes the final URL ----------------------------------------------------------


def test_fix_writes_the_final_url_and_a_second_run_is_clean(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # --fix repairs moved links in place, the fragment of the link kept (it names a
    # section of the page), and what it wrote is itself alive: the next run is clean.
    with serve(ROUTES) as server:
        old, new = f"{server.url}/old#method", f"{server.url}/new#method"
        before = write("README.md", paragraph(("Paper", old), ("Code", server.url + "/code")))
        run = lint(capsys, "--fix", "--check-links", "--allow-private", *TIMEOUT)
        assert run.code == 1  # a file was changed: the pre-commit convention
        assert "fixed README.md: 1 problem (RL311 moved-link: 1)" in run.err
        assert run.findings == []
        assert Path("README.md").read_text(encoding="utf-8") == before.replace(old, new)
        # Live (no cache): the URL --fix wrote is checked itself.
        again = lint(capsys, "--check-links", "--allow-private", "--no-link-cache", *TIMEOUT)
        assert (again.code, again.findings) == (0, [])


def test_fix_keeps_each_links_own_fragment(capsys: pytest.CaptureFixture[str]) -> None:
    # Two links to sections of one moved page are one request, but each must be fixed
    # to its own section.
    with serve(ROUTES) as server:
        a, b = f"{server.url}/old#intro", f"{server.url}/old#method"
        before = write("README.md", paragraph(("Intro", a), ("Method", b)))
        lint(capsys, "--fix", "--check-links", "--allow-private", *TIMEOUT)
        after = Path("README.md").read_text(encoding="utf-8")
    expected = before.replace(a, f"{server.url}/new#intro").replace(b, f"{server.url}/new#method")
    assert after == expected


def test_fix_with_remap_never_writes_the_mirrors_address(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # --remap is for checking at a mirror or a test server: what the README says must
    # stay the public URL, whatever the mirror redirects to.
    write("README.md", bullet(("Paper", "https://example.org/old")))
    with serve(ROUTES) as server:
        remap = f"^https://example\\.org/ {server.url}/"
        run = lint(capsys, "--fix", "--check-links", "--allow-private", "--remap", remap, *TIMEOUT)
        assert paths(server)[:1] == ["/old"]
    assert server.url not in run.output
    assert server.url not in Path("README.md").read_text(encoding="utf-8")


# --- 3. the cache ------------------------------------------------------------------------------


def test_second_run_is_served_from_the_cache(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The promise that makes --check-links affordable in CI: an unchanged list costs no
    # request at all the second time, and the findings are the same.
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/paper"), ("Code", server.url + "/old")))
        first = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
        assert first.codes() == ["RL311"]
        assert "0 from the cache" in first.summary
        assert (tmp_path / ".readme-lint-cache" / "links.sqlite").is_file()
        requested = len(server.seen)
        assert requested >= 2
        second = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
        assert len(server.seen) == requested  # ZERO requests
    assert "2 from the cache" in second.summary and " 0 requests" in second.summary
    assert (second.code, second.findings) == (first.code, first.findings)


def test_broken_links_are_checked_live_every_time(capsys: pytest.CaptureFixture[str]) -> None:
    # A failure is never served from the cache: a link fixed upstream (or a server's bad
    # minute) must not keep failing CI, and a dead link must not pass on a stale "alive".
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/paper"), ("Code", server.url + "/gone")))
        first = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
        before = len(server.seen)
        second = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
        again = paths(server)[before:]
    assert first.codes() == second.codes() == ["RL310"]
    assert again and set(again) == {"/gone"}  # only the broken link, live
    assert "1 from the cache" in second.summary


def test_no_link_cache_checks_live_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # --no-link-cache is for "check everything now": every run asks, and no cache
    # folder appears in the user's repository.
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/paper")))
        for _ in range(2):
            before = len(server.seen)
            run = lint(capsys, "--check-links", "--allow-private", "--no-link-cache", *TIMEOUT)
            assert (run.code, run.findings) == (0, [])
            assert paths(server)[before:] == ["/paper"]
            assert "0 from the cache" in run.summary
    assert not (tmp_path / ".readme-lint-cache").exists()


# --- 4. one request per resource, across files ----------------------------------------------


def test_same_url_in_two_files_is_requested_once(capsys: pytest.CaptureFixture[str]) -> None:
    # Lists split over several files share links; each resource costs one request, and
    # every spelling of it (case of scheme and host, a fragment) gets the verdict.
    with serve(ROUTES) as server:
        host = server.url.removeprefix("http://")
        spellings = (f"{server.url}/old", f"HTTP://{host.upper()}/old#results")
        write("a.md", bullet(("Paper", spellings[0]), title="First File Paper"))
        write("b.md", bullet(("Paper", spellings[0]), ("Mirror", spellings[1])))
        run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT, files=("a.md", "b.md"))
    assert paths(server) == ["/old", "/new"]  # one HEAD, and the hop it redirects to
    moved = [(f["path"], f["message"]) for f in run.findings if f["code"] == "RL311"]
    assert [path for path, _ in moved] == ["a.md", "b.md", "b.md"]
    for (_, message), url in zip(moved, (spellings[0], *spellings), strict=True):
        assert message.startswith(f"{url} has moved to {server.url}/new"), message


# --- fake APIs: arXiv (Atom) and GitHub (GraphQL) ---------------------------------------------


@dataclass(frozen=True)
class Paper:
    title: str
    withdrawn: bool = False


def atom_entry(arxiv_id: str, paper: Paper) -> str:
    comment = "This paper has been withdrawn by the authors" if paper.withdrawn else "12 pages"
    return f"""
  <entry>
    <id>http://arxiv.org/abs/{arxiv_id}v2</id>
    <updated>2021-01-05T10:00:00Z</updated>
    <published>2020-06-19T17:24:44Z</published>
    <title>{escape(paper.title)}</title>
    <summary>We present results.</summary>
    <author><name>Ada Lovelace</name></author>
    <arxiv:comment>{comment}</arxiv:comment>
    <link href="http://arxiv.org/abs/{arxiv_id}v2" rel="alternate" type="text/html"/>
  </entry>"""


def atom_feed(entries: list[str]) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: id_list</title>
  <id>http://arxiv.org/api/e2e</id>
  <updated>2024-01-01T00:00:00-05:00</updated>
  {"".join(entries)}
</feed>
""".encode()


@dataclass
class FakeArxiv:
    """The arXiv API: the papers it knows, in an Atom feed; an unknown id is left out."""

    papers: Mapping[str, Paper]
    requests: list[Request] = field(default_factory=list)

    def __call__(self, request: Request) -> Answer:
        self.requests.append(request)
        ids = request.query["id_list"][0].split(",")
        entries = [atom_entry(i, self.papers[i]) for i in reversed(ids) if i in self.papers]
        return 200, {"Content-Type": "application/atom+xml"}, atom_feed(entries)

    @property
    def asked(self) -> list[list[str]]:
        return [r.query["id_list"][0].split(",") for r in self.requests]


@contextmanager
def arxiv_api(papers: Mapping[str, Paper]) -> Iterator[FakeArxiv]:
    """A fake arXiv API, named by the ``arxiv-api`` key of the test's configuration."""
    api = FakeArxiv(papers)
    with local_server(api) as base:
        config(Path.cwd(), f'arxiv-api = "{base}/api/query"\n')
        yield api


DDPM = "Denoising Diffusion Probabilistic Models"


def arxiv_list(entries: list[tuple[str, str]]) -> str:
    """A bullet list: one (title, arXiv URL) per entry."""
    return "## Papers\n\n" + "".join(f"- **{t}** [[Paper]({u})]\n" for t, u in entries)


# --- 4b. one API question per paper, across files and spellings ------------------------------


def test_arxiv_abs_and_pdf_in_two_files_are_asked_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # abs/ID and pdf/IDv2 are one paper: asked once, and the answer (here: another
    # paper's title, a wrong id) reaches both links in both files.
    abs_url, pdf_url = "https://arxiv.org/abs/2006.11239", "https://arxiv.org/pdf/2006.11239v2"
    with arxiv_api({"2006.11239": Paper(DDPM)}) as api:
        write("a.md", arxiv_list([("Denoising Diffusion Implicit Models", abs_url)]))
        write("b.md", arxiv_list([("Improved Denoising Diffusion Models", pdf_url)]))
        run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT, files=("a.md", "b.md"))
    assert api.asked == [["2006.11239"]]
    mismatches = [(f["path"], f["message"]) for f in run.findings if f["code"] == "RL313"]
    assert mismatches == [
        ("a.md", f"{abs_url} is '{DDPM}' on arXiv, not this entry's paper"),
        ("b.md", f"{pdf_url} is '{DDPM}' on arXiv, not this entry's paper"),
    ]


# --- 5. arXiv through its API --------------------------------------------------------------

WRONG_ID_TITLE = "Denoising Diffusion Implicit Models"  # pasted with DDPM's id


def test_arxiv_list_is_one_api_call(capsys: pytest.CaptureFixture[str]) -> None:
    # arXiv asks for one request every 3 s: a 200-paper list must be one call, not 200
    # page loads (10 minutes). The same answer finds a wrong id pasted from another
    # entry (alive, so no plain link checker sees it) and a withdrawn paper; and the
    # second run asks nothing, the titles coming from the cache.
    papers = {
        f"2101.{n:05d}": Paper(f"Generated Study Number {n} of Sampling") for n in range(1, 199)
    }
    papers["2006.11239"] = Paper(DDPM)
    papers["1902.00001"] = Paper("A Withdrawn Preprint About Scores", withdrawn=True)
    forms = [
        "https://arxiv.org/abs/{}",
        "https://arxiv.org/pdf/{}",
        "https://arxiv.org/pdf/{}v1.pdf",
        "http://export.arxiv.org/abs/{}v3",
        "https://www.arxiv.org/abs/{}#S2",
    ]
    entries = [
        (paper.title, forms[n % len(forms)].format(i))
        for n, (i, paper) in enumerate(papers.items())
        if i != "2006.11239"
    ]
    wrong = "https://arxiv.org/abs/2006.11239"
    entries.insert(100, (WRONG_ID_TITLE, wrong))
    text = write("README.md", arxiv_list(entries))
    withdrawn = next(u for _, u in entries if "1902.00001" in u)
    assert len(papers) == 200
    with arxiv_api(papers) as api:
        run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
        assert len(api.requests) == 1
        (asked,) = api.asked
        assert sorted(asked) == sorted(papers)
        assert api.requests[0].query["max_results"] == ["200"]
        again = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
        assert len(api.requests) == 1  # all 200 from the cache
    assert "200 from the cache" in again.summary
    for result in (run, again):
        assert sorted(result.codes()) == ["RL313", "RL314"]
        mismatch, gone = result.only("RL313"), result.only("RL314")
        assert (mismatch["line"], mismatch["column"]) == where(text, wrong)
        assert mismatch["message"] == f"{wrong} is '{DDPM}' on arXiv, not this entry's paper"
        assert (gone["line"], gone["column"]) == where(text, withdrawn)
        assert gone["message"] == f"{withdrawn} was withdrawn by its authors"


def test_arxiv_missing_id_is_dead(capsys: pytest.CaptureFixture[str]) -> None:
    # A well-formed id arXiv does not know (a typo in the number) is a dead link: an
    # error, at the link, saying arXiv has no such paper. (Asked alone here: in a batch
    # it is first asked again alone, 3 s later - test_linkcheck_arxiv covers that.)
    missing = "https://arxiv.org/abs/2101.99999"
    text = write("README.md", arxiv_list([("A Paper That Never Was On arXiv", missing)]))
    with arxiv_api({"2006.11239": Paper(DDPM)}) as api:
        run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
    assert api.asked == [["2101.99999"]]
    assert run.code == 1 and run.codes() == ["RL310"]
    dead = run.only("RL310")
    assert (dead["line"], dead["column"]) == where(text, missing)
    assert dead["message"].startswith(f"dead link {missing}: arXiv has no paper 2101.99999")


# The fake GraphQL API's repositories: the name asked for (lowercased) -> what it answers.
REPOS: dict[str, dict[str, Any]] = {
    "hojonathanho/diffusion": {"nameWithOwner": "hojonathanho/diffusion", "isArchived": False},
    "old-owner/old-name": {"nameWithOwner": "new-owner/new-name", "isArchived": False},
    "openai/improved-diffusion": {"nameWithOwner": "openai/improved-diffusion", "isArchived": True},
}
_ALIAS = re.compile(r"(r\d+): repository\(owner: \$(o\d+), name: \$(n\d+), followRenames: true\)")


@dataclass
class FakeGraphql:
    """GitHub's GraphQL API: 401 without the token; a repository it does not know is
    null with a NOT_FOUND error; ``leaky/repo`` answers an error quoting the request's
    Authorization header (a server that echoes what it got must not leak the token)."""

    requests: list[Request] = field(default_factory=list)

    def __call__(self, request: Request) -> Answer:
        self.requests.append(request)
        authorization = request.headers.get("Authorization", "")
        if authorization != f"bearer {TOKEN}":
            return 401, {"Content-Type": "application/json"}, b'{"message": "Bad credentials"}'
        asked = json.loads(request.body)
        variables = asked["variables"]
        data: dict[str, Any] = {}
        errors: list[dict[str, Any]] = []
        for alias, o, n in _ALIAS.findall(asked["query"]):
            name = f"{variables[o]}/{variables[n]}"
            known = REPOS.get(name.lower())
            data[alias] = None if known is None else {**known, "url": "https://github.com/x"}
            if name == "leaky/repo":
                errors.append({"type": "FORBIDDEN", "path": [alias], "message": authorization})
            elif known is None:
                message = f"Could not resolve to a Repository with the name '{name}'."
                errors.append({"type": "NOT_FOUND", "path": [alias], "message": message})
        body = json.dumps({"data": data, "errors": errors} if errors else {"data": data})
        return 200, {"Content-Type": "application/json"}, body.encode()


@contextmanager
def github_api() -> Iterator[FakeGraphql]:
    api = FakeGraphql()
    with local_server(api) as base:
        config(Path.cwd(), f'github-api = "{base}/graphql"\n')
        yield api


# --- 6. GitHub through its GraphQL API ------------------------------------------------------

GH_ALIVE = "https://github.com/hojonathanho/diffusion"
GH_RENAMED = "https://github.com/old-owner/old-name/tree/main/x"
GH_MISSING = "https://github.com/nobody/missing-repo"
GH_ARCHIVED = "https://github.com/openai/improved-diffusion/blob/main/README.md"
GH_LEAKY = "https://github.com/leaky/repo"


def github_list() -> str:
    return bullet(
        ("Code", GH_ALIVE),
        ("Fork", GH_RENAMED),
        ("Old", GH_MISSING),
        ("Improved", GH_ARCHIVED),
        ("Leaky", GH_LEAKY),
        title="Denoising Diffusion Probabilistic Models",
    )


def test_github_repositories_through_graphql(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # With a token, repositories are one GraphQL query: a rename is a moved link whose
    # new URL keeps the deep path, a missing repository is dead, and archived ones are
    # reported only when RL315 is selected (it is off by default).
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    text = write("README.md", github_list())
    with github_api() as api:
        run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
        assert len(api.requests) == 1
        selected = lint(
            capsys, "--check-links", "--allow-private", "--extend-select", "RL315", *TIMEOUT
        )
    assert run.code == 1
    assert sorted(run.codes()) == ["RL310", "RL311", "RL312"]
    moved = run.only("RL311")
    assert (moved["line"], moved["column"]) == where(text, GH_RENAMED)
    assert moved["message"] == (
        f"{GH_RENAMED} has moved to https://github.com/new-owner/new-name/tree/main/x"
    )
    dead = run.only("RL310")
    assert (dead["line"], dead["column"]) == where(text, GH_MISSING)
    assert dead["message"].startswith(f"dead link {GH_MISSING}: ")
    assert "NOT_FOUND" in dead["message"]
    assert sorted(selected.codes()) == ["RL310", "RL311", "RL312", "RL315"]
    archived = selected.only("RL315")
    assert (archived["line"], archived["column"]) == where(text, GH_ARCHIVED)
    assert archived["message"] == f"{GH_ARCHIVED} is archived on GitHub"
    # The token travels in the Authorization header only: never in any output (the
    # leaky repository's error quoted it back) nor in the cache.
    leaky = run.only("RL312")["message"]
    assert "FORBIDDEN" in leaky and "[token]" in leaky
    for result in (run, selected):
        assert TOKEN not in result.output
    cache = (tmp_path / ".readme-lint-cache" / "links.sqlite").read_bytes()
    assert TOKEN.encode() not in cache


def test_github_token_never_appears_in_the_scripts_output(tmp_path: Path) -> None:
    # The same check through the installed script, as CI runs it: the token a secret in
    # the environment, the findings GitHub annotations.
    write("README.md", github_list())
    with github_api() as api:
        run = lint_subprocess(
            tmp_path,
            "--check-links",
            "--allow-private",
            "--format",
            "github",
            *TIMEOUT,
            "README.md",
            env={"GITHUB_TOKEN": TOKEN},
        )
    assert run.code == 1, run.output
    assert len(api.requests) == 1
    assert "::warning file=README.md,line=3," in run.out
    assert "has moved to https://github.com/new-owner/new-name/tree/main/x" in run.out
    assert TOKEN not in run.output
    assert "Traceback" not in run.output


def test_without_a_token_github_links_are_plain_http(capsys: pytest.CaptureFixture[str]) -> None:
    # No token, no API: the repository pages are fetched like any page (here from a
    # local stand-in for github.com), and the GraphQL API is never asked.
    routes = {
        "/gh/hojonathanho/diffusion": Reply(200),
        "/gh/old-owner/old-name/tree/main/x": Reply(200),
    }
    with github_api() as api, serve(routes) as server:
        write("README.md", bullet(("Code", GH_ALIVE), ("Fork", GH_RENAMED)))
        remap = f"^https://github\\.com/ {server.url}/gh/"
        run = lint(capsys, "--check-links", "--allow-private", "--remap", remap, *TIMEOUT)
    assert api.requests == []
    assert sorted(paths(server)) == sorted(routes)
    assert (run.code, run.findings) == (0, [])


# --- 7. safety: loopback is refused unless allowed -----------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_private_addresses_are_blocked_without_a_request(
    capsys: pytest.CaptureFixture[str], host: str
) -> None:
    # A README from an untrusted pull request must not make the CI runner reach its own
    # network (metadata service, local databases): no connection at all, by address or
    # by a name resolving to one, and the link is reported as blocked, not dead.
    with serve(ROUTES) as server:
        url = f"http://{host}:{server.port}/paper"
        text = write("README.md", bullet(("Paper", url)))
        run = lint(capsys, "--check-links", *TIMEOUT)
    assert server.seen == []
    assert run.code == 0 and run.codes() == ["RL312"]
    blocked = run.only("RL312")
    assert (blocked["line"], blocked["column"]) == where(text, url)
    assert blocked["message"].startswith(f"blocked {url}: ")
    assert "loopback" in blocked["message"]


def test_summary_says_no_request_when_none_was_sent(capsys: pytest.CaptureFixture[str]) -> None:
    # The summary is how a maintainer sees that a hostile link reached nothing.
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/paper")))
        run = lint(capsys, "--check-links", *TIMEOUT)
    assert server.seen == []
    assert " 0 requests" in run.summary, run.summary


@pytest.mark.parametrize(
    ("flags", "toml"),
    [
        pytest.param(("--allow-private",), "", id="flag"),
        pytest.param((), "allow-private = true\n", id="config-key"),
    ],
)
def test_allow_private_by_flag_or_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, flags: tuple[str, ...], toml: str
) -> None:
    # An intranet list opts in once in its configuration, or per run on the command line.
    config(tmp_path, toml)
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/paper")))
        run = lint(capsys, "--check-links", *flags, *TIMEOUT)
    assert paths(server) == ["/paper"]
    assert (run.code, run.findings) == (0, [])


def test_per_folder_link_settings_do_not_depend_on_argument_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Two lists under two configurations: one allows private addresses, the other does
    # not. Whatever each file's verdict, it must not change with the order of the files
    # on the command line.
    for folder, toml in (("open", "allow-private = true\n"), ("closed", "")):
        (tmp_path / folder).mkdir()
        config(tmp_path / folder, toml)
    with serve(ROUTES) as server:
        for folder in ("open", "closed"):
            write(f"{folder}/README.md", bullet(("Paper", server.url + "/paper")))
        files = ("open/README.md", "closed/README.md")
        forward = lint(capsys, "--check-links", "--no-link-cache", *TIMEOUT, files=files)
        backward = lint(capsys, "--check-links", "--no-link-cache", *TIMEOUT, files=files[::-1])

    def by_file(run: Run) -> dict[str, list[str]]:
        return {f: [d["code"] for d in run.findings if d["path"] == f] for f in files}

    assert by_file(forward) == by_file(backward)


# --- 8. --remap -------------------------------------------------------------------------------


def test_remap_checks_elsewhere_and_names_the_original(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # --remap points a check at a mirror or a test server; the finding must still name
    # the URL as written in the README, where the author has to change it.
    original = "https://example.org/paper"
    text = write("README.md", bullet(("Paper", original)))
    with serve({"/mirror/paper": Reply(403)}) as server:
        remap = f"^https://example\\.org/(.*)$ {server.url}/mirror/$1"
        run = lint(capsys, "--check-links", "--allow-private", "--remap", remap, *TIMEOUT)
    assert set(paths(server)) == {"/mirror/paper"}
    refused = run.only("RL312")
    assert (refused["line"], refused["column"]) == where(text, original)
    assert refused["message"].startswith(f"could not verify {original}: 403 Forbidden")
    assert server.url not in refused["message"]


def test_remap_applies_to_redirect_hops(capsys: pytest.CaptureFixture[str]) -> None:
    # The mirror answers as the real host would, with a redirect to a public URL: the
    # next hop goes to the mirror's copy of it too, never out to the real host.
    text = write("README.md", bullet(("Code", "https://github.com/old/repo")))
    with serve(
        {"/gh/old/repo": redirect("https://github.com/new/repo"), "/gh/new/repo": Reply(200)}
    ) as server:
        remap = f"^https://github\\.com/ {server.url}/gh/"
        run = lint(capsys, "--check-links", "--allow-private", "--remap", remap, *TIMEOUT)
    assert paths(server) == ["/gh/old/repo", "/gh/new/repo"]
    moved = run.only("RL311")
    assert (moved["line"], moved["column"]) == where(text, "https://github.com/old/repo")
    assert "https://github.com/new/repo" in moved["message"]
    assert server.url not in moved["message"]


def test_remap_from_the_configuration(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The same rule written once in the configuration (a list of 'REGEX REPLACEMENT').
    write("README.md", bullet(("Paper", "https://example.org/paper")))
    with serve({"/paper": Reply(200)}) as server:
        config(tmp_path, f'remap = ["^https://example\\\\.org/ {server.url}/"]\n')
        run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
    assert paths(server) == ["/paper"]
    assert (run.code, run.findings) == (0, [])


# --- 9. per-host headers ------------------------------------------------------------------


def test_host_headers_from_the_environment_reach_only_their_host(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An API key for one host lives in a CI secret: "${NAME}" in the configuration is
    # read from the environment, sent to that host only (not to the host a redirect
    # leads to), and never printed or cached.
    monkeypatch.setenv("RL_E2E_KEY", SECRET)

    def keyed(handler: Any) -> Reply:
        ok = handler.headers.get("X-Api-Key") == SECRET
        return redirect(f"http://localhost:{other.port}/landing") if ok else Reply(403)

    with serve({"/landing": Reply(200)}) as other, serve({"/keyed": keyed}) as server:
        config(
            tmp_path,
            '[link-hosts."127.0.0.1"]\nmin-interval = 0\n'
            'headers = { "X-Api-Key" = "${RL_E2E_KEY}", "X-Plain" = "literal" }\n',
        )
        write("README.md", bullet(("Paper", server.url + "/keyed")))
        run = lint(capsys, "--check-links", "--allow-private", *TIMEOUT)
    (seen,) = server.seen
    assert seen.headers["x-api-key"] == SECRET and seen.headers["x-plain"] == "literal"
    assert [s.path for s in other.seen] == ["/landing"]
    assert "x-api-key" not in other.seen[0].headers
    assert run.code == 0, run.output  # 302: alive, at the page it leads to
    assert SECRET not in run.output
    assert SECRET.encode() not in (tmp_path / ".readme-lint-cache" / "links.sqlite").read_bytes()


# --- 10. without --check-links: no network, no network stack ------------------------------


def test_without_check_links_nothing_is_requested(capsys: pytest.CaptureFixture[str]) -> None:
    # The default lint is offline: a dead link is no finding, and no request goes out.
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/gone")))
        run = lint(capsys, "--allow-private")
    assert server.seen == []
    assert (run.code, run.findings) == (0, [])
    assert "links:" not in run.err


def test_check_links_from_the_configuration(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # `check-links = true` turns the check on without the flag (a repository's CI).
    config(tmp_path, "check-links = true\nallow-private = true\n")
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/old")))
        run = lint(capsys, *TIMEOUT)
    assert paths(server)[:1] == ["/old"]
    assert run.codes() == ["RL311"]


_PROBE = """\
import sys
from readme_lint.cli.main import main
code = main(sys.argv[1:])
print("requests imported:", "requests" in sys.modules, "exit:", code)
"""


@pytest.mark.parametrize(
    ("flags", "imported"),
    [
        pytest.param((), False, id="lint"),
        pytest.param(("--check-links", "--allow-private"), True, id="check-links"),
    ],
)
def test_requests_is_imported_only_to_check_links(
    tmp_path: Path, flags: tuple[str, ...], imported: bool
) -> None:
    # Commits stay fast: the network stack is loaded on demand. (The --check-links row
    # shows the probe would see it.)
    with serve(ROUTES) as server:
        write("README.md", bullet(("Paper", server.url + "/paper")))
        environment = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, *flags, *TIMEOUT, "README.md"],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert f"requests imported: {imported} exit: 0" in done.stdout
    assert paths(server) == (["/paper"] if imported else [])


# --- 11. the deadline -----------------------------------------------------------------------


def test_links_timeout_bounds_a_run_against_hanging_servers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A server that accepts and never answers (and an arXiv API that does the same)
    # must not hang CI: the run ends by its deadline and the links are unverified. The
    # servers never give up by themselves, so only the deadline can end the run; one
    # that does not end is a failure (``finishes``), not a hang.
    with serve({"/hang": hang, "/api/query": hang}) as server:
        config(Path.cwd(), f'arxiv-api = "{server.url}/api/query"\n')
        paper = "https://arxiv.org/abs/2006.11239"
        write("README.md", bullet(("Page", server.url + "/hang"), ("Paper", paper), title=DDPM))
        run = finishes(
            lambda: lint(capsys, "--check-links", "--allow-private", "--links-timeout", "2")
        )
        asked = sorted({seen.path for seen in server.seen})
    assert asked == ["/api/query", "/hang"]  # both were asked, and neither answered
    assert run.code == 0
    assert run.codes() == ["RL312", "RL312"]
    messages = [f["message"] for f in run.findings]
    assert messages[0].startswith(f"could not verify {server.url}/hang: ")
    assert messages[1].startswith(f"could not verify {paper}: ")


# --- 12. bad inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "code", "words"),
    [
        # A space inside a URL: CommonMark only takes it between <...>; never fetched.
        pytest.param(
            "<http://exa mple.com/x>", "RL310", ("malformed URL", "whitespace"), id="space"
        ),
        pytest.param("http://127.0.0.1:99999/x", "RL310", ("malformed URL", "bad port"), id="port"),
        pytest.param("https://", "RL310", ("malformed URL", "no host"), id="no-host"),
        pytest.param("https://exa%20mple.com/", "RL310", ("malformed URL", "bad host"), id="host"),
        pytest.param(
            "http://[::1/x",
            "RL310",
            ("malformed URL",),
            id="unclosed-ipv6",
        ),
        pytest.param(
            "javascript:alert(1)",
            "RL312",
            ("javascript",),
            id="javascript",
        ),
    ],
)
def test_bad_links_get_a_verdict_and_a_clear_message(
    capsys: pytest.CaptureFixture[str], link: str, code: str, words: tuple[str, ...]
) -> None:
    # Hostile or mistyped links are findings with a reason a person understands, never
    # a crash that hides every other finding of the run.
    url = link.strip("<>")
    text = write("README.md", bullet(("Paper", link), title=DDPM))
    run = lint(capsys, "--check-links", *TIMEOUT)
    assert run.codes() == [code], run.output
    finding = run.only(code)
    assert finding["line"] == 3 and finding["column"] == text.splitlines()[2].index(url) + 1
    assert url in finding["message"]
    for word in words:
        assert word in finding["message"], finding["message"]


def test_bad_links_through_the_script_print_no_traceback(tmp_path: Path) -> None:
    # The installed script, as a contributor sees it: one line per bad link, exit 1.
    links = ["<http://exa mple.com/x>", "http://127.0.0.1:99999/x", "https://"]
    write("README.md", bullet(*[("Link", link) for link in links], title=DDPM))
    run = lint_subprocess(tmp_path, "--check-links", *TIMEOUT, "README.md")
    assert run.code == 1
    assert "Traceback" not in run.output
    assert run.out.count("RL310 dead-link dead link") == 3
