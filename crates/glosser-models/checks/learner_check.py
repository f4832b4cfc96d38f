"""The sentence learner against scikit-learn's LogisticRegression on the same data and folds.

Reads the seed data set and the Rust learner's per-label results written by
`learner_eval --dump FILE --summary FILE`, trains scikit-learn on comparable features (hashed
word 1-2-grams and character 3-5-grams, 2^18 buckets each, l2-normalised) with the same
leave-one-document-out folds, the same decision rule (best sentence label if its probability
is at least 0.5) and the same per-document average precision, prints both, and fails when the
Rust learner's average precision is more than 0.10 below scikit-learn's on a label with at
least 10 gold sentences."""

import json
import sys

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

LABELS = ["claim", "opinion", "unverified"]


def per_document_ap(docs, probs, gold, label):
    aps, chance = [], []
    for d in sorted(set(docs)):
        idx = [i for i in range(len(docs)) if docs[i] == d]
        pos = sum(gold[i] == label for i in idx)
        if pos == 0:
            continue
        ranked = sorted(idx, key=lambda i: -probs[i])
        hits, total = 0, 0.0
        for rank, i in enumerate(ranked, 1):
            if gold[i] == label:
                hits += 1
                total += hits / rank
        aps.append(total / pos)
        chance.append(pos / len(idx))
    return (float(np.mean(aps)), float(np.mean(chance))) if aps else (None, None)


def main():
    rows = [json.loads(line) for line in open(sys.argv[1])]
    ours = json.load(open(sys.argv[2]))
    texts = [r["text"] for r in rows]
    docs = [r["doc"] for r in rows]
    gold = [r["gold"] or "none" for r in rows]
    train = np.array([r["train"] or "none" for r in rows])
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=2**18, alternate_sign=True)
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=2**18, alternate_sign=True)
    x = normalize(hstack([words.transform(texts), chars.transform(texts)]).tocsr())
    probs = {label: np.zeros(len(rows)) for label in LABELS}
    decided = np.array(["none"] * len(rows), dtype=object)
    for d in sorted(set(docs)):
        fit = np.array([doc != d for doc in docs])
        model = LogisticRegression(max_iter=5000).fit(x[fit], train[fit])
        p = model.predict_proba(x[~fit])
        classes = list(model.classes_)
        for label in LABELS:
            if label in classes:
                probs[label][~fit] = p[:, classes.index(label)]
        held = np.where(~fit)[0]
        for row, i in enumerate(held):
            best = max(LABELS, key=lambda lab: probs[lab][i])
            decided[i] = best if probs[best][i] >= 0.5 else "none"
    print("| label | gold | Rust: predicted / correct / AP | scikit-learn: predicted / correct / AP | chance AP |")
    print("|---|---|---|---|---|")
    failures = []
    for label in LABELS:
        n_gold = sum(g == label for g in gold)
        predicted = int(sum(decided == label))
        correct = int(sum((decided == label) & (np.array(gold) == label)))
        ap, chance = per_document_ap(docs, probs[label], gold, label)
        mine = ours[label]
        fmt = lambda v: "—" if v is None else f"{v:.2f}"
        print(f"| {label} | {n_gold} | {mine['predicted']} / {mine['correct']} / {fmt(mine['average_precision'])} "
              f"| {predicted} / {correct} / {fmt(ap)} | {fmt(chance)} |")
        assert mine["gold"] == n_gold, (label, mine["gold"], n_gold)
        if n_gold >= 10 and ap is not None and mine["average_precision"] < ap - 0.10:
            failures.append(f"{label}: Rust AP {mine['average_precision']:.2f} < scikit-learn {ap:.2f} - 0.10")
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
