#!/usr/bin/env python3
"""Checks the crate's `.spacy` writer against spaCy 3.8: on documents with random (overlapping,
nested, misaligned, empty, out-of-text) labelled spans it

- builds the same DocBin with spaCy (`nlp.make_doc`, `Doc.char_span(alignment_mode="strict")`,
  `doc.spans["sc"]`, `doc.ents` = longest non-overlapping spans) and requires the decompressed
  msgpack to be byte-identical;
- requires the crate to report exactly the spans spaCy cannot place, and exactly the spans left
  out of `doc.ents`;
- loads the crate's file with `DocBin().from_disk()` and compares tokens, `whitespace_`, norms,
  ents and span groups with what was asked;
- does it again with each Doc's `user_data` (`DocBin(store_user_data=True)`, string keys and
  values as glosser writes them: document, annotator, status), byte-identical and read back.

    docbin_check.py DOCBIN_BINARY OUT_DIR N_RANDOM FILE...

Writes OUT_DIR/input.jsonl, OUT_DIR/longest.spacy, OUT_DIR/unset.spacy. Prints
`docbin: N passed, M failed`.
"""
import json
import os
import random
import subprocess
import sys
import zlib

import spacy
from spacy.tokens import DocBin

from tokens_check import random_text

LABELS = ["claim", "quote", "opinion", "unverified", "PERSON", "X", "Worked At", "引用"]


def random_spans(rng, doc):
    n_chars = len(doc.text)
    spans = []
    if len(doc) == 0:
        return [[0, 0, "claim"]] if rng.random() < 0.5 else []
    for _ in range(rng.randrange(0, 9)):
        kind = rng.random()
        if kind < 0.7:
            i = rng.randrange(len(doc))
            j = min(len(doc), i + rng.choice([1, 1, 2, 3, 5, 12]))
            spans.append([doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), rng.choice(LABELS)])
        elif kind < 0.9:
            a = rng.randrange(n_chars + 1)
            spans.append([a, min(n_chars, a + rng.randrange(1, 20)), rng.choice(LABELS)])
        elif kind < 0.95 and spans:
            spans.append(list(rng.choice(spans)))  # the same span twice, maybe relabelled
            spans[-1][2] = rng.choice(LABELS)
        else:
            a = rng.randrange(n_chars + 1)
            spans.append(rng.choice([[a, a, "claim"], [a, n_chars + 3, "claim"], [a, min(a + 1, n_chars), ""]]))
    return spans


def reference(nlp, text, spans, ents_mode):
    """What spaCy itself does with the record: the Doc and the indexes it cannot place."""
    doc = nlp.make_doc(text)
    placed, unaligned = [], []
    for index, (start, end, label) in enumerate(spans):
        span = None
        if 0 <= start < end <= len(text) and label:
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:
            unaligned.append(index)
        else:
            placed.append((index, span))
    doc.spans["sc"] = [s for _, s in placed]
    left = []
    if ents_mode == "longest":
        taken, kept = set(), []
        for index, span in sorted(placed, key=lambda p: (-len(p[1].text), p[1].start_char, p[0])):
            if doc[span.start].is_space or doc[span.end - 1].is_space:
                left.append(index)
            elif taken & set(range(span.start, span.end)):
                left.append(index)
            else:
                taken |= set(range(span.start, span.end))
                kept.append(span)
        doc.ents = sorted(kept, key=lambda s: s.start)
    return doc, sorted(unaligned), sorted(left)


def explain(mine, theirs, docs):
    """Where two DocBin messages differ."""
    import numpy
    import srsly
    a, b = srsly.msgpack_loads(mine), srsly.msgpack_loads(theirs)
    for key in b:
        if a.get(key) == b[key]:
            continue
        if key != "tokens":
            return f"{key} differs"
        width = len(b["attrs"])
        ta = numpy.frombuffer(a[key], dtype="uint64").reshape(-1, width)
        tb = numpy.frombuffer(b[key], dtype="uint64").reshape(-1, width)
        tokens = [t for doc in docs for t in doc]
        for row, (x, y) in enumerate(zip(ta, tb)):
            if (x != y).any():
                column = int(numpy.argmax(x != y))
                return (f"token {row} {tokens[row].text!r} (norm {tokens[row].norm_!r}) attr "
                        f"{b['attrs'][column]}: crate {x[column]} spaCy {y[column]}")
        return f"token tables differ in size: {ta.shape} vs {tb.shape}"
    return "the same message, different bytes"


