#!/usr/bin/env python3
"""Issue 27's consumer checks on what tests/consumers/field.sh wrote. Usage: field_check.py OUT WILD.

1. dkpro-cassis (the Python UIMA CAS INCEpTION documents) loads every uima-json and xmi file of a
   corpus with links and notes (the fixture corpus plus brat's tutorial) and finds exactly its
   spans (offsets, label, note), links and text.
2. spaCy's CoNLL converter (`conll_ner_to_docs`, what `spacy convert -c ner` runs) reads the
   CoNLL export, both layouts, as one doc per document with exactly the exported spans as
   entities; every line of the 2-column layout has the 2 fields INCEpTION's CoNLL-2002 reader
   wants; seqeval reads the tags as IOB2.
3. Round trips, their file → glosser → their format, read by their reader: INCEpTION's XMI (read
   generically from the XML) and CAS JSON (cassis) back through cassis; a WebAnno TSV's named
   entities through cassis; INCEpTION's CoNLL-2002 file and glosser's CoNLL through spaCy's
   converter and seqeval; Hugging Face rows back as rows; Label Studio JSON-MIN regions through
   label-studio-converter. Every span and link of the original comes back, nothing else.
Prints `field: N passed, M failed`."""
import collections
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

from cassis import load_cas_from_json, load_cas_from_xmi, load_typesystem

out, wild = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return {r["document"]: r for r in map(json.loads, filter(str.strip, f))}


SPAN_LAYER, LINK_LAYER = "webanno.custom.Glosser", "webanno.custom.GlosserLink"


def glosser_truth(record):
    """(text, spans as (start, end, label, note), links as (type, from span, to span))."""
    spans = [(s["start"], s["end"], s["label"], s.get("note")) for s in record["spans"]]
    links = [(l["type"], spans[l["from"]][:3], spans[l["to"]][:3]) for l in record.get("relations", [])]
    return record["text"], sorted(spans), sorted(links)


def cas_found(cas):
    """What cassis finds of glosser's layers, in the shape of glosser_truth."""
    spans = [(a.begin, a.end, a.get("value"), a.get("note")) for a in cas.select(SPAN_LAYER)]
    for a in cas.select(SPAN_LAYER):
        check(f"cassis covered text {a.begin}", a.get_covered_text() == cas.sofa_string[a.begin:a.end])
    links = [(r.get("value"), (r.Governor.begin, r.Governor.end, r.Governor.get("value")),
              (r.Dependent.begin, r.Dependent.end, r.Dependent.get("value"))) for r in cas.select(LINK_LAYER)]
    return cas.sofa_string, sorted(spans), sorted(links)


def exported_cases(directory, extension):
    """(document id, CAS) of every file of a uima-json or xmi export."""
    typesystem = None
    if extension == ".xmi":
        with open(os.path.join(directory, "TypeSystem.xml"), "rb") as f:
            typesystem = load_typesystem(f)
    for path in sorted(glob.glob(os.path.join(directory, "**", "*" + extension), recursive=True)):
        document = os.path.relpath(path, directory)[: -len(extension)]
        with open(path, "rb") as f:
            cas = load_cas_from_xmi(f, typesystem=typesystem) if typesystem else load_cas_from_json(f)
        yield document, cas


# 1. cassis finds every span, note and link of the corpus.
truth = jsonl(os.path.join(out, "links.jsonl"))
for fmt, extension in (("uima-json", ".json"), ("xmi", ".xmi")):
    seen, spans, links, notes = set(), 0, 0, 0
    for document, cas in exported_cases(os.path.join(out, f"links.{fmt}"), extension):
        seen.add(document)
        want = glosser_truth(truth[document])
        got = cas_found(cas)
        check(f"{fmt} {document} text", got[0] == want[0])
        titles = [m.get("documentTitle") for m in cas.select("de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData")]
        check(f"{fmt} {document} documentTitle", titles == [document], titles)
        check(f"{fmt} {document} spans", got[1] == want[1], f"{got[1]} != {want[1]}")
        check(f"{fmt} {document} links", got[2] == want[2], f"{got[2]} != {want[2]}")
        spans, links = spans + len(got[1]), links + len(got[2])
        notes += sum(1 for s in got[1] if s[3])
    check(f"{fmt} every document", seen == set(truth), seen ^ set(truth))
    check(f"{fmt} has links and notes to find", links > 0 and notes > 0, (spans, links, notes))
    check(f"{fmt} every span", spans == sum(len(r["spans"]) for r in truth.values()))

# 2. spaCy's converter and seqeval read the CoNLL export exactly.
from spacy.training.converters import conll_ner_to_docs
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Entities


def squeezed(text):
    return "".join(text.split())


