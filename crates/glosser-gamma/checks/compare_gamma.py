"""Compare glosser-gamma (examples/gamma_json) with pygamma-agreement 0.5.9.

For every document of every case (random corpora + pygamma's own test data):
  1. observed disorder: pygamma's best alignment (its MIP, GLPK) vs ours, and pygamma's disorder
     of *our* alignment (it must be a valid partition of the same disorder);
  2. categorical disorder of our alignment, computed by pygamma (gamma_k_disorder);
  3. chance with the expected disorder fixed: our random continua are given to pygamma, whose best
     alignment of each must have our disorder and categorical disorder;
  4. gamma, gamma-cat and every gamma-k computed by pygamma's GammaResults from (2)-(3) vs ours;
  5. corpus pooling recomputed here from pygamma's per-document figures;
and, on some documents, 6. the sampler itself: the distribution of our random continua vs those
of pygamma's StatisticalContinuumSampler (units, starts, durations, categories; z-scores), and
pygamma's own compute_gamma (its sampler, numpy's RNG) vs ours, with many samples, compared as two
independent means of the chance disorder (z-score).

Exits non-zero if any comparison is outside its tolerance.
"""

import argparse
import json
import logging
import math
import subprocess
import sys
import time
from pathlib import Path

import cvxopt
import numpy as np
from pyannote.core import Segment
from pygamma_agreement import Continuum
from pygamma_agreement.alignment import Alignment, UnitaryAlignment
from pygamma_agreement.continuum import GammaResults, Unit
from pygamma_agreement.dissimilarity import (AbsoluteCategoricalDissimilarity,
                                             CombinedCategoricalDissimilarity)
from pygamma_agreement.sampler import StatisticalContinuumSampler

logging.disable(logging.WARNING)
cvxopt.glpk.options["msg_lev"] = "GLP_MSG_OFF"

ROOT = Path(__file__).resolve().parent.parent
# The workspace's target folder (two levels above this crate), where run.sh builds the examples.
BINARY = ROOT.parent.parent / "target" / "release" / "examples" / "gamma_json"
FIXTURES = ROOT / "fixtures" / "pygamma"

# pygamma computes dissimilarities in float32: relative error ~1e-7 per term.
DISORDER_TOLERANCE = 1e-5  # relative, for every disorder
GAMMA_TOLERANCE = 1e-4  # absolute, for gamma, gamma-cat, gamma-k with the same samples
Z_LIMIT = 4.0  # sampler check: |difference of means| / standard error

CATEGORIES = ["claim", "quote", "opinion", "unverified"]


