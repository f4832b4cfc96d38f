"""Checks glosser's pattern matcher against spaCy's own EntityRuler.

Usage: suggest_check.py PATTERNS CORPUS EXPORT.jsonl
EXPORT.jsonl is `glosser export CORPUS --format jsonl --annotator NAME` after
`glosser suggest CORPUS --patterns PATTERNS --as NAME`. Every document's spans must be exactly
the entities a blank English pipeline with an EntityRuler of the same patterns finds.
"""
import json
import pathlib
import sys

import spacy

patterns_path, corpus, export = sys.argv[1:4]
nlp = spacy.blank("en")
ruler = nlp.add_pipe("entity_ruler")
ruler.add_patterns([json.loads(l) for l in open(patterns_path, encoding="utf-8") if l.strip()])

ours = {}
for line in open(export, encoding="utf-8"):
    record = json.loads(line)
    ours[record["document"]] = sorted((s["start"], s["end"], s["label"]) for s in record["spans"])

failures = 0
checked = 0
total = 0
for path in sorted(pathlib.Path(corpus).rglob("*.txt")):
    doc_id = path.relative_to(corpus).as_posix()
    text = path.read_bytes().decode("utf-8-sig")  # no newline translation: CRLF stays
    theirs = sorted((e.start_char, e.end_char, e.label_) for e in nlp(text).ents)
    mine = ours.get(doc_id, [])
    checked += 1
    total += len(theirs)
    if mine != theirs:
        failures += 1
        print(f"{doc_id}: glosser and spaCy differ")
        print("  only glosser:", [(s, e, l, text[s:e]) for s, e, l in mine if (s, e, l) not in theirs])
        print("  only spaCy:  ", [(s, e, l, text[s:e]) for s, e, l in theirs if (s, e, l) not in mine])
if checked == 0 or total == 0:
    print("nothing was compared")
    sys.exit(1)
print(f"patterns: {checked} documents, {total} spans, same as spaCy's EntityRuler" if not failures else f"{failures} documents differ")
sys.exit(1 if failures else 0)