def dropped(err_path):
    """Spans the export reported dropped: (document, start, end, label)."""
    found = set()
    for line in open(err_path, encoding="utf-8"):
        m = re.match(r"glosser: dropped (?:overlapping )?span: (.+) (\d+)\.\.(\d+) (\S+) ", line)
        if m:
            found.add((m[1], int(m[2]), int(m[3]), m[4]))
    return found


def conll_entities(path):
    """Per document (in file order), spaCy's entities as (label, text without spaces)."""
    with open(path, encoding="utf-8") as f:
        docs = list(conll_ner_to_docs(f.read(), n_sents=1, no_print=True))
    # The converter cuts a document into docs of n_sents sentences; -DOCSTART- starts a document.
    return docs


for layout in ("conll", "conll2"):
    path = os.path.join(out, f"links.{layout}")
    lines = open(path, encoding="utf-8").read().split("\n")
    columns = 4 if layout == "conll" else 2
    check(f"{layout} columns", all(len(l.split(" ")) == columns for l in lines if l), columns)
    check(f"{layout} no comments", not any(l.startswith("#") for l in lines))
    check(f"{layout} one -DOCSTART- per document", sum(l.startswith("-DOCSTART-") for l in lines) == len(truth))
    docs = conll_entities(path)
    got = collections.Counter((e.label_, squeezed(e.text)) for d in docs for e in d.ents)
    gone = dropped(path + ".err")
    want = collections.Counter(
        (s["label"], squeezed(s["text"]))
        for r in truth.values() for s in r["spans"]
        if (r["document"], s["start"], s["end"], s["label"]) not in gone)
    check(f"spaCy conll_ner_to_docs {layout} entities", got == want, (got - want, want - got))
    check(f"{layout} drops were reported", sum(want.values()) + len(gone) == sum(len(r["spans"]) for r in truth.values()))
    sentences = [[l.rsplit(" ", 1)[1] for l in block.split("\n") if l]
                 for block in "\n".join(lines).split("\n\n") if block and not block.startswith("-DOCSTART-")]
    Entities(sentences, IOB2)  # raises on tags that are not valid IOB2
    check(f"seqeval {layout} entities", len(get_entities(sentences)) == sum(want.values()))

# 3. Round trips.
# INCEpTION's XMI: the original's custom layer read from the XML (offsets UTF-16, as UIMA counts)
# against cassis reading glosser's xmi export.
SEGMENTATION = {"Sentence", "Token", "TagsetDescription", "DocumentMetaData", "Sofa", "View"}


def utf16_to_codepoints(text):
    index, at = {}, 0
    for i, c in enumerate(text):
        index[at] = i
        at += 2 if ord(c) > 0xFFFF else 1
    index[at] = len(text)
    return index


def xmi_original(path):
    root = ET.parse(path).getroot()
    sofa = next(e for e in root if e.tag.endswith("}Sofa")).get("sofaString")
    at = utf16_to_codepoints(sofa)
    by_id, relations = {}, []
    for e in root:
        kind = e.tag.rsplit("}", 1)[-1]
        if kind in SEGMENTATION or e.get("begin") is None:
            continue
        if e.get("Governor"):
            relations.append((e.get("value"), e.get("Governor"), e.get("Dependent")))
        else:
            by_id[e.get("{http://www.omg.org/XMI}id")] = (at[int(e.get("begin"))], at[int(e.get("end"))], e.get("value"))
    links = sorted((v, by_id[g], by_id[d]) for v, g, d in relations)
    return sofa, sorted(by_id.values()), links


sofa, spans, links = xmi_original(os.path.join(wild, "uima", "relation_test.xmi"))
(_, cas), = exported_cases(os.path.join(out, "xmi.xmi"), ".xmi")
got = cas_found(cas)
check("xmi round trip text", got[0] == sofa)
check("xmi round trip spans", [s[:3] for s in got[1]] == spans, (got[1], spans))
check("xmi round trip links", got[2] == links and len(links) == 1, (got[2], links))

# INCEpTION's CAS JSON: cassis reads the original and glosser's uima-json export.
with open(os.path.join(wild, "uima", "emoji.json"), "rb") as f:
    original = load_cas_from_json(f)
want = sorted((a.begin, a.end, a.get_covered_text()) for a in original.select("uima.tcas.Annotation")
              if a.type.name == "uima.tcas.Annotation")
(_, cas), = exported_cases(os.path.join(out, "cas.uima-json"), ".json")
got = sorted((a.begin, a.end, a.get_covered_text()) for a in cas.select(SPAN_LAYER))
check("uima-json round trip text", cas.sofa_string == original.sofa_string)
check("uima-json round trip spans", got == want and len(want) == 9, (got, want))

# WebAnno TSV: the named entities of INCEpTION's example (as its own documentation lists them)
# come out in the xmi export, read by cassis.
(_, cas), = exported_cases(os.path.join(out, "tsv.xmi"), ".xmi")
got = [(a.get("value"), a.get_covered_text()) for a in cas.select(SPAN_LAYER)]
want = [("PER", "Ms. Haag"), ("OTH", "Elianti"), ("ORG", "Rolls-Royce Motor"), ("LOC", "U.S."), ("LOC", "U.S."),
        ("PER", "BELL"), ("ORG", "BELL INDUSTRIES Inc."), ("ORG", "Bell"), ("LOC", "Los Angeles")]
