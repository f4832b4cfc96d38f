#!/usr/bin/env python3
"""Issue 27's round trips for the formats glosser reads but does not write: the tool's own file,
read by the tool's own reader where it has one (gatenlp for GATE bdocjs, spaCy's `json_to_docs`
for spaCy v2 JSON) or by its documented shape (tagtog ann.json, Argilla 2 records), against what
glosser imported (its jsonl export of the corpus field.sh imported into). Every span of the file
is in the corpus at the same characters, or was reported not kept; nothing else is.
Usage: field_tools_check.py FIELD_OUT WILD (run in glosser-readers' checks venv). Prints
`field tools: N passed, M failed`."""
import collections
import json
import os
import sys

out, wild = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def imported(name):
    """(document, label, text) of every span glosser wrote, from its jsonl export."""
    found = collections.Counter()
    with open(os.path.join(out, f"{name}.jsonl"), encoding="utf-8") as f:
        for record in map(json.loads, filter(str.strip, f)):
            for s in record["spans"]:
                check(f"{name} slice {record['document']} {s['start']}", record["text"][s["start"]:s["end"]] == s["text"])
                found[(record["document"], s["label"], s["text"])] += 1
    return found


def report(name):
    return open(os.path.join(out, f"{name}.import.err"), encoding="utf-8").read()


# GATE: gatenlp loads the bdocjs (converting its UTF-16 offsets); every annotation with characters
# is a span of its type; the zero-length ones are reported.
from gatenlp import Document

doc = Document.load(os.path.join(wild, "gate", "tests-testdoc1.bdocjs"), fmt="bdocjs")
want, empty = collections.Counter(), 0
for set_name in doc.annset_names():
    for a in doc.annset(set_name):
        if a.start < a.end:
            want[("GATE Document_00008.txt", a.type, doc.text[a.start:a.end])] += 1
        else:
            empty += 1
got = imported("gate")
check("gate every annotation", got == want, (got - want, want - got))
check("gate zero-length annotations reported", empty == 3 and f"{empty} empty spans (no characters) not kept" in report("gate"))

# spaCy v2 JSON: spaCy's own converter (json_to_docs) builds the Docs; their entities are the
# spans (the text may be rebuilt from the tokens: compared by label and characters).
from spacy.training.converters import json_to_docs

with open(os.path.join(wild, "spacy-v2", "training-data.json"), encoding="utf-8") as f:
    docs = list(json_to_docs(json.load(f)))
want = collections.Counter((e.label_, "".join(e.text.split())) for d in docs for e in d.ents)
got = collections.Counter((label, "".join(text.split())) for (_, label, text), n in imported("spacy-v2").items() for _ in range(n))
check("spacy-v2 every entity spaCy finds", got == want and sum(want.values()) == 11, (got - want, want - got))

# tagtog: every entity of each ann.json (its first offset's text, its class id: no legend) is a
# span of that document.
want = collections.Counter()
for name in ("formatted", "hellotag"):
    with open(os.path.join(wild, "tagtog", f"{name}.ann.json"), encoding="utf-8") as f:
        for e in json.load(f)["entities"]:
            want[(f"{name}.txt", e["classId"], e["offsets"][0]["text"])] += 1
got = imported("tagtog")
check("tagtog every entity", got == want and sum(want.values()) == 3, (got - want, want - got))

# Argilla 2 records: every span response and suggestion is a span of its record's document.
want = collections.Counter()
with open(os.path.join(wild, "argilla", "v2-records.json"), encoding="utf-8") as f:
    for record in json.load(f):
        text = record["fields"]["text"]
        for question, answers in record.get("responses", {}).items():
            for answer in answers:
                if isinstance(answer["value"], list):
                    for v in answer["value"]:
                        want[(record["id"], v["label"], text[v["start"]:v["end"]])] += 1
        for question, suggestion in record.get("suggestions", {}).items():
            if isinstance(suggestion.get("value"), list):
                for v in suggestion["value"]:
                    want[(record["id"], v["label"], text[v["start"]:v["end"]])] += 1
got = imported("argilla")
check("argilla every span answer and suggestion", got == want and sum(want.values()) == 3, (got - want, want - got))
check("argilla the non-span answer is reported", "question sentiment: not read" in report("argilla"))

print(f"field tools: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
