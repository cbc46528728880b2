"""Generate a paper-list README in the reading-diffusion format.

    python bench/generate.py 10000 > big.md            # clean
    python bench/generate.py 10000 --defects 0.1 > broken.md

A clean list has a TOC, sections, unique titles and links, and entries with
title, marker, authors, venue and links, and a wrapped summary: readme-lint
must report nothing on it. ``--defects`` breaks that fraction of entries with
the mistakes contributors make (for the fix benchmark and property tests).
"""

from __future__ import annotations

import argparse
import random
import sys

_WORDS = (
    "Diffusion Score Latent Guided Consistent Efficient Conditional Denoising Stochastic Implicit "
    "Hierarchical Cascaded Variational Adversarial Contrastive Robust Scalable Sparse Neural Flow "
    "Energy Markov Bridge Manifold Spectral Temporal Spatial Multimodal Compositional Controllable"
).split()
_NOUNS = (
    "Models Priors Samplers Editing Inversion Synthesis Transformers Representations Generation "
    "Restoration Translation Personalization Distillation Alignment Tokenizers Embeddings"
).split()
_FIRST = "Alex Yang Jiaming Robin Chen Ling Tero Prafulla Jascha Jonathan Ajay Pieter Ruiqi Mingi Rinon Amir".split()
_LAST = "Song Ho Nichol Rombach Karras Meng Dhariwal Ermon Kingma Poole Salimans Hertz Gal Kwon Wu Lu".split()
_VENUES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ICCV", "ECCV", "arXiv", "SIGGRAPH")
_SECTIONS = (
    "Must-Read",
    "Personalization",
    "Editing",
    "Inversion",
    "Video",
    "3D",
    "Audio",
    "Theory",
)


def _title(rng: random.Random, index: int) -> str:
    words = rng.sample(_WORDS, 3)
    return f"{words[0]} {words[1]} {rng.choice(_NOUNS)} with {words[2]} Steps {index}"


def _authors(rng: random.Random) -> str:
    names = {f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.randint(1, 5))}
    return ", ".join(sorted(names))


def entry(rng: random.Random, index: int) -> list[str]:
    """One clean entry's lines.

    ``rng`` is used only through ``choice``, ``sample`` and ``randint``, so the tests can pass
    an object that draws those from hypothesis (and failures shrink).
    """
    year = 2015 + index % 10
    arxiv = f"{year % 100:02d}{1 + index % 12:02d}.{index:05d}"
    marker = " :zap:" if index % 3 == 0 else ""
    links = f"[[Paper](https://arxiv.org/abs/{arxiv})]"
    if index % 2 == 0:
        links += f" [[Code](https://github.com/lab{index % 97}/project-{index})]"
    return [
        f"**{_title(rng, index)}**{marker} \\",
        f"*{_authors(rng)}* \\",
        f"{rng.choice(_VENUES)} {year}. {links} \\",
        f"Proposes a {rng.choice(_WORDS).lower()} method for {rng.choice(_NOUNS).lower()} and",
        f"evaluates it on {rng.randint(2, 9)} benchmarks with {rng.randint(10, 99)} baselines.",
    ]


def bullet(rng: random.Random, index: int) -> list[str]:
    """One clean entry in the ``bullet`` format: ``- **Name** (Title) [[paper](u)] [[code](u)]``."""
    year = 2015 + index % 10
    arxiv = f"{year % 100:02d}{1 + index % 12:02d}.{index:05d}"
    links = f"[[paper](https://arxiv.org/abs/{arxiv})]"
    if index % 2 == 0:
        links += f" [[code](https://github.com/lab{index % 97}/project-{index})]"
    return [f"- **M{index}** ({_title(rng, index)}) {links}"]


_BULLET_DEFECTS = (
    lambda lines: [lines[0].replace("[[paper]", "[[Paper]")],  # off-spelling label
    lambda lines: [lines[0].replace(")] [[", ")][[")],  # links run together
    lambda lines: [lines[0].replace(") [[", ")  [[")],  # two spaces
)

_DEFECTS = (
    lambda lines: ["*" + lines[0], *lines[1:]],  # stray asterisk
    lambda lines: [lines[0] + " ", *lines[1:]],  # space after the backslash
    lambda lines: [lines[0].replace(" \\", "\\"), *lines[1:]],  # no space before the backslash
    lambda lines: [*lines[:3], "???"],  # placeholder summary
    lambda lines: [lines[0], lines[1], lines[2].replace("[[Paper]", "[[paper]"), *lines[3:]],
    lambda lines: [lines[0], lines[1].rstrip(" \\"), *lines[2:]],  # missing hard break
    lambda lines: [lines[0], lines[1], lines[2].replace("] [[", "]  [["), *lines[3:]],
    lambda lines: [*lines[:3], "", *lines[3:]],  # summary split off
)


def generate(entries: int, seed: int = 0, defects: float = 0.0, fmt: str = "paragraph") -> str:
    """A list of ``entries`` papers in the ``paragraph`` (default) or ``bullet`` format."""
    rng = random.Random(seed)
    make, broken, gap = (
        (bullet, _BULLET_DEFECTS, []) if fmt == "bullet" else (entry, _DEFECTS, [""])
    )
    per_section = max(1, -(-entries // len(_SECTIONS)))
    sections = [s for k, s in enumerate(_SECTIONS) if k * per_section < entries]
    out = ["# Papers on Diffusion Models", "", "A generated paper list.", "", "## Contents", ""]
    out += [f"- [{name}](#{name.lower()})" for name in sections]
    index = 0
    for name in sections:
        out += [*([""] if out[-1] else []), f"## {name}", ""]
        for _ in range(min(per_section, entries - index)):
            lines = make(rng, index)
            if defects and rng.random() < defects:
                lines = rng.choice(broken)(lines)
            out += [*lines, *gap]
            index += 1
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("entries", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--defects", type=float, default=0.0)
    parser.add_argument("--format", choices=("paragraph", "bullet"), default="paragraph")
    args = parser.parse_args(argv)
    sys.stdout.write(generate(args.entries, args.seed, args.defects, args.format))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
