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


# jsonl: every code-point offset slices to the span's text, and the text is the document's;
# every record has a status and every span a stable id (12 hex digits, unique).
import re
ids = []
for r in records("jsonl"):
    check(f"jsonl text {r['document']}", r["text"] == corpus_text(r["document"]))
    check(f"jsonl status {r['document']}", r.get("status") in ("Todo", "InProgress", "Done"))
    for s in r["spans"]:
        check(f"jsonl id {s.get('id')}", re.fullmatch(r"[0-9a-f]{12}", s.get("id", "")) is not None)
        ids.append(s.get("id"))
        check(f"jsonl {r['document']} {s['start']}..{s['end']}", r["text"][s["start"]:s["end"]] == s["text"],
              repr(r["text"][s["start"]:s["end"]]))
check("jsonl ids unique", len(ids) == len(set(ids)))

# csv: offsets slice the document too.
import csv
with open(os.path.join(export_dir, "export.csv"), encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        text = corpus_text(row["document"])
        if row["start"] == "":
            # A document without spans: one row with its status and nothing else.
            check(f"csv span-less row {row['document']}", row["label"] == row["end"] == row["id"] == "" and row["status"])
            continue
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

# The corpus spans (ann), per document, as (start, end, label) with whitespace at the edges
# trimmed (a token never holds whitespace).
def trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


truth = {}
for r in records("jsonl"):
    truth[r["document"]] = {(*trimmed(r["text"], s["start"], s["end"]), s["label"]) for s in r["spans"]}
texts = {r["document"]: r["text"] for r in records("jsonl")}
total_spans = sum(len(v) for v in truth.values())


def reported(fmt):
    """Spans the export named on stderr as dropped: (document, start, end, label)."""
    out = set()
    for line in open(os.path.join(export_dir, f"stderr.{fmt}"), encoding="utf-8"):
        m = re.match(r"glosser: dropped (?:overlapping )?span: (.+) (\d+)\.\.(\d+) (\S+) ", line)
        if m:
            out.add((m[1], int(m[2]), int(m[3]), m[4]))
    return out


def decode(tags, starts, ends):
    """IOB2 tags of one sentence back to character spans."""
    spans, current = [], None
    for tag, a, b in zip(tags, starts, ends):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
            current = [a, b, tag[2:]]
            spans.append(current)
        elif tag.startswith("I-"):
            current[1] = b
        else:
            current = None
    return {tuple(s) for s in spans}


def accounted(fmt, decoded, layered=False):
    """Every corpus span is decoded exactly or reported dropped; nothing else is decoded."""
    dropped = reported(fmt)
    for document, spans in truth.items():
        got = decoded.get(document, set())
        for start, end, label in spans:
            back = (start, end, label) in got
            named = any(d == document and label == l and trimmed(texts[document], a, b) == (start, end)
                        for d, a, b, l in dropped)
            ok = back if layered else back != named
            check(f"{fmt} span {document} {start}..{end} {label}", ok, f"decoded {back}, reported {named}")
        check(f"{fmt} nothing invented {document}", got <= spans, got - spans)
    check(f"{fmt} drops are counted", layered or f"dropped {len(dropped)} span" in
          open(os.path.join(export_dir, f"stderr.{fmt}"), encoding="utf-8").read() or not dropped)


# hf: every row names its document and sentence, token offsets slice the text; decoded tags give
# back every span or the span was reported; with --overlaps layers every span comes back.
for fmt, layered in (("hf", False), ("hf-layers", True)):
    decoded, sentence_numbers = {}, {}
    for r in records(fmt):
        text = texts[r["document"]]
        check(f"{fmt} sentence index", r["sentence"] == sentence_numbers.get(r["document"], 0))
        sentence_numbers[r["document"]] = r["sentence"] + 1
        check(f"{fmt} lengths", len(r["tokens"]) == len(r["ner_tags"]) == len(r["token_starts"]) == len(r["token_ends"]))
        for t, a, b in zip(r["tokens"], r["token_starts"], r["token_ends"]):
            check(f"{fmt} token {r['document']} {a}", text[a:b] == t)
        for column in [c for c in r if c.startswith("ner_tags")]:
            decoded.setdefault(r["document"], set()).update(decode(r[column], r["token_starts"], r["token_ends"]))
    accounted(fmt, decoded, layered)
check("hf-layers has a second tag column", any("ner_tags_2" in r for r in records("hf-layers")))

# conll: CoNLL-2003 (`TOKEN -X- O TAG`), one -DOCSTART- line per document in the jsonl export's
# order; tokens found in order in the text give the character spans back.
decoded, document, cursor, tags, starts, ends = {}, None, 0, [], [], []
conll_sentences = []
conll_documents = iter(texts)


def flush():
    if tags:
        decoded.setdefault(document, set()).update(decode(tags, starts, ends))
        conll_sentences.append(list(tags))
    tags.clear(), starts.clear(), ends.clear()


for line in open(os.path.join(export_dir, "export.conll"), encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("-DOCSTART-"):
        flush()
        document, cursor = next(conll_documents), 0
    elif not line:
        flush()
    else:
        fields = line.split(" ")
        check("conll 4 columns", len(fields) == 4, line)
        token, tag = fields[0], fields[-1]
        at = texts[document].index(token, cursor)
        cursor = at + len(token)
        tags.append(tag), starts.append(at), ends.append(cursor)
flush()
accounted("conll", decoded)

# seqeval reads the conll and hf tags as IOB2.
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Entities
check("conll has sentences", len(conll_sentences) > 0)
Entities(conll_sentences, IOB2)  # raises on tags that are not valid IOB2
check("seqeval IOB2 entities", len(get_entities(conll_sentences)) > 0)
for r in records("hf"):
    Entities([r["ner_tags"]], IOB2)

# prodigy: the text rebuilt from the tokens is the text (spaCy's ws rule), tokens slice the text,
# token_end is inclusive, and every span keeps its exact offsets (tokens split at span edges).
for r in records("prodigy"):
    rebuilt = "".join(t["text"] + (" " if t["ws"] else "") for t in r["tokens"])
    check(f"prodigy rebuilt text {r['meta']['document']}", rebuilt == r["text"])
    check(f"prodigy status {r['meta']['document']}", "status" in r["meta"])
    for t in r["tokens"]:
        check(f"prodigy token {t['id']}", r["text"][t["start"]:t["end"]] == t["text"])
        check(f"prodigy ws only before one space {t['id']}", not t["ws"] or r["text"][t["end"]] == " ")
    toks = r["tokens"]
    got = sorted((s["start"], s["end"], s["label"]) for s in r["spans"])
    want = sorted((s["start"], s["end"], s["label"]) for s in {x["document"]: x for x in records("jsonl")}[r["meta"]["document"]]["spans"])
    check(f"prodigy exact spans {r['meta']['document']}", got == want, f"{got} != {want}")
    for s in r["spans"]:
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

# spaCy: glosser writes the DocBin itself (no Python, no assets script) on spaCy's own English
# tokens: each Doc's tokens are spacy.blank("en")'s, every span of the jsonl export is in
# doc.spans["sc"] at its characters (or without whitespace at its edges, named on stderr), or
# named on stderr as one spaCy's tokens cannot hold.
import spacy
from spacy.tokens import DocBin
from spacy.training import Example
nlp = spacy.blank("en")


def stderr_of(name):
    with open(os.path.join(export_dir, f"stderr.{name}"), encoding="utf-8") as f:
        return f.read()


def docbin(path):
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


by_document = {r["document"]: r for r in records("jsonl")}
docs = docbin(os.path.join(export_dir, "export.spacy"))
check("DocBin docs", len(docs) == len(by_document), len(docs))
spacy_err = stderr_of("spacy")
left_out = spacy_err.count("span not on spaCy's tokens, left out:")
placed = 0
for doc in docs:
    r = by_document.get(doc.user_data.get("document"))
    check(f"DocBin user_data {doc.user_data}", r is not None and doc.user_data.get("annotator") == "ann")
    if r is None:
        continue
    check(f"DocBin text {r['document']}", doc.text == r["text"])
    theirs = nlp.make_doc(doc.text)
    check(f"DocBin tokens are spaCy's {r['document']}",
          [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in theirs])
    for s in doc.spans["sc"]:
        placed += 1
        exact = any((g["start"], g["end"], g["label"]) == (s.start_char, s.end_char, s.label_) for g in r["spans"])
        trimmed = any(g["label"] == s.label_ and g["start"] <= s.start_char and s.end_char <= g["end"]
                      and r["text"][g["start"]:g["end"]].strip() == s.text
                      and f"trimmed span edge: {r['document']} {g['start']}..{g['end']}" in spacy_err
                      for g in r["spans"])
        check(f"DocBin span {r['document']} {s.start_char}..{s.end_char}", exact or trimmed, s.text)
        check(f"DocBin span aligns {r['document']} {s.start_char}",
              theirs.char_span(s.start_char, s.end_char, alignment_mode="strict") is not None)
check("DocBin spans + named = jsonl spans", placed + left_out == total_spans, (placed, left_out, total_spans))
# Spans inside what spaCy's English tokenizer takes as one token (a Han run up to "Uber’s") are
# not moved: each is named on stderr and left out.
edges_err = stderr_of("edges")
edges_docs = docbin(os.path.join(export_dir, "export.edges"))
for quote in ("北京", "官员", "我们", "Uber"):
    check(f"spaCy edge named: {quote}", f"span not on spaCy's tokens, left out: edges.txt" in edges_err
          and f'"{quote}"' in edges_err, edges_err)
check("spaCy edges: nothing placed off token edges", sum(len(d.spans["sc"]) for d in edges_docs) == 0)
check("spaCy edges: counted", "spacy: 4 spans left out" in edges_err, edges_err)

# spaCy training on a split export with glosser's own config.cfg (spancat and ner, its
# suggester sizes from the data): debug data finds no misaligned tokens, one epoch trains, the
# trained suggester proposes every gold span and every entity aligns: no gold span is ignored.
split_dir = os.path.join(export_dir, "spacy-split")
card = json.load(open(os.path.join(split_dir, "dataset.json"), encoding="utf-8"))
config = os.path.join(split_dir, "config.cfg")
paths = ["--paths.train", os.path.join(split_dir, "train.spacy"), "--paths.dev", os.path.join(split_dir, "dev.spacy")]
for part in ("train", "dev"):
    spans = sum(len(d.spans["sc"]) for d in docbin(os.path.join(split_dir, f"{part}.spacy")))
    check(f"spans survive in {part}", spans == sum(card["parts"][part]["spans"].values()), (spans, card["parts"][part]))
debug = subprocess.run([sys.executable, "-m", "spacy", "debug", "data", config, *paths], capture_output=True, text=True)
check("spacy debug data: no misaligned tokens", "misaligned" not in debug.stdout, debug.stdout)
check("spacy debug data: no whitespace entities",
      "No entities consisting of or starting/ending with whitespace" in debug.stdout, debug.stdout)
trained = subprocess.run([sys.executable, "-m", "spacy", "train", config, "--output", os.path.join(split_dir, "model"),
                          *paths, "--training.max_epochs", "1", "--training.max_steps", "0", "--gpu-id", "-1"],
                         capture_output=True, text=True)
check("spacy train spancat,ner with glosser's config.cfg (1 epoch)", trained.returncode == 0,
      trained.stdout[-2000:] + trained.stderr[-2000:])
if trained.returncode == 0:
    model = spacy.load(os.path.join(split_dir, "model", "model-last"))
    trained_on = {label for label, n in card["parts"]["train"]["spans"].items() if n}
    check("trained spancat labels", trained_on and set(model.get_pipe("spancat").labels) >= trained_on,
          (model.get_pipe("spancat").labels, trained_on))
    suggester = model.get_pipe("spancat").suggester
    gold_spans = 0
    for part in ("train", "dev"):
        for number, doc in enumerate(DocBin().from_disk(os.path.join(split_dir, f"{part}.spacy")).get_docs(model.vocab)):
            proposed = {tuple(map(int, pair)) for pair in suggester([doc]).dataXd}
            missing = [(s.start, s.end, s.text) for s in doc.spans["sc"] if (s.start, s.end) not in proposed]
            gold_spans += len(doc.spans["sc"])
            check(f"{part} doc {number}: the suggester proposes every gold span", not missing, missing)
            aligned = Example(model.make_doc(doc.text), doc).get_aligned_ner()
            check(f"{part} doc {number}: every entity aligns", None not in aligned and "-" not in aligned, aligned)
    check("gold spans checked against the suggester", gold_spans > 0)

# Hugging Face: the split hf export's README.md card types ner_tags as a ClassLabel with no cast
# (JSON lines and Parquet alike); pyarrow and DuckDB read the Parquet rows; huggingface_hub parses
# the card's metadata.
try:
    import datasets
except ImportError:
    print("skipped: Hugging Face datasets is not installed (GLOSSER_CONSUMERS_DATASETS=0)")
else:
    datasets.disable_progress_bars()
    hf_dir = os.path.join(export_dir, "hf-split")
    card = json.load(open(os.path.join(hf_dir, "dataset.json"), encoding="utf-8"))
    files = {p: os.path.join(hf_dir, v["file"]) for p, v in card["parts"].items() if v["documents"]}
    rows = {p: [json.loads(line) for line in open(f, encoding="utf-8") if line.strip()] for p, f in files.items()}
    for name, folder in (("jsonl", hf_dir), ("parquet", os.path.join(export_dir, "hf-parquet"))):
        data = datasets.load_dataset(folder)
        check(f"datasets {name}: the card's splits", set(data) == set(files), (set(data), set(files)))
        feature = data["train"].features["ner_tags"].feature
        check(f"datasets {name}: ner_tags is a ClassLabel with no cast",
              isinstance(feature, datasets.ClassLabel) and feature.names == card["tags"], feature)
        for part, want in rows.items():
            if part not in data:
                continue
            got = [[feature.names[i] for i in r["ner_tags"]] for r in data[part]]
            check(f"datasets {name} {part}: the tags", got == [r["ner_tags"] for r in want])
            check(f"datasets {name} {part}: the tokens", list(data[part]["tokens"]) == [r["tokens"] for r in want])
    import duckdb
    import pyarrow.parquet as pq
    parquet_dir = os.path.join(export_dir, "hf-parquet")
    total_rows = sum(len(v) for v in rows.values())
    table = pq.read_table(os.path.join(parquet_dir, "train.parquet"))
    check("pyarrow reads the Parquet rows", table.num_rows == len(rows["train"]) and
          table.column("tokens").to_pylist() == [r["tokens"] for r in rows["train"]])
    counted = duckdb.sql(f"select count(*) from read_parquet('{parquet_dir}/*.parquet')").fetchall()[0][0]
    check("DuckDB reads every Parquet row", counted == total_rows, (counted, total_rows))
    from huggingface_hub import DatasetCard
    hub = DatasetCard.load(os.path.join(hf_dir, "README.md"))
    check("huggingface_hub: licence and language", hub.data.license == "cc-by-4.0" and hub.data.language == ["en"],
          hub.data)
    check("huggingface_hub: token classification", hub.data.task_categories == ["token-classification"])
    info = hub.data.to_dict()["dataset_info"]
    examples = {s["name"]: s["num_examples"] for s in info["splits"]}
    check("huggingface_hub: num_examples", all(examples.get(p) == len(v) for p, v in rows.items()), info["splits"])
    check("the card reports agreement", "## Annotators and agreement" in hub.text)
    if os.environ.get("GLOSSER_HUB_VALIDATE") == "1":
        # The Hub's own validation is a request to huggingface.co (not made offline, as in CI).
        hub.validate(repo_type="dataset")
        check("huggingface_hub: the Hub validates the card", True)

print(f"consumers: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