check("webanno → xmi named entities", sorted(got) == sorted(want), got)

# CoNLL: spaCy's converter and seqeval find the same entities in INCEpTION's CoNLL-2002 file and
# in glosser's 2-column export of it.
def conll_read(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    ents = [(e.label_, e.text) for d in conll_ner_to_docs(text, n_sents=1, no_print=True) for e in d.ents]
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip() and not b.startswith("-DOCSTART-")]
    sentences = [[l.split()[0] for l in b.split("\n") if l.strip()] for b in blocks]
    tags = [[l.split()[-1] for l in b.split("\n") if l.strip()] for b in blocks]
    return ents, sentences, [get_entities(t) for t in tags]


original = conll_read(os.path.join(wild, "conll", "inception-conll2002.txt"))
exported = conll_read(os.path.join(out, "conll.conll"))
check("conll round trip entities (spaCy)", original[0] == exported[0] and len(original[0]) == 4, (original[0], exported[0]))
check("conll round trip tokens", original[1] == exported[1])
check("conll round trip entities (seqeval)", original[2] == exported[2])

# Hugging Face rows: each row comes back as a document whose hf rows hold the same characters and
# entities (glosser may cut a row into sentences: compared per document).
rows = [json.loads(l) for l in open(os.path.join(wild, "hf", "transformers-conll-sample.json"), encoding="utf-8") if l.strip()]
documents = jsonl(os.path.join(out, "hf.jsonl"))
by_text = {r["text"].rstrip("\n"): name for name, r in documents.items()}
hf_rows = collections.defaultdict(list)
for l in open(os.path.join(out, "hf.hf"), encoding="utf-8"):
    if l.strip():
        r = json.loads(l)
        hf_rows[r["document"]].append(r)
check("hf round trip documents", len(documents) == len(rows), (len(documents), len(rows)))
hf_entities = 0
for i, row in enumerate(rows):
    name = by_text.get(" ".join(row["words"]))
    check(f"hf row {i} is a document", name is not None)
    if name is None:
        continue
    back = sorted(hf_rows[name], key=lambda r: r["sentence"])
    tokens = [t for r in back for t in r["tokens"]]
    tags = [t for r in back for t in r["ner_tags"]]
    # glosser's hf export cuts words at UAX #29 boundaries ("U.S." is "U.S" "."): the tokens
    # differ, the characters and the entities over them do not.
    check(f"hf row {i} characters", squeezed("".join(tokens)) == squeezed("".join(row["words"])))

    def entities(words, ner):
        return [(label, "".join(words[a:b + 1])) for label, a, b in get_entities(ner)]

    got, want = entities(tokens, tags), entities(row["words"], row["ner"])
    check(f"hf row {i} entities", got == want, (got, want))
    hf_entities += len(got)
check("hf every entity of the rows", hf_entities == sum(len(get_entities(r["ner"])) for r in rows) == 25, hf_entities)

# Label Studio JSON-MIN: every region (its text and label) of every annotator comes back in the
# label-studio exports, read by label-studio-converter.
min_records = json.load(open(os.path.join(wild, "label-studio", "json_min-ner.json"), encoding="utf-8"))
want = collections.Counter((r["text"].lstrip("\ufeff"), g["text"], label)
                           for r in min_records for g in r["ner"] for label in g["labels"])
got = collections.Counter()
try:
    from label_studio_converter import Converter
except ImportError:
    Converter = None
for annotator in ("ls-7", "maria-k"):
    path = os.path.join(out, f"min.{annotator}.label-studio")
    tasks = json.load(open(path, encoding="utf-8"))
    if Converter is None:
        for t in tasks:
            for a in t["annotations"]:
                for r in a["result"]:
                    got[(t["data"]["text"], r["value"]["text"], r["value"]["labels"][0])] += 1
        continue
    labels = sorted({r["value"]["labels"][0] for t in tasks for a in t["annotations"] for r in a["result"]})
    config = ('<View><Text name="text" value="$text"/><Labels name="label" toName="text">'
              + "".join(f'<Label value="{l}"/>' for l in labels) + "</Labels></View>")
    converter = Converter(config=config, project_dir=None, download_resources=False)
    for item in converter.iter_from_json_file(path):
        text = item["input"]["text"]
        for v in item["output"].get("label", []):
            check(f"label-studio-converter {annotator} slice", text[v["start"]:v["end"]] == v["text"])
            got[(text, v["text"], v["labels"][0])] += 1
check("JSON-MIN round trip regions", got == want, (got - want, want - got))

print(f"field: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
