#!/usr/bin/env python3
"""Checks the crate's Hugging Face Parquet rows with pyarrow, DuckDB and `datasets`:

- the expected rows are computed here from spaCy itself (`spacy.blank("en")` tokens without
  whitespace tokens, `Doc.char_span(strict)` for the spans, IOB2 tags of the longest
  non-overlapping spans);
- pyarrow reads exactly those rows and the schema `datasets` derives from its features;
- DuckDB reads the same rows (`read_parquet`);
- `datasets.load_dataset("parquet", …)` gives the same rows and `ner_tags` as a `ClassLabel`
  with exactly the tag names (and `int2str` maps the tags back).

    parquet_check.py HF_PARQUET_BINARY OUT_DIR N_RANDOM FILE...

Prints `parquet: N passed, M failed`.
"""
import json
import os
import random
import subprocess
import sys

import datasets
import duckdb
import pyarrow.parquet as pq
import spacy

from docbin_check import random_spans
from tokens_check import random_text

LABELS = ["claim", "quote", "opinion", "unverified", "引用 label", "PERSON"]


def expected_row(nlp, record, labels):
    text = record["text"]
    doc = nlp.make_doc(text)
    placed, unaligned = [], []
    for index, (start, end, label) in enumerate(record["spans"]):
        span = None
        if 0 <= start < end <= len(text) and label:
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None or label not in labels:
            unaligned.append(index)
        else:
            placed.append((index, span))
    tags = [0] * len(doc)
    taken, left = set(), []
    for index, span in sorted(placed, key=lambda p: (-len(p[1].text), p[1].start_char, p[0])):
        if doc[span.start].is_space or doc[span.end - 1].is_space or taken & set(range(span.start, span.end)):
            left.append(index)
            continue
        taken |= set(range(span.start, span.end))
        label = labels.index(span.label_)
        for i in range(span.start, span.end):
            tags[i] = 1 + 2 * label + (i != span.start)
    kept = [t for t in doc if not t.is_space]
    row = {
        "id": record["id"],
        "document": record["document"],
        "text": text,
        "tokens": [t.text for t in kept],
        "ner_tags": [tags[t.i] for t in kept],
        "token_starts": [t.idx for t in kept],
        "token_ends": [t.idx + len(t.text) for t in kept],
        "spans": [{"start": s.start_char, "end": s.end_char, "label": s.label_, "text": s.text} for _, s in placed],
    }
    return row, sorted(unaligned), sorted(left)


def main():
    binary, out_dir, n_random, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    os.makedirs(out_dir, exist_ok=True)
    nlp = spacy.blank("en")
    rng = random.Random(5)
    texts = []
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            texts.append((os.path.basename(path), f.read()))
    texts += [(f"random-{i}.txt", random_text(rng)) for i in range(n_random)]
    texts += [("empty.txt", ""), ("space.txt", " \n ")]
    records = []
    for number, (document, text) in enumerate(texts):
        spans = [[a, b, rng.choice(LABELS + ["not-a-label"])] for a, b, _ in random_spans(rng, nlp.make_doc(text))]
        records.append({"id": f"{document}#{number}", "document": document, "text": text, "spans": spans})
    input_path = os.path.join(out_dir, "rows.jsonl")
    with open(input_path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    parquet_path = os.path.join(out_dir, "rows.parquet")
    result = subprocess.run([binary, input_path, parquet_path, ",".join(LABELS)], capture_output=True, text=True,
                            check=True)
    reports = [json.loads(line) for line in result.stdout.split("\n") if line.strip()]
    names = ["O"] + [f"{p}-{label}" for label in LABELS for p in ("B", "I")]
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            if failed <= 20:
                print(f"FAIL {name}: {detail}"[:2000])

    expected = []
    for record, report in zip(records, reports):
        row, unaligned, left = expected_row(nlp, record, LABELS)
        expected.append(row)
        check(f"report {record['id']} unaligned", report["unaligned"] == unaligned, f"{report} vs {unaligned}")
        check(f"report {record['id']} left out of tags", report["left_out_of_tags"] == left, f"{report} vs {left}")
    check("one report per record", len(reports) == len(records))

    table = pq.read_table(parquet_path)
    check("pyarrow rows", table.to_pylist() == expected,
          next((f"{a} != {b}" for a, b in zip(table.to_pylist(), expected) if a != b), "row counts differ"))
    features = datasets.Features({
        "id": datasets.Value("string"), "document": datasets.Value("string"), "text": datasets.Value("string"),
        "tokens": datasets.Sequence(datasets.Value("string")),
        "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names)),
        "token_starts": datasets.Sequence(datasets.Value("int64")),
        "token_ends": datasets.Sequence(datasets.Value("int64")),
        "spans": [{"start": datasets.Value("int64"), "end": datasets.Value("int64"),
                   "label": datasets.Value("string"), "text": datasets.Value("string")}],
    })
    schema = pq.read_schema(parquet_path)
    check("pyarrow schema is the one datasets derives from the features",
          schema.remove_metadata() == features.arrow_schema.remove_metadata(),
          f"{schema.remove_metadata()}\n!=\n{features.arrow_schema.remove_metadata()}")

    con = duckdb.connect()
    duck = con.execute("SELECT * FROM read_parquet(?)", [parquet_path]).fetchall()
    columns = [d[0] for d in con.description]
    duck_rows = [dict(zip(columns, r)) for r in duck]
    check("duckdb columns", columns == list(expected[0].keys()), columns)
    check("duckdb rows", duck_rows == expected,
          next((f"{a} != {b}" for a, b in zip(duck_rows, expected) if a != b), "row counts differ"))
    check("duckdb sees the huggingface metadata",
          any(k == b"huggingface" for k, in con.execute(
              "SELECT key FROM parquet_kv_metadata(?)", [parquet_path]).fetchall()))

    loaded = datasets.load_dataset("parquet", data_files=parquet_path, split="train",
                                   cache_dir=os.path.join(out_dir, "hf-cache"))
    tags_feature = loaded.features["ner_tags"]
    inner = getattr(tags_feature, "feature", None)
    check("datasets: ner_tags is a sequence of ClassLabel", isinstance(inner, datasets.ClassLabel), repr(tags_feature))
    check("datasets: ClassLabel names exactly", isinstance(inner, datasets.ClassLabel) and inner.names == names,
          repr(tags_feature))
    check("datasets: rows", loaded.to_list() == expected,
          next((f"{a} != {b}" for a, b in zip(loaded.to_list(), expected) if a != b), "row counts differ"))
    if isinstance(inner, datasets.ClassLabel):
        decoded = [[inner.int2str(t) for t in row["ner_tags"]] for row in loaded]
        check("datasets: tags decode to IOB2 names", all(
            all(n == "O" or n[:2] in ("B-", "I-") for n in row) for row in decoded))
    tagged = sum(1 for row in expected for t in row["ner_tags"] if t)
    print(f"parquet: {len(expected)} rows, {sum(len(r['spans']) for r in expected)} spans, {tagged} tagged tokens, "
          f"datasets {datasets.__version__}, pyarrow {pq.__name__ and __import__('pyarrow').__version__}, duckdb {duckdb.__version__}")
    with open(os.path.join(out_dir, "tag_names.txt"), "w", encoding="utf-8") as f:
        f.write(",".join(names))
    print(f"parquet: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