def random_document(rng, doc_id):
    annotators = [f"ann{i}" for i in range(int(rng.integers(2, 5)))]
    n_items = int(rng.integers(4, 36))
    items = []
    for _ in range(n_items):
        if items and rng.random() < 0.2:
            ps, pe, _ = items[int(rng.integers(len(items)))]
            if pe - ps >= 8:
                s = ps + int(rng.integers(0, (pe - ps) // 2))
                e = s + int(rng.integers(2, pe - s + 1))
                items.append((s, e, str(rng.choice(CATEGORIES))))
                continue
        s = int(rng.integers(0, 2500))
        items.append((s, s + int(rng.integers(5, 220)), str(rng.choice(CATEGORIES, p=[.4, .3, .2, .1]))))
    miss = float(rng.uniform(0.0, 0.3))
    units = []
    for a in annotators:
        for s, e, c in items:
            if rng.random() < miss:
                continue
            s2 = max(0, s + int(rng.integers(-4, 5)))
            e2 = max(s2 + 1, e + int(rng.integers(-4, 5)))
            c2 = c if rng.random() < 0.8 else str(rng.choice(CATEGORIES))
            units.append(dict(annotator=a, start=s2, end=e2, category=c2))
        for _ in range(int(rng.integers(0, 4))):
            s = int(rng.integers(0, 2500))
            units.append(dict(annotator=a, start=s, end=s + int(rng.integers(3, 150)),
                              category=str(rng.choice(CATEGORIES))))
    return dict(id=doc_id, annotators=annotators, units=units)


def fixture_document(name):
    units = []
    for line in (FIXTURES / name).read_text().splitlines():
        a, c, s, e = line.split(",")
        units.append(dict(annotator=a, start=float(s), end=float(e), category=c))
    return dict(id=name, annotators=[], units=units)


def cases(args):
    rng = np.random.default_rng(args.seed)
    for k in range(args.corpora):
        docs = [random_document(rng, f"c{k}d{j}") for j in range(int(rng.integers(1, 4)))]
        yield f"random-{k}", docs, dict(alpha=1.0, beta=1.0, delta_empty=1.0)
        if k % 10 == 9:  # a few with other weights
            yield f"random-{k}-weighted", docs, dict(alpha=3.0, beta=2.0, delta_empty=0.5)
    # pygamma's own test data, with the dissimilarity its tests use
    yield "AlexPaulSuzan", [fixture_document("AlexPaulSuzan.csv")], dict(alpha=3.0, beta=1.0, delta_empty=1.0)
    yield "3by100", [fixture_document("3by100.csv")], dict(alpha=3.0, beta=1.0, delta_empty=1.0)
    for name in ["annotation_paul_suzann_alex.csv", "example_figure10.csv", "example_figure19.csv",
                 "too_many_unitary_alignments.csv"]:
        yield name, [fixture_document(name)], dict(alpha=1.0, beta=1.0, delta_empty=1.0)


def run_rust(docs, weights, samples, seed, emit):
    config = dict(dissimilarity=dict(weights), samples=samples, seed=seed)
    payload = json.dumps(dict(documents=docs, config=config, emit_samples=emit))
    out = subprocess.run([str(BINARY)], input=payload, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


_DISSIMILARITIES = {}


def dissimilarity(weights):
    # One object per setting: AbsoluteCategoricalDissimilarity gets the same delta_empty, so that
    # pygamma's alignment (d_mat) and gamma-k (d) use the same categorical scale.
    key = tuple(sorted(weights.items()))
    if key not in _DISSIMILARITIES:
        _DISSIMILARITIES[key] = CombinedCategoricalDissimilarity(
            alpha=weights["alpha"], beta=weights["beta"], delta_empty=weights["delta_empty"],
            cat_dissim=AbsoluteCategoricalDissimilarity(delta_empty=weights["delta_empty"]))
    return _DISSIMILARITIES[key]


def continuum(doc):
    c = Continuum()
    for a in doc.get("annotators") or []:
        c.add_annotator(a)
    for u in doc["units"]:
        c.add(u["annotator"], Segment(u["start"], u["end"]), u["category"])
    return c


def our_alignment(cont, rust_alignment):
    annotators = rust_alignment["annotators"]
    unitary = []
    for ua in rust_alignment["unitary_alignments"]:
        n_tuple = []
        for a, u in zip(annotators, ua["units"]):
            n_tuple.append((a, None if u is None else Unit(Segment(u["start"], u["end"]), u["category"])))
        unitary.append(UnitaryAlignment(n_tuple))
    alignment = Alignment(unitary, continuum=cont, check_validity=True)
    return alignment


class Stats:
    def __init__(self):
        self.max = {}
        self.failures = []
        self.counts = {}

    def close(self, what, ours, theirs, tolerance, relative, where):
        scale = max(1.0, abs(theirs)) if relative else 1.0
        diff = abs(ours - theirs)
        if not (diff <= tolerance * scale or (math.isnan(ours) and math.isnan(theirs))):
            self.failures.append(f"{where}: {what} ours={ours!r} pygamma={theirs!r} diff={diff:.3g}")
        self.max[what] = max(self.max.get(what, 0.0), diff)
        self.counts[what] = self.counts.get(what, 0) + 1

    def flag(self, what):
        self.counts[what] = self.counts.get(what, 0) + 1


def check_case(name, docs, weights, samples, seed, stats):
    out = run_rust(docs, weights, samples, seed, emit=True)
    corpus = out["corpus"]
    diss = dissimilarity(weights)
    pooled_obs, pooled_norm = 0.0, 0.0
    pooled_samples = [[0.0, 0.0] for _ in range(samples)]
    for doc, ours in zip(docs, corpus["documents"]):
        where = f"{name}/{doc['id']}"
        cont = continuum(doc)
        best = cont.get_best_alignment(diss)
        stats.close("observed disorder (pygamma MIP)", ours["observed_disorder"], float(best.disorder),
                    DISORDER_TOLERANCE, True, where)
        mine = our_alignment(cont, ours["alignment"])
        mine_disorder = float(mine.compute_disorder(diss))
        stats.close("observed disorder (our alignment, pygamma's formula)", ours["observed_disorder"],
                    mine_disorder, DISORDER_TOLERANCE, True, where)
        for ua, rust_ua in zip(mine.unitary_alignments, ours["alignment"]["unitary_alignments"]):
            stats.close("unitary disorder", rust_ua["disorder"], float(ua.disorder), DISORDER_TOLERANCE, True, where)
        same = {frozenset((a, u) for a, u in ua.n_tuple if u is not None) for ua in best.unitary_alignments} == \
               {frozenset((a, u) for a, u in ua.n_tuple if u is not None) for ua in mine.unitary_alignments}
        stats.flag("documents" if same else "documents with a tied, different best alignment")
        stats.close("observed categorical disorder", ours["observed_categorical_disorder"],
                    float(mine.gamma_k_disorder(diss, None)), DISORDER_TOLERANCE, True, where)
        chance = []
        for i, sample in enumerate(out["samples"][doc["id"]]):
            sample_best = continuum(sample).get_best_alignment(diss)
            chance.append(sample_best)
            stats.close("sample disorder", ours["chance"]["disorders"][i], float(sample_best.disorder),
                        DISORDER_TOLERANCE, True, where)
            stats.close("sample categorical disorder", ours["chance"]["categorical_disorders"][i],
                        float(sample_best.gamma_k_disorder(diss, None)), DISORDER_TOLERANCE, True, where)
            n = len(sample["annotators"])
            norm = len(sample["units"]) / n
            pooled_samples[i][0] += float(sample_best.disorder) * norm
            pooled_samples[i][1] += norm
        results = GammaResults(best_alignment=mine, chance_alignments=chance, dissimilarity=diss)
        stats.close("gamma (same samples)", ours["gamma"], float(results.gamma), GAMMA_TOLERANCE, False, where)
        stats.close("gamma-cat (same samples)", ours["gamma_cat"], float(results.gamma_cat), GAMMA_TOLERANCE, False, where)
        for category, value in ours["gamma_k"].items():
            with np.errstate(all="ignore"):
                theirs = float(results.gamma_k(category))
            if value is None:
                stats.flag("gamma-k undefined (expected 0)")
                if not (math.isinf(theirs) or math.isnan(theirs)):
                    stats.failures.append(f"{where}: gamma-k {category} undefined here, pygamma {theirs}")
                continue
            stats.close("gamma-k (same samples)", value, theirs, GAMMA_TOLERANCE, False, where)
        norm = cont.num_units / cont.num_annotators
        pooled_obs += float(best.disorder) * norm
        pooled_norm += norm
    observed = pooled_obs / pooled_norm
    expected = float(np.mean([s / w for s, w in pooled_samples]))
    stats.close("corpus observed disorder", corpus["observed_disorder"], observed, DISORDER_TOLERANCE, True, name)
    stats.close("corpus expected disorder", corpus["expected_disorder"], expected, DISORDER_TOLERANCE, True, name)
    stats.close("corpus gamma", corpus["gamma"], 1 - observed / expected, GAMMA_TOLERANCE, False, name)


def check_sampler(name, doc, weights, samples, stats, report):
    diss = dissimilarity(weights)
    started = time.time()
    np.random.seed(12345)
    theirs = continuum(doc).compute_gamma(diss, n_samples=samples)
    their_seconds = time.time() - started
    their_chance = np.array([float(a.disorder) for a in theirs.chance_alignments])
    ours = run_rust([doc], weights, samples, seed=777, emit=False)["corpus"]["documents"][0]
    our_chance = np.array(ours["chance"]["disorders"])
    se = math.sqrt(our_chance.var(ddof=1) / len(our_chance) + their_chance.var(ddof=1) / len(their_chance))
    z = (our_chance.mean() - their_chance.mean()) / se
    report.append(dict(document=name, samples=samples, ours=our_chance.mean(), pygamma=their_chance.mean(),
                       standard_error=se, z=z, gamma_ours=ours["gamma"], gamma_pygamma=float(theirs.gamma),
                       pygamma_seconds=their_seconds))
    stats.max["sampler |z|"] = max(stats.max.get("sampler |z|", 0.0), abs(z))
    if abs(z) > Z_LIMIT:
        stats.failures.append(f"{name}: expected disorder ours {our_chance.mean():.4f} vs pygamma "
                              f"{their_chance.mean():.4f}, z = {z:.2f}")


def check_sampler_statistics(name, doc, weights, samples, stats, report):
    """Our random continua vs pygamma's StatisticalContinuumSampler (no alignment involved):
    units per sample, mean start, mean duration and share of each category, as z-scores."""
    ours = run_rust([doc], weights, samples, seed=99, emit=True)["samples"][doc["id"]]
    sampler = StatisticalContinuumSampler()
    sampler.init_sampling(continuum(doc))
    np.random.seed(54321)
    theirs = [[(u.segment.start, u.segment.duration, u.annotation) for _, u in sampler.sample_from_continuum]
              for _ in range(samples)]
    ours = [[(u["start"], u["end"] - u["start"], u["category"]) for u in sample["units"]] for sample in ours]
    categories = sorted({u["category"] for u in doc["units"]})

    def features(sample):
        row = [len(sample), np.mean([u[0] for u in sample]), np.mean([u[1] for u in sample])]
        row += [sum(u[2] == c for u in sample) / len(sample) for c in categories]
        return row

    a = np.array([features(x) for x in ours])
    b = np.array([features(x) for x in theirs])
    names = ["units", "mean start", "mean duration"] + [f"share {c}" for c in categories]
    worst = 0.0
    for i, feature in enumerate(names):
        se = math.sqrt(a[:, i].var(ddof=1) / len(a) + b[:, i].var(ddof=1) / len(b))
        z = 0.0 if se == 0 else (a[:, i].mean() - b[:, i].mean()) / se
        worst = max(worst, abs(z))
        if abs(z) > Z_LIMIT:
            stats.failures.append(f"{name}: sampler {feature} ours {a[:, i].mean():.4f} vs pygamma "
                                  f"{b[:, i].mean():.4f}, z = {z:.2f}")
    stats.max["sampler statistics |z|"] = max(stats.max.get("sampler statistics |z|", 0.0), worst)
    report.append(f"  {name}: {len(names)} features over {samples} samples each, max |z| {worst:.2f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--sampler-documents", type=int, default=6)
    parser.add_argument("--sampler-samples", type=int, default=100)
    parser.add_argument("--statistics-samples", type=int, default=2000)
    args = parser.parse_args()
    stats = Stats()
    started = time.time()
    all_cases = list(cases(args))
    for name, docs, weights in all_cases:
        check_case(name, docs, weights, args.samples, seed=1, stats=stats)
        print(f"checked {name} ({len(docs)} documents, {sum(len(d['units']) for d in docs)} units)"
              f" at {time.time() - started:.0f}s", flush=True)
    report = []
    sampler_docs = [(f"{n}/{d['id']}", d, w) for n, docs, w in all_cases for d in docs]
    step = max(1, len(sampler_docs) // max(1, args.sampler_documents))
    for name, doc, weights in sampler_docs[::step][:args.sampler_documents]:
        check_sampler(name, doc, weights, args.sampler_samples, stats, report)
    statistics = []
    for name, doc, weights in sampler_docs[::step][:args.sampler_documents]:
        check_sampler_statistics(name, doc, weights, args.statistics_samples, stats, statistics)
    print("\nsampler statistics (our random continua vs pygamma's sampler, no alignment):")
    print("\n".join(statistics))
    print("\nsampler check (independent RNGs, mean chance disorder):")
    for r in report:
        print(f"  {r['document']}: ours {r['ours']:.4f}, pygamma {r['pygamma']:.4f}, se {r['standard_error']:.4f},"
              f" z {r['z']:+.2f}; gamma ours {r['gamma_ours']:.4f} pygamma {r['gamma_pygamma']:.4f}"
              f" (pygamma {r['pygamma_seconds']:.1f}s for {r['samples']} samples)")
    print("\ncomparisons (count, maximum absolute difference):")
    for what in sorted(stats.counts):
        print(f"  {what}: {stats.counts[what]}, max diff {stats.max.get(what, 0.0):.3g}")
    print(f"  sampler |z| max: {stats.max.get('sampler |z|', 0.0):.2f} (limit {Z_LIMIT})")
    print(f"  sampler statistics |z| max: {stats.max.get('sampler statistics |z|', 0.0):.2f} (limit {Z_LIMIT})")
    print(f"\n{len(all_cases)} cases in {time.time() - started:.0f}s")
    if stats.failures:
        print(f"\n{len(stats.failures)} FAILURES:")
        for f in stats.failures[:50]:
            print("  " + f)
        sys.exit(1)
    print("all comparisons within tolerance")


if __name__ == "__main__":
    main()
