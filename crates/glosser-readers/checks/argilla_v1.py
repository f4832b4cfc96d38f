"""Run with argilla 1.29 (target/venv-argilla1): writes token classification records as
`record.dict()` and as `to_datasets().to_json()`, and what the reader must find."""

import datetime
import json
import random
import sys

import argilla as rg

prefix = sys.argv[1]
rng = random.Random("glosser-readers:argilla-v1")
texts = ["Putin’s envoy 😀 said “we won” today.", "Critics 👨‍👩‍👧 doubt it.", "中文 e\u0301te\u0301 Ada Lovelace", "x"]
records, expected = [], []
for number in range(40):
    text = rng.choice(texts) + " " + str(number)
    want, annotation, prediction = [], [], []
    tokens, at = [], 0
    for token in text.split(" "):
        tokens.append((at, at + len(token)))
        at += len(token) + 1
    taken = set()
    for _ in range(rng.randint(0, 3)):
        first = rng.randrange(len(tokens))
        last = min(len(tokens) - 1, first + rng.randint(0, 2))
        if taken & set(range(first, last + 1)):
            continue
        taken |= set(range(first, last + 1))
        start, end = tokens[first][0], tokens[last][1]
        label = rng.choice(["claim", "quote"])
        if rng.random() < 0.5:
            annotation.append((label, start, end))
            want.append(["annotation", start, end, label, "alice"])
        else:
            prediction.append((label, start, end, round(rng.random(), 2)))
            want.append(["prediction", start, end, label, "model-1"])
    records.append(rg.TokenClassificationRecord(
        text=text, tokens=text.split(" "), id=f"r{number}",
        annotation=annotation or None, annotation_agent="alice" if annotation else None,
        prediction=prediction or None, prediction_agent="model-1" if prediction else None,
        event_timestamp=datetime.datetime(2024, 5, 1)))
    expected.append(want)
with open(f"{prefix}-records.json", "w", encoding="utf-8") as out:
    json.dump([record.dict() for record in records], out, ensure_ascii=False, default=str)
rg.DatasetForTokenClassification(records).to_datasets().to_json(f"{prefix}-datasets.jsonl", force_ascii=False)
with open(f"{prefix}-expected.json", "w", encoding="utf-8") as out:
    json.dump(expected, out, ensure_ascii=False)
