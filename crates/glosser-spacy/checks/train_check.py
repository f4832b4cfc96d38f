#!/usr/bin/env python3
"""Checks the config generator and the DocBins in real spaCy training:

1. the generated config is byte-identical to `spacy init config -l en -p … -o efficiency` for
   spancat, ner and both (spaCy's default suggester sizes);
2. on a small corpus (the given text files plus random texts, with random labelled spans) the
   crate writes train.spacy, dev.spacy and config.cfg; `spacy debug config` and
   `spacy debug data` pass (no misaligned tokens, no whitespace entities);
3. `spacy train` runs one epoch with spancat and ner;
4. no span is ignored: the trained spancat's suggester proposes every span of doc.spans["sc"],
   and every entity of doc.ents aligns to the tokens (`Example.get_aligned_ner` has no gap).

    train_check.py EXAMPLES_DIR OUT_DIR FILE...

Prints `train: N passed, M failed`.
"""
import json
import os
import random
import re
import subprocess
import sys

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from docbin_check import random_spans
from tokens_check import random_text

LABELS = ["claim", "quote", "opinion", "unverified"]


def main():
    examples, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    python = sys.executable
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {detail}"[:3000])

    for pipeline in ("spancat", "ner", "spancat,ner"):
        theirs = os.path.join(out_dir, f"init-{pipeline}.cfg")
        subprocess.run([python, "-m", "spacy", "init", "config", "-l", "en", "-p", pipeline, "-o", "efficiency",
                        "-F", theirs], check=True, capture_output=True)
        mine = subprocess.run([os.path.join(examples, "spacy_config"), pipeline], check=True,
                              capture_output=True, text=True).stdout
        with open(theirs, encoding="utf-8") as f:
            check(f"config {pipeline} identical to spacy init config", f.read() == mine)

    nlp = spacy.blank("en")
    rng = random.Random(11)
    texts = []
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    texts += [random_text(rng) for _ in range(60)]
    input_path = os.path.join(out_dir, "corpus.jsonl")
    with open(input_path, "w", encoding="utf-8") as f:
        for text in texts:
            spans = [[a, b, rng.choice(LABELS)] for a, b, _ in random_spans(rng, nlp.make_doc(text))]
            f.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")
    corpus = os.path.join(out_dir, "corpus")
    built = subprocess.run([os.path.join(examples, "spacy_corpus"), input_path, corpus, "spancat,ner"],
                           check=True, capture_output=True, text=True)
    print(built.stdout.strip().split("\n")[-1])
    config = os.path.join(corpus, "config.cfg")
    paths = ["--paths.train", os.path.join(corpus, "train.spacy"), "--paths.dev", os.path.join(corpus, "dev.spacy")]

    debug_config = subprocess.run([python, "-m", "spacy", "debug", "config", config, *paths],
                                  capture_output=True, text=True)
    check("spacy debug config", debug_config.returncode == 0, debug_config.stdout + debug_config.stderr)
    debug_data = subprocess.run([python, "-m", "spacy", "debug", "data", config, *paths],
                                capture_output=True, text=True)
    report = debug_data.stdout
    # On a corpus this small, debug data always fails "Low number of examples to train a new
    # pipeline" (it wants 2,000 documents); every other failure counts.
    failures = [line for line in report.split("\n")
                if "\u2718" in line and not re.search(r"\u2718 \d+ errors?", line)]
    other_failures = [line for line in failures if "Low number of examples to train a new pipeline" not in line]
    check("spacy debug data: no failure but the corpus size", not other_failures, "\n".join(other_failures))
    check("spacy debug data fails only for the corpus size", debug_data.returncode == 0 or len(failures) == 1,
          report + debug_data.stderr)
    check("spacy debug data: no misaligned tokens", "misaligned" not in report, report)
    check("spacy debug data: no whitespace entities",
          "No entities consisting of or starting/ending with whitespace" in report, report)
    check("spacy debug data: no empty or invalid spans", "invalid" not in report.lower(), report)

    model_dir = os.path.join(out_dir, "model")
    train = subprocess.run([python, "-m", "spacy", "train", config, "--output", model_dir, *paths,
                            "--training.max_epochs", "1", "--training.max_steps", "0",
                            "--training.eval_frequency", "20"], capture_output=True, text=True)
    check("spacy train one epoch", train.returncode == 0, train.stdout[-3000:] + train.stderr[-3000:])
    if train.returncode != 0:
        print(f"train: {passed} passed, {failed} failed")
        return 1
    trained = spacy.load(os.path.join(model_dir, "model-last"))
    suggester = trained.get_pipe("spancat").suggester
    docs = list(DocBin().from_disk(os.path.join(corpus, "train.spacy")).get_docs(trained.vocab))
    spans_total = ents_total = 0
    for number, doc in enumerate(docs):
        candidates = suggester([doc])
        proposed = {tuple(map(int, pair)) for pair in candidates.dataXd}
        gold = [(s.start, s.end) for s in doc.spans["sc"]]
        spans_total += len(gold)
        missing = [g for g in gold if g not in proposed]
        check(f"train doc {number}: the suggester proposes every span", not missing, f"not proposed: {missing}")
        example = Example(trained.make_doc(doc.text), doc)
        aligned = example.get_aligned_ner()
        ents_total += len(doc.ents)
        check(f"train doc {number}: every entity aligns", None not in aligned and "-" not in aligned,
              f"{aligned}")
    print(f"train: {len(docs)} training docs, {spans_total} spans and {ents_total} entities checked")
    print(f"train: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
