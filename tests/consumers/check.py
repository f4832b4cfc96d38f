#!/usr/bin/env python3
"""Loads glosser's exports of the fixture corpus in the tools that consume them, and checks every
offset. Usage: check.py EXPORT_DIR CORPUS_DIR. Prints `consumers: N passed, M failed`."""
import glob
import json
import os
import subprocess
import sys

export_dir, corpus_dir = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def records(fmt):
    with open(os.path.join(export_dir, f"export.{fmt}"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_text(document):
    with open(os.path.join(corpus_dir, document), encoding="utf-8-sig", newline="") as f:
        return f.read()


# jsonl: every code-point offset slices to the span's text, and the text is the document's.
for r in records("jsonl"):
    check(f"jsonl text {r['document']}", r["text"] == corpus_text(r["document"]))
    for s in r["spans"]:
        check(f"jsonl {r['document']} {s['start']}..{s['end']}", r["text"][s["start"]:s["end"]] == s["text"],
              repr(r["text"][s["start"]:s["end"]]))

# csv: offsets slice the document too.
import csv
with open(os.path.join(export_dir, "export.csv"), encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        text = corpus_text(row["document"])
        check(f"csv {row['document']} {row['start']}", text[int(row["start"]):int(row["end"])] == row["text"])

# w3c: position selectors slice to the exact quote; prefix/suffix surround it.
for r in records("w3c"):
    text = corpus_text(r["label"])
    for item in r["first"]["items"]:
        quote, position = item["target"]["selector"]
        exact = text[position["start"]:position["end"]]
        check(f"w3c {r['label']} {position['start']}", exact == quote["exact"])
        check(f"w3c context {r['label']} {position['start']}",
              text[:position["start"]].endswith(quote["prefix"]) and text[position["end"]:].startswith(quote["suffix"]))

# doccano: offsets are UTF-16 code units (JavaScript string indices).
for r in records("doccano"):
    units = r["text"].encode("utf-16-le")
    jsonl = {x["document"]: x for x in records("jsonl")}[r["id"]]
    expected = sorted((s["text"], s["label"]) for s in jsonl["spans"])
    got = sorted((units[2 * a:2 * b].decode("utf-16-le"), label) for a, b, label in r["label"])
    check(f"doccano utf16 {r['id']}", got == expected, f"{got} != {expected}")

# label studio: what Label Studio's importer accepts for pre-annotated tasks (its documented rules:
# `data` an object, `annotations` a list of objects with a `result` list, `completed_by` absent or a
# user id, every region with id/from_name/to_name/type/value, relations between existing regions),
# then label-studio-converter's own reader (when it installed) finds every region.
with open(os.path.join(export_dir, "export.label-studio"), encoding="utf-8") as f:
    ls_tasks = json.load(f)
check("label-studio is a list of tasks", isinstance(ls_tasks, list))
ls_regions = 0
for task in ls_tasks:
    name = f"label-studio task {task.get('id')}"
    check(f"{name} data", isinstance(task.get("data"), dict) and isinstance(task["data"].get("text"), str))
    for annotation in task.get("annotations", []):
        completed_by = annotation.get("completed_by")
        check(f"{name} completed_by", completed_by is None or isinstance(completed_by, int) and not isinstance(completed_by, bool),
              f"Label Studio refuses completed_by={completed_by!r}")
        check(f"{name} result", isinstance(annotation.get("result"), list))
        ids = {r.get("id") for r in annotation["result"] if r.get("type") == "labels"}
        for r in annotation["result"]:
            if r.get("type") == "relation":
                check(f"{name} relation ends", r.get("from_id") in ids and r.get("to_id") in ids)
                check(f"{name} relation direction", r.get("direction") in ("right", "left", "bi"))
            else:
                ls_regions += 1
                check(f"{name} region fields", all(k in r for k in ("id", "from_name", "to_name", "type", "value")))
                check(f"{name} region labels", isinstance(r["value"].get("labels"), list) and len(r["value"]["labels"]) == 1)
try:
    from label_studio_converter import Converter
except ImportError:
    Converter = None
    print("label-studio-converter not installed: only Label Studio's documented rules were checked")
if Converter is not None:
    labels = sorted({r["value"]["labels"][0] for t in ls_tasks for a in t["annotations"] for r in a["result"] if r.get("type") == "labels"})
    config = ('<View><Text name="text" value="$text"/><Labels name="label" toName="text">'
              + "".join(f'<Label value="{l}"/>' for l in labels) + "</Labels></View>")
    converter = Converter(config=config, project_dir=None, download_resources=False)
    items = list(converter.iter_from_json_file(os.path.join(export_dir, "export.label-studio")))
    check("label-studio-converter reads every task", len(items) == len(ls_tasks), f"{len(items)} != {len(ls_tasks)}")
    found = 0
    for item in items:
        for v in item["output"].get("label", []):
            found += 1
            check(f"label-studio-converter {item['input']['document']} {v['start']}", item["input"]["text"][v["start"]:v["end"]] == v["text"])
    check("label-studio-converter finds every region", found == ls_regions, f"{found} != {ls_regions}")

# label studio: value.text equals the slice.
with open(os.path.join(export_dir, "export.label-studio"), encoding="utf-8") as f:
    for task in json.load(f):
        for result in task["annotations"][0]["result"]:
            v = result["value"]
            check(f"label-studio {task['data']['document']} {v['start']}", task["data"]["text"][v["start"]:v["end"]] == v["text"])

# prodigy: tokens slice the text, token_end is inclusive, spans sit on token edges.
for r in records("prodigy"):
    for t in r["tokens"]:
        check(f"prodigy token {t['id']}", r["text"][t["start"]:t["end"]] == t["text"])
    for s in r["spans"]:
        toks = r["tokens"]
        check(f"prodigy span {s['start']}", toks[s["token_start"]]["start"] == s["start"] and toks[s["token_end"]]["end"] == s["end"])

# brat: .txt has no BOM and the .ann offsets slice it as brat reads it: Python's universal newlines
# (a CRLF is one character, nlplab/brat#853) and a plain UTF-8 codec (a BOM would count).
for ann in glob.glob(os.path.join(export_dir, "brat", "**", "*.ann"), recursive=True):
    with open(ann[:-4] + ".txt", encoding="utf-8") as f:
        text = f.read()
    check(f"brat no BOM {ann}", not text.startswith("\ufeff"))
    for line in open(ann, encoding="utf-8"):
        if line.startswith("T"):
            _, head, shown = line.rstrip("\n").split("\t")
            frags = [tuple(map(int, p.split())) for p in head.split(" ", 1)[1].split(";")]
            check(f"brat {ann} {head}", " ".join(text[a:b] for a, b in frags) == shown)

# spaCy: char_span(expand) finds every span, and the DocBin script runs and loads back.
import spacy
from spacy.tokens import DocBin
nlp = spacy.blank("xx")
spacy_records = records("spacy")
for r in spacy_records:
    doc = nlp.make_doc(r["text"])
    for start, end, label in r["spans"]["sc"]:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        check(f"spacy char_span {r['meta']['document']} {start}..{end}", span is not None and span.start_char <= start and span.end_char >= end)
out = os.path.join(export_dir, "train.spacy")
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "spacy_docbin.py")
run = subprocess.run([sys.executable, script, os.path.join(export_dir, "export.spacy"), out], capture_output=True, text=True)
check("spacy_docbin.py runs", run.returncode == 0, run.stderr)
if run.returncode == 0:
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    check("DocBin docs", len(docs) == len(spacy_records))
    check("DocBin spans", sum(len(d.spans["sc"]) for d in docs) == sum(len(r["spans"]["sc"]) for r in spacy_records))

# seqeval reads the conll tags (IOB2) and finds one entity per kept span.
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Entities
sentences, current = [], []
for line in open(os.path.join(export_dir, "export.conll"), encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        if current:
            sentences.append(current)
        current = []
    elif not line.startswith("-DOCSTART-"):
        token, tag = line.rsplit(" ", 1)
        current.append(tag)
if current:
    sentences.append(current)
check("conll has sentences", len(sentences) > 0)
Entities(sentences, IOB2)  # raises on tags that are not valid IOB2
check("seqeval IOB2 entities", len(get_entities(sentences)) > 0)
for r in records("hf"):
    check("hf lengths", len(r["tokens"]) == len(r["ner_tags"]))
    Entities([r["ner_tags"]], IOB2)

print(f"consumers: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
