"""Link liveness (``--check-links``): imported only when links are checked.

Layers, each testable alone:

* ``verdict``   — the shared records: a link's ``Verdict``, what one attempt returns
  (``Done`` / ``RetryLater``) and what an HTTP fetch returns (``FetchResult``).
* ``resources`` — which resource a URL names (an arXiv id, a GitHub repository, a
  normalised URL): the unit that is checked once and cached.
* ``guard``     — the safety guard: schemes, and addresses a run may connect to.
* ``http``      — one guarded request chain (HEAD, then GET; redirects by hand).
* ``scheduler`` — worker pool with per-host budgets, pauses and the run's deadline.
* ``arxiv`` / ``github`` — batched API lookups for the two hosts every list links most.
* ``cache``     — SQLite, across runs.
* ``checker``   — puts them together for a set of URLs.
"""
