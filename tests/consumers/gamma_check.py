"""`glosser agree`'s γ against pygamma-agreement 0.5.9, end to end.

For random team corpora (tests/fixtures/review/team_corpus.py: three annotators over documents
cut from the seed articles, with misses, extra spans, label changes and boundary shifts; one
annotator's file of a document emptied in every other corpus), the spans are read back through
`glosser export --format csv` and handed to pygamma's own `Continuum` (every annotator with a
file added, spans or not). Then, per document:

  1. the observed disorder of pygamma's best alignment (its MIP, GLPK) equals glosser's
     (`--per-doc --json`: `gamma_detail.observed_disorder`), to 1e-5 relative (pygamma computes
     in float32);
  2. pygamma's own `compute_gamma` (its sampler, numpy's random generator) and glosser's
     expected disorders agree as two estimates of one mean: |z| <= 4, z the difference over the
     standard error of pygamma's chance disorders times sqrt(2) (glosser's has the same
     spread); the γ difference this allows is printed;

and per corpus, 3. glosser's pooled observed disorder equals pygamma's per-document disorders
pooled by units per annotator (docs/review.md), to 1e-5 relative.

    python gamma_check.py GLOSSER [--corpora N] [--documents N]

Runs in crates/glosser-gamma's venv (target/checks-gamma). Exits non-zero on any failure.
"""

import argparse
import csv
import json
import logging
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cvxopt
import numpy as np
from pyannote.core import Segment
from pygamma_agreement import CombinedCategoricalDissimilarity, Continuum

logging.disable(logging.WARNING)
cvxopt.glpk.options["msg_lev"] = "GLP_MSG_OFF"

ROOT = Path(__file__).resolve().parents[2]
DISORDER_TOLERANCE = 1e-5  # relative
Z_LIMIT = 4.0
SAMPLES = 30


def run(*args, **kwargs):
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True, **kwargs)


def make_corpus(glosser, folder, seed, documents):
    rng = np.random.default_rng(seed)
    skills = ",".join(f"{a}={rng.uniform(0.3, 0.95):.2f}" for a in ("alice", "bob", "carol"))
    records = run(sys.executable, ROOT / "tests/fixtures/review/team_corpus.py",
                  "--seed", seed, "--documents", documents, "--skills", skills).stdout
    source = folder / "team.jsonl"
    source.write_text(records)
    corpus = folder / "corpus"
    corpus.mkdir()
    run(glosser, "import", source, "--format", "jsonl", "--corpus", corpus)
    # In every other corpus one annotator's file of a document is emptied: their silence must
    # count.
    if seed % 2:
        victim = sorted(corpus.glob("*.carol.ron"))[0]
        text = victim.read_text()
        start = text.index("spans: [")
        end = text.index("\n    ],", start)
        victim.write_text(text[:start] + "spans: []," + text[end + len("\n    ],"):])
        print(f"  seed {seed}: {victim.name} emptied")
    return corpus


def pygamma_documents(glosser, corpus):
    """Each document's pygamma Continuum, from glosser's csv export of every annotator."""
    names = sorted({p.name.split(".")[-2] for p in corpus.glob("*.ron")})
    continua = {}
    for doc in sorted(corpus.glob("*.txt")):
        continua[doc.name] = Continuum()
        for name in names:
            if (corpus / f"{doc.name}.{name}.ron").exists():
                continua[doc.name].add_annotator(name)
    for name in names:
        exported = corpus.parent / f"{name}.csv"
        run(glosser, "export", corpus, "--format", "csv", "--annotator", name, "-o", exported)
        for row in csv.DictReader(exported.read_text(encoding="utf-8").splitlines()):
            if not row["start"]:
                continue  # a document without spans: a row of its own, no span
            continua[row["document"]].add(name, Segment(int(row["start"]), int(row["end"])), row["label"])
    return continua


def close(ours, theirs):
    return abs(ours - theirs) <= DISORDER_TOLERANCE * max(1.0, abs(theirs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("glosser")
    parser.add_argument("--corpora", type=int, default=3)
    parser.add_argument("--documents", type=int, default=4)
    args = parser.parse_args()
    glosser = Path(args.glosser).resolve()
    # pygamma's sampler draws from numpy's global generator: seeded, the check is reproducible.
    np.random.seed(32)
    dissimilarity = CombinedCategoricalDissimilarity()
    failures, rows, started = [], [], time.time()
    worst_z, worst_gamma, compared = 0.0, 0.0, 0
    for seed in range(args.corpora):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = make_corpus(glosser, Path(tmp), 3200 + seed, args.documents)
            ours = json.loads(run(glosser, "agree", corpus, "--per-doc", "--json",
                                  "--gamma-samples", SAMPLES, "--seed", seed).stdout)
            per_doc = {d["document"]: d["gamma_detail"] for d in ours["per_doc"]}
            continua = pygamma_documents(glosser, corpus)
            pooled, weights = 0.0, 0.0
            for name, continuum in continua.items():
                mine = per_doc[name]
                where = f"corpus {seed}, {name}"
                if continuum.num_annotators < 2 or not continuum:
                    # pygamma has no γ here (fewer than two annotators, or no unit): nor may we.
                    if mine is not None:
                        failures.append(f"{where}: γ {mine['gamma']} where pygamma has none")
                    continue
                if mine is None:
                    failures.append(f"{where}: no γ where pygamma has one")
                    continue
                best = continuum.get_best_alignment(dissimilarity)
                observed = float(best.disorder)
                if not close(mine["observed_disorder"], observed):
                    failures.append(f"{where}: observed disorder {mine['observed_disorder']} vs pygamma {observed}")
                weight = continuum.num_units / continuum.num_annotators
                pooled += observed * weight
                weights += weight
                theirs = continuum.compute_gamma(dissimilarity, n_samples=SAMPLES)
                chance = np.array([float(a.disorder) for a in theirs.chance_alignments])
                se = math.sqrt(2 * chance.var(ddof=1) / len(chance))
                z = (mine["expected_disorder"] - chance.mean()) / se
                gap = mine["gamma"] - float(theirs.gamma)
                worst_z, worst_gamma = max(worst_z, abs(z)), max(worst_gamma, abs(gap))
                compared += 1
                rows.append(f"  {where}: units {continuum.num_units}, annotators {continuum.num_annotators}; "
                            f"D_o {mine['observed_disorder']:.5f} (pygamma {observed:.5f}); "
                            f"D_e {mine['expected_disorder']:.4f} (pygamma {chance.mean():.4f}, z {z:+.2f}); "
                            f"γ {mine['gamma']:.4f} (pygamma {float(theirs.gamma):.4f})")
                if abs(z) > Z_LIMIT:
                    failures.append(f"{where}: expected disorder {mine['expected_disorder']:.4f} vs pygamma "
                                    f"{chance.mean():.4f}, z = {z:.2f}")
            corpus_observed = ours["gamma"]["overall"]["observed_disorder"]
            if not close(corpus_observed, pooled / weights):
                failures.append(f"corpus {seed}: pooled observed disorder {corpus_observed} vs {pooled / weights}")
    print("\n".join(rows))
    print(f"gamma vs pygamma-agreement: {compared} documents in {args.corpora} corpora, "
          f"max |z| {worst_z:.2f} (limit {Z_LIMIT}), max |γ difference| {worst_gamma:.4f} "
          f"({SAMPLES} samples each side), {time.time() - started:.0f} s")
    if failures:
        print("FAILED:\n" + "\n".join(failures))
        sys.exit(1)
    print("all observed disorders equal pygamma's (1e-5), chance estimates within the z limit")


if __name__ == "__main__":
    main()