def main():
    binary, out_dir, n_random, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    os.makedirs(out_dir, exist_ok=True)
    nlp = spacy.blank("en")
    rng = random.Random(7)
    texts = []
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    texts += [random_text(rng) for _ in range(n_random)]
    texts += ["", "   ", "X PERSON x", "Trump’s envoy said “we won”.\nCritics doubt it.\n"]
    records = [{"text": t, "spans": random_spans(rng, nlp.make_doc(t))} for t in texts]
    for number, record in enumerate(records):
        if number % 3:
            record["user_data"] = [["document", f"folder/{number}.txt"], ["annotator", "ann"],
                                   ["status", rng.choice(["Todo", "InProgress", "Done", "é “x” 北京"])]]
    input_path = os.path.join(out_dir, "input.jsonl")
    with open(input_path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            if failed <= 20:
                print(f"FAIL {name}: {detail}"[:2000])

    for mode in ("longest", "unset", "longest+user_data"):
        ents_mode, store_user_data = mode.split("+")[0], mode.endswith("+user_data")
        out = os.path.join(out_dir, f"{mode}.spacy")
        result = subprocess.run([binary, input_path, out, "--ents", ents_mode, "--user-data", "yes" if store_user_data else "no"],
                                capture_output=True, text=True, check=True)
        reports = [json.loads(line) for line in result.stdout.split("\n") if line.strip()]
        check(f"{mode}: one report per record", len(reports) == len(records), f"{len(reports)} != {len(records)}")
        expected = DocBin(store_user_data=store_user_data)
        wanted = []
        for number, (record, report) in enumerate(zip(records, reports)):
            doc, unaligned, left = reference(nlp, record["text"], record["spans"], ents_mode)
            doc.user_data.update(dict(record.get("user_data", [])))
            expected.add(doc)
            wanted.append(doc)
            check(f"{mode} doc {number} unaligned", [i for i, *_ in report["unaligned"]] == unaligned,
                  f"crate {report['unaligned']} spaCy {unaligned} in {record}")
            check(f"{mode} doc {number} left out of ents", [i for i, *_ in report["left_out_of_ents"]] == left,
                  f"crate {report['left_out_of_ents']} spaCy {left} in {record}")
        with open(out, "rb") as f:
            mine = zlib.decompress(f.read())
        theirs = zlib.decompress(expected.to_bytes())
        check(f"{mode}: msgpack byte-identical to spaCy's DocBin", mine == theirs, explain(mine, theirs, wanted))
        loaded = list(DocBin().from_disk(out).get_docs(nlp.vocab))
        check(f"{mode}: doc count", len(loaded) == len(wanted))
        for number, (got, want) in enumerate(zip(loaded, wanted)):
            name = f"{mode} doc {number}"
            check(f"{name} text", got.text == want.text, repr(got.text[:80]))
            check(f"{name} tokens", [(t.text, t.whitespace_, t.norm_) for t in got] ==
                  [(t.text, t.whitespace_, t.norm_) for t in want])
            check(f"{name} ents", [(e.start_char, e.end_char, e.label_) for e in got.ents] ==
                  [(e.start_char, e.end_char, e.label_) for e in want.ents])
            check(f"{name} iob", [t.ent_iob_ for t in got] == [t.ent_iob_ for t in want])
            check(f"{name} spans", [(s.start_char, s.end_char, s.label_) for s in got.spans["sc"]] ==
                  [(s.start_char, s.end_char, s.label_) for s in want.spans["sc"]])
            check(f"{name} user_data", dict(got.user_data) == (dict(want.user_data) if store_user_data else {}),
                  (dict(got.user_data), dict(want.user_data)))
    spans_total = sum(len(r["spans"]) for r in records)
    print(f"docbin: {len(records)} documents, {spans_total} spans asked")
    print(f"docbin: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
